import type { Queryable } from '../src/db/database.ts';
import { caseDates, reviewDatesFrom } from '../src/features/reviews/case-access.ts';
import { clockTimings } from '../src/features/reviews/clocks.ts';
import type { Incident } from '../src/features/reviews/incidents-repo.ts';
import { findReviewDetails } from '../src/features/reviews/practice-reviews-repo.ts';

/**
 * Serious incidents over three years, as a partnership's business unit would have kept them: the
 * older ones notified, reviewed and decided (one in five an LCSPR, with a practice review that is
 * completed and published once old enough), the newest still inside their first clocks. Each
 * case's clocks are worked out by the product's own rules and written as the service would.
 */
export async function insertCases(
  tx: Queryable,
  ids: { partnershipId: string; incidentId: (n: string) => string },
  count: number,
) {
  const { partnershipId } = ids;
  // Case i became known 1095 - i * 1095 / count days ago.
  const aware = `(current_date - 1095 + (i * 1095) / $2::int)`;
  const old = (days: number) => `${aware} < current_date - ${days}`;
  await tx.query(
    `INSERT INTO incidents (id, partnership_id, number, kind, pseudonym, aware_on, outcome, harm_category, age_band,
       summary, notified_panel_on, panel_met_on, immediate_learning, recommendation, recommendation_reasons,
       rapid_review_sent_on, decision, decided_on, decision_reasons)
     SELECT ${ids.incidentId('i')}, $1::uuid, i, 'incident', 'Child ' || i, ${aware},
       CASE WHEN i % 7 = 0 THEN 'died' ELSE 'seriously-harmed' END,
       (ARRAY['neglect', 'physical-abuse', 'sexual-abuse', 'emotional-abuse', 'exploitation', 'other'])[1 + i % 6],
       (ARRAY['under-1', '1-4', '5-9', '10-15', '16-17'])[1 + i % 5],
       'Synthetic case ' || i || ' for the benchmark.',
       CASE WHEN ${old(5)} THEN ${aware} + 3 END,
       CASE WHEN ${old(20)} THEN ${aware} + 14 END,
       CASE WHEN ${old(20)} THEN 'Immediate learning of case ' || i ELSE '' END,
       CASE WHEN ${old(20)} THEN CASE WHEN i % 5 = 0 THEN 'lcspr' ELSE 'no-further-review' END END,
       '', CASE WHEN ${old(20)} THEN ${aware} + 18 END,
       CASE WHEN ${old(40)} THEN CASE WHEN i % 5 = 0 THEN 'lcspr' ELSE 'no-further-review' END END,
       CASE WHEN ${old(40)} THEN ${aware} + 28 END, CASE WHEN ${old(40)} THEN 'Agreed with the panel.' ELSE '' END
     FROM generate_series(1, $2::int) i`,
    [partnershipId, count],
  );
  // Each LCSPR's practice review: completed and published once the decision is 200 days old.
  await tx.query(
    `INSERT INTO practice_reviews (partnership_id, incident_id, methods, terms_of_reference, themes, completed_on,
       sent_to_panel_on, published_on)
     SELECT partnership_id, id, ARRAY['partner-authored-report', 'family-engagement'], 'Terms of reference.',
       ARRAY['Neglect'],
       CASE WHEN decided_on < current_date - 200 THEN decided_on + 170 END,
       CASE WHEN decided_on < current_date - 200 THEN decided_on + 175 END,
       CASE WHEN decided_on < current_date - 200 THEN decided_on + 190 END
       FROM incidents WHERE partnership_id = $1 AND decision = 'lcspr'`,
    [partnershipId],
  );
  // The clocks, by the rules, 500 cases at a time.
  const batch = 500;
  for (let from = 1; from <= count; from += batch) {
    const incidents = await tx.query<Incident>(
      `SELECT id, number, kind, aware_on AS "awareOn", notified_panel_on AS "notifiedPanelOn",
              rapid_review_sent_on AS "rapidReviewSentOn", decision, decided_on AS "decidedOn",
              '[]'::json AS waivers
         FROM incidents WHERE partnership_id = $1 AND number BETWEEN $2 AND $3`,
      [partnershipId, from, from + batch - 1],
    );
    const rows: { incident: string; clock: string; due: string; met: string | null }[] = [];
    for (const incident of incidents) {
      const details =
        incident.decision === 'lcspr' ? await findReviewDetails(tx, partnershipId, incident.id) : null;
      const review = details ? reviewDatesFrom(details.review, details.events) : null;
      for (const t of clockTimings(caseDates(incident, review)))
        if (t.dueOn && !t.notRunning)
          rows.push({ incident: incident.id, clock: t.key, due: t.dueOn, met: t.metOn });
    }
    await tx.query(
      `INSERT INTO case_clocks (partnership_id, incident_id, clock, due_on, met_on)
       SELECT $1, x.incident, x.clock, x.due, x.met
         FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) AS x(incident, clock, due, met)`,
      [
        partnershipId,
        rows.map((r) => r.incident),
        rows.map((r) => r.clock),
        rows.map((r) => r.due),
        rows.map((r) => r.met),
      ],
    );
  }
}
