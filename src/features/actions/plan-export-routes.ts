import type { FastifyInstance } from 'fastify';
import { todayInLondon } from '../../platform/calendar/today.ts';
import { toDocx } from '../../platform/documents/docx.ts';
import { type Block, type DocModel, heading, paragraph, table } from '../../platform/documents/model.ts';
import { contextOf, type RequestContext } from '../../platform/http/context.ts';
import { type Cell, sendCsv } from '../../platform/http/csv.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { sendXlsx } from '../../platform/http/xlsx.ts';
import type { PlanDeps } from './plan-routes.ts';
import { ACTION_STATUS_LABELS, SOURCE_KIND_LABELS, seesWholePlan } from './rules.ts';
import { type PlanFilter, planFilter } from './schemas.ts';
import type { ActionPlanService } from './service.ts';

const COLUMNS = [
  { header: 'Ref', width: 10 },
  { header: 'Action', width: 60 },
  { header: 'Sources', width: 40 },
  { header: 'Themes', width: 25 },
  { header: 'Owning agency', width: 30 },
  { header: 'Owner', width: 20 },
  { header: 'Priority', width: 25 },
  { header: 'Raised', width: 12 },
  { header: 'Due', width: 12 },
  { header: 'Status', width: 14 },
  { header: 'Overdue', width: 9 },
  { header: 'Outcome', width: 50 },
  { header: 'Completed', width: 12 },
  { header: 'Embedded', width: 12 },
];
/** A Word section is read, not filtered: past this many actions it says to narrow the filter. */
const DOCX_LIMIT = 500;

type Row = Awaited<ReturnType<ActionPlanService['actions']['get']>>;
const sourcesText = (a: Row) => a.sources.map((s) => `${SOURCE_KIND_LABELS[s.kind]}: ${s.title}`).join('; ');

function cells(a: Row): Cell[] {
  return [
    `ACT-${a.number}`,
    a.text,
    sourcesText(a),
    a.themes.map((t) => t.name).join(', '),
    a.ownerAgencyName,
    a.ownerName,
    a.priorityName,
    a.raisedOn,
    a.dueOn,
    ACTION_STATUS_LABELS[a.status],
    a.overdue ? 'Yes' : 'No',
    a.outcome,
    a.completedOn,
    a.embeddedOn,
  ];
}

async function* rowsOf(plan: ActionPlanService, ctx: RequestContext, filter: PlanFilter) {
  for await (const a of plan.actions.exportRows(ctx, filter)) yield cells(a);
}

/** The plan as a section of a meeting pack or the yearly report: themes at a glance, then the actions. */
async function planSection(
  plan: ActionPlanService,
  ctx: RequestContext,
  filter: PlanFilter,
): Promise<DocModel> {
  const blocks: Block[] = [];
  if (seesWholePlan(ctx.user.role)) {
    const { themes, totals } = await plan.themes.summary(ctx, filter);
    blocks.push(
      heading('Themes at a glance'),
      paragraph(
        `${totals.actions} actions from ${totals.sources} sources: ${totals.open} not yet completed (${totals.overdue} overdue), ${totals.completed} completed and ${totals.embedded} embedded with evidence.`,
      ),
      table(
        ['Theme', 'Actions', 'Sources', 'Overdue', 'Embedded'],
        themes.map((t) => [
          t.name,
          String(t.actions),
          String(t.sources),
          String(t.overdue),
          String(t.embedded),
        ]),
        [40, 15, 15, 15, 15],
      ),
    );
  }
  const rows: string[][] = [];
  let more = false;
  for await (const a of plan.actions.exportRows(ctx, filter)) {
    if (rows.length === DOCX_LIMIT) {
      more = true;
      break;
    }
    const due = a.dueOn ? `${a.dueOn}${a.overdue ? ' (overdue)' : ''}` : 'Not set';
    rows.push([
      `ACT-${a.number}`,
      a.text,
      sourcesText(a),
      a.ownerAgencyName,
      due,
      ACTION_STATUS_LABELS[a.status],
    ]);
  }
  blocks.push(heading('Actions'));
  if (more)
    blocks.push(
      paragraph(`The first ${DOCX_LIMIT} actions, soonest due first. Filter the plan to see the rest.`),
    );
  blocks.push(
    rows.length > 0
      ? table(['Ref', 'Action', 'Sources', 'Owner', 'Due', 'Status'], rows, [8, 34, 22, 16, 10, 10])
      : paragraph('No actions match.'),
  );
  return {
    title: 'Learning action plan',
    subtitle: `${ctx.user.partnershipName}, ${todayInLondon()}`,
    footer: `Learning action plan, ${ctx.user.partnershipName}`,
    blocks,
  };
}

/** The plan as partnerships share it: a spreadsheet (XLSX, CSV) and a Word section; the page's filters apply. */
export function registerPlanExports(app: FastifyInstance, { plan }: PlanDeps) {
  const name = (ext: string) => `learning-action-plan-${todayInLondon()}.${ext}`;

  app.get('/actions.csv', { config: { access: 'plan:read' } }, (request, reply) => {
    const ctx = contextOf(request);
    const filter = parseOrThrow(planFilter, request.query);
    return sendCsv(
      reply,
      name('csv'),
      COLUMNS.map((c) => c.header),
      rowsOf(plan, ctx, filter),
    );
  });

  app.get('/actions.xlsx', { config: { access: 'plan:read' } }, (request, reply) => {
    const ctx = contextOf(request);
    const filter = parseOrThrow(planFilter, request.query);
    return sendXlsx(
      reply,
      name('xlsx'),
      { name: 'Action plan', columns: COLUMNS },
      rowsOf(plan, ctx, filter),
    );
  });

  app.get('/actions.docx', { config: { access: 'plan:read' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const doc = await planSection(plan, ctx, parseOrThrow(planFilter, request.query));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${name('docx')}"`)
      .header('cache-control', 'private, no-store')
      .send(await toDocx(doc));
  });
}
