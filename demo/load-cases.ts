import type { Queryable } from '../src/db/database.ts';
import { refreshClocks } from '../src/features/reviews/case-access.ts';
import { todayInLondon } from '../src/platform/calendar/today.ts';
import { addDays } from '../src/platform/calendar/working-days.ts';
import type { DemoCase } from './demo-types.ts';
import { insertCaseSource, insertPlanAction } from './plan-rows.ts';

type Ids = {
  agencyIds: Map<string, string>;
  personIds: Map<string, string>;
  userIdsByRole: Map<string, string>;
};

/** The demo's cases, numbered SI-1 … in the order given, each with its clocks worked out by the rules. */
export async function insertCases(tx: Queryable, partnershipId: string, cases: DemoCase[], ids: Ids) {
  const today = todayInLondon();
  const on = (when: number | string | undefined) =>
    when === undefined ? null : typeof when === 'string' ? when : addDays(today, when);
  const key = (map: Map<string, string>, k: string) => {
    const id = map.get(k);
    if (!id) throw new Error(`Demo case refers to "${k}", which the demo does not define`);
    return id;
  };
  for (const [index, c] of cases.entries()) {
    const rr = c.rapidReview;
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO incidents (partnership_id, number, kind, pseudonym, aware_on, outcome, harm_category, age_band,
         summary, notified_panel_on, panel_met_on, immediate_learning, recommendation, recommendation_reasons,
         rapid_review_sent_on, decision, decided_on, decision_reasons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        partnershipId,
        index + 1,
        c.kind,
        c.pseudonym,
        on(c.aware),
        c.outcome,
        c.harmCategory,
        c.ageBand,
        c.summary,
        on(c.notified),
        on(rr?.panelMet),
        rr?.immediateLearning ?? '',
        rr?.recommendation ?? null,
        rr?.reasons ?? '',
        on(rr?.sent),
        c.decision?.decision ?? null,
        on(c.decision?.on),
        c.decision?.reasons ?? '',
      ],
    );
    const id = (row as { id: string }).id;
    for (const agency of c.agencies)
      await tx.query(
        'INSERT INTO incident_agencies (partnership_id, incident_id, agency_id) VALUES ($1, $2, $3)',
        [partnershipId, id, key(ids.agencyIds, agency)],
      );
    for (const person of c.people)
      await tx.query(
        'INSERT INTO incident_people (partnership_id, incident_id, person_id) VALUES ($1, $2, $3)',
        [partnershipId, id, key(ids.personIds, person)],
      );
    if (c.actions?.length) {
      const raisedOn = on(rr?.panelMet) ?? on(c.aware) ?? today;
      const sourceId = await insertCaseSource(tx, partnershipId, {
        kind: 'rapid-review',
        incidentId: id,
        pseudonym: c.pseudonym,
        datedOn: raisedOn,
      });
      for (const a of c.actions) {
        const dueOn = on(a.due);
        await insertPlanAction(tx, partnershipId, {
          sourceId,
          text: a.text,
          agencyId: key(ids.agencyIds, a.agency),
          raisedOn: dueOn !== null && dueOn < raisedOn ? dueOn : raisedOn,
          dueOn,
          status: 'agreed',
        });
      }
    }
    for (const m of c.team ?? [])
      await tx.query(
        'INSERT INTO case_team (partnership_id, incident_id, user_id, capacity) VALUES ($1, $2, $3, $4)',
        [partnershipId, id, key(ids.userIdsByRole, m.role), m.capacity],
      );
    if (c.review) {
      const r = c.review;
      await tx.query(
        `INSERT INTO practice_reviews (partnership_id, incident_id, methods, terms_of_reference, family_engagement,
           themes, completed_on, sent_to_panel_on, published_on, planned_publication_on)
         VALUES ($1, $2, $3::text[], $4, $5, $6::text[], $7, $8, $9, $10)`,
        [
          partnershipId,
          id,
          r.methods,
          r.termsOfReference,
          r.familyEngagement,
          r.themes,
          on(r.completed),
          on(r.sentToPanel),
          on(r.published),
          on(r.plannedPublication),
        ],
      );
    }
    for (const x of c.recommendations ?? [])
      await tx.query(
        `INSERT INTO review_recommendations (partnership_id, incident_id, theme, recommendation, response)
         VALUES ($1, $2, $3, $4, $5)`,
        [partnershipId, id, x.theme, x.recommendation, x.response],
      );
    for (const e of c.events ?? []) {
      const [event] = await tx.query<{ id: string }>(
        `INSERT INTO learning_events (partnership_id, incident_id, kind, held_on, notes) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [partnershipId, id, e.kind, on(e.on), e.notes],
      );
      for (const person of e.attendees)
        await tx.query(
          'INSERT INTO learning_event_attendance (partnership_id, event_id, person_id) VALUES ($1, $2, $3)',
          [partnershipId, (event as { id: string }).id, key(ids.personIds, person)],
        );
    }
    if (c.briefing) {
      const b = c.briefing;
      await tx.query(
        `INSERT INTO briefings (partnership_id, incident_id, title, case_in_brief, what_we_learnt, do_differently,
           questions, published_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          partnershipId,
          id,
          b.title,
          b.caseInBrief,
          b.whatWeLearnt,
          b.doDifferently,
          b.questions,
          on(b.published),
        ],
      );
    }
    await refreshClocks(tx, partnershipId, id);
  }
}
