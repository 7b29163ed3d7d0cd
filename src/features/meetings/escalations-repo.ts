import { PLAN_FOR_VALUES, type Queryable } from '../../db/database.ts';
import { Conditions, likePattern } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { EscalationStatus } from './escalation-rules.ts';
import type { EscalationInput } from './schemas.ts';

export type Escalation = {
  id: string;
  number: number;
  title: string;
  issue: string;
  ask: string;
  raisedByGroupId: string | null;
  raisedByGroupName: string | null;
  raisedByPersonId: string | null;
  raisedByPersonName: string | null;
  raisedByAgencyId: string;
  raisedByAgencyName: string;
  raisedAtMeetingId: string | null;
  raisedOn: string;
  status: EscalationStatus;
  response: string;
  decision: string;
  consideredOn: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `e.id, e.number, e.title, e.issue, e.ask,
  e.raised_by_group_id AS "raisedByGroupId", g.name AS "raisedByGroupName",
  e.raised_by_person_id AS "raisedByPersonId", p.name AS "raisedByPersonName",
  e.raised_by_agency_id AS "raisedByAgencyId", a.name AS "raisedByAgencyName",
  e.raised_at_meeting_id AS "raisedAtMeetingId", e.raised_on AS "raisedOn", e.status,
  e.response, e.decision, e.considered_on AS "consideredOn", e.responded_on AS "respondedOn",
  e.closed_on AS "closedOn", e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;
const JOINS = `JOIN agencies a ON a.id = e.raised_by_agency_id
  LEFT JOIN groups g ON g.id = e.raised_by_group_id
  LEFT JOIN people p ON p.id = e.raised_by_person_id`; // joined by id: see sql.ts
const FROM = `FROM escalations e ${JOINS}`;

export type EscalationFilter = {
  /** 'unanswered': open or considered. */
  status?: EscalationStatus | 'unanswered';
  groupId?: string;
  agencyId?: string;
  meetingId?: string;
  q?: string;
  /** Part of the name of the group or the agency that raised it. */
  raisedBy?: string;
  after: Cursor | null;
  limit: number;
};

/**
 * A page of escalations, newest raised first, a page at a time on (raised_on, id): a subquery the
 * lists join their names to. One statement, whose plan the connection keeps. Planned afresh for each
 * call, or as the page's ids and then their details, it cost the database 0.4-0.7 ms a page against
 * 0.14-0.21 ms, and the service a second round trip. The kept plan was measured no slower than one
 * planned for the values on every filter, for the largest partnership and a small one, at 1x: status,
 * group and agency have indexes led by the partnership in this order, a meeting's few escalations are
 * found by its own index, and a rare word in the title walks the partnership's escalations either way
 * (there is no index for words in titles).
 */
function page(partnershipId: string, filter: EscalationFilter) {
  const where = new Conditions()
    .add('e.partnership_id = ?', partnershipId)
    .addIf(filter.groupId, 'e.raised_by_group_id = ?')
    .addIf(filter.agencyId, 'e.raised_by_agency_id = ?')
    .addIf(filter.meetingId, 'e.raised_at_meeting_id = ?')
    .contains(['e.title'], filter.q);
  if (filter.raisedBy) {
    const pattern = likePattern(filter.raisedBy);
    // The groups and agencies are found first (a few hundred rows), then the escalations they raised.
    where.add(
      `(e.raised_by_group_id IN (SELECT id FROM groups WHERE partnership_id = ? AND name ILIKE ?)
        OR e.raised_by_agency_id IN (SELECT id FROM agencies WHERE partnership_id = ? AND name ILIKE ?))`,
      partnershipId,
      pattern,
      partnershipId,
      pattern,
    );
  }
  if (filter.status === 'unanswered') where.add("e.status IN ('open', 'considered')");
  else where.addIf(filter.status, 'e.status = ?');
  where.before(filter.after, 'e.raised_on', 'e.id');
  const limit = where.limit(filter.limit + 1);
  return {
    from: `FROM (SELECT * FROM escalations e ${where.sql} ORDER BY e.raised_on DESC, e.id DESC ${limit}) e`,
    params: where.params,
  };
}

/** Whole escalations, newest raised first (the API's list and a meeting's). */
export async function listEscalations(db: Queryable, partnershipId: string, filter: EscalationFilter) {
  const { from, params } = page(partnershipId, filter);
  return db.query<Escalation>(
    `SELECT ${COLUMNS} ${from} ${JOINS} ORDER BY e.raised_on DESC, e.id DESC`,
    params,
  );
}

/** What the tracker's table shows of an escalation, and what its age is counted from. */
export type EscalationRow = Pick<
  Escalation,
  | 'id'
  | 'number'
  | 'title'
  | 'raisedByGroupName'
  | 'raisedByAgencyName'
  | 'raisedOn'
  | 'status'
  | 'respondedOn'
  | 'closedOn'
>;

/**
 * The tracker's rows, in the order of listEscalations. The table reads only what it shows: the issue,
 * the ask, the response and the decision can each be paragraphs, and turning 21 columns of 50 rows
 * into objects cost the service 0.4-0.6 ms a page against 0.2 ms for these 9.
 */
export async function listEscalationRows(db: Queryable, partnershipId: string, filter: EscalationFilter) {
  const { from, params } = page(partnershipId, filter);
  return db.query<EscalationRow>(
    `SELECT e.id, e.number, e.title, g.name AS "raisedByGroupName", a.name AS "raisedByAgencyName",
            e.raised_on AS "raisedOn", e.status, e.responded_on AS "respondedOn", e.closed_on AS "closedOn"
       ${from}
       JOIN agencies a ON a.id = e.raised_by_agency_id
       LEFT JOIN groups g ON g.id = e.raised_by_group_id
      ORDER BY e.raised_on DESC, e.id DESC`,
    params,
  );
}

export type FilterNames = { groupName: string | null; agencyName: string | null; meetingName: string | null };

/** The names of the group, agency and meeting a list is filtered by: null where none of this partnership's. */
export async function filterNames(
  db: Queryable,
  partnershipId: string,
  ids: { groupId?: string; agencyId?: string; meetingId?: string },
) {
  const rows = await db.query<FilterNames>(
    `SELECT (SELECT name FROM groups WHERE partnership_id = $1 AND id = $2) AS "groupName",
            (SELECT name FROM agencies WHERE partnership_id = $1 AND id = $3) AS "agencyName",
            (SELECT g.name || ', ' || to_char(m.starts_at AT TIME ZONE 'Europe/London', 'FMDD FMMonth YYYY')
               FROM meetings m JOIN groups g ON g.id = m.group_id
              WHERE m.partnership_id = $1 AND m.id = $4) AS "meetingName"`,
    [partnershipId, ids.groupId ?? null, ids.agencyId ?? null, ids.meetingId ?? null],
  );
  return rows[0] as FilterNames;
}

export async function findEscalation(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Escalation>(
    `SELECT ${COLUMNS} ${FROM} WHERE e.partnership_id = $1 AND e.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/**
 * For a meeting pack: those open on the day (raised by then, neither answered nor closed by then),
 * oldest first, capped; the cap is reported by the caller.
 */
export async function openOnDay(db: Queryable, partnershipId: string, day: string, limit: number) {
  return db.query<Escalation>(
    `${PLAN_FOR_VALUES}SELECT ${COLUMNS} ${FROM}
      WHERE e.partnership_id = $1 AND e.raised_on <= $2::date
        AND (e.responded_on IS NULL OR e.responded_on > $2::date)
        AND (e.closed_on IS NULL OR e.closed_on > $2::date)
      ORDER BY e.raised_on, e.id LIMIT $3`,
    [partnershipId, day, limit],
  );
}

/** For a meeting pack: those answered after one day and up to another. */
export async function answeredBetween(
  db: Queryable,
  partnershipId: string,
  afterDay: string | null,
  upToDay: string,
  limit: number,
) {
  return db.query<Escalation>(
    `${PLAN_FOR_VALUES}SELECT ${COLUMNS} ${FROM}
      WHERE e.partnership_id = $1 AND e.responded_on IS NOT NULL AND e.responded_on <= $3::date
        AND ($2::date IS NULL OR e.responded_on > $2::date)
      ORDER BY e.responded_on, e.id LIMIT $4`,
    [partnershipId, afterDay, upToDay, limit],
  );
}

/**
 * Adds an escalation with the partnership's next number. The caller holds the per-partnership lock
 * (`lockNumbers`) so two escalations raised at once don't take the same number.
 */
export async function insertEscalation(db: Queryable, partnershipId: string, input: EscalationInput) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO escalations (partnership_id, number, title, issue, ask, raised_by_group_id,
       raised_by_person_id, raised_by_agency_id, raised_at_meeting_id, raised_on)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM escalations WHERE partnership_id = $1),
       $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING id`,
    [
      partnershipId,
      input.title,
      input.issue,
      input.ask,
      input.raisedByGroupId,
      input.raisedByPersonId,
      input.raisedByAgencyId,
      input.raisedAtMeetingId,
      input.raisedOn,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function lockNumbers(db: Queryable, partnershipId: string) {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`escalation-numbers:${partnershipId}`]);
}

/** Moves an escalation to a status, dating the step and keeping the response and decision given. */
export async function moveEscalation(
  db: Queryable,
  partnershipId: string,
  id: string,
  move: { to: EscalationStatus; onDate: string; response: string; decision: string },
) {
  await db.query(
    `UPDATE escalations SET status = $3,
       considered_on = CASE WHEN $3 = 'considered' THEN $4::date ELSE considered_on END,
       responded_on = CASE WHEN $3 = 'responded' THEN $4::date ELSE responded_on END,
       closed_on = CASE WHEN $3 = 'closed' THEN $4::date ELSE closed_on END,
       response = CASE WHEN $5 <> '' THEN $5 ELSE response END,
       decision = CASE WHEN $6 <> '' THEN $6 ELSE decision END,
       updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, move.to, move.onDate, move.response, move.decision],
  );
}

export type EscalationEvent = {
  onDate: string;
  fromStatus: EscalationStatus | null;
  toStatus: EscalationStatus;
  note: string;
  actorLabel: string;
  at: Date;
};

export async function addEvent(
  db: Queryable,
  partnershipId: string,
  escalationId: string,
  event: Omit<EscalationEvent, 'at'>,
) {
  await db.query(
    `INSERT INTO escalation_events (partnership_id, escalation_id, on_date, from_status, to_status, note, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      partnershipId,
      escalationId,
      event.onDate,
      event.fromStatus,
      event.toStatus,
      event.note,
      event.actorLabel,
    ],
  );
}

export async function listEvents(db: Queryable, partnershipId: string, escalationId: string) {
  return db.query<EscalationEvent>(
    `SELECT on_date AS "onDate", from_status AS "fromStatus", to_status AS "toStatus", note,
            actor_label AS "actorLabel", at
       FROM escalation_events WHERE partnership_id = $1 AND escalation_id = $2 ORDER BY id LIMIT 200`,
    [partnershipId, escalationId],
  );
}
