import type { FastifyInstance } from 'fastify';
import { quarterFileLabel, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { contextOf, idParam } from '../../platform/http/context.ts';
import type { Cell } from '../../platform/http/csv.ts';
import { rowsOf, sendTable } from '../../platform/http/table-download.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DataDeps } from './deps.ts';
import { changeText } from './presentation.ts';
import { dashboardQuery } from './schemas.ts';

const quarterOnly = dashboardQuery.pick({ quarter: true });

const INDICATOR_COLUMNS = [
  { header: 'Table', width: 22 },
  { header: 'Area or agency', width: 40 },
  { header: 'Quarter or period', width: 16 },
  { header: 'Figure', width: 12 },
  { header: 'Rate per 10,000', width: 14 },
];

const EXCEPTION_COLUMNS = [
  { header: 'Code', width: 14 },
  { header: 'Indicator', width: 44 },
  { header: 'Owner', width: 28 },
  { header: 'Figure', width: 12 },
  { header: 'Rate per 10,000', width: 12 },
  { header: 'Change since previous quarter', width: 24 },
  { header: 'Why it is an exception', width: 50 },
  { header: 'Escalated as', width: 12 },
];

const RETURN_COLUMNS = [
  { header: 'Code', width: 14 },
  { header: 'Indicator', width: 44 },
  { header: 'Agencies asked', width: 12 },
  { header: 'For the quarter', width: 12 },
  { header: 'Older quarter only', width: 12 },
  { header: 'None yet', width: 12 },
];

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
        const area = ctx.user.partnershipName;
        const rows: Cell[][] = [
          ...found.series.map((p) => ['By quarter', area, p.label, p.value, p.rate]),
          ...found.agencies.map((a) => [
            'Each agency',
            a.agencyName,
            found.latest ? shortQuarterLabel(found.latest.period) : null,
            a.value,
            null,
          ]),
          ...found.benchmarks.map((b) => [
            'Benchmark',
            b.areaName,
            b.period,
            found.indicator.per10k ? null : b.value,
            found.indicator.per10k ? b.value : null,
          ]),
        ];
        const file = `${found.indicator.code.toLowerCase()}-to-${quarterFileLabel(found.quarter)}`;
        return sendTable(
          reply,
          kind,
          file,
          { name: found.indicator.code, columns: INDICATOR_COLUMNS },
          rowsOf(rows),
        );
      },
    );

    app.get(`/data/exceptions.${kind}`, { config: { access: 'data:read' } }, async (request, reply) => {
      const ctx = contextOf(request);
      const asked = parseOrThrow(quarterOnly, request.query).quarter;
      const found = await data.dashboard.exceptions(ctx, asked);
      const rows: Cell[][] = found.items.map((r) => [
        r.code,
        r.name,
        r.agencyName,
        r.value,
        r.rate,
        changeText(r.sinceQuarter, r.unit),
        r.exception.join('. '),
        r.escalation ? `ESC-${r.escalation.number}` : null,
      ]);
      const file = `exceptions-${quarterFileLabel(found.quarter)}`;
      return sendTable(reply, kind, file, { name: 'Exceptions', columns: EXCEPTION_COLUMNS }, rowsOf(rows));
    });

    app.get(
      `/data/calls/:id/indicators.${kind}`,
      { config: { access: 'data:read' } },
      async (request, reply) => {
        const found = await data.calls.byIndicator(contextOf(request), idParam(request, 'id', 'Data call'));
        const rows: Cell[][] = found.indicators.map((i) => [
          i.code,
          i.name,
          i.asked,
          i.forQuarter,
          i.olderOnly,
          i.missing,
        ]);
        const file = `return-by-indicator-${quarterFileLabel(found.call.quarterStartsOn)}`;
        return sendTable(
          reply,
          kind,
          file,
          { name: 'Return by indicator', columns: RETURN_COLUMNS },
          rowsOf(rows),
        );
      },
    );
  }
}
