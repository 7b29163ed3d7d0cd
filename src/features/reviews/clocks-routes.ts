import type { FastifyInstance } from 'fastify';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { contextOf } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { ReviewDeps } from './cases-routes.ts';
import { CLOCK_NAMES, CLOCK_STATUS_LABELS } from './clocks.ts';
import { labels } from './labels.ts';
import { clocksQuery } from './queries.ts';

/** Every open clock across the partnership (or the user's cases), soonest first. */
export function registerClockPages(app: FastifyInstance, { page, reviews }: ReviewDeps) {
  app.get('/clocks.csv', { config: { access: 'cases:read' } }, async (request, reply) => {
    const { reference, clock, status } = parseOrThrow(clocksQuery, request.query);
    const rows = await reviews.clocks.exportClocks(contextOf(request), { reference, clock, status });
    const lines = (async function* () {
      for await (const c of rows)
        yield [c.dueOn, CLOCK_STATUS_LABELS[c.status], CLOCK_NAMES[c.clock], c.reference, c.pseudonym];
    })();
    return sendCsv(
      reply,
      `open-clocks-${todayInLondon()}.csv`,
      ['Due', 'State', 'Clock', 'Case', 'Pseudonym'],
      lines,
    );
  });

  app.get('/clocks', { config: { access: 'cases:read' } }, async (request, reply) => {
    const query = parseOrThrow(clocksQuery, request.query);
    const result = await reviews.clocks.openClocks(contextOf(request), query);
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
