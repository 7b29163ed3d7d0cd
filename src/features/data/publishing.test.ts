import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PublishRow, publishRows } from './publishing.ts';

const row = (
  id: string,
  unit: PublishRow['unit'],
  value: number | null,
  extra: Partial<PublishRow> = {},
): PublishRow => ({
  id,
  unit,
  partOfId: null,
  period: '2026-07-01',
  value,
  per10k: false,
  rateText: null,
  published: true,
  ...extra,
});
const shown = (rows: PublishRow[], upTo = 5) =>
  Object.fromEntries([...publishRows(rows, upTo)].map(([id, cell]) => [id, `${cell.value} | ${cell.rate}`]));

test('a total’s breakdown is suppressed as a group; a rate goes with its count', () => {
  const cpp = row('cpp', 'count', 235, { per10k: true, rateText: '32.5' });
  assert.deepEqual(
    shown([
      cpp,
      row('neglect', 'count', 181, { partOfId: 'cpp' }),
      row('sexual', 'count', 3, { partOfId: 'cpp' }),
      row('physical', 'count', 51, { partOfId: 'cpp' }),
    ]),
    { cpp: '235 | 32.5', neglect: '181 | z', sexual: 'c | z', physical: 'c | z' },
  );
  assert.deepEqual(shown([row('cin', 'count', 4, { per10k: true, rateText: '0.6' })]), { cin: 'c | c' });
  assert.deepEqual(shown([row('cin', 'count', 40, { per10k: true })]), { cin: '40 | :' });
});

test('a percentage of a count is hidden when the children it stands for are few, or its base is hidden', () => {
  const cla = row('cla', 'count', 40);
  assert.deepEqual(shown([cla, row('homes', 'percentage', 10, { partOfId: 'cla' })]).homes, 'c | z');
  assert.deepEqual(shown([cla, row('foster', 'percentage', 60, { partOfId: 'cla' })]).foster, '60.0% | z');
  assert.deepEqual(shown([cla, row('none', 'percentage', 0, { partOfId: 'cla' })]).none, '0.0% | z');
  assert.deepEqual(
    shown([row('few', 'count', 3), row('all', 'percentage', 100, { partOfId: 'few' })]).all,
    'c | z',
  );
  // A base from another quarter tells nothing of this one's children.
  assert.deepEqual(
    shown([
      row('cla', 'count', 40, { period: '2026-04-01' }),
      row('homes', 'percentage', 10, { partOfId: 'cla' }),
    ]).homes,
    '10.0% | z',
  );
});

test('a small part left unpublished still counts in its published total’s breakdown, and is never shown', () => {
  const cpp = row('cpp', 'count', 235);
  const parts = [
    row('neglect', 'count', 181, { partOfId: 'cpp' }),
    row('emotional', 'count', 30, { partOfId: 'cpp' }),
    row('physical', 'count', 21, { partOfId: 'cpp' }),
    row('sexual', 'count', 3, { partOfId: 'cpp', published: false }),
  ];
  // Shown as 235, 181, 30 and 21, the unpublished 3 would be 235 - 181 - 30 - 21.
  assert.deepEqual(shown([cpp, ...parts]), {
    cpp: '235 | z',
    neglect: '181 | z',
    emotional: '30 | z',
    physical: 'c | z',
  });
  // A large part left unpublished is no small number: nothing else is hidden for it.
  const large = parts.map((p) => (p.id === 'sexual' ? { ...p, value: 40 } : p));
  assert.deepEqual(shown([{ ...cpp, value: 272 }, ...large]), {
    cpp: '272 | z',
    neglect: '181 | z',
    emotional: '30 | z',
    physical: '21 | z',
  });
  // An unpublished total shows nothing to subtract from: its published parts are shown as they are.
  assert.deepEqual(shown([{ ...cpp, published: false }, ...parts]), {
    neglect: '181 | z',
    emotional: '30 | z',
    physical: '21 | z',
  });
});
