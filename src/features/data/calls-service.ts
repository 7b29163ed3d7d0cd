import type { Database, Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { can } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { addQuarters, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import * as repo from './calls-repo.ts';
import { complianceOf, isLate } from './compliance.ts';
import {
  checkFigures,
  type FigureContext,
  type FigureProblem,
  type FigureRowInput,
  isAskedOf,
} from './figures.ts';
import { indicatorRefs } from './indicators-repo.ts';
import type { CallInput } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** How many quarters back the page's form offers, besides the call's own. */
export const FORM_BACK_QUARTERS = 4;
/** How many out-of-period figures the call's page lists. */
const OUT_OF_PERIOD_SHOWN = 100;

/** The business unit submits for any agency; a data lead for their own. */
export const mayUseAgency = (ctx: RequestContext, agencyId: string) =>
  can(ctx.user.role, 'data:manage') || ctx.user.agencyId === agencyId;

export type SaveResult = { ok: true; figures: number } | { ok: false; problems: FigureProblem[] };

async function figureContext(
  tx: Queryable,
  ctx: RequestContext,
  call: repo.DataCall,
): Promise<FigureContext> {
  const [indicators, agencies] = await Promise.all([
    indicatorRefs(tx, ctx.partnershipId),
    repo.agencyRefs(tx, ctx.partnershipId),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code.toUpperCase(), i])),
    agencies: new Map(agencies.map((a) => [a.name.toLowerCase(), a])),
    mayUseAgency: (agencyId) => mayUseAgency(ctx, agencyId),
    callQuarter: call.quarterStartsOn,
  };
}

