import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime } from './render.ts';

test('a date reads the GOV.UK way, the same however often it is asked for', () => {
  for (let i = 0; i < 3; i += 1) {
    assert.equal(formatDate('2024-04-01'), '1 April 2024');
    assert.equal(formatDate('2025-12-25T09:00:00Z'), '25 December 2025');
  }
  // A moment is read in London: half past midnight on 1 July in summer time is 23:30 UTC on 30 June.
  assert.equal(formatDate(new Date('2024-06-30T23:30:00Z')), '1 July 2024');
  assert.equal(formatDateTime(new Date('2024-06-30T23:30:00Z')), '1 July 2024 at 12:30am');
});

test('what is not a date is shown as it is, and nothing as nothing', () => {
  assert.equal(formatDate('not a date at all'), 'not a date at all');
  assert.equal(formatDate('not a date either'), 'not a date either');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate(undefined), '');
  assert.equal(formatDate(''), '');
});
