/**
 * Sign-in throttling: after a few failures an account or an address is slowed down, then refused for
 * a while. Pure rule; the counts come from the sign_in_attempts table, so every server agrees.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const ACCOUNT_SLOW_AFTER = 3;
export const ACCOUNT_REFUSE_AFTER = 10;
export const ADDRESS_REFUSE_AFTER = 50;
export const SLOWDOWN_STEP_MS = 250;
export const MAX_SLOWDOWN_MS = 2_000;

export type ThrottleDecision =
  | { action: 'allow'; delayMs: number }
  | { action: 'refuse'; retryAfterMinutes: number; reason: 'account' | 'address' };

export function throttleDecision(failures: { account: number; address: number }): ThrottleDecision {
  if (failures.account >= ACCOUNT_REFUSE_AFTER) {
    return { action: 'refuse', retryAfterMinutes: THROTTLE_WINDOW_MINUTES, reason: 'account' };
  }
  if (failures.address >= ADDRESS_REFUSE_AFTER) {
    return { action: 'refuse', retryAfterMinutes: THROTTLE_WINDOW_MINUTES, reason: 'address' };
  }
  const over = failures.account - ACCOUNT_SLOW_AFTER + 1;
  return { action: 'allow', delayMs: over > 0 ? Math.min(over * SLOWDOWN_STEP_MS, MAX_SLOWDOWN_MS) : 0 };
}
