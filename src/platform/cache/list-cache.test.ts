import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ListCache } from './list-cache.ts';

const reader = () => {
  const reads: string[] = [];
  return {
    reads,
    read: (what: string) => async () => {
      reads.push(what);
      return [{ id: '1', name: what }];
    },
  };
};

test('a list is read once for each partnership, list and version', async () => {
  const cache = new ListCache();
  const { reads, read } = reader();
  await cache.get({ partnershipId: 'p', listsVersion: 3 }, 'agencies', read('agencies v3'));
  await cache.get({ partnershipId: 'p', listsVersion: 3 }, 'agencies', read('agencies v3 again'));
  await cache.get({ partnershipId: 'p', listsVersion: 3 }, 'themes', read('themes v3'));
  await cache.get({ partnershipId: 'q', listsVersion: 3 }, 'agencies', read('q agencies v3'));
  const moved = await cache.get({ partnershipId: 'p', listsVersion: 4 }, 'agencies', read('agencies v4'));
  assert.deepEqual(reads, ['agencies v3', 'themes v3', 'q agencies v3', 'agencies v4']);
  assert.equal(moved[0]?.name, 'agencies v4');
});

test('without a version a list is read every time', async () => {
  const cache = new ListCache();
  const { reads, read } = reader();
  await cache.get({ partnershipId: 'p' }, 'agencies', read('first'));
  await cache.get({ partnershipId: 'p' }, 'agencies', read('second'));
  assert.deepEqual(reads, ['first', 'second']);
  assert.equal(cache.stats.size, 0);
});

test('a kept list and its rows are frozen, since every request shares them', async () => {
  const cache = new ListCache();
  const list = await cache.get({ partnershipId: 'p', listsVersion: 1 }, 'agencies', reader().read('a'));
  assert.throws(() => (list as unknown as { name: string }[]).push({ name: 'b' }), TypeError);
  assert.throws(() => {
    (list[0] as { name: string }).name = 'changed';
  }, TypeError);
});
