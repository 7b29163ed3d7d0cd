import type { z } from 'zod';
import type { Permission } from '../access/roles.ts';

/**
 * Every route says who may call it. `public`: anyone; `signed-in`: any account; otherwise a permission
 * from the role table. A route without one is refused at start-up.
 */
export type Access = 'public' | 'signed-in' | Permission;

/** What the OpenAPI document says of an /api/v1 endpoint; the Zod schemas are the ones the handler parses. */
export type ApiDoc = {
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  successStatus?: number;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    api?: ApiDoc;
  }
}

export type RegisteredRoute = { method: string; url: string; access: Access; api?: ApiDoc };
