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

/** One entry waiting to be appended: who, what, and when it happened. */
export type PendingEntry = { actor: Actor; input: AuditInput; now: Date };

/**
 * Appends one entry to the partnership's chain, inside the caller's transaction, so the change and
 * its audit entry commit or roll back together. The advisory lock orders writers of one chain.
 */
export function recordAudit(tx: Queryable, actor: Actor, input: AuditInput, now = new Date()) {
  return appendEntries(tx, input.partnershipId, [{ actor, input, now }]);
}

/**
 * Appends entries, in order, to one chain (`partnershipId`, or the installation's for null) inside
 * the caller's transaction: one lock, one read of the chain's end and one INSERT for them all.
 */
export async function appendEntries(tx: Queryable, partnershipId: string | null, entries: PendingEntry[]) {
  if (entries.length === 0) return;
  if (entries.some((e) => e.input.partnershipId !== partnershipId))
    throw new Error('Entries appended together must belong to one chain');
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${partnershipId ?? 'installation'}`]);
  const previous = partnershipId
    ? await tx.query<{ hash: string; at: Date }>(
        'SELECT hash, at FROM audit_log WHERE partnership_id = $1 ORDER BY id DESC LIMIT 1',
        [partnershipId],
      )
    : await tx.query<{ hash: string; at: Date }>(
        'SELECT hash, at FROM audit_log WHERE partnership_id IS NULL ORDER BY id DESC LIMIT 1',
      );
  let prevHash = previous[0]?.hash ?? GENESIS_HASH;
  let prevAt = previous[0]?.at ?? null;
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const { actor, input, now } of entries) {
    // Within a chain, time never runs backwards: an entry is never earlier than the one before it,
    // whatever the clocks of several servers say. Date filters rely on it (see audit-repo.ts).
    const at = entryTime(now, prevAt);
    const fields: ChainedFields = {
      partnershipId,
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
    const hash = entryHash(prevHash, fields);
    const n = params.length;
    rows.push(
      `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}::jsonb, $${n + 9}::jsonb, $${n + 10}, $${n + 11}, $${n + 12})`,
    );
    params.push(
      partnershipId,
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
      hash,
    );
    prevHash = hash;
    prevAt = at;
  }
  // A multi-row VALUES takes its ids from the sequence in the order written, so id order is chain order.
  await tx.query(
    `INSERT INTO audit_log (partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id,
       before, after, request_id, prev_hash, hash)
     VALUES ${rows.join(', ')}`,
    params,
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
