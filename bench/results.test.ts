import assert from 'node:assert/strict';
import { test } from 'node:test';
import { combineRounds, median, type RoundRun } from './results.ts';

const round = (p95: number, rps: number, extra: Partial<RoundRun> = {}): RoundRun => ({
  requests: rps * 4,
  seconds: 4,
  rps,
  p50: p95 / 2,
  p95,
  p99: p95 * 1.5,
  max: p95 * 2,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statuses: { '200': rps * 4 },
  bytesPerResponse: 1000,
  serviceCpuMs: 2,
  otherCores: 0.01,
  ...extra,
});

test('the median is the middle value, or the mean of the middle two', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('one slow round moves the rounds’ median p95 no further than the next round', () => {
  const combined = combineRounds([round(45, 500), round(90, 250), round(48, 480)]);
  assert.equal(combined.p95, 48);
  assert.equal(combined.rps, 480);
  assert.deepEqual(
    combined.rounds?.map((r) => r.p95),
    [45, 90, 48],
  );
});

test('counts add up across rounds, failures are never hidden, and the busiest round’s other CPU is kept', () => {
  const combined = combineRounds([
    round(40, 500, { non2xx: 2, statuses: { '200': 1998, '500': 2 }, otherCores: 0.3 }),
    round(41, 500),
    round(42, 500, { serviceCpuMs: null }),
  ]);
  assert.equal(combined.requests, 6000);
  assert.equal(combined.non2xx, 2);
  assert.deepEqual(combined.statuses, { '200': 5998, '500': 2 });
  assert.equal(combined.otherCores, 0.3);
  assert.equal(combined.serviceCpuMs, 2);
  assert.equal(combined.max, 84);
});
