import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../db/database.ts';
import { recordView } from './view-audit.ts';

/** A database whose every transaction fails as `fail` says, counting the attempts. */
function failingDb(fail: () => Error) {
  let attempts = 0;
  const db: Database = {
    engine: 'postgresql',
    query: async () => [],
    transaction: async () => {
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw fail();
    },
    listen: async () => async () => {},
    close: async () => {},
  };
  return { db, attempts: () => attempts };
}

const views = (db: Database, n: number) =>
  Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      recordView(
        db,
        { userId: null, label: 'test' },
        { partnershipId: 'p', action: 'test.viewed', entityType: 'test', entityId: String(i) },
      ),
    ),
  );

test('a database that is down fails each waiting group once, not each entry again', async () => {
  const { db, attempts } = failingDb(() => Object.assign(new Error('connection lost'), { code: '08006' }));
  const results = await views(db, 10);
  assert.ok(results.every((r) => r.status === 'rejected'));
  assert.equal(attempts(), 2, 'the first view alone, then the nine that waited for it, together');
});

test('an entry the database refuses as data is tried again alone, so the others are not lost', async () => {
  const { db, attempts } = failingDb(() => Object.assign(new Error('bad byte'), { code: '22021' }));
  const results = await views(db, 10);
  assert.ok(results.every((r) => r.status === 'rejected'));
  assert.equal(attempts(), 1 + 1 + 1 + 9, 'each group fails, then each of its entries is tried alone');
});
