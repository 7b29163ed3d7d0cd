import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { contextOf } from '../http/context.ts';
import { filterQueryOf, MAX_PAGE_SIZE } from '../http/pagination.ts';
import { isoDate, parseOrThrow } from '../http/validation.ts';
import type { PageRenderer } from '../views/page.ts';
import { listAuditEntries } from './audit-repo.ts';

const blank = z.literal('').transform(() => undefined);
const text = (max: number) => z.union([blank, z.string().trim().max(max)]).optional();
const auditQuery = z.object({
  entityType: text(100),
  entityId: text(100),
  action: text(100),
  actor: text(320),
  from: z.union([blank, isoDate('from must be a date like 2024-04-01')]).optional(),
  to: z.union([blank, isoDate('to must be a date like 2025-03-31')]).optional(),
  before: z.union([blank, z.coerce.number().int().positive()]).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
const entryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export function registerAuditRoutes(
  app: FastifyInstance,
  { db, page }: { db: Database; page: PageRenderer },
) {
  async function entries(request: Parameters<typeof contextOf>[0]) {
    const query = parseOrThrow(auditQuery, request.query);
    const rows = await listAuditEntries(db, contextOf(request).partnershipId, query);
    const items = rows.slice(0, query.limit);
    const next = rows.length > query.limit ? String(items[items.length - 1]?.id) : null;
    return { query, items, next };
  }

  app.get('/audit', { config: { access: 'audit:read' } }, async (request, reply) => {
    const { query, items, next } = await entries(request);
    const { before: _b, limit: _l, ...filters } = query;
    const filterQuery = filterQueryOf(filters);
    return page(request, reply, 'audit/views/audit.njk', {
      title: 'Audit log',
      query,
      items,
      next,
      filterQuery,
    });
  });

  app.get(
    '/api/v1/audit',
    {
      config: {
        access: 'audit:read',
        api: {
          summary:
            'The partnership’s audit log, newest first; pass the last id as `before` for the next page',
          tag: 'Audit',
          query: auditQuery,
          response: z.object({ items: z.array(entryOut), next: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const { items, next } = await entries(request);
      return { items, next };
    },
  );
}
