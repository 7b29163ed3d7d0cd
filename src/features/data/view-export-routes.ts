import type { FastifyInstance } from 'fastify';
import { quarterFileLabel } from '../../platform/calendar/quarters.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import { rowsOf, sendTable } from '../../platform/http/table-download.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DataDeps } from './deps.ts';
import { exceptionsTable, INDICATOR_COLUMNS, indicatorRows, returnByIndicatorTable } from './downloads.ts';
import { dashboardQuery } from './schemas.ts';

const quarterOnly = dashboardQuery.pick({ quarter: true });

/**
 * The indicator page, the exceptions list and a call's return by indicator as CSV and XLSX, as the
 * dashboard itself already is: each download holds what its page shows. Each is a few hundred rows
 * at most.
 */
export function registerViewExports(app: FastifyInstance, { data }: DataDeps) {
  for (const kind of ['csv', 'xlsx'] as const) {
    app.get(
      `/data/indicators/:id/figures.${kind}`,
      { config: { access: 'data:read' } },
      async (request, reply) => {
        const ctx = contextOf(request);
        const asked = parseOrThrow(quarterOnly, request.query).quarter;
        const found = await data.dashboard.indicator(ctx, idParam(request, 'id', 'Indicator'), asked);
        const file = `${found.indicator.code.toLowerCase()}-to-${quarterFileLabel(found.quarter)}`;
        return sendTable(
          reply,
          kind,
          file,
          { name: found.indicator.code, columns: INDICATOR_COLUMNS },
          rowsOf(indicatorRows(ctx.user.partnershipName, found)),
        );
      },
    );

    app.get(`/data/exceptions.${kind}`, { config: { access: 'data:read' } }, async (request, reply) => {
      const ctx = contextOf(request);
      const asked = parseOrThrow(quarterOnly, request.query).quarter;
      const found = await data.dashboard.exceptions(ctx, asked);
      const file = `exceptions-${quarterFileLabel(found.quarter)}`;
      const sheet = { name: 'Exceptions', columns: exceptionsTable.columns };
      return sendTable(reply, kind, file, sheet, rowsOf(found.items.map(exceptionsTable.cells)));
    });

    app.get(
      `/data/calls/:id/indicators.${kind}`,
      { config: { access: 'data:read' } },
      async (request, reply) => {
        const found = await data.calls.byIndicator(contextOf(request), idParam(request, 'id', 'Data call'));
        const file = `return-by-indicator-${quarterFileLabel(found.call.quarterStartsOn)}`;
        return sendTable(
          reply,
          kind,
          file,
          { name: 'Return by indicator', columns: returnByIndicatorTable.columns },
          rowsOf(found.indicators.map(returnByIndicatorTable.cells)),
        );
      },
    );
  }
}
