import type { Queryable } from '../../db/database.ts';

export type Paper = {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: Date;
};

const COLUMNS = `id, meeting_id AS "meetingId", agenda_item_id AS "agendaItemId", filename, media_type AS "mediaType",
  size_bytes AS "sizeBytes", uploaded_by AS "uploadedBy", created_at AS "createdAt"`;

export async function listPapers(db: Queryable, partnershipId: string, meetingId: string) {
  return db.query<Paper>(
    `SELECT ${COLUMNS} FROM papers WHERE partnership_id = $1 AND meeting_id = $2 ORDER BY created_at, id LIMIT 200`,
    [partnershipId, meetingId],
  );
}

export async function countPapers(db: Queryable, meetingId: string) {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM papers WHERE meeting_id = $1', [
    meetingId,
  ]);
  return rows[0]?.n ?? 0;
}

/** Adds a paper; an agenda item must be one of the meeting's (else null, and nothing is written). */
export async function insertPaper(
  db: Queryable,
  partnershipId: string,
  paper: {
    meetingId: string;
    agendaItemId: string | null;
    filename: string;
    mediaType: string;
    content: Buffer;
    uploadedBy: string;
  },
) {
  const rows = await db.query<Paper>(
    `INSERT INTO papers (partnership_id, meeting_id, agenda_item_id, filename, media_type, size_bytes, content, uploaded_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
      WHERE $3::uuid IS NULL OR EXISTS (SELECT 1 FROM agenda_items i WHERE i.id = $3 AND i.meeting_id = $2 AND i.partnership_id = $1)
     RETURNING ${COLUMNS}`,
    [
      partnershipId,
      paper.meetingId,
      paper.agendaItemId,
      paper.filename,
      paper.mediaType,
      paper.content.length,
      paper.content,
      paper.uploadedBy,
    ],
  );
  return rows[0] ?? null;
}

/** A paper with its content, for download. */
export async function findPaperContent(db: Queryable, partnershipId: string, meetingId: string, id: string) {
  const rows = await db.query<Paper & { content: Buffer }>(
    `SELECT ${COLUMNS}, content FROM papers WHERE partnership_id = $1 AND meeting_id = $2 AND id = $3`,
    [partnershipId, meetingId, id],
  );
  return rows[0] ?? null;
}

export async function deletePaper(db: Queryable, partnershipId: string, meetingId: string, id: string) {
  const rows = await db.query<{ filename: string }>(
    'DELETE FROM papers WHERE partnership_id = $1 AND meeting_id = $2 AND id = $3 RETURNING filename',
    [partnershipId, meetingId, id],
  );
  return rows[0] ?? null;
}
