import type { FastifyInstance } from 'fastify';
import { contextOf } from '../../platform/http/context.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { ReviewDeps } from './cases-routes.ts';
import { labels } from './labels.ts';
import { clocksQuery } from './queries.ts';

/** Every open clock across the partnership (or the user's cases), soonest first. */
export function registerClockPages(app: FastifyInstance, { page, reviews }: ReviewDeps) {
  app.get('/clocks', { config: { access: 'cases:read' } }, async (request, reply) => {
    const query = parseOrThrow(clocksQuery, request.query);
    const result = await reviews.incidents.openClocks(contextOf(request), query);
    const filterQuery = new URLSearchParams({
      ...(query.reference ? { reference: `SI-${query.reference}` } : {}),
      ...(query.clock ? { clock: query.clock } : {}),
      ...(query.status ? { status: query.status } : {}),
    }).toString();
    return page(request, reply, 'reviews/views/clocks.njk', {
      title: 'Statutory clocks',
      result,
      query,
      filterQuery,
      statusFilter: [
        { value: 'overdue', text: 'Overdue' },
        { value: 'due-soon', text: 'Due soon (within 5 working days)' },
        { value: 'due', text: 'Due later' },
      ],
      ...labels,
    });
  });
}
