import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { recorder, until } from '../helpers/channels.ts';
import { type TestDatabase, testDatabase } from '../helpers/database.ts';

// Database.listen on the engine under test: what NotifiedCache (the kept sign-ins) relies on.

let db: TestDatabase;
before(async () => {
  db = await testDatabase();
});
after(() => db.destroy());

test('a notification this process commits has reached its listeners when the commit resolves', async () => {
  const { events, listener } = recorder();
  const stop = await db.listen('test_own', listener);
  assert.deepEqual(events, ['listening']);

  await db.query("SELECT pg_notify('test_own', 'autocommit')");
  assert.deepEqual(events, ['listening', 'notify autocommit']);

  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_notify('test_own', 'in a transaction')");
    await tx.query("SELECT pg_notify('test_own', 'in a transaction')"); // the same twice: sent once
    assert.equal(events.length, 2, 'nothing is sent before the commit');
  });
  assert.deepEqual(events, ['listening', 'notify autocommit', 'notify in a transaction']);

  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query("SELECT pg_notify('test_own', 'rolled back')");
      throw new Error('roll back');
    }),
  );
  await stop();
  await db.query("SELECT pg_notify('test_own', 'after stopping')");
  await sleep(50);
  assert.deepEqual(events, ['listening', 'notify autocommit', 'notify in a transaction']);
});

test('a notification from another process arrives once, however many connections receive it', {
  skip: !process.env.DATABASE_URL && 'the embedded database has one process',
}, async () => {
  const { events, listener } = recorder();
  const stop = await db.listen('test_other', listener);
  // Every pooled connection listens too: busy them all so that each has joined.
  await Promise.all(Array.from({ length: 5 }, () => db.query('SELECT pg_sleep(0.05)')));
  const other = new pg.Client({ connectionString: db.connectionString });
  await other.connect();
  await other.query("SELECT pg_notify('test_other', 'from elsewhere')");
  await until('the notification', () => events.includes('notify from elsewhere'));
  await sleep(100);
  assert.deepEqual(events, ['listening', 'notify from elsewhere']);
  await other.end();
  await stop();
});

test('when the listening connection is lost, listeners are told, then told again once it is back', {
  skip: !process.env.DATABASE_URL && 'the embedded database has no connection to lose',
}, async () => {
  const { events, listener } = recorder();
  const stop = await db.listen('test_lost', listener);
  const other = new pg.Client({ connectionString: db.connectionString });
  await other.connect();
  try {
    const killed = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'hub-listener' AND datname = current_database()`,
    );
    assert.equal(killed.rowCount, 1);
    await until('told it was lost', () => events.includes('lost'));
    await until('told it is back', () => events.lastIndexOf('listening') > events.indexOf('lost'));
    await other.query("SELECT pg_notify('test_lost', 'after reconnecting')");
    await until('the notification', () => events.includes('notify after reconnecting'));
  } finally {
    await other.end();
    await stop();
  }
});
