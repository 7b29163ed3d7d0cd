import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeptById } from './kept-by-id.ts';

const v = (listsVersion: number, partnershipId = 'p') => ({ partnershipId, listsVersion });
const rec = (id: string, title = id) => ({ id, title });

test('a record kept for a version is found for that version; the rest are reported missing once each', () => {
  const kept = new KeptById<{ id: string; title: string }>();
  assert.deepEqual(kept.find(v(1), ['a', 'b', 'a']).missing, ['a', 'b']);
  kept.keep(v(1), [rec('a')]);
  const { found, missing } = kept.find(v(1), ['a', 'b', 'a']);
  assert.deepEqual([...found.keys()], ['a']);
  assert.deepEqual(missing, ['b']);
  assert.deepEqual(kept.find(v(1, 'q'), ['a']).missing, ['a'], 'another partnership keeps its own');
});

test('when the version moves on, what was kept is dropped, and an older request keeps nothing', () => {
  const kept = new KeptById<{ id: string; title: string }>();
  kept.keep(v(1), [rec('a', 'old title')]);
  assert.deepEqual(kept.find(v(2), ['a']).missing, ['a'], 'a newer version reads afresh');
  kept.keep(v(2), [rec('a', 'new title')]);
  assert.equal(kept.find(v(2), ['a']).found.get('a')?.title, 'new title');
  assert.equal(kept.stats.records, 1, 'the old version’s records are gone');
  kept.keep(v(1), [rec('b')]);
  assert.deepEqual(
    kept.find(v(1), ['a', 'b']).missing,
    ['a', 'b'],
    'a request on the old version reads afresh',
  );
  assert.deepEqual(kept.find(v(2), ['b']).missing, ['b'], 'and what it read is not kept for the new one');
});

test('without a version nothing is kept', () => {
  const kept = new KeptById<{ id: string; title: string }>();
  const returned = kept.keep({ partnershipId: 'p' }, [rec('a')]);
  assert.equal(returned[0]?.id, 'a');
  assert.deepEqual(kept.find({ partnershipId: 'p' }, ['a']).missing, ['a']);
  assert.equal(kept.stats.scopes, 0);
});

test('kept records are frozen and bounded per partnership and in partnerships', () => {
  const kept = new KeptById<{ id: string; title: string }>({ perScope: 2, scopes: 2 });
  const [a] = kept.keep(v(1), [rec('a')]);
  assert.throws(() => {
    (a as { title: string }).title = 'changed';
  }, TypeError);
  kept.keep(v(1), [rec('b'), rec('c')]);
  assert.ok(kept.stats.records <= 2, 'a full partnership starts again');
  kept.keep(v(1, 'q'), [rec('x')]);
  kept.keep(v(1, 'r'), [rec('y')]);
  assert.equal(kept.stats.scopes, 2);
  assert.deepEqual(kept.find(v(1), ['c']).missing, ['c'], 'the least recently used partnership went first');
});
