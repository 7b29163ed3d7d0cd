import { setTimeout as sleep } from 'node:timers/promises';
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../../db/database.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import { NotifiedCache } from '../cache/notified-cache.ts';
import * as repo from './auth-repo.ts';
import type { CurrentUser } from './current-user.ts';
import { passwordProblem } from './password-rules.ts';
import { newToken, tokenHash } from './secrets.ts';
import {
  API_TOKEN_DAYS,
  newSessionTimes,
  sessionIsLive,
  sessionNeedsTouch,
  tokenStatus,
} from './session-rules.ts';
import { THROTTLE_WINDOW_MINUTES, throttleDecision } from './throttle.ts';

export type SignInResult =
  | { ok: true; user: CurrentUser; sessionToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

// A fixed hash to verify against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
const decoyHash = hash('decoy-password-for-timing');

export const hashPassword = (password: string) => hash(password);

/** The channel on which migration 0020 says that a session, token or user may have changed. */
export const SIGN_IN_CHANNEL = 'sign_in_changed';

type SessionRow = NonNullable<Awaited<ReturnType<typeof repo.findSession>>>;
type TokenRow = NonNullable<Awaited<ReturnType<typeof repo.findApiToken>>>;

export function createAuthService(db: Database, options: { slowdown?: boolean } = {}) {
  const slowdown = options.slowdown ?? true;
  // Who a session or token belongs to, kept so that a page costs no query to learn it: every change
  // to what the lookup returns empties these at once (see NotifiedCache and migration 0020). A kept
  // session's times are still checked on every request; one that looks ended is looked up again.
  // At most 15 s, should every notification be missed (changes made with triggers bypassed).
  const keep = { capacity: 10_000, maxAgeMs: 15_000 };
  const sessions = new NotifiedCache<SessionRow>(keep);
  const tokens = new NotifiedCache<TokenRow>(keep);

  async function checkCredentials(email: string, password: string, address: string) {
    const failures = await repo.recentFailures(db, email, address, THROTTLE_WINDOW_MINUTES);
    const decision = throttleDecision(failures);
    if (decision.action === 'refuse') {
      return {
        ok: false as const,
        reason: 'throttled' as const,
        retryAfterMinutes: decision.retryAfterMinutes,
      };
    }
    if (slowdown && decision.delayMs > 0) await sleep(decision.delayMs);
    const found = await repo.findCredentials(db, email);
    const valid = await verify(found?.passwordHash ?? (await decoyHash), password).catch(() => false);
    const ok = Boolean(found?.isActive && found.passwordHash && valid);
    await repo.recordAttempt(db, email, address, ok);
    if (!ok || !found) return { ok: false as const, reason: 'invalid' as const };
    return { ok: true as const, user: found };
  }

  return {
    /** Keeps sessions and tokens from now on, as long as changes to them are heard; resolves to a stop. */
    async listenForChanges(): Promise<() => Promise<void>> {
      const stops = [await sessions.listen(db, SIGN_IN_CHANNEL), await tokens.listen(db, SIGN_IN_CHANNEL)];
      return async () => {
        for (const stop of stops) await stop();
      };
    },

    async signIn(email: string, password: string, address: string): Promise<SignInResult> {
      const checked = await checkCredentials(email, password, address);
      if (!checked.ok) return checked;
      const sessionToken = newToken();
      const csrfToken = newToken();
      const times = newSessionTimes(new Date());
      const { passwordHash: _p, isActive: _a, ...user } = checked.user;
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          idHash: tokenHash(sessionToken),
          userId: user.id,
          csrfToken,
          ...times,
        });
        await recordAudit(
          tx,
          { userId: user.id, label: user.email },
          {
            partnershipId: user.partnershipId,
            action: 'user.signed-in',
            entityType: 'user',
            entityId: user.id,
          },
        );
      });
      return { ok: true, user: { ...user, via: 'session', csrfToken }, sessionToken };
    },

    async userForSession(sessionToken: string): Promise<CurrentUser | null> {
      const idHash = tokenHash(sessionToken);
      const now = new Date();
      const generation = sessions.generation;
      let found = sessions.get(idHash);
      if (!found || !sessionIsLive(found, now)) {
        // Another process may have seen the session since: only the database says it has ended.
        found = (await repo.findSession(db, idHash)) ?? undefined;
        if (!found?.isActive || !sessionIsLive(found, now)) {
          sessions.forget(idHash);
          if (found) await repo.deleteSession(db, idHash);
          return null;
        }
        sessions.keep(idHash, found, generation);
      }
      if (sessionNeedsTouch(found, now)) {
        await repo.touchSession(db, idHash, now);
        found.lastSeenAt = now; // the kept copy too: it is read here only
      }
      const { createdAt: _c, lastSeenAt: _l, expiresAt: _e, isActive: _a, ...user } = found;
      return { ...user, via: 'session' };
    },

    async signOut(sessionToken: string, actor: Actor, partnershipId: string) {
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, tokenHash(sessionToken));
        await recordAudit(tx, actor, {
          partnershipId,
          action: 'user.signed-out',
          entityType: 'user',
          entityId: actor.userId,
        });
      });
    },

    async issueApiToken(email: string, password: string, address: string) {
      const checked = await checkCredentials(email, password, address);
      if (!checked.ok) return checked;
      const token = `sph_${newToken()}`;
      const expiresAt = new Date(Date.now() + API_TOKEN_DAYS * 86_400_000);
      const user = checked.user;
      await db.transaction(async (tx) => {
        const id = await repo.insertApiToken(tx, user.id, tokenHash(token), expiresAt);
        await recordAudit(
          tx,
          { userId: user.id, label: user.email },
          {
            partnershipId: user.partnershipId,
            action: 'api-token.issued',
            entityType: 'api-token',
            entityId: id,
          },
        );
      });
      return { ok: true as const, token, expiresAt };
    },

    async userForApiToken(token: string): Promise<CurrentUser | null> {
      const hashed = tokenHash(token);
      const now = new Date();
      const generation = tokens.generation;
      let found = tokens.get(hashed);
      if (!found || found.expiresAt <= now) {
        found = (await repo.findApiToken(db, hashed)) ?? undefined;
        if (!found?.isActive) {
          tokens.forget(hashed);
          return null;
        }
        tokens.keep(hashed, found, generation);
      }
      if (!found.lastUsedAt || sessionNeedsTouch({ lastSeenAt: found.lastUsedAt }, now)) {
        await repo.touchApiToken(db, found.tokenId, now);
        found.lastUsedAt = now;
      }
      const { tokenId: _t, isActive: _a, lastUsedAt: _l, expiresAt: _e, ...user } = found;
      return { ...user, via: 'token', csrfToken: null };
    },

    async listApiTokens(userId: string) {
      const now = new Date();
      return (await repo.listApiTokens(db, userId)).map((t) => ({ ...t, status: tokenStatus(t, now) }));
    },

    /** Whether the user's e-mails come as they happen or in one daily digest. */
    async emailFrequency(userId: string): Promise<'immediate' | 'daily'> {
      const rows = await db.query<{ f: 'immediate' | 'daily' }>(
        'SELECT email_frequency AS f FROM users WHERE id = $1',
        [userId],
      );
      return rows[0]?.f ?? 'immediate';
    },

    async setEmailFrequency(user: CurrentUser, frequency: 'immediate' | 'daily', actor: Actor) {
      await db.transaction(async (tx) => {
        const [before] = await tx.query<{ f: string }>(
          'SELECT email_frequency AS f FROM users WHERE id = $1 FOR UPDATE',
          [user.id],
        );
        await tx.query('UPDATE users SET email_frequency = $2, updated_at = now() WHERE id = $1', [
          user.id,
          frequency,
        ]);
        await recordAudit(tx, actor, {
          partnershipId: user.partnershipId,
          action: 'user.email-frequency-changed',
          entityType: 'user',
          entityId: user.id,
          before: { emailFrequency: before?.f },
          after: { emailFrequency: frequency },
        });
      });
    },

    async revokeApiToken(user: CurrentUser, tokenId: string, actor: Actor) {
      return db.transaction(async (tx) => {
        const revoked = await repo.revokeApiToken(tx, user.id, tokenId);
        if (revoked) {
          await recordAudit(tx, actor, {
            partnershipId: user.partnershipId,
            action: 'api-token.revoked',
            entityType: 'api-token',
            entityId: tokenId,
          });
        }
        return revoked;
      });
    },

    /** Sets the password of the invited user, if the link is live; the link then stops working. */
    async acceptInvitation(token: string, password: string) {
      const hashed = tokenHash(token);
      const invitation = await repo.findLiveInvitation(db, hashed);
      if (!invitation) return { ok: false as const, problem: 'expired' as const };
      const problem = passwordProblem(password, { email: invitation.email });
      if (problem) return { ok: false as const, problem: 'password' as const, message: problem };
      const passwordHash = await hashPassword(password);
      const used = await db.transaction(async (tx) => {
        if (!(await repo.useInvitation(tx, hashed))) return false;
        await repo.setPassword(tx, invitation.userId, passwordHash);
        await repo.deleteUserSessions(tx, invitation.userId);
        await recordAudit(
          tx,
          { userId: invitation.userId, label: invitation.email },
          {
            partnershipId: invitation.partnershipId,
            action: 'user.password-set',
            entityType: 'user',
            entityId: invitation.userId,
          },
        );
        return true;
      });
      return used ? { ok: true as const } : { ok: false as const, problem: 'expired' as const };
    },

    invitationIsLive: async (token: string) => (await repo.findLiveInvitation(db, tokenHash(token))) !== null,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
