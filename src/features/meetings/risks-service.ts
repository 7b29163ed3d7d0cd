import type { Database, Queryable } from '../../db/database.ts';
import { changedFields, recordAudit } from '../../platform/audit/audit.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type FieldError, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { insertEscalation } from './escalations-service.ts';
import { escalationFromRisk, escalationRefusal, type RiskStatus, reviewOverdue } from './risk-rules.ts';
import * as repo from './risks-repo.ts';
import type { RiskInput } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

const withReview = (risk: repo.Risk, today: string) => ({
  ...risk,
  reviewOverdue: reviewOverdue(risk, today),
});

export function createRisksService(db: Database, partnership: PartnershipService) {
  /** The people and agencies a risk names must be this partnership's: field errors, not 404s. */
  async function checkReferences(ctx: RequestContext, input: RiskInput) {
    const checks: [string | null, () => Promise<unknown>, string, string][] = [
      [
        input.raisedByAgencyId,
        () => partnership.partners.get(ctx, input.raisedByAgencyId),
        'raisedByAgencyId',
        'Select an agency of this partnership',
      ],
      [
        input.raisedByPersonId,
        () => partnership.people.get(ctx, input.raisedByPersonId as string),
        'raisedByPersonId',
        'Select a person of this partnership',
      ],
      [
        input.ownerPersonId,
        () => partnership.people.get(ctx, input.ownerPersonId as string),
        'ownerPersonId',
        'Select an owner from the people of this partnership',
      ],
    ];
    const errors: FieldError[] = [];
    for (const [value, check, field, message] of checks) {
      if (!value) continue;
      try {
        await check();
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) errors.push({ field, message });
        else throw error;
      }
    }
    if (input.raisedOn > todayInLondon())
      errors.push({ field: 'raisedOn', message: 'The date raised can’t be in the future' });
    return errors;
  }

  async function setPartners(tx: Queryable, ctx: RequestContext, id: string, ids: string[]) {
    const kept = await repo.setRiskPartners(tx, ctx.partnershipId, id, ids);
    if (kept !== ids.length)
      throw invalid([{ field: 'partnerIds', message: 'Select partners of this partnership' }]);
  }

  async function get(scope: Scope, id: string) {
    const risk = await repo.findRisk(db, scope.partnershipId, id);
    if (!risk) throw notFound('Risk');
    return withReview(risk, todayInLondon());
  }

  return {
    async list(
      scope: Scope,
      query: {
        status?: RiskStatus | 'not-closed';
        agencyId?: string;
        q?: string;
        after?: string;
        limit: number;
      },
    ) {
      const today = todayInLondon();
      const rows = await repo.listRisks(db, scope.partnershipId, {
        ...query,
        after: query.after ? decodeCursor(query.after) : null,
      });
      const page = toPage(rows, query.limit, (r) => ({ key: r.raisedOn, id: r.id }));
      return { ...page, items: page.items.map((r) => withReview(r, today)) };
    },

    get,

    async create(ctx: RequestContext, input: RiskInput) {
      const errors = await checkReferences(ctx, input);
      if (errors.length > 0) throw invalid(errors);
      return db.transaction(async (tx) => {
        const id = await repo.insertRisk(tx, ctx.partnershipId, input);
        await setPartners(tx, ctx, id, input.partnerIds);
        const created = (await repo.findRisk(tx, ctx.partnershipId, id)) as repo.Risk;
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'risk.created',
          entityType: 'risk',
          entityId: id,
          after: created,
        });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, input: RiskInput) {
      const errors = await checkReferences(ctx, input);
      if (errors.length > 0) throw invalid(errors);
      return db.transaction(async (tx) => {
        await repo.lockRisk(tx, ctx.partnershipId, id);
        const before = await repo.findRisk(tx, ctx.partnershipId, id);
        if (!before) throw notFound('Risk');
        await repo.updateRisk(tx, ctx.partnershipId, id, input);
        await setPartners(tx, ctx, id, input.partnerIds);
        const after = (await repo.findRisk(tx, ctx.partnershipId, id)) as repo.Risk;
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'risk.updated',
          entityType: 'risk',
          entityId: id,
          ...changedFields(before, after),
        });
        return after;
      });
    },

    /**
     * Escalates a risk to the executive in one step: an escalation raised by the risk's agency and
     * person, today, with the risk's words and what the executive is asked; the two are linked.
     * Refused for a closed risk or one already escalated.
     */
    async escalate(ctx: RequestContext, id: string, ask: string) {
      return db.transaction(async (tx) => {
        await repo.lockRisk(tx, ctx.partnershipId, id);
        const risk = await repo.findRisk(tx, ctx.partnershipId, id);
        if (!risk) throw notFound('Risk');
        const refusal = escalationRefusal(risk);
        if (refusal) throw invalid([{ field: 'ask', message: refusal }]);
        const escalation = await insertEscalation(tx, ctx, {
          ...escalationFromRisk(risk, ask),
          raisedByGroupId: null,
          raisedByPersonId: risk.raisedByPersonId,
          raisedByAgencyId: risk.raisedByAgencyId,
          raisedAtMeetingId: null,
          raisedOn: todayInLondon(),
        });
        await repo.linkEscalation(tx, ctx.partnershipId, id, escalation.id);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'risk.escalated',
          entityType: 'risk',
          entityId: id,
          after: { escalationId: escalation.id, number: escalation.number },
        });
        return escalation;
      });
    },
  };
}
