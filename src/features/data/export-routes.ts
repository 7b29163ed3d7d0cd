import type { FastifyInstance } from 'fastify';
import { quarterFileLabel, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { toDocx } from '../../platform/documents/docx.ts';
import { type Block, type DocModel, heading, paragraph, table } from '../../platform/documents/model.ts';
import { toPdf } from '../../platform/documents/pdf.ts';
import { sendFile } from '../../platform/files/send.ts';
import { contextOf, idParam, type RequestContext } from '../../platform/http/context.ts';
import type { Cell } from '../../platform/http/csv.ts';
import { sendTable } from '../../platform/http/table-download.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { COMPLIANCE_LABELS } from './compliance.ts';
import type { DashboardFilter } from './dashboard-service.ts';
import type { DataDeps } from './deps.ts';
import { changeText, type ShownRow } from './presentation.ts';
import { dashboardQuery } from './schemas.ts';
import type { DataService } from './service.ts';

const COLUMNS: { header: string; width: number; cell: (r: ShownRow) => Cell }[] = [
  { header: 'Code', width: 14, cell: (r) => r.code },
  { header: 'Indicator', width: 44, cell: (r) => r.name },
  { header: 'Owner', width: 28, cell: (r) => r.agencyName },
  { header: 'Unit', width: 12, cell: (r) => r.unit },
  { header: 'Quarter of the figure', width: 14, cell: (r) => r.periodLabel },
  { header: 'Not for the quarter asked', width: 12, cell: (r) => (r.stale ? 'yes' : 'no') },
  { header: 'Figure', width: 12, cell: (r) => r.value },
  { header: 'Rate per 10,000', width: 12, cell: (r) => r.rate },
  { header: 'Previous quarter', width: 12, cell: (r) => r.previous },
  { header: 'Change since previous quarter', width: 24, cell: (r) => changeText(r.sinceQuarter, r.unit) },
  { header: 'Same quarter last year', width: 12, cell: (r) => r.lastYear },
  { header: 'Change since last year', width: 24, cell: (r) => changeText(r.sinceYear, r.unit) },
  { header: 'England', width: 10, cell: (r) => r.england?.value ?? null },
  { header: 'Region', width: 10, cell: (r) => r.region?.value ?? null },
  { header: 'Statistical neighbours (average)', width: 14, cell: (r) => r.neighbours?.value ?? null },
];

async function* dashboardCells(
  data: DataService,
  ctx: RequestContext,
  filter: DashboardFilter,
): AsyncIterable<Cell[]> {
  for await (const row of data.dashboard.allRows(ctx, filter)) yield COLUMNS.map((c) => c.cell(row));
}

/** The quarter's pack for the QA and Performance group: compliance, figures, exceptions, narratives. */
async function packOf(data: DataService, ctx: RequestContext, callId: string): Promise<DocModel> {
  const compliance = await data.calls.compliance(ctx, callId);
  const quarter = compliance.call.quarterStartsOn;
  const label = shortQuarterLabel(quarter);
  const [exceptions, narratives] = await Promise.all([
    data.dashboard.exceptions(ctx, quarter),
    data.calls.narratives(ctx, callId),
  ]);
  const figures: string[][] = [];
  for await (const r of data.dashboard.allRows(ctx, { quarter }))
    figures.push([
      r.name,
      `${r.valueText}${r.rateText ? ` (${r.rateText} per 10,000)` : ''}${r.stale ? ` for ${r.periodLabel}` : ''}`,
      changeText(r.sinceQuarter, r.unit),
      changeText(r.sinceYear, r.unit),
      r.england ? `${r.england.value} (${r.england.period})` : ':',
    ]);
  const blocks: Block[] = [
    heading('Compliance return'),
    table(
      ['Agency', 'Status', 'Asked', 'For the quarter', 'Older only', 'Missing'],
      compliance.agencies.map((a) => [
        a.agencyName,
        COMPLIANCE_LABELS[a.compliance],
        String(a.asked),
        String(a.forQuarter),
        String(a.olderOnly),
        String(a.missing),
      ]),
      [30, 22, 12, 12, 12, 12],
    ),
    heading('Figures not for the quarter'),
    compliance.outOfPeriod.length
      ? table(
          ['Agency', 'Indicator', 'Quarter of the figure'],
          compliance.outOfPeriod.map((f) => [
            f.agencyName,
            f.indicatorName,
            shortQuarterLabel(f.periodStartsOn),
          ]),
        )
      : paragraph(`None: every figure sent is for ${label}.`),
    heading('Exceptions'),
    exceptions.items.length
      ? table(
          ['Indicator', 'Figure', 'Why'],
          exceptions.items.map((e) => [e.name, e.valueText, e.exception.join('. ')]),
          [35, 15, 50],
        )
      : paragraph('No exceptions this quarter.'),
    heading('Figures'),
    table(
      ['Indicator', 'Latest', 'Since the quarter before', 'Since a year before', 'England'],
      figures,
      [30, 20, 18, 18, 14],
    ),
    heading('What the partners say'),
    ...(narratives.length
      ? narratives.flatMap((n) => [heading(n.agencyName, 3), paragraph(n.narrative)])
      : [paragraph('No narratives were submitted.')]),
  ];
  return {
    title: `Data pack for ${label}`,
    subtitle: `${ctx.user.partnershipName}: for the QA and Performance group`,
    footer: `Data pack ${label}, ${ctx.user.partnershipName}`,
    blocks,
  };
}

/** Any dashboard view as CSV or XLSX, and each call's pack as DOCX or PDF. */
export function registerDataExports(app: FastifyInstance, { data }: DataDeps) {
  const filterOf = (query: unknown) => {
    const { after: _a, limit: _l, ...filter } = parseOrThrow(dashboardQuery, query);
    return filter;
  };

  for (const kind of ['csv', 'xlsx'] as const)
    app.get(`/data/dashboard.${kind}`, { config: { access: 'data:read' } }, async (request, reply) => {
      const ctx = contextOf(request);
      const filter = filterOf(request.query);
      const quarter = await data.dashboard.quarterOf(ctx, filter.quarter);
      return sendTable(
        reply,
        kind,
        `data-dashboard-${quarterFileLabel(quarter)}`,
        {
          name: `Dashboard ${shortQuarterLabel(quarter)}`,
          columns: COLUMNS.map(({ header, width }) => ({ header, width })),
        },
        dashboardCells(data, ctx, { ...filter, quarter }),
      );
    });

  // The compliance return as a spreadsheet: one row an agency, with how many of its figures are only
  // for an older quarter (the figures themselves are in the call's pack and on its page).
  const COMPLIANCE_COLUMNS = [
    'Agency',
    'Status',
    'Submitted on',
    'Asked',
    'For the quarter',
    'Older quarter only',
    'Missing',
  ];
  async function* complianceRows(ctx: RequestContext, callId: string): AsyncIterable<Cell[]> {
    const found = await data.calls.compliance(ctx, callId);
    for (const a of found.agencies)
      yield [
        a.agencyName,
        COMPLIANCE_LABELS[a.compliance],
        a.submittedOn,
        a.asked,
        a.forQuarter,
        a.olderOnly,
        a.missing,
      ];
  }
  // The published view as a spreadsheet: what the public page shows, suppressed.
  const PUBLISHED_COLUMNS = ['Indicator', 'Figure', 'Rate per 10,000 children', 'Quarter'];
  async function* publishedRows(partnershipId: string): AsyncIterable<Cell[]> {
    const view = await data.dashboard.published(partnershipId);
    for (const r of view.rows) yield [r.name, r.value, r.rate, r.periodLabel ?? ':'];
  }
  for (const kind of ['csv', 'xlsx'] as const) {
    app.get(
      `/data/calls/:id/compliance.${kind}`,
      { config: { access: 'data:read' } },
      async (request, reply) => {
        const ctx = contextOf(request);
        const call = await data.calls.get(ctx, idParam(request, 'id', 'Data call'));
        const name = `compliance-${quarterFileLabel(call.quarterStartsOn)}`;
        const rows = complianceRows(ctx, call.id);
        return sendTable(
          reply,
          kind,
          name,
          {
            name: 'Compliance return',
            columns: COMPLIANCE_COLUMNS.map((header) => ({ header, width: header === 'Agency' ? 40 : 16 })),
          },
          rows,
        );
      },
    );
    app.get(`/data/published.${kind}`, { config: { access: 'data:read' } }, (request, reply) => {
      const ctx = contextOf(request);
      const name = 'published-figures';
      const rows = publishedRows(ctx.partnershipId);
      return sendTable(
        reply,
        kind,
        name,
        {
          name: 'Published figures',
          columns: PUBLISHED_COLUMNS.map((header) => ({ header, width: header === 'Indicator' ? 50 : 16 })),
        },
        rows,
      );
    });
  }

  for (const kind of ['docx', 'pdf'] as const) {
    app.get(`/data/calls/:id/pack.${kind}`, { config: { access: 'data:read' } }, async (request, reply) => {
      const ctx = contextOf(request);
      const doc = await packOf(data, ctx, idParam(request, 'id', 'Data call'));
      const content = kind === 'docx' ? await toDocx(doc) : await toPdf(doc);
      return sendFile(reply, {
        filename: `${doc.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${kind}`,
        mediaType:
          kind === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        content,
      });
    });
  }
}
