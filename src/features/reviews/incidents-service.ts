import type { Database, Queryable } from '../../db/database.ts';
import { changedFields } from '../../platform/audit/audit.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type FieldError, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { allPages, decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { ActionPlanService } from '../actions/service.ts';
import type { PartnershipService } from '../partnership/service.ts';
import {
  auditCase,
  auditCaseView,
  caseDates,
  loadCase,
  refreshClocks,
  reviewDatesFrom,
} from './case-access.ts';
import { clockSettingsOf } from './clock-settings.ts';
import { type ClockKey, caseClocks, type Decision, dueSoonLimit, dueStatus } from './clocks.ts';
import * as repo from './incidents-repo.ts';
import { FREE_TEXT, personalDataErrors } from './personal-data.ts';
import { reviewDateBeforeDecision } from './practice-review-rules.ts';
import type { PracticeReviewService } from './practice-review-service.ts';
import { findRecommendation, findReview } from './practice-reviews-repo.ts';
import {
  decisionRefusal,
  independenceConflict,
  mayJoinCaseTeam,
  rapidReviewDateErrors,
  recommendationErrors,
  seesEveryCase,
  TEAM_CAPACITY_LABELS,
} from './rules.ts';
import type { IncidentInput, RapidReviewInput } from './schemas.ts';

/** A case with a practice review (an LCSPR or a legacy SCR) has a source in the plan. */
async function practiceReviewSourceOf(
  tx: Queryable,
  ctx: RequestContext,
  plan: ActionPlanService,
  id: string,
) {
  const incident = await loadCase(tx, ctx, id);
  if (incident.decision !== 'lcspr' && incident.kind !== 'legacy-scr')
    throw invalid([
      { field: 'id', message: 'Only a case with a practice review has recommendations for the plan' },
    ]);
  return plan.sources.ensureCase(tx, ctx, {
    kind: 'practice-review',
    incidentId: id,
    pseudonym: incident.pseudonym,
    datedOn: incident.decidedOn ?? incident.awareOn,
  });
}

