import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complianceOf, isLate, isOutOfPeriod } from './compliance.ts';

const base = { deadline: '2025-10-31', today: '2025-11-10', asked: 3, forQuarter: 3 };

test('a submission is on time, late, or partly, by the deadline and what it holds', () => {
  assert.equal(complianceOf({ ...base, submission: { status: 'submitted', late: false } }), 'on-time');
  assert.equal(complianceOf({ ...base, submission: { status: 'submitted', late: true } }), 'late');
  assert.equal(
    complianceOf({ ...base, forQuarter: 2, submission: { status: 'submitted', late: false } }),
    'partly',
  );
  assert.equal(
    complianceOf({ ...base, forQuarter: 0, submission: { status: 'submitted', late: true } }),
    'partly-late',
  );
});

test('no submission is awaited until the deadline, then missing; a draft is started', () => {
  assert.equal(complianceOf({ ...base, submission: null }), 'missing');
  assert.equal(complianceOf({ ...base, today: '2025-10-31', submission: null }), 'awaited');
  assert.equal(complianceOf({ ...base, submission: { status: 'draft', late: false } }), 'draft');
});

test('the deadline day itself is on time', () => {
  assert.equal(isLate('2025-10-31', '2025-10-31'), false);
  assert.equal(isLate('2025-11-01', '2025-10-31'), true);
});

test('a figure for another quarter than the one asked is out of period; no figure is not', () => {
  assert.equal(isOutOfPeriod('2025-07-01', '2025-07-01'), false);
  assert.equal(isOutOfPeriod('2025-04-01', '2025-07-01'), true);
  assert.equal(isOutOfPeriod(null, '2025-07-01'), false);
});
