import type { Role } from '../access/roles.ts';

/** Who is making the request, loaded once per request from a session cookie or a bearer token. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnershipId: string;
  partnershipName: string;
  agencyId: string;
  agencyName: string;
  /** The version of the partnership's short lists (agencies, themes, priorities): see list-cache.ts. */
  listsVersion: number;
  via: 'session' | 'token';
  /** The session's CSRF token; null for bearer-token requests, which carry no cookies. */
  csrfToken: string | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}
