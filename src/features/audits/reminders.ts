import type { Database } from '../../db/database.ts';
import { dayText } from '../../platform/calendar/day-text.ts';
import { addDays } from '../../platform/calendar/working-days.ts';
import { followUpsDueBetween } from './reminders-repo.ts';

/** What the audit programme reminds its leads of: the follow-up learning session (pure), and the source. */

export function followUpMessage(a: { number: number; title: string; followUpOn: string }, link: string) {
  return {
    subject: `Follow-up learning session for AUD-${a.number} due ${dayText(a.followUpOn)}`,
    body: `The follow-up learning session of the audit "${a.title}" (AUD-${a.number}) is due on ${dayText(a.followUpOn)}: six months on, check with the partners what has changed since the workshop.\n\nThe audit and its findings: ${link}`,
  };
}

/**
 * Reminders of follow-up learning sessions due within 14 days, across every partnership, to the
 * audit's lead (or else its agency's contact address), once each by its key.
 */
export function auditReminders(db: Database, siteUrl: string) {
  return async (today: string) => {
    const rows = await followUpsDueBetween(db, today, addDays(today, 14));
    return rows.map((a) => ({
      partnershipId: a.partnershipId,
      to: a.email,
      ...followUpMessage(a, `${siteUrl}/audits/${a.id}`),
      dedupeKey: ['audit-follow-up', a.id, a.followUpOn, a.email].join(':').toLowerCase(),
    }));
  };
}
