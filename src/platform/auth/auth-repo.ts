import type { Queryable } from '../../db/database.ts';
import type { CurrentUser } from './current-user.ts';

/** SQL for signing in: credentials, sessions, API tokens, invitations and the throttle's counts. */
const USER_COLUMNS = `u.id, u.email, u.name, u.role, u.partnership_id AS "partnershipId", p.name AS "partnershipName",
  u.agency_id AS "agencyId", a.name AS "agencyName", coalesce(v.version, 0) AS "listsVersion"`;
const USER_JOIN = `FROM users u JOIN partnerships p ON p.id = u.partnership_id
  JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
  LEFT JOIN list_versions v ON v.partnership_id = u.partnership_id`;

type UserRow = Omit<CurrentUser, 'via' | 'csrfToken'>;

export async function findCredentials(db: Queryable, email: string) {
  const rows = await db.query<UserRow & { passwordHash: string | null; isActive: boolean }>(
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash", u.is_active AS "isActive"
       ${USER_JOIN} WHERE lower(u.email) = lower($1)`,
    [email],
  );
  return rows[0] ?? null;
}

export async function recordAttempt(db: Queryable, email: string, address: string, succeeded: boolean) {
  await db.query('INSERT INTO sign_in_attempts (email, address, succeeded) VALUES ($1, $2, $3)', [
    email.toLowerCase(),
    address,
    succeeded,
  ]);
}

export async function recentFailures(db: Queryable, email: string, address: string, windowMinutes: number) {
  const rows = await db.query<{ account: number; address: number }>(
    `SELECT
       (SELECT count(*)::int FROM sign_in_attempts
         WHERE lower(email) = lower($1) AND NOT succeeded AND at > now() - make_interval(mins => $3)
           AND at > coalesce((SELECT max(at) FROM sign_in_attempts
                               WHERE lower(email) = lower($1) AND succeeded), '-infinity')) AS account,
       (SELECT count(*)::int FROM sign_in_attempts
         WHERE address = $2 AND NOT succeeded AND at > now() - make_interval(mins => $3)) AS address`,
    [email, address, windowMinutes],
  );
  return rows[0] ?? { account: 0, address: 0 };
}

export async function insertSession(
  db: Queryable,
  s: { idHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
) {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $4, $5)`,
    [s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
  );
  await db.query('UPDATE users SET last_signed_in_at = $2 WHERE id = $1', [s.userId, s.createdAt]);
}

/** The session and its user, by the hash of the cookie (migration 0016 keeps the lookup's plan). */
export async function findSession(db: Queryable, idHash: string) {
  const rows = await db.query<
    UserRow & { csrfToken: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; isActive: boolean }
  >('SELECT * FROM session_lookup($1)', [idHash]);
  return rows[0] ?? null;
}

export async function touchSession(db: Queryable, idHash: string, at: Date) {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, at]);
}

export async function deleteSession(db: Queryable, idHash: string) {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
}

export async function deleteUserSessions(db: Queryable, userId: string) {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function insertApiToken(db: Queryable, userId: string, tokenHashValue: string, expiresAt: Date) {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO api_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id',
    [userId, tokenHashValue, expiresAt],
  );
  return rows[0]?.id as string;
}

/** A live token and its user, by the hash of the token (migrations 0016 and 0020 keep the lookup's plan). */
export async function findApiToken(db: Queryable, tokenHashValue: string) {
  const rows = await db.query<
    UserRow & { tokenId: string; isActive: boolean; lastUsedAt: Date | null; expiresAt: Date }
  >('SELECT * FROM api_token_lookup($1)', [tokenHashValue]);
  return rows[0] ?? null;
}

export async function touchApiToken(db: Queryable, tokenId: string, at: Date) {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [tokenId, at]);
}

export async function listApiTokens(db: Queryable, userId: string) {
  return db.query<{
    id: string;
    createdAt: Date;
    expiresAt: Date;
    revokedAt: Date | null;
    lastUsedAt: Date | null;
  }>(
    `SELECT id, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
            last_used_at AS "lastUsedAt"
       FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
    [userId],
  );
}

export async function revokeApiToken(db: Queryable, userId: string, tokenId: string) {
  const rows = await db.query<{ id: string }>(
    'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
    [tokenId, userId],
  );
  return rows.length > 0;
}

export async function findLiveInvitation(db: Queryable, tokenHashValue: string) {
  const rows = await db.query<{ userId: string; email: string; partnershipId: string }>(
    `SELECT i.user_id AS "userId", u.email, u.partnership_id AS "partnershipId"
       FROM invitations i JOIN users u ON u.id = i.user_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.is_active`,
    [tokenHashValue],
  );
  return rows[0] ?? null;
}

/** Marks the invitation used; false when another request used it first. */
export async function useInvitation(db: Queryable, tokenHashValue: string) {
  const rows = await db.query(
    'UPDATE invitations SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING id',
    [tokenHashValue],
  );
  return rows.length > 0;
}

export async function setPassword(db: Queryable, userId: string, passwordHash: string) {
  await db.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
    userId,
    passwordHash,
  ]);
}
