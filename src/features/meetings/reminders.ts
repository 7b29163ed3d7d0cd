import type { Database } from '../../db/database.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import * as repo from './reminders-repo.ts';

/** What the meetings feature reminds people of: the message of each kind (pure), and the source. */

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
      repo.openActionsDueBetween(db, today, 0, 7),
      repo.openActionsDueBetween(db, today, -30, -1),
      repo.escalationsUnansweredAfterExecutive(db, today),
      repo.papersDueSoon(db, today, 2),
    ]);
    const actionLink = (a: { meetingId: string; id: string }) =>
      `${siteUrl}/meetings/${a.meetingId}/actions/${a.id}`;
    const to = (row: { partnershipId: string; email: string }) => ({
      partnershipId: row.partnershipId,
      to: row.email,
    });
    const key = (...parts: string[]) => parts.join(':').toLowerCase();
    return [
      ...soon.map((a) => ({
        ...to(a),
        ...actionDueSoonMessage(a, actionLink(a)),
        dedupeKey: key('action-due-soon', a.id, a.dueOn, a.email),
      })),
      ...overdue.map((a) => ({
        ...to(a),
        ...actionOverdueMessage(a, actionLink(a)),
        dedupeKey: key('action-overdue', a.id, a.dueOn, a.email),
      })),
      ...unanswered.map((e) => ({
        ...to(e),
        ...escalationUnansweredMessage(e, `${siteUrl}/escalations/${e.id}`),
        dedupeKey: key('escalation-unanswered', e.id, e.meetingId, e.email),
      })),
      ...papers.map((m) => ({
        ...to(m),
        ...papersDueMessage(m, `${siteUrl}/meetings/${m.id}`),
        dedupeKey: key('papers-due', m.id, m.papersDueOn, m.email),
      })),
    ];
  };
}
