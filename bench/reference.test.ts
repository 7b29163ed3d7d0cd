import assert from 'node:assert/strict';
import { test } from 'node:test';
import { referenceMs } from './reference.ts';
import { referenceLines } from './report.ts';

test('the reference work takes a positive, finite time', () => {
  const ms = referenceMs(1);
  assert.ok(Number.isFinite(ms) && ms > 0, String(ms));
});

test('a run shows its reference times, one a round; a run from before them shows nothing', () => {
  const lines = referenceLines({ reference: [66.9, 71.24, 68.5] });
  assert.match(lines.join(' '), /took 67 \/ 71 \/ 69 ms at the start of each round/);
  assert.deepEqual(referenceLines({}), []);
  assert.deepEqual(referenceLines({ reference: [] }), []);
});
