import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson, entryHash, GENESIS_HASH } from './chain.ts';

const entry = {
  partnershipId: '7d1c1c1e-8a52-4a59-9d1c-3c1f1e2b3a4d',
  at: new Date('2026-11-22T10:00:00.123Z'),
  actorUserId: null,
  actorLabel: 'admin@demo.example',
  action: 'group.created',
  entityType: 'group',
  entityId: 'g1',
  before: null,
  after: { name: 'Executive', cadence: 'six-weekly' },
  requestId: 'r1',
};

test('canonical JSON does not depend on key order', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }),
    canonicalJson({ a: [2, { c: 4, d: 3 }], b: 1 }),
  );
  assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
});

test('an entry hashes the same whatever order jsonb returns its keys in', () => {
  const reordered = { ...entry, after: { cadence: 'six-weekly', name: 'Executive' } };
  assert.equal(entryHash(GENESIS_HASH, entry), entryHash(GENESIS_HASH, reordered));
});

test('changing any field, or the previous hash, changes the hash', () => {
  const base = entryHash(GENESIS_HASH, entry);
  assert.notEqual(entryHash('1'.repeat(64), entry), base);
  assert.notEqual(entryHash(GENESIS_HASH, { ...entry, action: 'group.updated' }), base);
  assert.notEqual(entryHash(GENESIS_HASH, { ...entry, after: { name: 'Exec' } }), base);
  assert.notEqual(entryHash(GENESIS_HASH, { ...entry, at: new Date('2026-11-22T10:00:00.124Z') }), base);
  assert.match(base, /^[0-9a-f]{64}$/);
});
