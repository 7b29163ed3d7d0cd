import type { Queryable, Row } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Role } from '../../platform/access/roles.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { UserInput, UserPatch } from './schemas.ts';

export type UserAccount = {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  isActive: boolean;
  hasPassword: boolean;
  lastSignedInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `u.id, u.name, u.email, u.role, u.agency_id AS "agencyId", a.name AS "agencyName",
  u.is_active AS "isActive", (u.password_hash IS NOT NULL) AS "hasPassword",
  u.last_signed_in_at AS "lastSignedInAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;
const FROM = 'FROM users u JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id';

export type UserFilter = { role?: Role; agencyId?: string; q?: string; after: Cursor | null; limit: number };

function readUsers<R extends Row>(db: Queryable, partnershipId: string, filter: UserFilter, columns: string) {
  const where = new Conditions()
    .add('u.partnership_id = ?', partnershipId)
    .addIf(filter.role, 'u.role = ?')
    .addIf(filter.agencyId, 'u.agency_id = ?');
  where.contains(['u.name', 'u.email'], filter.q);
  where.after(filter.after, 'u.name', 'u.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<R>(`SELECT ${columns} ${FROM} ${where.sql} ORDER BY u.name, u.id ${limit}`, where.params);
}

/** Whole accounts, by name (the API's list). */
export function listUsers(db: Queryable, partnershipId: string, filter: UserFilter) {
  return readUsers<UserAccount>(db, partnershipId, filter, COLUMNS);
}

/** What the table of users shows of each. */
export type UserRow = Pick<
  UserAccount,
  'id' | 'name' | 'email' | 'role' | 'agencyName' | 'isActive' | 'hasPassword'
>;

/**
 * The rows of the table of users, in the order of listUsers: without the three times (last sign-in,
 * made, changed) the table does not show, each of which pg turns into a Date.
 */
export function listUserRows(db: Queryable, partnershipId: string, filter: UserFilter) {
  return readUsers<UserRow>(
    db,
    partnershipId,
    filter,
    `u.id, u.name, u.email, u.role, a.name AS "agencyName", u.is_active AS "isActive",
     (u.password_hash IS NOT NULL) AS "hasPassword"`,
  );
}

export async function findUser(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<UserAccount>(
    `SELECT ${COLUMNS} ${FROM} WHERE u.partnership_id = $1 AND u.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export async function insertUser(db: Queryable, partnershipId: string, input: UserInput) {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO users (partnership_id, agency_id, email, name, role) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [partnershipId, input.agencyId, input.email, input.name, input.role],
  );
  return findUser(db, partnershipId, (rows[0] as { id: string }).id) as Promise<UserAccount>;
}

export async function updateUser(db: Queryable, partnershipId: string, id: string, patch: UserPatch) {
  const rows = await db.query<{ id: string }>(
    `UPDATE users SET name = coalesce($3, name), email = coalesce($4, email), role = coalesce($5, role),
            agency_id = coalesce($6, agency_id), is_active = coalesce($7, is_active), updated_at = now()
      WHERE partnership_id = $1 AND id = $2 RETURNING id`,
    [
      partnershipId,
      id,
      patch.name ?? null,
      patch.email ?? null,
      patch.role ?? null,
      patch.agencyId ?? null,
      patch.isActive ?? null,
    ],
  );
  return rows[0] ? findUser(db, partnershipId, id) : null;
}

export async function insertInvitation(db: Queryable, userId: string, tokenHash: string, expiresAt: Date) {
  await db.query('UPDATE invitations SET expires_at = now() WHERE user_id = $1 AND used_at IS NULL', [
    userId,
  ]);
  await db.query('INSERT INTO invitations (user_id, token_hash, expires_at) VALUES ($1, $2, $3)', [
    userId,
    tokenHash,
    expiresAt,
  ]);
}

/** A deactivated account loses its sessions and API tokens at once. */
export async function endAccess(db: Queryable, userId: string) {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  await db.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
}
