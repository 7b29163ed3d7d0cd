import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/database.ts';
import { SIGN_IN_CHANNEL } from '../../src/platform/auth/auth-service.ts';
import { tokenHash } from '../../src/platform/auth/secrets.ts';
import { apiToken, Browser, bearer } from '../helpers/app.ts';
import { runElsewhere, type TestDatabase, testDatabase } from '../helpers/database.ts';

// The service keeps who a session or token belongs to (NotifiedCache in auth-service.ts). These tests
// pin that it asks the database once, and that every change to what it kept takes effect at once:
// made by this process, or by another one (on the embedded database only one process can be).

let db: TestDatabase;
let app: FastifyInstance;
let lookups = 0;

before(async () => {
  db = await testDatabase();
  const counted: Database = {
    ...db,
    query(text, params) {
      if (/session_lookup|api_token_lookup/.test(text)) lookups += 1;
      return db.query(text, params);
    },
  };
  ({ app } = await buildApp({
    config: { env: 'test', sessionSecret: 'test-secret-test-secret-test-secret', logLevel: 'silent' },
    db: counted,
    signInSlowdown: false,
  }));
});
after(async () => {
  await app.close();
  await db.destroy();
});

/** Runs SQL as another process would (see runElsewhere). */
const elsewhere = (sql: string, params: unknown[] = []) => runElsewhere(db, sql, params);

/** Another process's change reaches this one moments after it commits: wait up to two seconds. */
async function eventually(what: string, check: () => Promise<boolean>) {
  for (let waited = 0; waited < 2_000; waited += 25) {
    if (await check()) return;
    await sleep(25);
  }
  assert.fail(`${what}: not within two seconds`);
}

test('a session is looked up once, then kept', async () => {
  const member = new Browser(app);
  await member.signIn('member@demo.example');
  lookups = 0;
  for (let i = 0; i < 3; i += 1) assert.equal((await member.get('/structure')).statusCode, 200);
  assert.equal(lookups, 0, 'the page after signing in kept the session');

  const token = await apiToken(app, 'member@demo.example');
  lookups = 0;
  for (let i = 0; i < 3; i += 1) {
    assert.equal((await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 200);
  }
  assert.equal(lookups, 1, 'a token is looked up once');
});

test('signing out ends a kept session at once, for every copy of its cookie', async () => {
  const member = new Browser(app);
  await member.signIn('member@demo.example');
  const copy = new Browser(app);
  for (const [name, value] of member.cookies) copy.cookies.set(name, value);
  assert.equal((await copy.get('/structure')).statusCode, 200);
  assert.equal((await member.post('/sign-out')).statusCode, 303);
  assert.equal((await copy.get('/structure')).statusCode, 302);
});

test('a change made by another process to a kept user or token takes effect', async () => {
  const member = new Browser(app);
  await member.signIn('member@demo.example');
  const token = await apiToken(app, 'member@demo.example');
  assert.equal((await member.get('/meetings')).statusCode, 200);
  assert.equal((await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 200);

  await elsewhere("UPDATE users SET name = 'Renamed Elsewhere' WHERE email = 'member@demo.example'");
  await eventually('the new name', async () =>
    (await member.get('/structure')).body.includes('(Renamed Elsewhere)'),
  );

  await elsewhere("UPDATE users SET role = 'young-scrutineer' WHERE email = 'member@demo.example'");
  await eventually('the new role', async () => (await member.get('/meetings')).statusCode === 403);

  await elsewhere('UPDATE api_tokens SET revoked_at = now() WHERE token_hash = $1', [tokenHash(token)]);
  await eventually(
    'the revoked token refused',
    async () => (await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode === 401,
  );

  await elsewhere("UPDATE users SET is_active = false WHERE email = 'member@demo.example'");
  await eventually(
    'the deactivated user signed out',
    async () => (await member.get('/structure')).statusCode === 302,
  );
});

test('a kept token stops working when it expires, with nothing to tell the service', async () => {
  const [user] = await db.query<{ id: string }>("SELECT id FROM users WHERE email = 'chair@demo.example'");
  const token = 'sph_short-lived-token-for-this-test';
  // Inserting a token changes nothing kept, so no notification: only the kept expiry can end it.
  const [inserted] = await db.query<{ expiresAt: Date }>(
    `INSERT INTO api_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '2 seconds')
     RETURNING expires_at AS "expiresAt"`,
    [user?.id, tokenHash(token)],
  );
  lookups = 0;
  assert.equal((await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 200);
  assert.equal((await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 200);
  assert.equal(lookups, 1, 'kept');
  await sleep(Math.max(0, (inserted?.expiresAt.getTime() ?? 0) - Date.now()) + 250);
  assert.equal((await app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 401);
});

test('every change to what the sign-in lookups read notifies; touching a session or token does not', async () => {
  let heard = 0;
  const stop = await db.listen(SIGN_IN_CHANNEL, { onNotify: () => (heard += 1), onListening: () => {} });
  try {
    // Each commits on its own, changing no row: statement triggers fire all the same.
    const notifying = [
      'UPDATE users SET name = name WHERE false',
      'UPDATE users SET is_active = is_active WHERE false',
      'DELETE FROM users WHERE false',
      'UPDATE partnerships SET name = name WHERE false',
      'UPDATE agencies SET name = name WHERE false',
      'UPDATE list_versions SET version = version WHERE false',
      'UPDATE sessions SET user_id = user_id WHERE false',
      'UPDATE sessions SET csrf_token = csrf_token WHERE false',
      'UPDATE sessions SET expires_at = expires_at WHERE false',
      'DELETE FROM sessions WHERE false',
      'UPDATE api_tokens SET revoked_at = revoked_at WHERE false',
      'UPDATE api_tokens SET expires_at = expires_at WHERE false',
      'DELETE FROM api_tokens WHERE false',
    ];
    for (const sql of notifying) {
      const before = heard;
      await db.query(sql);
      assert.equal(heard, before + 1, sql);
    }
    const before = heard;
    await db.query('UPDATE sessions SET last_seen_at = now() WHERE false');
    await db.query('UPDATE api_tokens SET last_used_at = now() WHERE false');
    await sleep(50);
    assert.equal(heard, before, 'a touch notifies nobody');
  } finally {
    await stop();
  }
});
