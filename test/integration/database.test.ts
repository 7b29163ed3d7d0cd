import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyAuditLog } from '../../src/platform/audit/verify.ts';
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