export function createIncidentsService(
  db: Database,
  partnership: PartnershipService,
  practice: Pick<PracticeReviewService, 'details'>,
  plan: ActionPlanService,
) {
  const practiceReviewSource = (tx: Queryable, ctx: RequestContext, id: string) =>
    practiceReviewSourceOf(tx, ctx, plan, id);

  async function setInvolved(tx: Queryable, ctx: RequestContext, id: string, input: IncidentInput) {
    const agencies = await repo.setInvolved(tx, ctx.partnershipId, id, 'agencies', input.agencyIds);
    const people = await repo.setInvolved(tx, ctx.partnershipId, id, 'people', input.personIds);
    const errors: FieldError[] = [];
    if (agencies !== input.agencyIds.length)
      errors.push({ field: 'agencyIds', message: 'Select agencies of this partnership' });
    if (people !== input.personIds.length)
      errors.push({ field: 'personIds', message: 'Select people of this partnership' });
    if (errors.length > 0) throw invalid(errors);
  }

  function incidentErrors(input: IncidentInput, existing: repo.Incident | null) {
    return [
      ...rapidReviewDateErrors(
        {
          awareOn: input.awareOn,
          notifiedPanelOn: input.notifiedPanelOn,
          panelMetOn: existing?.panelMetOn ?? null,
          rapidReviewSentOn: null,
          decidedOn: null,
        },
        todayInLondon(),
      ).map((e) =>
        // The panel's date is not on this form: the awareness date is the one to change.
        e.field === 'panelMetOn'
          ? {
              field: 'awareOn',
              message: `The date the partnership became aware can’t be after the rapid review panel met (${dayText(existing?.panelMetOn as string)})`,
            }
          : e,
      ),
      ...personalDataErrors(input, FREE_TEXT.incident, input.confirmNoPersonalData),
    ];
  }

  /**
   * After the agencies or people involved change, the case's reviewers and author must still be
   * independent of it, unless an executive recorded an override for them.
   */
  async function keepReviewersIndependent(tx: Queryable, ctx: RequestContext, id: string, field: string) {
    const incident = (await repo.findIncident(tx, ctx.partnershipId, id)) as repo.Incident;
    const involved = {
      agencyIds: incident.agencies.map((a) => a.id),
      personEmails: incident.people.flatMap((p) => (p.email ? [p.email] : [])),
    };
    for (const member of await repo.listTeam(tx, ctx.partnershipId, id)) {
      if (member.capacity === 'panel' || member.overrideReason) continue;
      const conflict = independenceConflict(member, involved);
      if (conflict)
        throw invalid([
          {
            field,
            message: `${conflict}. ${member.name} is on the case as ${TEAM_CAPACITY_LABELS[member.capacity].toLowerCase()}: take them off it first, or ask an executive to record an override`,
          },
        ]);
    }
  }

  return {
    /** The cases this user may see, newest first; the view is audited. */
    async list(
      ctx: RequestContext,
      query: { q?: string; decision?: Decision | 'none'; after?: string; limit: number },
    ) {
      const today = todayInLondon();
      const soon = dueSoonLimit(today);
      const rows = await repo.listIncidents(db, ctx.partnershipId, {
        ...query,
        teamUserId: seesEveryCase(ctx.user.role) ? null : ctx.user.id,
        after: query.after ? decodeCursor(query.after) : null,
      });
      const page = toPage(rows, query.limit, (r) => ({ key: r.awareOn, id: r.id }));
      await auditCaseView(db, ctx, 'incidents.listed', null, {
        after: {
          query: { q: query.q ?? null, decision: query.decision ?? null },
          shown: page.items.map((i) => i.number),
        },
      });
      return {
        ...page,
        items: page.items.map((r) => ({
          ...r,
          reference: `SI-${r.number}`,
          nextStatus: r.nextDueOn ? dueStatus(r.nextDueOn, today, soon) : null,
        })),
      };
    },

    /** The cases this user may see, as rows for an export: audited as one view, then read a page at a time. */
    async exportList(ctx: RequestContext, query: { q?: string; decision?: Decision | 'none' }) {
      await db.transaction((tx) =>
        auditCase(tx, ctx, 'incidents.exported', null, {
          after: { query: { q: query.q ?? null, decision: query.decision ?? null } },
        }),
      );
      const teamUserId = seesEveryCase(ctx.user.role) ? null : ctx.user.id;
      return allPages(
        (after: repo.IncidentRow | null) =>
          repo.listIncidents(db, ctx.partnershipId, {
            ...query,
            teamUserId,
            after: after ? { key: after.awareOn, id: after.id } : null,
            limit: EXPORT_PAGE,
          }),
        EXPORT_PAGE,
      );
    },

    /** One case with its clocks, team and actions; every view is audited. */
    async get(ctx: RequestContext, id: string) {
      const { incident, team, actions, settings, review } = await db.transaction(async (tx) => {
        const incident = await loadCase(tx, ctx, id);
        const parts = await repo.findCaseParts(tx, ctx.partnershipId, id);
        return { incident, ...parts, review: await practice.details(tx, ctx, incident) };
      });
      await auditCaseView(db, ctx, 'incident.viewed', id);
      const dates = caseDates(incident, reviewDatesFrom(review.review, review.events));
      return {
        ...incident,
        reference: `SI-${incident.number}`,
        clocks: caseClocks(dates, todayInLondon(), clockSettingsOf(settings)),
        team,
        actions,
        ...review,
      };
    },

    async create(ctx: RequestContext, input: IncidentInput) {
      const errors = incidentErrors(input, null);
      if (errors.length > 0) throw invalid(errors);
      return db.transaction(async (tx) => {
        const id = await repo.insertIncident(tx, ctx.partnershipId, input);
        await setInvolved(tx, ctx, id, input);
        const created = await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(tx, ctx, 'incident.recorded', id, { after: created });
        return created;
      });
    },

    async update(ctx: RequestContext, id: string, input: IncidentInput) {
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const before = await loadCase(tx, ctx, id);
        const errors = incidentErrors(input, before);
        if (errors.length > 0) throw invalid(errors);
        await repo.updateIncident(tx, ctx.partnershipId, id, input);
        if (input.pseudonym !== before.pseudonym)
          await plan.sources.retitleCase(tx, ctx, id, input.pseudonym);
        await setInvolved(tx, ctx, id, input);
        await keepReviewersIndependent(tx, ctx, id, 'agencyIds');
        const after = await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(tx, ctx, 'incident.updated', id, changedFields(before, after));
        return after;
      });
    },

    /** The rapid review panel's record: when it met, what it learnt, what it recommends. */
    async recordRapidReview(ctx: RequestContext, id: string, input: RapidReviewInput) {
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const before = await loadCase(tx, ctx, id);
        const errors = [
          ...rapidReviewDateErrors(
            {
              awareOn: before.awareOn,
              notifiedPanelOn: before.notifiedPanelOn,
              panelMetOn: input.panelMetOn,
              rapidReviewSentOn: input.rapidReviewSentOn,
              decidedOn: before.decidedOn,
            },
            todayInLondon(),
          ).map((e) =>
            e.field === 'decidedOn'
              ? { ...e, field: 'panelMetOn', message: 'The panel can’t have met after the executive decided' }
              : e,
          ),
          ...recommendationErrors(input.recommendation, input.recommendationReasons),
          ...personalDataErrors(input, FREE_TEXT.rapidReview, input.confirmNoPersonalData),
        ];
        if (!input.panelMetOn && (input.recommendation || before.decidedOn))
          errors.push({
            field: 'panelMetOn',
            message: before.decidedOn
              ? 'Enter the date the panel met: the executive has decided on this case'
              : 'Enter the date the panel met, to record its recommendation',
          });
        if (errors.length > 0) throw invalid(errors);
        await repo.updateRapidReview(tx, ctx.partnershipId, id, input);
        const after = await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(tx, ctx, 'incident.rapid-review-recorded', id, changedFields(before, after));
        return after;
      });
    },

    /** The executive's decision on the level of review, after the panel met. */
    async decide(
      ctx: RequestContext,
      id: string,
      input: { decision: Decision; decidedOn: string; reasons: string },
    ) {
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const before = await loadCase(tx, ctx, id);
        const refusal = decisionRefusal(before.panelMetOn);
        if (refusal) throw invalid([{ field: 'decision', message: refusal }]);
        const errors = rapidReviewDateErrors(
          {
            awareOn: before.awareOn,
            notifiedPanelOn: null,
            panelMetOn: before.panelMetOn,
            rapidReviewSentOn: null,
            decidedOn: input.decidedOn,
          },
          todayInLondon(),
        );
        const review = await findReview(tx, ctx.partnershipId, id);
        const later = review ? reviewDateBeforeDecision(review, input.decidedOn) : null;
        if (later) errors.push({ field: 'decidedOn', message: later });
        if (errors.length > 0) throw invalid(errors);
        await repo.updateDecision(tx, ctx.partnershipId, id, input);
        const after = await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(tx, ctx, 'incident.decided', id, changedFields(before, after));
        return after;
      });
    },

    /**
     * Puts a user on the case's team. Reviewers and authors must be independent of the case; only an
     * executive may override that, with a reason, which is kept and logged.
     */
    async addToTeam(
      ctx: RequestContext,
      id: string,
      input: { userId: string; capacity: repo.TeamMember['capacity']; overrideReason: string | null },
    ) {
      const user = await partnership.users.get(ctx, input.userId).catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 404)
          throw invalid([{ field: 'userId', message: 'Select a user of this partnership' }]);
        throw error;
      });
      if (!user.isActive)
        throw invalid([{ field: 'userId', message: `${user.name}’s account is deactivated` }]);
      if (!mayJoinCaseTeam(user.role))
        throw invalid([{ field: 'userId', message: `${user.name} can’t see case material in their role` }]);
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const incident = await loadCase(tx, ctx, id);
        let overrideReason: string | null = null;
        if (input.capacity !== 'panel') {
          const conflict = independenceConflict(user, {
            agencyIds: incident.agencies.map((a) => a.id),
            personEmails: incident.people.flatMap((p) => (p.email ? [p.email] : [])),
          });
          if (conflict && !input.overrideReason)
            throw invalid([
              {
                field: 'userId',
                message: `${conflict}. An executive can override this with a reason`,
              },
            ]);
          if (conflict && ctx.user.role !== 'executive')
            throw invalid([
              { field: 'overrideReason', message: `${conflict}. Only an executive can override this` },
            ]);
          overrideReason = conflict ? input.overrideReason : null;
        }
        const added = await repo.addTeamMember(tx, ctx.partnershipId, id, { ...input, overrideReason });
        if (!added)
          throw invalid([{ field: 'userId', message: `${user.name} is already on the case in that part` }]);
        await auditCase(
          tx,
          ctx,
          overrideReason ? 'case-team.independence-overridden' : 'case-team.added',
          id,
          {
            after: { userId: user.id, name: user.name, capacity: input.capacity, overrideReason },
          },
        );
      });
    },

    async removeFromTeam(ctx: RequestContext, id: string, member: { userId: string; capacity: string }) {
      return db.transaction(async (tx) => {
        await loadCase(tx, ctx, id);
        if (!(await repo.removeTeamMember(tx, ctx.partnershipId, id, member))) throw notFound('Team member');
        await auditCase(tx, ctx, 'case-team.removed', id, { before: member });
      });
    },

    /** Waives a clock with a reason, or (reason null) lifts the waiver. */
    async waive(ctx: RequestContext, id: string, clock: ClockKey, reason: string | null) {
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const before = await loadCase(tx, ctx, id);
        await repo.setWaiver(tx, ctx.partnershipId, id, { clock, reason, userId: ctx.user.id });
        const after = await refreshClocks(tx, ctx.partnershipId, id);
        await auditCase(
          tx,
          ctx,
          reason ? 'clock.waived' : 'clock.waiver-lifted',
          id,
          changedFields(before, after),
        );
        return after;
      });
    },

    /** Adds or removes one person involved in the case (a professional, never the child). */
    async setPersonInvolved(ctx: RequestContext, id: string, personId: string, involved: boolean) {
      return db.transaction(async (tx) => {
        await repo.lockIncident(tx, ctx.partnershipId, id);
        const before = await loadCase(tx, ctx, id);
        const ids = new Set(before.people.map((p) => p.id));
        if (involved) ids.add(personId);
        else ids.delete(personId);
        const kept = await repo.setInvolved(tx, ctx.partnershipId, id, 'people', [...ids]);
        if (kept !== ids.size)
          throw invalid([{ field: 'personId', message: 'Select a person of this partnership' }]);
        await keepReviewersIndependent(tx, ctx, id, 'personId');
        const after = (await repo.findIncident(tx, ctx.partnershipId, id)) as repo.Incident;
        await auditCase(tx, ctx, 'incident.people-changed', id, changedFields(before, after));
      });
    },

    /** An action from the rapid review's immediate learning: it goes into the learning action plan. */
    async addAction(
      ctx: RequestContext,
      id: string,
      input: { text: string; ownerAgencyId: string; dueOn: string | null },
    ) {
      await partnership.partners.get(ctx, input.ownerAgencyId).catch((error: unknown) => {
        if (error instanceof HttpError && error.status === 404)
          throw invalid([{ field: 'ownerAgencyId', message: 'Select an agency of this partnership' }]);
        throw error;
      });
      const raisedOn = todayInLondon();
      if (input.dueOn !== null && input.dueOn < raisedOn)
        throw invalid([{ field: 'dueOn', message: 'The due date can’t be in the past' }]);
      return db.transaction(async (tx) => {
        const incident = await loadCase(tx, ctx, id);
        const action = await plan.actions.raiseFromSource(
          tx,
          ctx,
          {
            kind: 'rapid-review',
            incidentId: id,
            pseudonym: incident.pseudonym,
            datedOn: incident.panelMetOn ?? incident.awareOn,
          },
          { ...input, raisedOn },
        );
        await auditCase(tx, ctx, 'case-action.added', id, {
          after: { id: action.id, number: action.number, ...input },
        });
        return action.id;
      });
    },

    /**
     * A recommendation of the practice review, on its way to the action plan: the review's source
     * there (made if it has none yet) and the recommendation's words.
     */
    async recommendationForPlan(ctx: RequestContext, id: string, recommendationId: string) {
      return db.transaction(async (tx) => {
        const recommendation = await findRecommendation(tx, ctx.partnershipId, id, recommendationId);
        const sourceId = await practiceReviewSource(tx, ctx, id);
        if (!recommendation) throw notFound('Recommendation');
        await auditCase(tx, ctx, 'case-recommendation.to-plan', id, {
          after: { recommendationId, sourceId },
        });
        const detail = [recommendation.theme, recommendation.recommendation].filter(Boolean).join(': ');
        return { sourceId, detail };
      });
    },

    /** The practice review's source in the action plan (made if it has none yet), for API clients. */
    planSource: (ctx: RequestContext, id: string) =>
      db.transaction(async (tx) => {
        const sourceId = await practiceReviewSource(tx, ctx, id);
        await auditCase(tx, ctx, 'case-review.plan-source', id, { after: { sourceId } });
        return { sourceId };
      }),
  };
}

const EXPORT_PAGE = 500;
