import type { Queryable } from '../../db/database.ts';
import { Conditions, pageThenDetails } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { ActionStatus } from './rules.ts';
import type { ActionInput, ActionPatch } from './schemas.ts';

/** An item of a group's action list. */
export type MeetingAction = {
  id: string;
  meetingId: string;
  meetingDate: string;
  groupId: string;
  groupName: string;
  text: string;
  ownerPersonId: string;
  ownerName: string;
  agencyId: string;
  agencyName: string;
  dueOn: string;
  status: ActionStatus;
  progress: string;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `x.id, x.meeting_id AS "meetingId",
  to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "meetingDate",
  x.group_id AS "groupId", g.name AS "groupName", x.text, x.owner_person_id AS "ownerPersonId",
  p.name AS "ownerName", x.agency_id AS "agencyId", a.name AS "agencyName", x.due_on AS "dueOn",
  x.status, x.progress, x.created_at AS "createdAt", x.updated_at AS "updatedAt"`;
// The meeting, group, owner and agency by id alone (see "Joins by id" in db/sql.ts).
const JOINS = `JOIN meetings m ON m.id = x.meeting_id
  JOIN groups g ON g.id = x.group_id
  JOIN people p ON p.id = x.owner_person_id
  JOIN agencies a ON a.id = x.agency_id`;
const FROM = `FROM meeting_actions x ${JOINS}`;

export type ActionFilter = {
  meetingId?: string;
  groupId?: string;
  agencyId?: string;
  /** 'open' means open or in progress. */
  status?: ActionStatus | 'open-or-in-progress';
  after: Cursor | null;
  limit: number;
};

/**
 * Actions soonest due first, a page at a time on (due_on, id). The open actions of a group or an
 * agency (a group's page) have an index in due order: one statement whose plan is kept (0.8 ms
 * against 2.2 planned for each call, in the largest partnership). Every other filter sorts what it
 * selects, and needs its page planned for its values (kept, a meeting's list took 4.0 ms against 1.5,
 * and a group's whole list 32 against 10): its ids first, then their details (pageThenDetails).
 */
export async function listActions(db: Queryable, partnershipId: string, filter: ActionFilter) {
  const where = new Conditions()
    .add('x.partnership_id = ?', partnershipId)
    .addIf(filter.meetingId, 'x.meeting_id = ?')
    .addIf(filter.groupId, 'x.group_id = ?')
    .addIf(filter.agencyId, 'x.agency_id = ?');
  if (filter.status === 'open-or-in-progress') where.add("x.status IN ('open', 'in-progress')");
  else where.addIf(filter.status, 'x.status = ?');
  where.after(filter.after, 'x.due_on', 'x.id');
  const limit = where.limit(filter.limit + 1);
  const page = `FROM meeting_actions x ${where.sql} ORDER BY x.due_on, x.id ${limit}`;
  if (filter.status === 'open-or-in-progress' && !filter.meetingId && (filter.groupId || filter.agencyId)) {
    return db.query<MeetingAction>(
      `SELECT ${COLUMNS} FROM (SELECT * ${page}) x ${JOINS} ORDER BY x.due_on, x.id`,
      where.params,
    );
  }
  return pageThenDetails(db, `SELECT x.id ${page}`, where.params, (ids) =>
    db.query<MeetingAction>(
      `SELECT ${COLUMNS} ${FROM} WHERE x.partnership_id = $1 AND x.id = ANY($2::uuid[]) ORDER BY x.due_on, x.id`,
      [partnershipId, ids],
    ),
  );
}

export async function findAction(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<MeetingAction>(
    `SELECT ${COLUMNS} ${FROM} WHERE x.partnership_id = $1 AND x.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/**
 * Adds an action owned by a person of this partnership, for that person's agency; null when the owner
 * is not one of the partnership's people (nothing is written).
 */
export async function insertAction(
  db: Queryable,
  partnershipId: string,
  meeting: { id: string; groupId: string },
  input: ActionInput,
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO meeting_actions (partnership_id, meeting_id, group_id, text, owner_person_id, agency_id, due_on)
     SELECT $1, $2, $3, $4, p.id, p.agency_id, $6 FROM people p WHERE p.partnership_id = $1 AND p.id = $5
     RETURNING id`,
    [partnershipId, meeting.id, meeting.groupId, input.text, input.ownerPersonId, input.dueOn],
  );
  return rows[0]?.id ?? null;
}

/** Changes an action; a new owner brings their agency. Null when the new owner is not found. */
export async function updateAction(db: Queryable, partnershipId: string, id: string, patch: ActionPatch) {
  const rows = await db.query<{ id: string }>(
    `UPDATE meeting_actions x SET
       text = coalesce($3, x.text),
       owner_person_id = coalesce(o.id, x.owner_person_id),
       agency_id = coalesce(o.agency_id, x.agency_id),
       due_on = coalesce($5::date, x.due_on),
       status = coalesce($6, x.status),
       progress = coalesce($7, x.progress),
       updated_at = now()
     FROM (SELECT NULL::uuid AS id, NULL::uuid AS agency_id WHERE $4::uuid IS NULL
           UNION ALL
           SELECT p.id, p.agency_id FROM people p WHERE p.partnership_id = $1 AND p.id = $4::uuid) o
     WHERE x.partnership_id = $1 AND x.id = $2 RETURNING x.id`,
    [
      partnershipId,
      id,
      patch.text ?? null,
      patch.ownerPersonId ?? null,
      patch.dueOn ?? null,
      patch.status ?? null,
      patch.progress ?? null,
    ],
  );
  return rows.length > 0;
}
