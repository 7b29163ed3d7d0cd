import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { Attendance, MeetingStatus } from './rules.ts';
import type { MeetingInput, MeetingPatch } from './schemas.ts';

export type Meeting = {
  id: string;
  groupId: string;
  groupName: string;
  groupType: string;
  startsAt: Date;
  endsAt: Date;
  /** The day and times in London, as entered. */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string | null;
  papersDueOn: string | null;
  status: MeetingStatus;
  /** The executive's key points: a draft until approved, then fixed and sent to the partners. */
  keyPoints: string;
  keyPointsApprovedAt: Date | null;
  keyPointsApprovedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const LONDON = "AT TIME ZONE 'Europe/London'";
const COLUMNS = `m.id, m.group_id AS "groupId", g.name AS "groupName", g.type AS "groupType",
  m.starts_at AS "startsAt", m.ends_at AS "endsAt",
  to_char(m.starts_at ${LONDON}, 'YYYY-MM-DD') AS date,
  to_char(m.starts_at ${LONDON}, 'HH24:MI') AS "startTime",
  to_char(m.ends_at ${LONDON}, 'HH24:MI') AS "endTime",
  m.place, m.video_url AS "videoUrl", m.papers_due_on AS "papersDueOn", m.status,
  m.key_points AS "keyPoints", m.key_points_approved_at AS "keyPointsApprovedAt",
  m.key_points_approved_by AS "keyPointsApprovedBy",
  m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;
const FROM = 'FROM meetings m JOIN groups g ON g.id = m.group_id'; // joined by id: see sql.ts

export type MeetingFilter = {
  groupId?: string;
  /** Coming: starting from now, soonest first. Past: before now, latest first. */
  when: 'coming' | 'past';
  now: Date;
  after: Cursor | null;
  limit: number;
};

export async function listMeetings(db: Queryable, partnershipId: string, filter: MeetingFilter) {
  const where = new Conditions()
    .add('m.partnership_id = ?', partnershipId)
    .addIf(filter.groupId, 'm.group_id = ?');
  if (filter.when === 'coming') {
    where.add('m.starts_at >= ?', filter.now).after(filter.after, 'm.starts_at', 'm.id');
  } else {
    where.add('m.starts_at < ?', filter.now).before(filter.after, 'm.starts_at', 'm.id');
  }
  const order = filter.when === 'coming' ? 'm.starts_at, m.id' : 'm.starts_at DESC, m.id DESC';
  const limit = where.limit(filter.limit + 1);
  return db.query<Meeting>(`SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY ${order} ${limit}`, where.params);
}

export async function findMeeting(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Meeting>(
    `SELECT ${COLUMNS} ${FROM} WHERE m.partnership_id = $1 AND m.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/** The meeting of the same group held before this one, if any (for the previous action list). */
export async function previousMeeting(db: Queryable, partnershipId: string, meeting: Meeting) {
  const rows = await db.query<Meeting>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE m.partnership_id = $1 AND m.group_id = $2 AND (m.starts_at, m.id) < ($3, $4::uuid)
        AND m.status <> 'cancelled'
      ORDER BY m.starts_at DESC, m.id DESC LIMIT 1`,
    [partnershipId, meeting.groupId, meeting.startsAt, meeting.id],
  );
  return rows[0] ?? null;
}

export async function insertMeeting(db: Queryable, partnershipId: string, input: MeetingInput) {
  // The times are entered as a London clock shows them; AT TIME ZONE makes them instants (BST or GMT).
  const rows = await db.query<{ id: string }>(
    `INSERT INTO meetings (partnership_id, group_id, starts_at, ends_at, place, video_url, papers_due_on)
     VALUES ($1, $2, (($3::date) + ($4::time)) ${LONDON}, (($3::date) + ($5::time)) ${LONDON}, $6, $7, $8)
     RETURNING id`,
    [
      partnershipId,
      input.groupId,
      input.date,
      input.startTime,
      input.endTime,
      input.place,
      input.videoUrl,
      input.papersDueOn,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateMeeting(
  db: Queryable,
  partnershipId: string,
  id: string,
  patch: Required<Pick<MeetingInput, 'date' | 'startTime' | 'endTime'>> & MeetingPatch,
) {
  const rows = await db.query<{ id: string }>(
    `UPDATE meetings SET
       starts_at = (($3::date) + ($4::time)) ${LONDON},
       ends_at = (($3::date) + ($5::time)) ${LONDON},
       place = coalesce($6, place),
       video_url = CASE WHEN $7::boolean THEN $8 ELSE video_url END,
       papers_due_on = CASE WHEN $9::boolean THEN $10::date ELSE papers_due_on END,
       status = coalesce($11, status),
       updated_at = now()
     WHERE partnership_id = $1 AND id = $2 RETURNING id`,
    [
      partnershipId,
      id,
      patch.date,
      patch.startTime,
      patch.endTime,
      patch.place ?? null,
      'videoUrl' in patch,
      patch.videoUrl ?? null,
      'papersDueOn' in patch,
      patch.papersDueOn ?? null,
      patch.status ?? null,
    ],
  );
  return rows.length > 0;
}

export type AgendaItem = {
  id: string;
  position: number;
  title: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  isStanding: boolean;
};

export async function listAgenda(db: Queryable, partnershipId: string, meetingId: string) {
  return db.query<AgendaItem>(
    `SELECT i.id, i.position, i.title, i.owner_person_id AS "ownerPersonId", p.name AS "ownerName",
            i.is_standing AS "isStanding"
       FROM agenda_items i
       LEFT JOIN people p ON p.partnership_id = i.partnership_id AND p.id = i.owner_person_id
      WHERE i.partnership_id = $1 AND i.meeting_id = $2
      ORDER BY i.is_standing, i.position, i.id LIMIT 200`,
    [partnershipId, meetingId],
  );
}

export async function insertAgendaItem(
  db: Queryable,
  partnershipId: string,
  meetingId: string,
  item: { title: string; ownerPersonId: string | null; isStanding: boolean },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO agenda_items (partnership_id, meeting_id, position, title, owner_person_id, is_standing)
     VALUES ($1, $2,
       (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $2), $3, $4, $5)
     RETURNING id`,
    [partnershipId, meetingId, item.title, item.ownerPersonId, item.isStanding],
  );
  return (rows[0] as { id: string }).id;
}

