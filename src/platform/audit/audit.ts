import type { Queryable } from '../../db/database.ts';
import { asStoredJson, type ChainedFields, entryHash, GENESIS_HASH } from './chain.ts';

export type Actor = { userId: string | null; label: string; requestId?: string | null };

export type AuditInput = {
  partnershipId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one entry to the partnership's chain, inside the caller's transaction, so the change and
 * its audit entry commit or roll back together. The advisory lock orders writers of one chain.
 */
export async function recordAudit(tx: Queryable, actor: Actor, input: AuditInput, now = new Date()) {
  const chain = `audit:${input.partnershipId ?? 'installation'}`;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [chain]);
  const previous = input.partnershipId
    ? await tx.query<{ hash: string; at: Date }>(
        'SELECT hash, at FROM audit_log WHERE partnership_id = $1 ORDER BY id DESC LIMIT 1',
        [input.partnershipId],
      )
    : await tx.query<{ hash: string; at: Date }>(
        'SELECT hash, at FROM audit_log WHERE partnership_id IS NULL ORDER BY id DESC LIMIT 1',
      );
  const prevHash = previous[0]?.hash ?? GENESIS_HASH;
  // Within a chain, time never runs backwards: an entry is never earlier than the one before it,
  // whatever the clocks of several servers say. Date filters rely on it (see audit-repo.ts).
  const at = entryTime(now, previous[0]?.at ?? null);
  const fields: ChainedFields = {
    partnershipId: input.partnershipId,
    at,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: asStoredJson(input.before),
    after: asStoredJson(input.after),
    requestId: actor.requestId ?? null,
  };
  await tx.query(
    `INSERT INTO audit_log (partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id,
       before, after, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12)`,
    [
      fields.partnershipId,
      at,
      fields.actorUserId,
      fields.actorLabel,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.before === null ? null : JSON.stringify(fields.before),
      fields.after === null ? null : JSON.stringify(fields.after),
      fields.requestId,
      prevHash,
      entryHash(prevHash, fields),
    ],
  );
}

/** An entry's time: now, or the previous entry's time if the clock says earlier. */
export function entryTime(now: Date, previousAt: Date | null): Date {
  return previousAt && previousAt > now ? previousAt : now;
}

/** The fields that changed between two versions of a record, for a compact before/after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updatedAt') continue; // always changes; the entry's own time says when
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
