import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DashboardRow } from './dashboard-repo.ts';
import { changeText, populationFor, showRow } from './presentation.ts';

const base: DashboardRow = {
  id: 'i',
  code: 'TRAINED',
  name: 'Practitioners trained',
  unit: 'count',
  polarity: 'higher',
  per10k: false,
  partOfId: null,
  published: true,
  changeThreshold: 10,
  alertAbove: null,
  alertBelow: null,
  agencyName: 'Council',
  period: '2026-07-01',
  value: 50,
  previous: 100,
  lastYear: 90,
  askedOf: 'every-partner',
  agencies: 3,
  previousAgencies: 12,
  england: null,
  region: null,
  neighbours: null,
};

test('a sum of fewer agencies than the quarter before is not an exception until they are in', () => {
  const partial = showRow(base, '2026-07-01', []);
  assert.equal(partial.incomplete, true);
  assert.deepEqual(partial.exception, []);
  const complete = showRow({ ...base, agencies: 12 }, '2026-07-01', []);
  assert.equal(complete.incomplete, false);
  assert.deepEqual(complete.exception, ['Fell 50% from the previous quarter (threshold 10%)']);
});

test('a figure for an older quarter is flagged, and raises no exception for the quarter asked', () => {
  const stale = showRow({ ...base, agencies: 12, period: '2026-04-01' }, '2026-07-01', []);
  assert.equal(stale.stale, true);
  assert.equal(stale.periodLabel, '2026-27 Q1');
  assert.deepEqual(stale.exception, []);
});

test('the rate uses the population of the quarter’s year, and none before the first estimate', () => {
  const people = [
    { year: 2020, children: 72_334 },
    { year: 2022, children: 71_000 },
  ];
  assert.equal(populationFor(people, '2021-01-01'), 72_334);
  assert.equal(populationFor(people, '2021-07-01'), 72_334);
  assert.equal(populationFor(people, '2023-01-01'), 71_000);
  assert.equal(populationFor(people, '2019-10-01'), null);
  const cin = showRow(
    { ...base, askedOf: 'owner', per10k: true, value: 2944, period: '2021-01-01' },
    '2021-01-01',
    people,
  );
  assert.equal(cin.rateText, '407.0');
});

test('changes are told in words, read by polarity', () => {
  const row = showRow({ ...base, agencies: 12 }, '2026-07-01', []);
  assert.equal(changeText(row.sinceQuarter, 'count'), '−50 (−50.0%), worse');
  assert.equal(changeText(row.sinceYear, 'count'), '−40 (−44.4%), worse');
  assert.equal(changeText(null, 'count'), 'No comparison');
  const pct = showRow(
    { ...base, unit: 'percentage', polarity: 'lower', value: 17.5, previous: 18 },
    '2026-07-01',
    [],
  );
  assert.equal(changeText(pct.sinceQuarter, 'percentage'), '−0.5 points, better');
});
