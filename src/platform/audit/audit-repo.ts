import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';

export type AuditEntry = {
  id: number;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (newest first). */
  before?: number;
  limit: number;
};

/** A partnership's entries, newest first, a page at a time on the (partnership_id, id) index. */
export async function listAuditEntries(db: Queryable, partnershipId: string, filter: AuditFilter) {
  const where = new Conditions()
    .add('partnership_id = ?', partnershipId)
    .addIf(filter.entityType, 'entity_type = ?')
    .addIf(filter.entityId, 'entity_id = ?')
    .addIf(filter.action, 'action = ?')
    .addIf(filter.actor, 'actor_label = ?')
    .addIf(filter.from, "at >= (?::date)::timestamp AT TIME ZONE 'Europe/London'")
    .addIf(filter.to, "at < ((?::date) + 1)::timestamp AT TIME ZONE 'Europe/London'")
    .addIf(filter.before, 'id < ?');
  const limit = where.limit(filter.limit + 1);
  return db.query<AuditEntry>(
    `SELECT id, at, actor_label AS "actorLabel", action, entity_type AS "entityType", entity_id AS "entityId",
            before, after, request_id AS "requestId"
       FROM audit_log ${where.sql} ORDER BY id DESC ${limit}`,
    where.params,
  );
}
