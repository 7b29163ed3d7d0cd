import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../audit/audit.ts';
import type { CurrentUser } from '../auth/current-user.ts';
import { HttpError, notFound } from './errors.ts';

/**
 * Whose partnership a request works in, who to name in the audit log, and the version of the
 * partnership's short lists as the request began (see platform/cache/list-cache.ts).
 */
export type RequestContext = { partnershipId: string; listsVersion: number; user: CurrentUser; actor: Actor };

export function contextOf(request: FastifyRequest): RequestContext {
  const user = request.user;
  if (!user) throw new HttpError(401, 'Sign in to continue');
  return {
    partnershipId: user.partnershipId,
    listsVersion: user.listsVersion,
    user,
    actor: { userId: user.id, label: user.email, requestId: request.id },
  };
}

/** A record id from the path; anything that is not an id cannot name a record, so it is a 404. */
export function idParam(request: FastifyRequest, name = 'id', what = 'Record'): string {
  const value = (request.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || !z.uuid().safeParse(value).success) throw notFound(what);
  return value;
}
