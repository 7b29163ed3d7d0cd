import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { Browser } from '../helpers/app.ts';
import { runElsewhere, type TestDatabase, testDatabase } from '../helpers/database.ts';

// The service keeps the structure it drew for the partnership's structure version and the day
// (structure-service.ts, migration 0022). These tests pin that a second view does not draw it again,
// and that any change to what it shows is on the next view, made by this process or by another one.

let db: TestDatabase;
let app: FastifyInstance;
let admin: Browser;
let drawn = 0;
let summarised = 0;
let partnershipId = '';

before(async () => {
  db = await testDatabase();
  const counted: Database = {
    ...db,
    query(text, params) {
      if (text.includes('WITH RECURSIVE current_groups')) drawn += 1;
      if (text.includes('"notStartedGroups"')) summarised += 1;
      return db.query(text, params);
    },
  };
  ({ app } = await buildApp({
    config: { env: 'test', sessionSecret: 'test-secret-test-secret-test-secret', logLevel: 'silent' },
    db: counted,
    signInSlowdown: false,
  }));
  admin = new Browser(app);
  await admin.signIn('admin@demo.example');
  const [row] = await db.query<{ id: string }>(
    "SELECT partnership_id AS id FROM users WHERE email = 'admin@demo.example'",
  );
  partnershipId = row?.id ?? '';
});
after(async () => {
  await app.close();
  await db.destroy();
});

/** Runs SQL as another process would (see runElsewhere). */
const elsewhere = (sql: string, params: unknown[] = []) => runElsewhere(db, sql, params);

const version = async () =>
  (
    await db.query<{ v: number }>(
      'SELECT coalesce((SELECT version FROM structure_versions WHERE partnership_id = $1), 0)::int AS v',
      [partnershipId],
    )
  )[0]?.v ?? 0;

const structurePage = async () => {
  const response = await admin.get('/structure');
  assert.equal(response.statusCode, 200);
  return response.body;
};

test('every change to a row the structure shows moves its version on once a statement, and nothing else does', async () => {
  const p = [partnershipId];
  const steps: [string, string][] = [
    ['groups', 'UPDATE groups SET name = name WHERE partnership_id = $1'],
    ['people', 'UPDATE people SET name = name WHERE partnership_id = $1'],
    ['agencies', 'UPDATE agencies SET name = name WHERE partnership_id = $1'],
    ['leads', 'UPDATE safeguarding_partners SET role = role WHERE partnership_id = $1'],
    ['rota', 'UPDATE executive_chair_rota SET ends_on = ends_on WHERE partnership_id = $1'],
    [
      'a board added',
      "INSERT INTO board_links (partnership_id, name, relationship, joint_priorities) VALUES ($1, 'Versioned board', 'x', 'y')",
    ],
    ['a board removed', "DELETE FROM board_links WHERE partnership_id = $1 AND name = 'Versioned board'"],
  ];
  for (const [what, sql] of steps) {
    const before = await version();
    await db.query(sql, p);
    assert.equal(await version(), before + 1, `${what}: one statement of many rows, one step`);
  }
  const before = await version();
  await db.query('UPDATE group_members SET added_at = added_at WHERE partnership_id = $1', p);
  await db.query('UPDATE plan_themes SET name = name WHERE partnership_id = $1', p);
  assert.equal(await version(), before, 'members and themes are not on the structure page');
  await db.query('TRUNCATE board_links');
  assert.equal(await version(), before + 1, 'a TRUNCATE names no partnership: every one moves on');
});

test('a second view of the structure does not draw it again; a change shows on the next view', async () => {
  await structurePage();
  await admin.get('/');
  const [first, firstSummary] = [drawn, summarised];
  await structurePage();
  await admin.get('/');
  assert.equal(drawn, first, 'the page is kept for the version and the day');
  assert.equal(summarised, firstSummary, 'so is the home page’s summary');

  const [chair] = await db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM groups g JOIN people p ON p.id = g.chair_person_id
      WHERE g.partnership_id = $1 AND g.type = 'executive'`,
    [partnershipId],
  );
  assert.ok(chair, 'the demo executive has a chair');
  assert.match(await structurePage(), new RegExp(chair.name));
  await elsewhere('UPDATE people SET name = $2 WHERE id = $1', [chair.id, 'Renamed Chair Person']);
  const renamed = await structurePage();
  assert.match(renamed, /Renamed Chair Person/, 'a chair renamed by another process shows at once');
  assert.ok(drawn > first, 'drawn again after the change');

  await elsewhere(
    "INSERT INTO board_links (partnership_id, name, relationship, joint_priorities) VALUES ($1, 'Kept Board Test', 'Shares a priority', 'Exploitation')",
    [partnershipId],
  );
  assert.match(await structurePage(), /Kept Board Test/);

  await elsewhere(
    "UPDATE groups SET name = 'Renamed Executive' WHERE partnership_id = $1 AND type = 'executive'",
    [partnershipId],
  );
  assert.match(await structurePage(), /Renamed Executive/);

  await elsewhere(
    "UPDATE groups SET ends_on = date '2000-01-01', starts_on = date '1999-01-01' WHERE partnership_id = $1 AND name = 'Renamed Executive'",
    [partnershipId],
  );
  assert.doesNotMatch(
    (await structurePage()).slice(0, (await structurePage()).indexOf('Safeguarding partners</h2>')),
    /Renamed Executive/,
    'an ended group leaves the chart at once',
  );
});

test('the home page shows today’s executive chair as soon as the rota changes', async () => {
  const home = async () => (await admin.get('/')).body;
  const [turn] = await db.query<{ id: string }>(
    `SELECT id FROM executive_chair_rota
      WHERE partnership_id = $1 AND starts_on <= $2::date AND ends_on >= $2::date`,
    [partnershipId, todayInLondon()],
  );
  assert.ok(turn, 'the demo has a chair today');
  assert.match(await home(), /chair/i);
  const [other] = await db.query<{ id: string; name: string }>(
    `SELECT a.id, a.name FROM agencies a
      WHERE a.partnership_id = $1 AND a.kind = 'police'`,
    [partnershipId],
  );
  assert.ok(other);
  await elsewhere('UPDATE agencies SET name = $2 WHERE id = $1', [other.id, 'Renamed Police Force']);
  await elsewhere('UPDATE executive_chair_rota SET agency_id = $2 WHERE id = $1', [turn.id, other.id]);
  assert.match(await home(), /Renamed Police Force/);
});
