import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import { todayInLondon } from '../../platform/calendar/today.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import { queueEmail } from '../../platform/notify/emails.ts';
import type { PartnershipService } from '../partnership/service.ts';
import { approvalRefusal, draftRefusal, keyPointsMessage } from './key-points-rules.ts';
import * as repo from './meetings-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;

/** An executive meeting's key points: drafted by the business unit, approved by the chair, then sent. */
export function createKeyPointsService(db: Database, partnership: PartnershipService, siteUrl: string) {
  async function meetingWithType(ctx: RequestContext, id: string) {
    const meeting = await repo.findMeeting(db, ctx.partnershipId, id);
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  return {
    async list(scope: Scope, query: { after?: string; limit: number }) {
      const rows = await repo.listKeyPoints(db, scope.partnershipId, {
        after: query.after ? decodeCursor(query.after) : null,
        limit: query.limit,
      });
      return toPage(rows, query.limit, (k) => ({ key: k.approvedAt.toISOString(), id: k.meetingId }));
    },

    async saveDraft(ctx: RequestContext, id: string, text: string) {
      const meeting = await meetingWithType(ctx, id);
      const refusal = draftRefusal(meeting);
      if (refusal) throw invalid([{ field: 'keyPoints', message: refusal }]);
      await db.transaction(async (tx) => {
        if (!(await repo.saveKeyPoints(tx, ctx.partnershipId, id, text))) {
          throw invalid([
            { field: 'keyPoints', message: 'The key points are approved and sent: they can’t be changed' },
          ]);
        }
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.key-points-drafted',
          entityType: 'meeting',
          entityId: id,
          before: { keyPoints: meeting.keyPoints },
          after: { keyPoints: text },
        });
      });
    },

    /**
     * Approves the key points and, in the same transaction, queues one message to each partner's
     * contact address (each once). Returns how many partners they went to.
     */
    async approve(ctx: RequestContext, id: string) {
      const meeting = await meetingWithType(ctx, id);
      const refusal = approvalRefusal(meeting, todayInLondon());
      if (refusal) throw invalid([{ field: 'keyPoints', message: refusal }]);
      const contacts = await partnership.partners.contacts(ctx);
      return db.transaction(async (tx) => {
        const now = new Date();
        if (!(await repo.approveKeyPoints(tx, ctx.partnershipId, id, ctx.user.name, now))) {
          throw invalid([
            { field: 'keyPoints', message: 'The key points are approved and sent: they can’t be changed' },
          ]);
        }
        const details = {
          groupName: meeting.groupName,
          dateText: dayText(meeting.date),
          keyPoints: meeting.keyPoints,
        };
        for (const contact of contacts) {
          const message = keyPointsMessage(details, contact.name, `${siteUrl}/key-points`);
          await queueEmail(tx, {
            partnershipId: ctx.partnershipId,
            to: contact.contactEmail,
            ...message,
            dedupeKey: `key-points:${id}:${contact.contactEmail.toLowerCase()}`,
          });
        }
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.key-points-approved',
          entityType: 'meeting',
          entityId: id,
          after: { keyPoints: meeting.keyPoints, sentTo: contacts.map((c) => c.name) },
        });
        return { sentTo: contacts.length };
      });
    },
  };
}
