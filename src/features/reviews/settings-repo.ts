import type { Queryable } from '../../db/database.ts';
import type { LocalSettings } from './clock-settings.ts';

export async function findSettings(db: Queryable, partnershipId: string) {
  const rows = await db.query<LocalSettings>(
    `SELECT report_before_publication_working_days AS "reportBeforePublicationWorkingDays",
            learning_session_days AS "learningSessionDays", follow_up_months AS "followUpMonths",
            reflection_months AS "reflectionMonths"
       FROM review_settings WHERE partnership_id = $1`,
    [partnershipId],
  );
  return rows[0] ?? null;
}

export async function saveSettings(db: Queryable, partnershipId: string, s: LocalSettings) {
  await db.query(
    `INSERT INTO review_settings (partnership_id, report_before_publication_working_days, learning_session_days,
       follow_up_months, reflection_months)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (partnership_id) DO UPDATE SET
       report_before_publication_working_days = EXCLUDED.report_before_publication_working_days,
       learning_session_days = EXCLUDED.learning_session_days, follow_up_months = EXCLUDED.follow_up_months,
       reflection_months = EXCLUDED.reflection_months, updated_at = now()`,
    [
      partnershipId,
      s.reportBeforePublicationWorkingDays,
      s.learningSessionDays,
      s.followUpMonths,
      s.reflectionMonths,
    ],
  );
}

/** The partnership's cases, a batch at a time in number order, after the given number. */
export async function caseIdsAfter(db: Queryable, partnershipId: string, afterNumber: number, limit: number) {
  return db.query<{ id: string; number: number }>(
    'SELECT id, number FROM incidents WHERE partnership_id = $1 AND number > $2 ORDER BY number LIMIT $3',
    [partnershipId, afterNumber, limit],
  );
}
