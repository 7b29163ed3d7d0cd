import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelListener } from '../../src/db/database.ts';

/** A channel listener that writes down what it is told: "listening", "lost", "notify <payload>". */
export function recorder() {
  const events: string[] = [];
  const listener: ChannelListener = {
    onNotify: (payload) => events.push(`notify ${payload}`),
    onListening: (listening) => events.push(listening ? 'listening' : 'lost'),
  };
  return { events, listener };
}

/** Waits until `check` holds, failing the test after five seconds. */
export async function until(what: string, check: () => boolean) {
  for (let waited = 0; waited < 5_000; waited += 10) {
    if (check()) return;
    await sleep(10);
  }
  assert.fail(`${what}: not within five seconds`);
}
