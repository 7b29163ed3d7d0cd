import type { Database, Queryable } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { ageInDays, moveProblems, nextStatuses } from './escalation-rules.ts';
import * as repo from './escalations-repo.ts';
import { findMeeting } from './meetings-repo.ts';
import type { EscalationInput, EscalationMove } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/**
 * Adds an escalation inside the caller's transaction: numbered, with its first history step and audit
 * entry. The caller has checked the references it can (agency, group, person); the meeting is checked here.
 */
export async function insertEscalation(tx: Queryable, ctx: RequestContext, input: EscalationInput) {
  if (input.raisedAtMeetingId && !(await findMeeting(tx, ctx.partnershipId, input.raisedAtMeetingId))) {
    throw invalid([{ field: 'raisedAtMeetingId', message: 'The meeting must be one of this partnership’s' }]);
  }
  await repo.lockNumbers(tx, ctx.partnershipId);
  const id = await repo.insertEscalation(tx, ctx.partnershipId, input);
  await repo.addEvent(tx, ctx.partnershipId, id, {
    onDate: input.raisedOn,
    fromStatus: null,
    toStatus: 'open',
    note: 'Raised to the executive',
    actorLabel: ctx.actor.label,
  });
  const created = (await repo.findEscalation(tx, ctx.partnershipId, id)) as repo.Escalation;
  await recordAudit(tx, ctx.actor, {
    partnershipId: ctx.partnershipId,
    action: 'escalation.created',
    entityType: 'escalation',
    entityId: id,
    after: created,
  });
  return created;
}

const withAge = <E extends repo.EscalationRow>(e: E, today: string) => ({
  ...e,
  ageDays: ageInDays(e, today),
});

type EscalationsQuery = Omit<repo.EscalationFilter, 'after'> & { after?: string };

/** A page of a list, each escalation with its age today. */
async function agedPage<T extends repo.EscalationRow>(
  list: (db: Queryable, partnershipId: string, filter: repo.EscalationFilter) => Promise<T[]>,
  db: Queryable,
  scope: Scope,
  query: EscalationsQuery,
) {
  const today = todayInLondon();
  const rows = await list(db, scope.partnershipId, {
    ...query,
    after: query.after ? decodeCursor(query.after) : null,
  });
  const page = toPage(rows, query.limit, (e) => ({ key: e.raisedOn, id: e.id }));
  return { ...page, items: page.items.map((e) => withAge(e, today)) };
}

