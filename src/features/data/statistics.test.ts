import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatValue, populationYearOf, publishedCount, ratePer10k, suppressGroup } from './statistics.ts';

test('a rate per 10,000 children is to one decimal place (DOMAIN.md)', () => {
  // The seed: 2,944 children in need in a 0-17 population of 72,334.
  assert.equal(ratePer10k(2944, 72_334), 407.0);
  assert.equal(formatValue(ratePer10k(2944, 72_334), 'rate'), '407.0');
  assert.equal(ratePer10k(306, 72_334), 42.3);
  assert.equal(ratePer10k(235, 72_334), 32.5);
  assert.equal(ratePer10k(0, 72_334), 0);
});

test('a rate exactly halfway rounds up, whatever binary fractions would do', () => {
  // 1 in 80,000 is 0.125 per 10,000 → 0.1; 3 in 80,000 is 0.375 → 0.4; 1 in 20,000 is 0.5 exactly.
  assert.equal(ratePer10k(1, 80_000), 0.1);
  assert.equal(ratePer10k(3, 80_000), 0.4);
  assert.equal(ratePer10k(1, 20_000), 0.5);
  // 0.05 per 10,000 exactly: half a tenth, up to 0.1.
  assert.equal(ratePer10k(1, 200_000), 0.1);
  assert.throws(() => ratePer10k(1, 0), RangeError);
});

test('a quarter’s rate uses the mid-year estimate of the year its financial year starts', () => {
  assert.equal(populationYearOf('2021-01-01'), 2020);
  assert.equal(populationYearOf('2020-04-01'), 2020);
  assert.equal(populationYearOf('2020-10-01'), 2020);
});

test('values are shown by their unit', () => {
  assert.equal(formatValue(2944, 'count'), '2,944');
  assert.equal(formatValue(77, 'percentage'), '77.0%');
  assert.equal(formatValue(12.25, 'days'), '12');
  assert.equal(formatValue(null, 'count'), ':');
});

test('counts from 1 to 5 are published as c; 0 is a true zero', () => {
  assert.equal(publishedCount(3, 5), 'c');
  assert.equal(publishedCount(1, 5), 'c');
  assert.equal(publishedCount(5, 5), 'c');
  assert.equal(publishedCount(6, 5), '6');
  assert.equal(publishedCount(0, 5), '0');
  assert.equal(publishedCount(null, 5), ':');
  // The threshold is a setting.
  assert.equal(publishedCount(5, 3), '5');
  assert.equal(publishedCount(9, 10), 'c');
});

test('one hidden part of a shown total hides the next smallest part too (secondary suppression)', () => {
  // Plans by category: 235 in all; sexual abuse 3 would be 235 − the others.
  const group = suppressGroup(235, [181, 30, 3, 21, 0], 5);
  assert.deepEqual(group.parts, ['181', '30', 'c', 'c', '0']);
  assert.equal(group.total, '235');
  assert.deepEqual(group.secondary, [3]);
});

test('two hidden parts need no secondary suppression', () => {
  const group = suppressGroup(40, [30, 4, 2, 4], 5);
  assert.deepEqual(group.parts, ['30', 'c', 'c', 'c']);
  assert.deepEqual(group.secondary, []);
});

test('with no other part to hide, the total is hidden instead', () => {
  const group = suppressGroup(12, [12, 0], 5);
  assert.deepEqual(group, { total: '12', parts: ['12', '0'], secondary: [] });
  const lone = suppressGroup(10, [3, 7], 5);
  assert.deepEqual(lone.parts, ['c', 'c']);
  const zeros = suppressGroup(3, [3, 0, 0], 5);
  assert.equal(zeros.total, 'c');
  const onlyZeros = suppressGroup(9, [4, 0, null], 5);
  assert.deepEqual(onlyZeros, { total: 'c', parts: ['c', '0', ':'], secondary: [] });
});
