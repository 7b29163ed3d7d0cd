import type { Database } from '../../db/database.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import * as repo from './reminders-repo.ts';

/** What the learning action plan reminds owners of: the messages (pure), and the source. */

type Due = { number: number; text: string; dueOn: string };

export function planActionDueSoonMessage(a: Due, link: string) {
  return {
    subject: `ACT-${a.number} is due ${dayText(a.dueOn)}: ${a.text.slice(0, 80)}`,
    body: `An action of the partnership's learning action plan that you own is due on ${dayText(a.dueOn)}:\n\n${a.text}\n\nRecord its progress or outcome: ${link}`,
  };
}

export function planActionOverdueMessage(a: Due, link: string) {
  return {
    subject: `ACT-${a.number} is overdue: ${a.text.slice(0, 80)}`,
    body: `An action of the partnership's learning action plan that you own was due on ${dayText(a.dueOn)} and is still open:\n\n${a.text}\n\nRecord its progress, or say why it is late: ${link}`,
  };
}

/**
 * The plan's reminders for a day, across every partnership: open actions due within 7 days, and
 * overdue ones up to 30 days late (so an old gap is not mailed daily forever), to their owners. Each
 * is sent once, by its key.
 */
export function planReminders(db: Database, siteUrl: string) {
  return async (today: string) => {
    const [soon, overdue] = await Promise.all([
      repo.openActionsDueBetween(db, today, addDays(today, 7)),
      repo.openActionsDueBetween(db, addDays(today, -30), addDays(today, -1)),
    ]);
    const link = (a: { id: string }) => `${siteUrl}/actions/${a.id}#progress`;
    const key = (...parts: string[]) => parts.join(':').toLowerCase();
    return [
      ...soon.map((a) => ({
        partnershipId: a.partnershipId,
        to: a.email,
        ...planActionDueSoonMessage(a, link(a)),
        dedupeKey: key('plan-action-due-soon', a.id, a.dueOn, a.email),
      })),
      ...overdue.map((a) => ({
        partnershipId: a.partnershipId,
        to: a.email,
        ...planActionOverdueMessage(a, link(a)),
        dedupeKey: key('plan-action-overdue', a.id, a.dueOn, a.email),
      })),
    ];
  };
}
