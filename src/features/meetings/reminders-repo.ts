import type { Queryable } from '../../db/database.ts';

/** SQL for the meetings feature's reminders: across every partnership, by date, capped. */

type ActionDue = {
  id: string;
  partnershipId: string;
  meetingId: string;
  text: string;
  dueOn: string;
  groupName: string;
  email: string;
};

/** Open actions due from `fromDays` to `toDays` days after today, whose owners have an address. */
export function openActionsDueBetween(db: Queryable, today: string, fromDays: number, toDays: number) {
  return db.query<ActionDue>(
    `SELECT x.id, x.partnership_id AS "partnershipId", x.meeting_id AS "meetingId", x.text, x.due_on AS "dueOn",
            g.name AS "groupName", p.email
       FROM meeting_actions x
       JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.owner_person_id
       JOIN groups g ON g.partnership_id = x.partnership_id AND g.id = x.group_id
      WHERE x.status IN ('open', 'in-progress') AND x.due_on BETWEEN $1::date + $2::int AND $1::date + $3::int
        AND p.email IS NOT NULL
      LIMIT 10000`,
    [today, fromDays, toDays],
  );
}

/**
 * Escalations still open or considered after the first executive meeting held since they were
 * raised (and before today), with each business-unit address of their partnership.
 */
export function escalationsUnansweredAfterExecutive(db: Queryable, today: string) {
  return db.query<{
    id: string;
    partnershipId: string;
    number: number;
    title: string;
    meetingId: string;
    meetingDate: string;
    email: string;
  }>(
    `SELECT e.id, e.partnership_id AS "partnershipId", e.number, e.title, m.id AS "meetingId",
            to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "meetingDate", u.email
       FROM escalations e
       JOIN LATERAL (
         SELECT m.id, m.starts_at FROM meetings m
           JOIN groups g ON g.partnership_id = m.partnership_id AND g.id = m.group_id
          WHERE m.partnership_id = e.partnership_id AND g.type = 'executive' AND m.status <> 'cancelled'
            AND (m.starts_at AT TIME ZONE 'Europe/London')::date >= e.raised_on
            AND (m.starts_at AT TIME ZONE 'Europe/London')::date < $1::date
          ORDER BY m.starts_at LIMIT 1) m ON true
       JOIN users u ON u.partnership_id = e.partnership_id AND u.role = 'admin' AND u.is_active
      WHERE e.status IN ('open', 'considered')
      LIMIT 10000`,
    [today],
  );
}

/** Scheduled meetings whose papers are due within `days` days, with each member's address. */
export function papersDueSoon(db: Queryable, today: string, days: number) {
  return db.query<{
    id: string;
    partnershipId: string;
    groupName: string;
    meetingDate: string;
    papersDueOn: string;
    email: string;
  }>(
    `SELECT m.id, m.partnership_id AS "partnershipId", g.name AS "groupName",
            to_char(m.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "meetingDate",
            m.papers_due_on AS "papersDueOn", p.email
       FROM meetings m
       JOIN groups g ON g.partnership_id = m.partnership_id AND g.id = m.group_id
       JOIN group_members gm ON gm.group_id = m.group_id
       JOIN people p ON p.partnership_id = gm.partnership_id AND p.id = gm.person_id
      WHERE m.status = 'scheduled' AND m.papers_due_on BETWEEN $1::date AND $1::date + $2::int
        AND p.email IS NOT NULL
      LIMIT 10000`,
    [today, days],
  );
}
