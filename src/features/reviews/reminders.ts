import type { Database } from '../../db/database.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import { addDays, addWorkingDays } from '../../platform/calendar/working-days.ts';
import { CLOCK_NAMES } from './clocks.ts';
import * as repo from './reminders-repo.ts';

/** What the case-review clocks remind the business unit of: the messages (pure), and the source. */

export type ReminderStage = 'five-days' | 'one-day' | 'overdue';

/** The stage of a clock's reminder on a day: 5 working days before, 1 working day before, overdue. */
export function reminderStage(dueOn: string, today: string): ReminderStage | null {
  if (dueOn < today) return 'overdue';
  if (dueOn <= addWorkingDays(today, 1)) return 'one-day';
  if (dueOn <= addWorkingDays(today, 5)) return 'five-days';
  return null;
}

export function clockReminderMessage(
  c: { number: number; pseudonym: string; clock: keyof typeof CLOCK_NAMES; dueOn: string },
  stage: ReminderStage,
  link: string,
) {
  const name = CLOCK_NAMES[c.clock];
  const when =
    stage === 'overdue'
      ? `was due on ${dayText(c.dueOn)} and is overdue`
      : `is due on ${dayText(c.dueOn)}, ${stage === 'one-day' ? 'within 1 working day' : 'within 5 working days'}`;
  return {
    subject: `${stage === 'overdue' ? 'Overdue' : 'Due soon'}: ${name}, SI-${c.number}`,
    body: `${name} for case SI-${c.number} (${c.pseudonym}) ${when}.\n\nRecord it, or waive it with a reason: ${link}`,
  };
}

/**
 * The clocks' reminders for a day, to each business-unit address: 5 and 1 working days before the
 * due date, and once when overdue (for clocks up to 60 days late, so an old gap is not mailed
 * daily forever). Each stage of each due date is sent once, by its key.
 */
export function clockReminders(db: Database, siteUrl: string) {
  return async (today: string) => {
    const rows = await repo.openClocksDueBetween(db, addDays(today, -60), addWorkingDays(today, 5));
    return rows.flatMap((c) => {
      const stage = reminderStage(c.dueOn, today);
      if (!stage) return [];
      return [
        {
          partnershipId: c.partnershipId,
          to: c.email,
          ...clockReminderMessage(c, stage, `${siteUrl}/cases/${c.incidentId}#clocks`),
          dedupeKey: ['clock', stage, c.incidentId, c.clock, c.dueOn, c.email].join(':').toLowerCase(),
        },
      ];
    });
  };
}
