import type { Database } from '../../db/database.ts';
import { dayText } from './pack.ts';

/** What the meetings feature reminds people of: the message of each kind. Pure. */
export type ReminderMessage = { subject: string; body: string };

export function actionDueSoonMessage(a: { text: string; dueOn: string; groupName: string }, link: string) {
  return {
    subject: `Action due ${dayText(a.dueOn)}: ${a.text.slice(0, 80)}`,
    body: `An action you own for the ${a.groupName} is due on ${dayText(a.dueOn)}:\n\n${a.text}\n\nUpdate its progress: ${link}`,
  };
}

export function actionOverdueMessage(a: { text: string; dueOn: string; groupName: string }, link: string) {
  return {
    subject: `Action overdue: ${a.text.slice(0, 80)}`,
    body: `An action you own for the ${a.groupName} was due on ${dayText(a.dueOn)} and is still open:\n\n${a.text}\n\nUpdate it, or say why it is late: ${link}`,
  };
}

export function escalationUnansweredMessage(
  e: { number: number; title: string; meetingDate: string },
  link: string,
) {
  return {
    subject: `ESC-${e.number} still unanswered after the Executive of ${dayText(e.meetingDate)}`,
    body: `The escalation "${e.title}" (ESC-${e.number}) was open at the Executive meeting of ${dayText(e.meetingDate)} and has no response yet.\n\nRecord the Executive's response: ${link}`,
  };
}

export function papersDueMessage(
  m: { groupName: string; meetingDate: string; papersDueOn: string },
  link: string,
) {
  return {
    subject: `Papers due ${dayText(m.papersDueOn)} for the ${m.groupName}`,
    body: `Papers for the ${m.groupName} meeting on ${dayText(m.meetingDate)} are due on ${dayText(m.papersDueOn)}.\n\nThe meeting and its agenda: ${link}`,
  };
}

/**
 * The meetings feature's reminders for a day, across every partnership: actions due within 7 days
 * and newly overdue (to their owners), escalations still unanswered after an executive meeting (to
 * the business unit), and papers due within 2 days (to the group's members). Each has a key, so each
 * is sent once however often this runs.
 */
export function meetingReminders(db: Database, siteUrl: string) {
  return async (today: string) => {
    const [soon, overdue, unanswered, papers] = await Promise.all([
      db.query<{
        id: string;
        partnershipId: string;
        meetingId: string;
        text: string;
        dueOn: string;
        groupName: string;
        email: string;
      }>(
        `SELECT x.id, x.partnership_id AS "partnershipId", x.meeting_id AS "meetingId", x.text, x.due_on AS "dueOn",
                g.name AS "groupName", p.email
           FROM meeting_actions x
           JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.owner_person_id
           JOIN groups g ON g.partnership_id = x.partnership_id AND g.id = x.group_id
          WHERE x.status IN ('open', 'in-progress') AND x.due_on BETWEEN $1::date AND $1::date + 7
            AND p.email IS NOT NULL
          LIMIT 10000`,
        [today],
      ),
      db.query<{
        id: string;
        partnershipId: string;
        meetingId: string;
        text: string;
        dueOn: string;
        groupName: string;
        email: string;
      }>(
        `SELECT x.id, x.partnership_id AS "partnershipId", x.meeting_id AS "meetingId", x.text, x.due_on AS "dueOn",
                g.name AS "groupName", p.email
           FROM meeting_actions x
           JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.owner_person_id
           JOIN groups g ON g.partnership_id = x.partnership_id AND g.id = x.group_id
          WHERE x.status IN ('open', 'in-progress') AND x.due_on < $1::date AND x.due_on >= $1::date - 30
            AND p.email IS NOT NULL
          LIMIT 10000`,
        [today],
      ),
      db.query<{
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
             SELECT m.id, m.starts_at FROM meetings m JOIN groups g ON g.partnership_id = m.partnership_id AND g.id = m.group_id
              WHERE m.partnership_id = e.partnership_id AND g.type = 'executive' AND m.status <> 'cancelled'
                AND (m.starts_at AT TIME ZONE 'Europe/London')::date >= e.raised_on
                AND (m.starts_at AT TIME ZONE 'Europe/London')::date < $1::date
              ORDER BY m.starts_at LIMIT 1) m ON true
           JOIN users u ON u.partnership_id = e.partnership_id AND u.role = 'admin' AND u.is_active
          WHERE e.status IN ('open', 'considered')
          LIMIT 10000`,
        [today],
      ),
      db.query<{
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
          WHERE m.status = 'scheduled' AND m.papers_due_on BETWEEN $1::date AND $1::date + 2 AND p.email IS NOT NULL
          LIMIT 10000`,
        [today],
      ),
    ]);
    const actionLink = (a: { meetingId: string; id: string }) =>
      `${siteUrl}/meetings/${a.meetingId}/actions/${a.id}`;
    return [
      ...soon.map((a) => ({
        partnershipId: a.partnershipId,
        to: a.email,
        ...messageOf(actionDueSoonMessage(a, actionLink(a))),
        dedupeKey: `action-due-soon:${a.id}:${a.dueOn}:${a.email.toLowerCase()}`,
      })),
      ...overdue.map((a) => ({
        partnershipId: a.partnershipId,
        to: a.email,
        ...messageOf(actionOverdueMessage(a, actionLink(a))),
        dedupeKey: `action-overdue:${a.id}:${a.dueOn}:${a.email.toLowerCase()}`,
      })),
      ...unanswered.map((e) => ({
        partnershipId: e.partnershipId,
        to: e.email,
        ...messageOf(escalationUnansweredMessage(e, `${siteUrl}/escalations/${e.id}`)),
        dedupeKey: `escalation-unanswered:${e.id}:${e.meetingId}:${e.email.toLowerCase()}`,
      })),
      ...papers.map((m) => ({
        partnershipId: m.partnershipId,
        to: m.email,
        ...messageOf(papersDueMessage(m, `${siteUrl}/meetings/${m.id}`)),
        dedupeKey: `papers-due:${m.id}:${m.papersDueOn}:${m.email.toLowerCase()}`,
      })),
    ];
  };
}

const messageOf = (m: ReminderMessage) => ({ subject: m.subject, body: m.body });