export function createCallsService(db: Database) {
  async function get(scope: Scope, id: string) {
    const call = await repo.findCall(db, scope.partnershipId, id);
    if (!call) throw notFound('Data call');
    return call;
  }

  /** Saves checked figures into each agency's submission; a submitted one is amended and shown at once. */
  async function store(
    tx: Queryable,
    ctx: RequestContext,
    call: repo.DataCall,
    figures: ReturnType<typeof checkFigures>['figures'],
    change: { agencyId?: string; narrative?: string | null; submit?: boolean; replaceWindow?: string[] },
  ) {
    await repo.lockAnswers(tx, ctx.partnershipId, 'share');
    const today = todayInLondon();
    const agencyIds = new Set(figures.map((f) => f.agencyId));
    if (change.agencyId) agencyIds.add(change.agencyId);
    const submissions = new Map<string, repo.Submission>();
    for (const agencyId of [...agencyIds].sort())
      submissions.set(
        agencyId,
        await repo.ensureSubmission(tx, ctx.partnershipId, call.id, agencyId, ctx.actor.label),
      );
    const idOf = (agencyId: string) => (submissions.get(agencyId) as repo.Submission).id;
    await repo.lockIndicators(tx, [...figures.map((f) => f.indicatorId), ...(change.replaceWindow ?? [])]);
    // The headline figures to work out again: those whose current figures this change touches.
    const touched = new Map<string, repo.HeadlineKey>();
    const touch = (keys: repo.HeadlineKey[]) => {
      for (const key of keys) touched.set(`${key.indicatorId} ${key.periodStartsOn}`, key);
    };
    const removed =
      change.agencyId && change.replaceWindow?.length
        ? await repo.clearFigures(
            tx,
            idOf(change.agencyId),
            change.replaceWindow,
            addQuarters(call.quarterStartsOn, -FORM_BACK_QUARTERS),
            call.quarterStartsOn,
          )
        : [];
    touch(removed);
    // Figures written into a submitted submission (an amendment) are current at once; only those
    // written now, as the submission's others may since have been corrected by a later call.
    const submitted = (agencyId: string) => submissions.get(agencyId)?.status === 'submitted';
    const amending = figures.filter((f) => submitted(f.agencyId));
    await repo.supersedeFigures(
      tx,
      amending.map((f) => ({ ...f, submissionId: idOf(f.agencyId) })),
    );
    await repo.upsertFigures(
      tx,
      ctx.partnershipId,
      (agencyId) => ({ id: idOf(agencyId), submitted: submitted(agencyId) }),
      figures,
    );
    touch(amending);
    const counts = new Map<string, number>();
    for (const f of figures) counts.set(f.agencyId, (counts.get(f.agencyId) ?? 0) + 1);
    for (const [agencyId, before] of submissions) {
      const own = agencyId === change.agencyId;
      const submitting = own && change.submit && before.status === 'draft';
      const amended = before.status === 'submitted';
      await repo.saveSubmission(tx, before.id, {
        narrative: own ? change.narrative : null,
        ...(submitting ? { submittedOn: today, late: isLate(today, call.deadline) } : {}),
        ...(amended ? { amendedOn: today } : {}),
        actor: ctx.actor.label,
      });
      if (submitting) {
        await repo.makeCurrent(tx, before.id);
        touch(await repo.submissionKeys(tx, before.id));
      }
      await recordAudit(tx, ctx.actor, {
        partnershipId: ctx.partnershipId,
        action: submitting
          ? 'data-submission.submitted'
          : amended
            ? 'data-submission.amended'
            : 'data-submission.saved',
        entityType: 'data-submission',
        entityId: before.id,
        after: {
          call: shortQuarterLabel(call.quarterStartsOn),
          agencyId,
          figures: counts.get(agencyId) ?? 0,
          ...(own && change.narrative != null ? { narrative: change.narrative } : {}),
        },
      });
    }
    await repo.countSubmissionAnswers(
      tx,
      [...submissions.values()].map((x) => x.id),
    );
    // A removed figure the dashboard showed gives way to the one submitted before it, if any.
    await repo.restoreCurrent(tx, removed);
    await repo.refreshHeadlines(tx, [...touched.values()]);
  }

  return {
    get,
    mayUseAgency,

    async list(scope: Scope, before: string | null, limit: number) {
      const rows = await repo.listCalls(db, scope.partnershipId, before, limit + 1);
      const items = rows.slice(0, limit);
      return { items, next: rows.length > limit ? (items[items.length - 1]?.quarterStartsOn ?? null) : null };
    },
    latest: (scope: Scope, quarter: string | null = null) =>
      repo.latestCall(db, scope.partnershipId, quarter),

    async create(ctx: RequestContext, input: CallInput) {
      try {
        return await db.transaction(async (tx) => {
          const id = await repo.insertCall(tx, ctx.partnershipId, { ...input, openedOn: todayInLondon() });
          const call = (await repo.findCall(tx, ctx.partnershipId, id)) as repo.DataCall;
          await recordAudit(tx, ctx.actor, {
            partnershipId: ctx.partnershipId,
            action: 'data-call.created',
            entityType: 'data-call',
            entityId: id,
            after: call,
          });
          return call;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const message = `There is already a call for ${shortQuarterLabel(input.quarterStartsOn)}`;
        throw conflict(message, [{ field: 'quarterStartsOn', message }]);
      }
    },

    update: (ctx: RequestContext, id: string, input: { deadline: string; note: string }) =>
      db.transaction(async (tx) => {
        const before = await repo.findCall(tx, ctx.partnershipId, id);
        if (!before) throw notFound('Data call');
        await repo.updateCall(tx, ctx.partnershipId, id, input);
        const after = (await repo.findCall(tx, ctx.partnershipId, id)) as repo.DataCall;
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'data-call.updated',
          entityType: 'data-call',
          entityId: id,
          before,
          after,
        });
        return after;
      }),

    /** What the call asks of one agency, and what its submission holds for the form's quarters. */
    async submission(ctx: RequestContext, callId: string, agencyId: string) {
      if (!mayUseAgency(ctx, agencyId)) throw forbidden();
      const call = await get(ctx, callId);
      const [refs, agencies, submission] = await Promise.all([
        indicatorRefs(db, ctx.partnershipId),
        repo.agencyRefs(db, ctx.partnershipId),
        repo.findSubmission(db, ctx.partnershipId, call.id, agencyId),
      ]);
      const agency = agencies.find((a) => a.id === agencyId);
      if (!agency) throw notFound('Agency');
      const figures = submission
        ? await repo.submissionFigures(
            db,
            submission.id,
            addQuarters(call.quarterStartsOn, -FORM_BACK_QUARTERS),
            call.quarterStartsOn,
          )
        : [];
      const latest = new Map<string, repo.SubmissionFigure>();
      for (const figure of figures)
        if (!latest.has(figure.indicatorId)) latest.set(figure.indicatorId, figure);
      const asked = refs
        .filter((i) => isAskedOf(i, agencyId))
        .map((i) => ({ ...i, figure: latest.get(i.id) ?? null }));
      const totalFigures = submission ? await repo.countFigures(db, submission.id) : 0;
      return { call, agency, submission, asked, totalFigures };
    },

    /**
     * The page's form: one figure per asked indicator, for the call's quarter or one of the four
     * before it (a blank removes it), the narrative, and whether to submit.
     */
    async saveForm(
      ctx: RequestContext,
      callId: string,
      agencyId: string,
      input: { narrative: string | null; entries: FigureRowInput[]; submit: boolean },
    ): Promise<SaveResult> {
      if (!mayUseAgency(ctx, agencyId)) throw forbidden();
      const call = await get(ctx, callId);
      return db.transaction(async (tx) => {
        const context = await figureContext(tx, ctx, call);
        const given = input.entries.filter((e) => e.value.trim() !== '');
        const { figures, problems } = checkFigures(given, context);
        if (problems.length) return { ok: false, problems };
        const codes = new Set(input.entries.map((e) => e.indicator.toUpperCase()));
        const replace = [...context.indicators.values()].filter((i) => codes.has(i.code)).map((i) => i.id);
        await store(tx, ctx, call, figures, {
          agencyId,
          narrative: input.narrative ?? '',
          submit: input.submit,
          replaceWindow: replace,
        });
        return { ok: true, figures: figures.length };
      });
    },

    /**
     * Rows from an uploaded template or the API: all are checked first, and saved only if every one
     * is good (all rows or none). `agencyId` is the submission the rows are sent to, when there is one.
     */
    async saveRows(
      ctx: RequestContext,
      callId: string,
      rows: FigureRowInput[],
      change: { agencyId?: string; narrative?: string | null; submit?: boolean } = {},
    ): Promise<SaveResult> {
      if (change.agencyId && !mayUseAgency(ctx, change.agencyId)) throw forbidden();
      const call = await get(ctx, callId);
      return db.transaction(async (tx) => {
        const context = await figureContext(tx, ctx, call);
        const { figures, problems } = checkFigures(rows, context);
        if (problems.length) return { ok: false, problems };
        await store(tx, ctx, call, figures, change);
        return { ok: true, figures: figures.length };
      });
    },

    narratives: (scope: Scope, callId: string) => repo.narratives(db, scope.partnershipId, callId),

    /** The return by indicator: of the agencies asked for each, how many answered, and for which quarter. */
    async byIndicator(scope: Scope, callId: string) {
      const call = await get(scope, callId);
      const rows = await repo.complianceByIndicator(db, scope.partnershipId, call);
      return {
        call,
        indicators: rows.map((i) => ({ ...i, missing: Math.max(0, i.asked - i.forQuarter - i.olderOnly) })),
      };
    },

    /** The compliance return: each asked agency's state, and the figures not for the call's quarter. */
    async compliance(scope: Scope, callId: string) {
      const call = await get(scope, callId);
      const today = todayInLondon();
      const [rows, outOfPeriod] = await Promise.all([
        repo.complianceRows(db, scope.partnershipId, call),
        repo.outOfPeriodFigures(db, scope.partnershipId, call, OUT_OF_PERIOD_SHOWN + 1),
      ]);
      const agencies = rows.map((row) => ({
        ...row,
        missing: Math.max(0, row.asked - row.forQuarter - row.olderOnly),
        compliance: complianceOf({
          submission: row.status ? { status: row.status, late: row.late } : null,
          deadline: call.deadline,
          today,
          asked: row.asked,
          forQuarter: row.forQuarter,
        }),
      }));
      return {
        call,
        agencies,
        outOfPeriod: outOfPeriod.slice(0, OUT_OF_PERIOD_SHOWN),
        moreOutOfPeriod: outOfPeriod.length > OUT_OF_PERIOD_SHOWN,
      };
    },
  };
}
