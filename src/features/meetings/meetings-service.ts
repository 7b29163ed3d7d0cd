import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { createAudited, updateAudited } from '../../platform/audit/audited.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { PartnershipService } from '../partnership/service.ts';
import * as actionsRepo from './actions-repo.ts';
import { ageInDays } from './escalation-rules.ts';
import * as escalationsRepo from './escalations-repo.ts';
import * as repo from './meetings-repo.ts';
import { meetingPack } from './pack.ts';
import * as papersRepo from './papers-repo.ts';
import { type Attendance, endsAfterStart, isOverdue, quoracy, STANDING_ITEM } from './rules.ts';
import type { AgendaItemInput, MeetingInput, MeetingPatch } from './schemas.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const options = { entityType: 'meeting', label: 'Meeting' };

export function createMeetingsService(db: Database, partnership: PartnershipService) {
  /** A record the caller names must be this partnership's: one from elsewhere is a field error. */
  async function mustExist(check: () => Promise<unknown>, field: string, message: string) {
    try {
      await check();
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) throw invalid([{ field, message }]);
      throw error;
    }
  }

  async function get(scope: Scope, id: string) {
    const meeting = await repo.findMeeting(db, scope.partnershipId, id);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  const service = {
    async list(
      scope: Scope,
      query: { groupId?: string; when?: 'coming' | 'past'; after?: string; limit: number },
    ) {
      const rows = await repo.listMeetings(db, scope.partnershipId, {
        groupId: query.groupId,
        when: query.when ?? 'coming',
        now: new Date(),
        after: query.after ? decodeCursor(query.after) : null,
        limit: query.limit,
      });
      return toPage(rows, query.limit, (m) => ({ key: m.startsAt.toISOString(), id: m.id }));
    },

    get,

    /**
     * Everything the meeting page (and its pack) shows, read in parallel. An executive meeting's
     * escalation lists stop at `cap`; `escalationsMore` says when there were more.
     */
    async overview(ctx: RequestContext, id: string, cap = 200) {
      const meeting = await get(ctx, id);
      const [group, members, agenda, attendance, decisions, actions, previous] = await Promise.all([
        partnership.groups.get(ctx, meeting.groupId),
        partnership.groups.members(ctx, meeting.groupId),
        repo.listAgenda(db, ctx.partnershipId, id),
        repo.listAttendance(db, ctx.partnershipId, id),
        repo.listDecisions(db, ctx.partnershipId, id),
        actionsRepo.listActions(db, ctx.partnershipId, { meetingId: id, after: null, limit: 500 }),
        repo.previousMeeting(db, ctx.partnershipId, meeting),
      ]);
      const [raisedHere, openAtMeeting, answeredSince, papers] = await Promise.all([
        escalationsRepo.listEscalations(db, ctx.partnershipId, { meetingId: id, after: null, limit: 50 }),
        // An executive meeting lists what is open at its date and what was answered since the last one.
        group.type === 'executive'
          ? escalationsRepo.openOnDay(db, ctx.partnershipId, meeting.date, cap + 1)
          : Promise.resolve([]),
        group.type === 'executive'
          ? escalationsRepo.answeredBetween(
              db,
              ctx.partnershipId,
              previous?.date ?? null,
              meeting.date,
              cap + 1,
            )
          : Promise.resolve([]),
        papersRepo.listPapers(db, ctx.partnershipId, id),
      ]);
      const previousActions = previous
        ? await actionsRepo.listActions(db, ctx.partnershipId, {
            meetingId: previous.id,
            after: null,
            limit: 500,
          })
        : [];
      const today = todayInLondon();
      const recorded = new Set(attendance.map((a) => a.personId));
      const present = attendance.filter((a) => a.status === 'present');
      return {
        meeting,
        group,
        agenda,
        attendance,
        /** Members with no attendance recorded yet, to fill in. */
        unrecorded: members.filter((m) => !recorded.has(m.personId)),
        quoracy: quoracy({ quorum: group.quorum, needsStatutory: group.quorumNeedsStatutory }, present),
        agenciesPresent: [...new Set(present.map((a) => a.agencyName))],
        decisions,
        actions: actions.map((a) => ({ ...a, overdue: isOverdue(a, today) })),
        previous,
        raisedHere,
        papers,
        isExecutive: group.type === 'executive',
        openAtMeeting: openAtMeeting.slice(0, cap).map((e) => ({
          ...e,
          ageDays: ageInDays({ ...e, respondedOn: null, closedOn: null }, meeting.date),
        })),
        answeredSince: answeredSince.slice(0, cap),
        escalationsMore: openAtMeeting.length > cap || answeredSince.length > cap,
        previousActions: previousActions.map((a) => ({ ...a, overdue: isOverdue(a, today) })),
      };
    },

    async create(ctx: RequestContext, input: MeetingInput) {
      await mustExist(
        () => partnership.groups.get(ctx, input.groupId),
        'groupId',
        'Select a group of this partnership',
      );
      return createAudited(db, ctx, options, async (tx) => {
        const id = await repo.insertMeeting(tx, ctx.partnershipId, input);
        // Every group meeting has the standing item for escalations to the executive.
        await repo.insertAgendaItem(tx, ctx.partnershipId, id, {
          title: STANDING_ITEM,
          ownerPersonId: null,
          isStanding: true,
        });
        return (await repo.findMeeting(tx, ctx.partnershipId, id)) as repo.Meeting;
      });
    },

    update: (ctx: RequestContext, id: string, patch: MeetingPatch) =>
      updateAudited(
        db,
        ctx,
        { ...options, id },
        (tx) => repo.findMeeting(tx, ctx.partnershipId, id),
        async (tx, before) => {
          const times = {
            date: patch.date ?? before.date,
            startTime: patch.startTime ?? before.startTime,
            endTime: patch.endTime ?? before.endTime,
          };
          if (!endsAfterStart(times.startTime, times.endTime)) {
            throw invalid([{ field: 'endTime', message: 'The end time must be after the start time' }]);
          }
          await repo.updateMeeting(tx, ctx.partnershipId, id, { ...patch, ...times });
          return repo.findMeeting(tx, ctx.partnershipId, id);
        },
      ),

    async addAgendaItem(ctx: RequestContext, meetingId: string, input: AgendaItemInput) {
      await get(ctx, meetingId);
      const ownerPersonId = input.ownerPersonId;
      if (ownerPersonId) {
        await mustExist(
          () => partnership.people.get(ctx, ownerPersonId),
          'ownerPersonId',
          'Select who leads the item from the people of this partnership',
        );
      }
      return db.transaction(async (tx) => {
        if ((await repo.countAgendaItems(tx, meetingId)) >= 100) {
          throw invalid([{ field: 'title', message: 'A meeting can have at most 100 agenda items' }]);
        }
        const id = await repo.insertAgendaItem(tx, ctx.partnershipId, meetingId, {
          title: input.title,
          ownerPersonId: input.ownerPersonId,
          isStanding: false,
        });
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.agenda-item-added',
          entityType: 'meeting',
          entityId: meetingId,
          after: { id, ...input },
        });
        return { id };
      });
    },

    async removeAgendaItem(ctx: RequestContext, meetingId: string, itemId: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteAgendaItem(tx, ctx.partnershipId, meetingId, itemId))) {
          throw notFound('Agenda item');
        }
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.agenda-item-removed',
          entityType: 'meeting',
          entityId: meetingId,
          before: { id: itemId },
        });
      });
    },

    /** Records who attended, all or nothing: one person who isn't the partnership's rejects the lot. */
    async recordAttendance(
      ctx: RequestContext,
      meetingId: string,
      rows: { personId: string; status: Attendance }[],
    ) {
      await get(ctx, meetingId);
      await db.transaction(async (tx) => {
        for (const [index, row] of rows.entries()) {
          if (!(await repo.setAttendance(tx, ctx.partnershipId, meetingId, row.personId, row.status))) {
            throw invalid([
              { field: `attendance.${index}.personId`, message: 'Select people of this partnership' },
            ]);
          }
        }
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.attendance-recorded',
          entityType: 'meeting',
          entityId: meetingId,
          after: rows,
        });
      });
    },

    async addDecision(ctx: RequestContext, meetingId: string, text: string) {
      await get(ctx, meetingId);
      return db.transaction(async (tx) => {
        const decision = await repo.insertDecision(tx, ctx.partnershipId, meetingId, text);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.decision-recorded',
          entityType: 'meeting',
          entityId: meetingId,
          after: decision,
        });
        return decision;
      });
    },

    /** The meeting's pack as a document model (pack.ts), for PDF and DOCX. */
    async pack(ctx: RequestContext, id: string) {
      const CAP = 500;
      const view = await service.overview(ctx, id, CAP);
      const groupActions = await actionsRepo.listActions(db, ctx.partnershipId, {
        groupId: view.meeting.groupId,
        status: 'open-or-in-progress',
        after: null,
        limit: CAP + 1,
      });
      return meetingPack({
        ...view,
        openActions: { items: groupActions.slice(0, CAP), more: groupActions.length > CAP },
        escalations: view.isExecutive
          ? { open: view.openAtMeeting, answered: view.answeredSince, more: view.escalationsMore }
          : null,
        today: todayInLondon(),
      });
    },

    /** What a group's page shows of its meetings: the next few, the last few, and its open actions. */
    async groupSummary(ctx: RequestContext, groupId: string) {
      const now = new Date();
      const [coming, past, openActions] = await Promise.all([
        repo.listMeetings(db, ctx.partnershipId, { groupId, when: 'coming', now, after: null, limit: 5 }),
        repo.listMeetings(db, ctx.partnershipId, { groupId, when: 'past', now, after: null, limit: 5 }),
        actionsRepo.listActions(db, ctx.partnershipId, {
          groupId,
          status: 'open-or-in-progress',
          after: null,
          limit: 21,
        }),
      ]);
      return {
        coming: coming.slice(0, 5),
        past: past.slice(0, 5),
        openActions: openActions.slice(0, 20).map((a) => ({ ...a, overdue: isOverdue(a, todayInLondon()) })),
        moreActions: openActions.length > 20,
      };
    },
  };
  return service;
}
