import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_REFUSE_AFTER, ADDRESS_REFUSE_AFTER, MAX_SLOWDOWN_MS, throttleDecision } from './throttle.ts';

test('the first failures are not slowed', () => {
  assert.deepEqual(throttleDecision({ account: 0, address: 0 }), { action: 'allow', delayMs: 0 });
  assert.deepEqual(throttleDecision({ account: 2, address: 2 }), { action: 'allow', delayMs: 0 });
});

test('from the third failure each attempt waits longer, up to a cap', () => {
  assert.deepEqual(throttleDecision({ account: 3, address: 3 }), { action: 'allow', delayMs: 250 });
  assert.deepEqual(throttleDecision({ account: 5, address: 5 }), { action: 'allow', delayMs: 750 });
  const d = throttleDecision({ account: ACCOUNT_REFUSE_AFTER - 1, address: 0 });
  assert.equal(d.action, 'allow');
  assert.ok(d.action === 'allow' && d.delayMs <= MAX_SLOWDOWN_MS);
});

test('ten failures for an account refuse it for fifteen minutes', () => {
  assert.deepEqual(throttleDecision({ account: ACCOUNT_REFUSE_AFTER, address: 0 }), {
    action: 'refuse',
    retryAfterMinutes: 15,
    reason: 'account',
  });
});

test('many failures from one address refuse that address, whichever accounts it tries', () => {
  const d = throttleDecision({ account: 0, address: ADDRESS_REFUSE_AFTER });
  assert.equal(d.action, 'refuse');
  assert.equal(d.action === 'refuse' && d.reason, 'address');
});
