import type { Database, Queryable } from '../../db/database.ts';
import { changedFields, recordAudit } from '../../platform/audit/audit.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type FieldError, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { ActionPlanService } from '../actions/service.ts';
import * as repo from './audits-repo.ts';
import {
  auditErrors,
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpFor,
  mayEditAudit,
  mayManageAudits,
  reviewErrors,
  reviewedChangeErrors,
  submittedOnFor,
  submitterErrors,
} from './rules.ts';
import type { AuditInput, ProgrammeFilter } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
export const ENTITY = 'audit';

/** The title of an audit's source in the learning action plan. */
export const sourceTitle = (audit: { number: number; title: string }) =>
  `AUD-${audit.number}: ${audit.title}`;

/** The date an audit's source in the plan carries: when the audit was held or submitted, else today. */
export const sourceDate = (audit: { workshopOn: string | null; submittedOn: string | null }) =>
  audit.workshopOn ?? audit.submittedOn ?? todayInLondon();

export async function loadAudit(db: Queryable, scope: Scope, id: string) {
  const audit = await repo.findAudit(db, scope.partnershipId, id);
  if (!audit) throw notFound('Audit');
  return audit;
}

export async function auditLog(
  tx: Queryable,
  ctx: RequestContext,
  action: string,
  id: string,
  change: { before?: unknown; after?: unknown },
) {
  await recordAudit(tx, ctx.actor, {
    partnershipId: ctx.partnershipId,
    action: `${ENTITY}.${action}`,
    entityType: ENTITY,
    entityId: id,
    ...change,
  });
}

/** The audit programme: audits planned, held, submitted and reviewed. */
export function createProgrammeService(db: Database, plan: ActionPlanService) {
  const months = async (tx: Queryable, scope: Scope) =>
    (await repo.followUpMonths(tx, scope.partnershipId)) ?? DEFAULT_FOLLOW_UP_MONTHS;

  /** Everything that stops the input being saved, as field errors. */
  async function check(tx: Queryable, ctx: RequestContext, input: AuditInput, before: repo.Audit | null) {
    const errors: FieldError[] = [...submitterErrors(ctx.user, input), ...auditErrors(input)];
    if (before) errors.push(...reviewedChangeErrors(before, input));
    const found = await repo.checkReferences(tx, ctx.partnershipId, input);
    if (!found.agency) errors.push({ field: 'agencyId', message: 'Select an agency of this partnership' });
    if (!found.person)
      errors.push({ field: 'leadPersonId', message: 'Select the lead from the people of this partnership' });
    if (!found.theme) errors.push({ field: 'themeId', message: 'Select a theme of this partnership' });
    // One message per field, the first, as the GOV.UK pattern asks.
    const unique = errors.filter((e, i) => errors.findIndex((x) => x.field === e.field) === i);
    if (unique.length > 0) throw invalid(unique);
  }

  async function row(tx: Queryable, scope: Scope, input: AuditInput, before: repo.Audit | null) {
    return {
      ...input,
      followUpOn: followUpFor(input, await months(tx, scope)),
      submittedOn: submittedOnFor(input, before, todayInLondon()),
    };
  }

  return {
    async list(scope: Scope, query: ProgrammeFilter & { after?: string; limit: number }) {
      const rows = await repo.listAudits(db, scope.partnershipId, {
        ...query,
        after: query.after ? decodeCursor(query.after) : null,
      });
      return toPage(rows, query.limit, (a) => ({ key: a.quarterStartsOn, id: String(a.number) }));
    },

    get: (scope: Scope, id: string) => loadAudit(db, scope, id),

    mayEdit: (ctx: RequestContext, audit: repo.Audit) => mayEditAudit(ctx.user, audit),
    mayManage: (ctx: RequestContext) => mayManageAudits(ctx.user.role),

    create: (ctx: RequestContext, input: AuditInput) =>
      db.transaction(async (tx) => {
        await check(tx, ctx, input, null);
        const id = await repo.insertAudit(tx, ctx.partnershipId, await row(tx, ctx, input, null));
        const created = await loadAudit(tx, ctx, id);
        await auditLog(tx, ctx, 'created', id, { after: created });
        return created;
      }),

    /** Changes an audit; its source in the plan, if it has one, follows its title. */
    update: (ctx: RequestContext, id: string, input: AuditInput) =>
      db.transaction(async (tx) => {
        await repo.lockAudit(tx, ctx.partnershipId, id);
        const before = await loadAudit(tx, ctx, id);
        if (!mayEditAudit(ctx.user, before)) throw forbidden();
        await check(tx, ctx, input, before);
        await repo.updateAudit(tx, ctx.partnershipId, id, await row(tx, ctx, input, before));
        const after = await loadAudit(tx, ctx, id);
        if (after.sourceId && after.title !== before.title)
          await plan.sources.ensureAudit(tx, ctx, {
            auditId: id,
            title: sourceTitle(after),
            datedOn: sourceDate(after),
          });
        await auditLog(tx, ctx, 'updated', id, changedFields(before, after));
        return after;
      }),

    /** The QA and Performance group's review of an agency's submitted audit, dated today. */
    review: (ctx: RequestContext, id: string, comments: string) =>
      db.transaction(async (tx) => {
        if (!mayManageAudits(ctx.user.role)) throw forbidden();
        await repo.lockAudit(tx, ctx.partnershipId, id);
        const before = await loadAudit(tx, ctx, id);
        const errors = reviewErrors(before);
        if (errors.length > 0) throw invalid(errors);
        await repo.recordReview(tx, ctx.partnershipId, id, { reviewedOn: todayInLondon(), comments });
        const after = await loadAudit(tx, ctx, id);
        await auditLog(tx, ctx, 'reviewed', id, changedFields(before, after));
        return after;
      }),

    /** The months from a workshop to its follow-up learning session, and whether it is the default. */
    async settings(scope: Scope) {
      const stored = await repo.followUpMonths(db, scope.partnershipId);
      return { followUpMonths: stored ?? DEFAULT_FOLLOW_UP_MONTHS, isDefault: stored === null };
    },

    /** Changes the follow-up setting and moves every partnership-led audit's follow-up date with it. */
    saveSettings: (ctx: RequestContext, input: { followUpMonths: number }) =>
      db.transaction(async (tx) => {
        if (!mayManageAudits(ctx.user.role)) throw forbidden();
        const before = await months(tx, ctx);
        await repo.saveFollowUpMonths(tx, ctx.partnershipId, input.followUpMonths);
        const moved = await repo.recomputeFollowUps(tx, ctx.partnershipId, input.followUpMonths);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'audit-settings.updated',
          entityType: 'audit-settings',
          entityId: null,
          before: { followUpMonths: before },
          after: { followUpMonths: input.followUpMonths, followUpsRecomputed: moved },
        });
        return { followUpMonths: input.followUpMonths, recomputed: moved };
      }),
  };
}
