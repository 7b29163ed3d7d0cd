import type { Database, Queryable } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { HttpError } from '../http/errors.ts';
import { notFound } from '../http/errors.ts';
import { type Actor, changedFields, recordAudit } from './audit.ts';

type Ctx = { partnershipId: string; actor: Actor };
type Options = { entityType: string; label: string; onUnique?: () => HttpError };

async function mapUnique<T>(options: Options, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (options.onUnique && isUniqueViolation(error)) throw options.onUnique();
    throw error;
  }
}

/** Inserts a record and its "created" audit entry in one transaction. */
export function createAudited<T extends { id: string }>(
  db: Database,
  ctx: Ctx,
  options: Options,
  insert: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return mapUnique(options, () =>
    db.transaction(async (tx) => {
      const created = await insert(tx);
      await recordAudit(tx, ctx.actor, {
        partnershipId: ctx.partnershipId,
        action: `${options.entityType}.created`,
        entityType: options.entityType,
        entityId: created.id,
        after: created,
      });
      return created;
    }),
  );
}

/**
 * Reads a record, changes it and writes an "updated" audit entry of the fields that changed, in one
 * transaction; a record of another partnership is not found.
 */
export function updateAudited<T extends Record<string, unknown>>(
  db: Database,
  ctx: Ctx,
  options: Options & { id: string; action?: string },
  find: (tx: Queryable) => Promise<T | null>,
  update: (tx: Queryable, before: T) => Promise<T | null>,
): Promise<T> {
  return mapUnique(options, () =>
    db.transaction(async (tx) => {
      const before = await find(tx);
      if (!before) throw notFound(options.label);
      const after = (await update(tx, before)) ?? before;
      const diff = changedFields(before, after);
      await recordAudit(tx, ctx.actor, {
        partnershipId: ctx.partnershipId,
        action: options.action ?? `${options.entityType}.updated`,
        entityType: options.entityType,
        entityId: options.id,
        before: diff.before,
        after: diff.after,
      });
      return after;
    }),
  );
}
