import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields, entryTime } from './audit.ts';

test('an entry is never earlier than the one before it in its chain', () => {
  const earlier = new Date('2026-11-22T10:00:00.000Z');
  const later = new Date('2026-11-22T10:00:00.005Z');
  assert.equal(entryTime(later, earlier), later);
  assert.equal(entryTime(earlier, later), later, 'a server whose clock is behind takes the previous time');
  assert.equal(entryTime(earlier, null), earlier);
});

test('changedFields keeps only what changed, leaving out updatedAt', () => {
  const before = { name: 'A', sector: 'health', updatedAt: new Date(1) };
  const after = { name: 'A', sector: 'voluntary', updatedAt: new Date(2) };
  assert.deepEqual(changedFields(before, after), {
    before: { sector: 'health' },
    after: { sector: 'voluntary' },
  });
});
