import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Mutex } from './mutex.ts';

test('work runs one at a time, in the order it arrived, even when some fail', async () => {
  const mutex = new Mutex();
  const log: string[] = [];
  const job = (name: string, ms: number, fail = false) =>
    mutex.run(async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
    });
  const results = await Promise.allSettled([job('a', 20), job('b', 5, true), job('c', 1)]);
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
});

test('the holder knows it holds the lock; others do not', async () => {
  const mutex = new Mutex();
  assert.equal(mutex.heldHere, false);
  await mutex.run(async () => assert.equal(mutex.heldHere, true));
  assert.equal(mutex.heldHere, false);
});
