import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changeOf, exceptionReasons, judge } from './comparisons.ts';

test('a change is judged by the indicator’s polarity', () => {
  assert.equal(judge('up', 'higher'), 'better');
  assert.equal(judge('up', 'lower'), 'worse');
  assert.equal(judge('down', 'lower'), 'better');
  assert.equal(judge('down', 'higher'), 'worse');
  assert.equal(judge('up', 'neither'), 'no-judgement');
  assert.equal(judge('same', 'higher'), 'no-change');
});

test('the change from an earlier figure, in units and per cent', () => {
  assert.deepEqual(changeOf(306, 300, 'lower'), {
    difference: 6,
    percent: 2,
    direction: 'up',
    judgement: 'worse',
  });
  assert.deepEqual(changeOf(0.3, 0.1 + 0.2, 'higher')?.direction, 'same');
  assert.equal(changeOf(5, 0, 'higher')?.percent, null);
  assert.equal(changeOf(null, 4, 'higher'), null);
  assert.equal(changeOf(4, null, 'higher'), null);
});

test('an exception is a change beyond the threshold or a value beyond a limit', () => {
  const thresholds = { changeThreshold: 10, alertAbove: 400, alertBelow: null };
  assert.deepEqual(exceptionReasons(thresholds, 110, 100), []);
  assert.deepEqual(exceptionReasons(thresholds, 111, 100), [
    'Rose 11% from the previous quarter (threshold 10%)',
  ]);
  assert.deepEqual(exceptionReasons(thresholds, 80, 100), [
    'Fell 20% from the previous quarter (threshold 10%)',
  ]);
  assert.deepEqual(exceptionReasons(thresholds, 401, 400), ['Above the limit of 400']);
  assert.deepEqual(exceptionReasons({ changeThreshold: null, alertAbove: null, alertBelow: 90 }, 89, null), [
    'Below the limit of 90',
  ]);
  assert.deepEqual(exceptionReasons(thresholds, null, 100), []);
});
