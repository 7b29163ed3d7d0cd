import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, testDatabase } from '../helpers/database.ts';

// Each action keeps copies of its themes, sources and evidence count (migration 0021), rewritten by
// triggers. These tests change what the copies are made of in every way the service does, and after
// each compare every action's copies with the same lists read afresh from the tables they come from.

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

type Copies = { id: string; themes: string[]; sources: string[]; evidence: number };

/** Every action's copies, and its lists read afresh (as names and titles, so a rename shows). */
async function compare() {
  const kept = await db.query<Copies>(
    `SELECT id, ARRAY(SELECT t->>'name' FROM jsonb_array_elements(theme_list) t) AS themes,
            ARRAY(SELECT s->>'kind' || ':' || (s->>'title') || ':' || (s->>'detail') || ':' || coalesce(s->>'incidentId', '')
                    FROM jsonb_array_elements(source_list) s) AS sources,
            evidence_count AS evidence
       FROM plan_actions ORDER BY id`,
  );
  const fresh = await db.query<Copies>(
    `SELECT x.id,
            ARRAY(SELECT t.name FROM plan_action_themes xt JOIN plan_themes t ON t.id = xt.theme_id
                   WHERE xt.action_id = x.id ORDER BY t.name, t.id) AS themes,
            ARRAY(SELECT s.kind || ':' || s.title || ':' || xs.detail || ':' || coalesce(s.incident_id::text, '')
                    FROM plan_action_sources xs JOIN plan_sources s ON s.id = xs.source_id
                   WHERE xs.action_id = x.id ORDER BY xs.added_at, s.id) AS sources,
            (SELECT count(*)::int FROM plan_action_evidence e WHERE e.action_id = x.id) AS evidence
       FROM plan_actions x ORDER BY x.id`,
  );
  assert.deepEqual(kept, fresh);
  return kept;
}

async function anAction(): Promise<{ id: string; partnership_id: string }> {
  const [row] = await db.query<{ id: string; partnership_id: string }>(
    `SELECT x.id, x.partnership_id FROM plan_actions x
      WHERE EXISTS (SELECT 1 FROM plan_action_themes xt WHERE xt.action_id = x.id)
        AND EXISTS (SELECT 1 FROM plan_action_sources xs WHERE xs.action_id = x.id)
      ORDER BY x.number LIMIT 1`,
  );
  assert.ok(row, 'the demo plan has an action with themes and sources');
  return row;
}

const copiesOf = async (id: string) => (await compare()).find((c) => c.id === id) as Copies;

test('the demo plan’s actions carry their themes, sources and evidence counts', async () => {
  const copies = await compare();
  assert.ok(copies.some((c) => c.themes.length > 0));
  assert.ok(copies.some((c) => c.sources.length > 0));
  assert.ok(copies.some((c) => c.evidence > 0));
});

test('linking, unlinking and renaming themes rewrite the copies', async () => {
  const x = await anAction();
  const [theme] = await db.query<{ id: string }>(
    `INSERT INTO plan_themes (partnership_id, name) VALUES ($1, 'Aaa first theme') RETURNING id`,
    [x.partnership_id],
  );
  await db.query('INSERT INTO plan_action_themes (partnership_id, action_id, theme_id) VALUES ($1, $2, $3)', [
    x.partnership_id,
    x.id,
    theme?.id,
  ]);
  assert.equal((await copiesOf(x.id)).themes[0], 'Aaa first theme');
  await db.query(`UPDATE plan_themes SET name = 'Zzz last theme' WHERE id = $1`, [theme?.id]);
  assert.equal((await copiesOf(x.id)).themes.at(-1), 'Zzz last theme');
  await db.query('DELETE FROM plan_action_themes WHERE action_id = $1 AND theme_id = $2', [x.id, theme?.id]);
  assert.ok(!(await copiesOf(x.id)).themes.includes('Zzz last theme'));
});

test('linking sources, changing a source or a link’s detail, and unlinking rewrite the copies', async () => {
  const x = await anAction();
  const [source] = await db.query<{ id: string }>(
    `INSERT INTO plan_sources (partnership_id, kind, title, dated_on) VALUES ($1, 'scrutiny', 'Walkabout', '2026-01-05')
     RETURNING id`,
    [x.partnership_id],
  );
  await db.query(
    'INSERT INTO plan_action_sources (partnership_id, action_id, source_id) VALUES ($1, $2, $3)',
    [x.partnership_id, x.id, source?.id],
  );
  assert.equal((await copiesOf(x.id)).sources.at(-1), 'scrutiny:Walkabout::');
  await db.query(`UPDATE plan_sources SET title = 'Night walkabout' WHERE id = $1`, [source?.id]);
  assert.equal((await copiesOf(x.id)).sources.at(-1), 'scrutiny:Night walkabout::');
  await db.query(`UPDATE plan_action_sources SET detail = 'Recommendation 2' WHERE source_id = $1`, [
    source?.id,
  ]);
  assert.equal((await copiesOf(x.id)).sources.at(-1), 'scrutiny:Night walkabout:Recommendation 2:');
  await db.query('DELETE FROM plan_sources WHERE id = $1', [source?.id]);
  assert.ok(!(await copiesOf(x.id)).sources.some((s) => s.includes('walkabout')));
});

test('evidence added, moved to another action (a merge) and removed is counted on each', async () => {
  const x = await anAction();
  const [other] = await db.query<{ id: string }>(
    'SELECT id FROM plan_actions WHERE partnership_id = $1 AND id <> $2 ORDER BY number LIMIT 1',
    [x.partnership_id, x.id],
  );
  const before = [(await copiesOf(x.id)).evidence, (await copiesOf(other?.id as string)).evidence];
  await db.query(
    `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on)
     SELECT $1, $2, 'document', 'Audit ' || i, '2026-02-01' FROM generate_series(1, 3) i`,
    [x.partnership_id, x.id],
  );
  assert.equal((await copiesOf(x.id)).evidence, (before[0] as number) + 3);
  await db.query(
    `UPDATE plan_action_evidence SET action_id = $2 WHERE action_id = $1 AND summary LIKE 'Audit %'`,
    [x.id, other?.id],
  );
  assert.equal((await copiesOf(x.id)).evidence, before[0]);
  assert.equal((await copiesOf(other?.id as string)).evidence, (before[1] as number) + 3);
  await db.query(`DELETE FROM plan_action_evidence WHERE summary LIKE 'Audit %'`);
  assert.equal((await copiesOf(other?.id as string)).evidence, before[1]);
});

test('a change rolled back leaves the copies as they were', async () => {
  const x = await anAction();
  const was = await copiesOf(x.id);
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query('DELETE FROM plan_action_themes WHERE action_id = $1', [x.id]);
      throw new Error('changed my mind');
    }),
    /changed my mind/,
  );
  assert.deepEqual(await copiesOf(x.id), was);
});
