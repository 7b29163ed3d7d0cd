import type { FastifyInstance } from 'fastify';
import { quarterFileLabel, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { toDocx } from '../../platform/documents/docx.ts';
import type { DocModel } from '../../platform/documents/model.ts';
import { toPdf } from '../../platform/documents/pdf.ts';
import { sendFile } from '../../platform/files/send.ts';
import { contextOf, idParam, type RequestContext } from '../../platform/http/context.ts';
import type { Cell } from '../../platform/http/csv.ts';
import { sendTable } from '../../platform/http/table-download.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DashboardFilter } from './dashboard-service.ts';
import { dataPack } from './data-pack.ts';
import type { DataDeps } from './deps.ts';
import { complianceTable, dashboardTable, publishedTable } from './downloads.ts';
import type { ShownRow } from './presentation.ts';
import { dashboardQuery } from './schemas.ts';
import type { DataService } from './service.ts';

async function* dashboardCells(
  data: DataService,
  ctx: RequestContext,
  filter: DashboardFilter,
): AsyncIterable<Cell[]> {
  for await (const row of data.dashboard.allRows(ctx, filter)) yield dashboardTable.cells(row);
}

/** What a call's data pack holds, read for the pack (data-pack.ts lays it out). */
async function packOf(data: DataService, ctx: RequestContext, callId: string): Promise<DocModel> {
  const compliance = await data.calls.compliance(ctx, callId);
  const quarter = compliance.call.quarterStartsOn;
  const [exceptions, narratives] = await Promise.all([
    data.dashboard.exceptions(ctx, quarter),
    data.calls.narratives(ctx, callId),
  ]);
  const figures: ShownRow[] = [];
  for await (const row of data.dashboard.allRows(ctx, { quarter })) figures.push(row);
  return dataPack({
    partnershipName: ctx.user.partnershipName,
    quarter,
    agencies: compliance.agencies,
    outOfPeriod: compliance.outOfPeriod,
    exceptions: exceptions.items,
    figures,
    narratives,
  });
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
          columns: dashboardTable.columns,
        },
        dashboardCells(data, ctx, { ...filter, quarter }),
      );
    });

  async function* complianceRows(ctx: RequestContext, callId: string): AsyncIterable<Cell[]> {
    const found = await data.calls.compliance(ctx, callId);
    for (const agency of found.agencies) yield complianceTable.cells(agency);
  }
  async function* publishedRows(partnershipId: string): AsyncIterable<Cell[]> {
    const view = await data.dashboard.published(partnershipId);
    for (const row of view.rows) yield publishedTable.cells(row);
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
          { name: 'Compliance return', columns: complianceTable.columns },
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
        { name: 'Published figures', columns: publishedTable.columns },
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