export function createEscalationsService(db: Database, partnership: PartnershipService) {
  /** A reference to another record must be this partnership's: otherwise a field error, not a 404. */
  async function mustExist(check: () => Promise<unknown>, field: string, message: string) {
    try {
      await check();
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return { field, message };
      throw error;
    }
    return null;
  }

  async function get(scope: Scope, id: string) {
    const escalation = await repo.findEscalation(db, scope.partnershipId, id);
    if (!escalation) throw notFound('Escalation');
    return withAge(escalation, todayInLondon());
  }

  return {
    /** A page of whole escalations, with their age (the API). */
    list: (scope: Scope, query: EscalationsQuery) => agedPage(repo.listEscalations, db, scope, query),

    /** A page of the tracker's rows, with their age (the tracker page: see listEscalationRows). */
    rows: (scope: Scope, query: EscalationsQuery) => agedPage(repo.listEscalationRows, db, scope, query),

    /**
     * The names of the group, agency and meeting the tracker is filtered by (null when it is by none),
     * so the page can say what it shows; an id that is not this partnership's is a field error.
     */
    async filterNames(scope: Scope, ids: { groupId?: string; agencyId?: string; meetingId?: string }) {
      if (!ids.groupId && !ids.agencyId && !ids.meetingId) return null;
      const names = await repo.filterNames(db, scope.partnershipId, ids);
      const unknown = [
        ids.groupId && !names.groupName
          ? { field: 'groupId', message: 'The group must be one of this partnership’s' }
          : null,
        ids.agencyId && !names.agencyName
          ? { field: 'agencyId', message: 'The agency must be one of this partnership’s' }
          : null,
        ids.meetingId && !names.meetingName
          ? { field: 'meetingId', message: 'The meeting must be one of this partnership’s' }
          : null,
      ].filter((e) => e !== null);
      if (unknown.length > 0) throw invalid(unknown);
      return names;
    },

    get,

    /** The escalation with its dated history and the statuses it may move to. */
    async detail(scope: Scope, id: string) {
      const escalation = await get(scope, id);
      const events = await repo.listEvents(db, scope.partnershipId, id);
      return { escalation, events, next: nextStatuses(escalation.status) };
    },

    /**
     * Raises an escalation inside another feature's transaction (an exception on the data dashboard),
     * so the escalation and the record linking to it commit together. The caller checks the agency.
     */
    raiseIn: (tx: Queryable, ctx: RequestContext, input: EscalationInput) => insertEscalation(tx, ctx, input),

    async raise(ctx: RequestContext, input: EscalationInput) {
      const checks = await Promise.all([
        mustExist(
          () => partnership.partners.get(ctx, input.raisedByAgencyId),
          'raisedByAgencyId',
          'Select an agency of this partnership',
        ),
        input.raisedByGroupId
          ? mustExist(
              () => partnership.groups.get(ctx, input.raisedByGroupId as string),
              'raisedByGroupId',
              'Select a group of this partnership',
            )
          : null,
        input.raisedByPersonId
          ? mustExist(
              () => partnership.people.get(ctx, input.raisedByPersonId as string),
              'raisedByPersonId',
              'Select a person of this partnership',
            )
          : null,
      ]);
      const errors = checks.filter((c) => c !== null);
      if (input.raisedOn > todayInLondon()) {
        errors.push({ field: 'raisedOn', message: 'The date raised can’t be in the future' });
      }
      if (errors.length > 0) throw invalid(errors);
      return db.transaction((tx) => insertEscalation(tx, ctx, input));
    },

    /**
     * Moves an escalation on (considered, responded with a response and decision, closed), dating the
     * step, keeping it in the history and the audit log. A closed one, a backward move or a response
     * without words is refused and nothing changes.
     */
    async move(ctx: RequestContext, id: string, move: EscalationMove) {
      return db.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM escalations WHERE partnership_id = $1 AND id = $2 FOR UPDATE', [
          ctx.partnershipId,
          id,
        ]);
        const before = await repo.findEscalation(tx, ctx.partnershipId, id);
        if (!before) throw notFound('Escalation');
        const problems = moveProblems(before, move, todayInLondon());
        if (problems.length > 0) throw invalid(problems);
        await repo.moveEscalation(tx, ctx.partnershipId, id, move);
        await repo.addEvent(tx, ctx.partnershipId, id, {
          onDate: move.onDate,
          fromStatus: before.status,
          toStatus: move.to,
          note: [move.response, move.decision].filter(Boolean).join('\n\n'),
          actorLabel: ctx.actor.label,
        });
        const after = (await repo.findEscalation(tx, ctx.partnershipId, id)) as repo.Escalation;
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'escalation.status-changed',
          entityType: 'escalation',
          entityId: id,
          before: { status: before.status, response: before.response, decision: before.decision },
          after: {
            status: after.status,
            onDate: move.onDate,
            response: after.response,
            decision: after.decision,
          },
        });
        return after;
      });
    },

    /**
     * What an executive meeting's pack lists: escalations open on its date (oldest first) and those
     * answered since the group's previous meeting. Capped at 500 each; `more` says when there were more.
     */
    async forPack(scope: Scope, day: string, previousDay: string | null) {
      const CAP = 500;
      const [open, answered] = await Promise.all([
        repo.openOnDay(db, scope.partnershipId, day, CAP + 1),
        repo.answeredBetween(db, scope.partnershipId, previousDay, day, CAP + 1),
      ]);
      return {
        open: open
          .slice(0, CAP)
          .map((e) => ({ ...e, ageDays: ageInDays({ ...e, respondedOn: null, closedOn: null }, day) })),
        answered: answered.slice(0, CAP).map((e) => withAge(e, day)),
        more: open.length > CAP || answered.length > CAP,
      };
    },
  };
}
