/** How long a browser session lasts: ended after an idle spell, and after a fixed time whatever. */
export const SESSION_IDLE_MINUTES = 60;
export const SESSION_ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often, so reading a page is not a write every time. */
export const SESSION_TOUCH_SECONDS = 60;
export const API_TOKEN_DAYS = 30;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

export function newSessionTimes(now: Date): SessionTimes {
  return {
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
  };
}

export function sessionIsLive(session: SessionTimes, now: Date): boolean {
  return (
    now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MINUTES * 60_000
  );
}

export function sessionNeedsTouch(session: Pick<SessionTimes, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000;
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

/** An API token works until it is revoked or expires, whichever comes first. */
export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt > now ? 'active' : 'expired';
}
