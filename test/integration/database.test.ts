import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PLAN_FOR_VALUES, type Queryable } from '../../src/db/database.ts';
import { recordAudit } from '../../src/platform/audit/audit.ts';
import { verifyAuditLog } from '../../src/platform/audit/verify.ts';
import { MAX_GROUP, recordView } from '../../src/platform/audit/view-audit.ts';
import { apiToken, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('concurrent transactions with rollbacks among them lose no committed write', async () => {
  const partnership = (
    await t.db.query<{ id: string }>("SELECT id FROM partnerships WHERE slug = 'tower-hamlets-demo'")
  )[0]?.id;
  const attempts = Array.from({ length: 60 }, (_, i) => i);
  const results = await Promise.allSettled(
    attempts.map((i) =>
      t.db.transaction(async (tx) => {
        await tx.query(
          "INSERT INTO agencies (partnership_id, name, kind) VALUES ($1, $2, 'relevant-agency')",
          [partnership, `Concurrent ${i}`],
        );
        await new Promise((resolve) => setTimeout(resolve, i % 5)); // let other work interleave if it could
        await tx.query(
          "INSERT INTO agencies (partnership_id, name, kind) VALUES ($1, $2, 'relevant-agency')",
          [partnership, `Concurrent ${i} second`],
        );
        if (i % 3 === 0) throw new Error(`roll back ${i}`);
      }),
    ),
  );
  assert.equal(results.filter((r) => r.status === 'rejected').length, 20);
  const rows = await t.db.query<{ name: string }>(
    "SELECT name FROM agencies WHERE name LIKE 'Concurrent %' ORDER BY name",
  );
  const expected = attempts
    .filter((i) => i % 3 !== 0)
    .flatMap((i) => [`Concurrent ${i}`, `Concurrent ${i} second`])
    .sort();
  assert.deepEqual(rows.map((r) => r.name).sort(), expected);
});

test('concurrent API writes, some refused, all commit whole and each has its audit entry', async () => {
  const token = await apiToken(t.app, 'admin@demo.example');
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/partners',
        headers: bearer(token),
        // every fifth is a duplicate of an existing partner: a unique violation inside its transaction
        payload: {
          name: i % 5 === 0 ? 'London Fire Brigade' : `Parallel agency ${i}`,
          kind: 'relevant-agency',
          sector: 'other',
        },
      }),
    ),
  );
  assert.equal(responses.filter((r) => r.statusCode === 201).length, 24);
  assert.equal(responses.filter((r) => r.statusCode === 409).length, 6);
  const saved = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM agencies WHERE name LIKE 'Parallel agency %'",
  );
  assert.equal(saved[0]?.n, 24);
  const audited = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'partner.created' AND after->>'name' LIKE 'Parallel agency %'",
  );
  assert.equal(audited[0]?.n, 24);
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null, 'concurrent writers keep the chain whole');
});

test('views audited together keep every entry, in order, on a whole chain', async () => {
  const [mine, other] = await t.db.query<{ id: string }>(
    "SELECT id FROM partnerships WHERE slug IN ('tower-hamlets-demo', 'other-demo') ORDER BY slug DESC",
  );
  assert.ok(mine && other);
  const actor = { userId: null, label: 'group commit test' };
  const view = (partnershipId: string, n: number) =>
    recordView(t.db, actor, {
      partnershipId,
      action: 'test.viewed',
      entityType: 'test',
      entityId: String(n),
    });
  const change = (n: number) =>
    t.db.transaction((tx) =>
      recordAudit(tx, actor, {
        partnershipId: mine.id,
        action: 'test.changed',
        entityType: 'test',
        entityId: String(n),
      }),
    );
  // More views than one append carries, for two chains, with ordinary changes in between.
  const count = MAX_GROUP + 50;
  const results = await Promise.allSettled([
    ...Array.from({ length: count }, (_, n) => view(mine.id, n)),
    ...Array.from({ length: 20 }, (_, n) => change(n)),
    ...Array.from({ length: 30 }, (_, n) => view(other.id, n)),
    recordView(
      t.db,
      { userId: null, label: 'a label PostgreSQL cannot store\u0000' },
      { partnershipId: other.id, action: 'test.refused', entityType: 'test', entityId: 'x' },
    ),
  ]);
  assert.equal(
    results.filter((r) => r.status === 'rejected').length,
    1,
    'an entry that cannot be stored fails alone: the views waiting with it are kept',
  );
  const viewed = await t.db.query<{ entity_id: string }>(
    "SELECT entity_id FROM audit_log WHERE partnership_id = $1 AND action = 'test.viewed' ORDER BY id",
    [mine.id],
  );
  assert.deepEqual(
    viewed.map((v) => Number(v.entity_id)),
    Array.from({ length: count }, (_, n) => n),
    'views are kept in the order they were asked for',
  );
  const counts = await t.db.query<{ action: string; n: number }>(
    "SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'test.%' GROUP BY action ORDER BY action",
  );
  assert.deepEqual(counts, [
    { action: 'test.changed', n: 20 },
    { action: 'test.viewed', n: count + 30 },
  ]);
  const transactions = await t.db.query<{ n: number }>(
    "SELECT count(DISTINCT xmin::text)::int AS n FROM audit_log WHERE partnership_id = $1 AND action = 'test.viewed'",
    [mine.id],
  );
  assert.ok((transactions[0]?.n ?? count) <= count / 4, 'views waiting together commit together');
  assert.equal((await verifyAuditLog(t.db)).firstBreak, null, 'the chains stay whole');
});

