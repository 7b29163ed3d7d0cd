import assert from 'node:assert/strict';
import { test } from 'node:test';
import { todayInLondon } from './today.ts';

test("today in London turns at London's midnight, in winter and in summer time", () => {
  // Winter (GMT): midnight in London is midnight UTC.
  assert.equal(todayInLondon(new Date('2026-01-14T23:59:59.999Z')), '2026-01-14');
  assert.equal(todayInLondon(new Date('2026-01-15T00:00:00.000Z')), '2026-01-15');
  // Summer (BST): midnight in London is 23:00 UTC the day before.
  assert.equal(todayInLondon(new Date('2026-07-14T22:59:59.999Z')), '2026-07-14');
  assert.equal(todayInLondon(new Date('2026-07-14T23:00:00.000Z')), '2026-07-15');
  // The clocks going forward (29 March 2026, 01:00 UTC) and back (25 October 2026, 01:00 UTC).
  assert.equal(todayInLondon(new Date('2026-03-29T00:59:59.999Z')), '2026-03-29');
  assert.equal(todayInLondon(new Date('2026-03-28T23:59:59.999Z')), '2026-03-28');
  assert.equal(todayInLondon(new Date('2026-10-24T22:59:59.999Z')), '2026-10-24');
  assert.equal(todayInLondon(new Date('2026-10-24T23:00:00.000Z')), '2026-10-25');
});

test('an invalid date is refused', () => {
  assert.throws(() => todayInLondon(new Date(Number.NaN)), RangeError);
});
