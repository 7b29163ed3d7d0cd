import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newSessionTimes,
  SESSION_ABSOLUTE_HOURS,
  SESSION_IDLE_MINUTES,
  sessionIsLive,
  sessionNeedsTouch,
  tokenStatus,
} from './session-rules.ts';

const start = new Date('2026-01-05T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

test('a session ends after an idle spell', () => {
  const s = newSessionTimes(start);
  assert.equal(sessionIsLive(s, minutes(SESSION_IDLE_MINUTES - 1)), true);
  assert.equal(sessionIsLive(s, minutes(SESSION_IDLE_MINUTES)), false);
});

test('a session in constant use still ends at its absolute expiry', () => {
  const s = { ...newSessionTimes(start), lastSeenAt: minutes(SESSION_ABSOLUTE_HOURS * 60 - 1) };
  assert.equal(sessionIsLive(s, minutes(SESSION_ABSOLUTE_HOURS * 60 - 1)), true);
  assert.equal(
    sessionIsLive(
      { ...s, lastSeenAt: minutes(SESSION_ABSOLUTE_HOURS * 60) },
      minutes(SESSION_ABSOLUTE_HOURS * 60),
    ),
    false,
  );
});

test('last seen is written at most once a minute', () => {
  assert.equal(sessionNeedsTouch({ lastSeenAt: start }, new Date(start.getTime() + 59_000)), false);
  assert.equal(sessionNeedsTouch({ lastSeenAt: start }, new Date(start.getTime() + 60_000)), true);
});

test('an API token is active until revoked or expired', () => {
  const expiresAt = minutes(60);
  assert.equal(tokenStatus({ revokedAt: null, expiresAt }, minutes(59)), 'active');
  assert.equal(tokenStatus({ revokedAt: null, expiresAt }, minutes(60)), 'expired');
  assert.equal(tokenStatus({ revokedAt: minutes(1), expiresAt }, minutes(2)), 'revoked');
});
