import type { Queryable } from '../src/db/database.ts';
import { todayInLondon } from '../src/platform/calendar/today.ts';
import { addDays } from '../src/platform/calendar/working-days.ts';
import type { towerHamletsPlan } from './tower-hamlets-plan.ts';

/** Writes one action of the learning action plan, numbered next, answering one source. */
export async function insertPlanAction(
  tx: Queryable,
  partnershipId: string,
  a: {
    sourceId: string;
    detail?: string;
    text: string;
    agencyId: string;
    personId?: string | null;
    raisedOn: string;
    dueOn: string | null;
    status: string;
    outcome?: string;
    themeIds?: string[];
    priorityId?: string | null;
  },
) {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO plan_actions (partnership_id, number, text, owner_agency_id, owner_person_id, raised_on, due_on,
       priority_id, status, outcome, completed_on, embedded_on)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM plan_actions WHERE partnership_id = $1), $2, $3, $4, $5,
       $6, $7, $8, $9, CASE WHEN $8 IN ('completed', 'embedded') THEN $6::date END,
       CASE WHEN $8 = 'embedded' THEN $6::date END)
     RETURNING id`,
    [
      partnershipId,
      a.text,
      a.agencyId,
      a.personId ?? null,
      a.raisedOn,
      a.dueOn,
      a.priorityId ?? null,
      a.status,
      a.outcome ?? '',
    ],
  );
  const id = (row as { id: string }).id;
  await tx.query(
    'INSERT INTO plan_action_sources (partnership_id, action_id, source_id, detail) VALUES ($1, $2, $3, $4)',
    [partnershipId, id, a.sourceId, a.detail ?? ''],
  );
  for (const themeId of a.themeIds ?? [])
    await tx.query(
      'INSERT INTO plan_action_themes (partnership_id, action_id, theme_id) VALUES ($1, $2, $3)',
      [partnershipId, id, themeId],
    );
  await tx.query(
    `INSERT INTO plan_action_updates (partnership_id, action_id, written_on, text, status_to, author_label)
     VALUES ($1, $2, $3, 'Action raised', $4, 'Demo data')`,
    [partnershipId, id, a.raisedOn, a.status],
  );
  return id;
}

/** The plan's source of a case's review, made once. */
export async function insertCaseSource(
  tx: Queryable,
  partnershipId: string,
  s: { kind: 'rapid-review' | 'practice-review'; incidentId: string; pseudonym: string; datedOn: string },
) {
  const title = s.pseudonym;
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO plan_sources (partnership_id, kind, title, dated_on, incident_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id, kind) WHERE incident_id IS NOT NULL DO UPDATE SET title = EXCLUDED.title
     RETURNING id`,
    [partnershipId, s.kind, title, s.datedOn, s.incidentId],
  );
  return (row as { id: string }).id;
}

/** The plan's themes and priorities. */
export async function insertPlanLists(
  tx: Queryable,
  partnershipId: string,
  lists: { themes: string[]; priorities: string[] },
) {
  await tx.query('INSERT INTO plan_themes (partnership_id, name) SELECT $1, unnest($2::text[])', [
    partnershipId,
    lists.themes,
  ]);
  await tx.query('INSERT INTO priorities (partnership_id, name) SELECT $1, unnest($2::text[])', [
    partnershipId,
    lists.priorities,
  ]);
}

/** The demo's plan: its sources and actions, with their history and evidence, dated from today. */
export async function insertDemoPlan(
  tx: Queryable,
  partnershipId: string,
  plan: typeof towerHamletsPlan,
  keys: { agencyIds: Map<string, string>; personIds: Map<string, string> },
) {
  const today = todayInLondon();
  const on = (days: number) => addDays(today, days);
  const named = async (table: string) =>
    new Map(
      (
        await tx.query<{ id: string; name: string }>(
          `SELECT id, name FROM ${table} WHERE partnership_id = $1`,
          [partnershipId],
        )
      ).map((r) => [r.name, r.id]),
    );
  const [themes, priorities] = [await named('plan_themes'), await named('priorities')];
  const need = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`The demo plan refers to "${key}", which the demo does not define`);
    return id;
  };
  for (const { source, actions } of plan) {
    let sourceId: string;
    if (source.kind === 'practice-review') {
      const [incident] = await tx.query<{ id: string; decidedOn: string | null; awareOn: string }>(
        `SELECT id, decided_on AS "decidedOn", aware_on AS "awareOn" FROM incidents
          WHERE partnership_id = $1 AND pseudonym = $2`,
        [partnershipId, source.case],
      );
      if (!incident)
        throw new Error(`The demo plan refers to case "${source.case}", which the demo does not define`);
      sourceId = await insertCaseSource(tx, partnershipId, {
        kind: 'practice-review',
        incidentId: incident.id,
        pseudonym: source.case,
        datedOn: incident.decidedOn ?? incident.awareOn,
      });
    } else {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO plan_sources (partnership_id, kind, title, reference, dated_on) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [partnershipId, source.kind, source.title, source.reference, on(source.dated)],
      );
      sourceId = (row as { id: string }).id;
    }
    for (const a of actions) {
      const id = await insertPlanAction(tx, partnershipId, {
        sourceId,
        text: a.text,
        agencyId: need(keys.agencyIds, a.agency),
        personId: a.owner ? need(keys.personIds, a.owner) : null,
        raisedOn: on(a.raised),
        dueOn: on(a.due),
        status: a.status,
        outcome: a.outcome,
        themeIds: a.themes.map((t) => need(themes, t)),
        priorityId: a.priority ? need(priorities, a.priority) : null,
      });
      for (const [i, text] of (a.updates ?? []).entries())
        await tx.query(
          `INSERT INTO plan_action_updates (partnership_id, action_id, written_on, text, author_label)
           VALUES ($1, $2, $3, $4, 'Demo data')`,
          [partnershipId, id, on(Math.min(a.raised + 30 * (i + 1), 0)), text],
        );
      if (a.evidence)
        await tx.query(
          `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on)
           VALUES ($1, $2, $3, $4, $5)`,
          [partnershipId, id, a.evidence.kind, a.evidence.summary, on(a.evidence.on)],
        );
    }
  }
}
