import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { checkUpload, DOCUMENT_TYPES, type UploadedFile } from '../../platform/files/uploads.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { findMeeting } from './meetings-repo.ts';
import * as repo from './papers-repo.ts';

type Scope = Pick<RequestContext, 'partnershipId'>;
const MAX_PAPERS = 50;

/** Papers of a meeting: files checked by their content, kept in the database, given only to readers. */
export function createPapersService(db: Database) {
  return {
    list: (scope: Scope, meetingId: string) => repo.listPapers(db, scope.partnershipId, meetingId),

    /** `itemIdSent` as sent: empty or absent for the whole meeting, else an item of its agenda. */
    async add(ctx: RequestContext, meetingId: string, file: UploadedFile | undefined, itemIdSent: unknown) {
      if (!(await findMeeting(db, ctx.partnershipId, meetingId))) throw notFound('Meeting');
      const agendaItemId =
        itemIdSent === undefined || itemIdSent === null || itemIdSent === '' ? null : itemIdSent;
      if (
        agendaItemId !== null &&
        (typeof agendaItemId !== 'string' || !z.uuid().safeParse(agendaItemId).success)
      ) {
        throw invalid([{ field: 'agendaItemId', message: 'Select an item of this meeting’s agenda' }]);
      }
      const checked = await checkUpload(file, DOCUMENT_TYPES);
      if (!checked.ok) throw invalid([{ field: 'file', message: checked.message }]);
      const upload = file as UploadedFile;
      return db.transaction(async (tx) => {
        if ((await repo.countPapers(tx, meetingId)) >= MAX_PAPERS) {
          throw invalid([{ field: 'file', message: `A meeting can have at most ${MAX_PAPERS} papers` }]);
        }
        const paper = await repo.insertPaper(tx, ctx.partnershipId, {
          meetingId,
          agendaItemId,
          filename: upload.filename,
          mediaType: checked.mediaType,
          content: upload.data,
          uploadedBy: ctx.actor.label,
        });
        if (!paper)
          throw invalid([{ field: 'agendaItemId', message: 'Select an item of this meeting’s agenda' }]);
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.paper-added',
          entityType: 'meeting',
          entityId: meetingId,
          after: {
            id: paper.id,
            filename: paper.filename,
            mediaType: paper.mediaType,
            sizeBytes: paper.sizeBytes,
          },
        });
        return paper;
      });
    },

    async content(scope: Scope, meetingId: string, id: string) {
      const paper = await repo.findPaperContent(db, scope.partnershipId, meetingId, id);
      if (!paper) throw notFound('Paper');
      return paper;
    },

    async remove(ctx: RequestContext, meetingId: string, id: string) {
      await db.transaction(async (tx) => {
        const removed = await repo.deletePaper(tx, ctx.partnershipId, meetingId, id);
        if (!removed) throw notFound('Paper');
        await recordAudit(tx, ctx.actor, {
          partnershipId: ctx.partnershipId,
          action: 'meeting.paper-removed',
          entityType: 'meeting',
          entityId: meetingId,
          before: { id, filename: removed.filename },
        });
      });
    },
  };
}