export async function countAgendaItems(db: Queryable, meetingId: string) {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM agenda_items WHERE meeting_id = $1',
    [meetingId],
  );
  return rows[0]?.n ?? 0;
}

/** Removes an item that is not the standing one; false when there is no such item. */
export async function deleteAgendaItem(
  db: Queryable,
  partnershipId: string,
  meetingId: string,
  itemId: string,
) {
  const rows = await db.query(
    `DELETE FROM agenda_items
      WHERE partnership_id = $1 AND meeting_id = $2 AND id = $3 AND NOT is_standing RETURNING id`,
    [partnershipId, meetingId, itemId],
  );
  return rows.length > 0;
}

export type AttendanceRow = {
  personId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  agencyKind: string;
  status: Attendance;
};

export async function listAttendance(db: Queryable, partnershipId: string, meetingId: string) {
  return db.query<AttendanceRow>(
    `SELECT t.person_id AS "personId", p.name, t.agency_id AS "agencyId", a.name AS "agencyName",
            a.kind AS "agencyKind", t.status
       FROM meeting_attendance t
       JOIN people p ON p.partnership_id = t.partnership_id AND p.id = t.person_id
       JOIN agencies a ON a.partnership_id = t.partnership_id AND a.id = t.agency_id
      WHERE t.partnership_id = $1 AND t.meeting_id = $2
      ORDER BY a.name, p.name LIMIT 1000`,
    [partnershipId, meetingId],
  );
}

/** Records one person's attendance, with the agency they are from today. */
export async function setAttendance(
  db: Queryable,
  partnershipId: string,
  meetingId: string,
  personId: string,
  status: Attendance,
) {
  const rows = await db.query(
    `INSERT INTO meeting_attendance (partnership_id, meeting_id, person_id, agency_id, status)
     SELECT $1, $2, p.id, p.agency_id, $4 FROM people p WHERE p.partnership_id = $1 AND p.id = $3
     ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = EXCLUDED.status
     RETURNING person_id`,
    [partnershipId, meetingId, personId, status],
  );
  return rows.length > 0;
}

export type Decision = { id: string; text: string; createdAt: Date };

export async function listDecisions(db: Queryable, partnershipId: string, meetingId: string) {
  return db.query<Decision>(
    `SELECT id, text, created_at AS "createdAt" FROM meeting_decisions
      WHERE partnership_id = $1 AND meeting_id = $2 ORDER BY created_at, id LIMIT 500`,
    [partnershipId, meetingId],
  );
}

export async function insertDecision(db: Queryable, partnershipId: string, meetingId: string, text: string) {
  const rows = await db.query<Decision>(
    `INSERT INTO meeting_decisions (partnership_id, meeting_id, text) VALUES ($1, $2, $3)
     RETURNING id, text, created_at AS "createdAt"`,
    [partnershipId, meetingId, text],
  );
  return rows[0] as Decision;
}

/** Saves a draft of the key points; false once they are approved (they no longer change). */
export async function saveKeyPoints(db: Queryable, partnershipId: string, id: string, text: string) {
  const rows = await db.query(
    `UPDATE meetings SET key_points = $3, updated_at = now()
      WHERE partnership_id = $1 AND id = $2 AND key_points_approved_at IS NULL RETURNING id`,
    [partnershipId, id, text],
  );
  return rows.length > 0;
}

export async function approveKeyPoints(
  db: Queryable,
  partnershipId: string,
  id: string,
  by: string,
  at: Date,
) {
  const rows = await db.query(
    `UPDATE meetings SET key_points_approved_at = $4, key_points_approved_by = $3, updated_at = now()
      WHERE partnership_id = $1 AND id = $2 AND key_points_approved_at IS NULL AND key_points <> '' RETURNING id`,
    [partnershipId, id, by, at],
  );
  return rows.length > 0;
}

export type KeyPoints = {
  meetingId: string;
  date: string;
  groupName: string;
  keyPoints: string;
  approvedAt: Date;
  approvedBy: string;
};

/** Approved key points, newest first, a page at a time. */
export async function listKeyPoints(
  db: Queryable,
  partnershipId: string,
  filter: { after: Cursor | null; limit: number },
) {
  const where = new Conditions()
    .add('m.partnership_id = ?', partnershipId)
    .add('m.key_points_approved_at IS NOT NULL')
    .before(filter.after, 'm.key_points_approved_at', 'm.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<KeyPoints>(
    `SELECT m.id AS "meetingId", to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS date,
            g.name AS "groupName", m.key_points AS "keyPoints", m.key_points_approved_at AS "approvedAt",
            m.key_points_approved_by AS "approvedBy"
       ${FROM} ${where.sql} ORDER BY m.key_points_approved_at DESC, m.id DESC ${limit}`,
    where.params,
  );
}