test('on a server, a query is prepared once per connection unless it asks to be planned for its values', async () => {
  const prepared = (tx: Queryable, marker: string) =>
    tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%' || $1 || '%'",
      [marker],
    );
  await t.db.transaction(async (tx) => {
    await tx.query('SELECT $1::text AS kept -- kept-statement', ['a']);
    await tx.query(`${PLAN_FOR_VALUES}SELECT $1::text AS fresh -- fresh-statement`, ['b']);
    const [kept] = await prepared(tx, 'kept-statement');
    const [fresh] = await prepared(tx, 'fresh-statement');
    // PGlite has no named statements to keep; the marker is a comment to it, and the query still runs.
    assert.equal(kept?.n, t.db.engine === 'postgresql' ? 1 : 0);
    assert.equal(fresh?.n, 0);
  });
  const [row] = await t.db.query<{ fresh: string }>(`${PLAN_FOR_VALUES}SELECT $1::text AS fresh`, ['c']);
  assert.equal(row?.fresh, 'c');
});

test('the engine returns counts as numbers, dates and numerics as text, and uuid arrays as strings (run on each)', async () => {
  const a = '0b4f6a52-57d4-4c0a-9a43-6b0d7c1e2f30';
  const b = 'f3a1c2d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d';
  const [row] = await t.db.query<Record<string, unknown>>(
    `SELECT 7::bigint AS count, '2026-03-31'::date AS day, 12.50::numeric AS rate,
            ARRAY[$1::uuid, $2::uuid] AS ids, '{}'::uuid[] AS none, ARRAY[$1::uuid, NULL] AS gap`,
    [a, b],
  );
  assert.deepEqual(row, {
    count: 7,
    day: '2026-03-31',
    rate: '12.50',
    ids: [a, b],
    none: [],
    gap: [a, null],
  });
});

test('the audit log is append-only in the database itself', async () => {
  await assert.rejects(t.db.query("UPDATE audit_log SET action = 'x'"), /append-only/);
  await assert.rejects(t.db.query('DELETE FROM audit_log'), /append-only/);
  await assert.rejects(t.db.query('TRUNCATE audit_log'), /append-only/);
});

test('verification finds the first entry changed behind the log’s back', async () => {
  const before = await verifyAuditLog(t.db);
  assert.equal(before.firstBreak, null);
  assert.ok(before.entriesChecked > 0);
  const target = (
    await t.db.query<{ id: number }>(
      "SELECT id::int AS id FROM audit_log WHERE action = 'partner.created' ORDER BY id LIMIT 1",
    )
  )[0]?.id;
  await t.db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete');
    await tx.query(`UPDATE audit_log SET after = '{"name":"forged"}'::jsonb WHERE id = $1`, [target]);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete');
  });
  const after = await verifyAuditLog(t.db);
  assert.equal(after.firstBreak?.entryId, target);
  assert.match(after.firstBreak?.problem ?? '', /do not match its hash/);
});

test('the audit log filters by period, in London days, on both sides of an entry', async () => {
  const token = await apiToken(t.app, 'admin@demo.example');
  const sample = (
    await t.db.query<{ id: number; day: string }>(
      `SELECT id::int AS id, to_char(at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS day FROM audit_log
        WHERE partnership_id = (SELECT id FROM partnerships WHERE slug = 'tower-hamlets-demo') ORDER BY id LIMIT 1`,
    )
  )[0];
  assert.ok(sample);
  const dayBefore = new Date(Date.parse(`${sample.day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const list = async (query: string) =>
    (
      (await t.app.inject({ url: `/api/v1/audit?limit=200&${query}`, headers: bearer(token) })).json()
        .items as { id: number }[]
    ).map((e) => e.id);
  assert.ok((await list(`from=${sample.day}&to=${sample.day}`)).includes(sample.id));
  assert.ok(!(await list(`to=${dayBefore}`)).includes(sample.id));
  assert.ok((await list(`to=${sample.day}`)).includes(sample.id));
  assert.deepEqual(await list('from=2099-01-01'), []);
});

test('on a server, the service’s connections run without JIT and price a random read as data in memory', {
  skip: !process.env.DATABASE_URL && 'the embedded database has no JIT and its own settings',
}, async () => {
  const [settings] = await t.db.query<{ jit: string; cost: string }>(
    "SELECT current_setting('jit') AS jit, current_setting('random_page_cost') AS cost",
  );
  assert.deepEqual(settings, { jit: 'off', cost: '1.1' });
});
