import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { findAction } from '../../src/features/actions/actions-repo.ts';
import { type TestDatabase, testDatabase } from '../helpers/database.ts';

// Each action keeps its theme ids, source links and evidence count in its own row (migration 0021),
// rewritten by triggers. These tests change its links in every way the service does, and after each
// compare every action's copies with the same lists read afresh from the link tables.

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

type Copies = { id: string; themes: string[]; sources: string[]; evidence: number };

/** Every action's copies, and its links read afresh. */
async function compare() {
  const kept = await db.query<Copies>(
    `SELECT id, ARRAY(SELECT t::text FROM unnest(theme_ids) t ORDER BY 1) AS themes,
            ARRAY(SELECT (s->>'id') || ':' || (s->>'detail') FROM jsonb_array_elements(source_links) s) AS sources,
            evidence_count AS evidence
       FROM plan_actions ORDER BY id`,
  );
  const fresh = await db.query<Copies>(
    `SELECT x.id,
            ARRAY(SELECT xt.theme_id::text FROM plan_action_themes xt WHERE xt.action_id = x.id ORDER BY 1) AS themes,
            ARRAY(SELECT xs.source_id || ':' || xs.detail FROM plan_action_sources xs
                   WHERE xs.action_id = x.id ORDER BY xs.added_at, xs.source_id) AS sources,
            (SELECT count(*)::int FROM plan_action_evidence e WHERE e.action_id = x.id) AS evidence
       FROM plan_actions x ORDER BY x.id`,
  );
  assert.deepEqual(kept, fresh);
  return kept;
}

async function anAction(): Promise<{ id: string; partnershipId: string }> {
  const [row] = await db.query<{ id: string; partnershipId: string }>(
    `SELECT x.id, x.partnership_id AS "partnershipId" FROM plan_actions x
      WHERE EXISTS (SELECT 1 FROM plan_action_themes xt WHERE xt.action_id = x.id)
        AND EXISTS (SELECT 1 FROM plan_action_sources xs WHERE xs.action_id = x.id)
      ORDER BY x.number LIMIT 1`,
  );
  assert.ok(row, 'the demo plan has an action with themes and sources');
  return row;
}

const copiesOf = async (id: string) => (await compare()).find((c) => c.id === id) as Copies;
const shown = async (x: { id: string; partnershipId: string }) =>
  (await findAction(db, x.partnershipId, x.id)) as NonNullable<Awaited<ReturnType<typeof findAction>>>;

test('the demo plan’s actions carry their themes, sources and evidence counts', async () => {
  const copies = await compare();
  assert.ok(copies.some((c) => c.themes.length > 0));
  assert.ok(copies.some((c) => c.sources.length > 0));
  assert.ok(copies.some((c) => c.evidence > 0));
});

test('themes linked and unlinked are kept; an action shows its themes by name, renamed or not', async () => {
  const x = await anAction();
  const [theme] = await db.query<{ id: string }>(
    `INSERT INTO plan_themes (partnership_id, name) VALUES ($1, 'Aaa first theme') RETURNING id`,
    [x.partnershipId],
  );
  await db.query('INSERT INTO plan_action_themes (partnership_id, action_id, theme_id) VALUES ($1, $2, $3)', [
    x.partnershipId,
    x.id,
    theme?.id,
  ]);
  assert.ok((await copiesOf(x.id)).themes.includes(theme?.id as string));
  assert.equal((await shown(x)).themes[0]?.name, 'Aaa first theme');
  await db.query(`UPDATE plan_themes SET name = 'Zzz last theme' WHERE id = $1`, [theme?.id]);
  assert.equal((await shown(x)).themes.at(-1)?.name, 'Zzz last theme');
  await db.query('DELETE FROM plan_action_themes WHERE action_id = $1 AND theme_id = $2', [x.id, theme?.id]);
  assert.ok(!(await copiesOf(x.id)).themes.includes(theme?.id as string));
  assert.ok(!(await shown(x)).themes.some((t) => t.name === 'Zzz last theme'));
});

test('sources linked, a link’s detail changed, and a source deleted are kept, in the order linked', async () => {
  const x = await anAction();
  const [source] = await db.query<{ id: string }>(
    `INSERT INTO plan_sources (partnership_id, kind, title, dated_on) VALUES ($1, 'scrutiny', 'Walkabout', '2026-01-05')
     RETURNING id`,
    [x.partnershipId],
  );
  await db.query(
    'INSERT INTO plan_action_sources (partnership_id, action_id, source_id) VALUES ($1, $2, $3)',
    [x.partnershipId, x.id, source?.id],
  );
  assert.equal((await copiesOf(x.id)).sources.at(-1), `${source?.id}:`);
  await db.query(`UPDATE plan_sources SET title = 'Night walkabout' WHERE id = $1`, [source?.id]);
  await db.query(`UPDATE plan_action_sources SET detail = 'Recommendation 2' WHERE source_id = $1`, [
    source?.id,
  ]);
  assert.equal((await copiesOf(x.id)).sources.at(-1), `${source?.id}:Recommendation 2`);
  const last = (await shown(x)).sources.at(-1);
  assert.deepEqual(
    { kind: last?.kind, title: last?.title, detail: last?.detail },
    { kind: 'scrutiny', title: 'Night walkabout', detail: 'Recommendation 2' },
  );
  await db.query('DELETE FROM plan_sources WHERE id = $1', [source?.id]);
  assert.ok(!(await copiesOf(x.id)).sources.some((s) => s.startsWith(source?.id as string)));
});

test('evidence added, moved to another action (a merge) and removed is counted on each', async () => {
  const x = await anAction();
  const [other] = await db.query<{ id: string }>(
    'SELECT id FROM plan_actions WHERE partnership_id = $1 AND id <> $2 ORDER BY number LIMIT 1',
    [x.partnershipId, x.id],
  );
  const before = [(await copiesOf(x.id)).evidence, (await copiesOf(other?.id as string)).evidence];
  await db.query(
    `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on)
     SELECT $1, $2, 'document', 'Audit ' || i, '2026-02-01' FROM generate_series(1, 3) i`,
    [x.partnershipId, x.id],
  );
  assert.equal((await copiesOf(x.id)).evidence, (before[0] as number) + 3);
  assert.equal((await shown(x)).evidenceCount, (before[0] as number) + 3);
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

test('two transactions adding evidence to one action at once take turns, and both are counted', {
  skip: !process.env.DATABASE_URL && 'the embedded database runs one transaction at a time',
}, async () => {
  const x = await anAction();
  const was = (await copiesOf(x.id)).evidence;
  const add = `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on)
                 VALUES ($1, $2, 'document', 'At once', '2026-03-01')`;
  const [first, second] = [new pg.Client(db.connectionString), new pg.Client(db.connectionString)];
  await Promise.all([first.connect(), second.connect()]);
  try {
    await first.query('BEGIN');
    await first.query(add, [x.partnershipId, x.id]);
    // The second waits for the first's lock on the action, then counts what the first committed.
    const waiting = second.query(add, [x.partnershipId, x.id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.query('COMMIT');
    await waiting;
    assert.equal((await copiesOf(x.id)).evidence, was + 2);
  } finally {
    await Promise.all([first.end(), second.end()]);
    await db.query(`DELETE FROM plan_action_evidence WHERE summary = 'At once'`);
  }
});
