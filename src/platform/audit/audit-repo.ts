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
const FROM_DAY = "(?::date)::timestamp AT TIME ZONE 'Europe/London'";
const AFTER_DAY = "((?::date) + 1)::timestamp AT TIME ZONE 'Europe/London'";

export async function listAuditEntries(db: Queryable, partnershipId: string, filter: AuditFilter) {
  const where = new Conditions()
    .add('partnership_id = ?', partnershipId)
    .addIf(filter.entityType, 'entity_type = ?')
    .addIf(filter.entityId, 'entity_id = ?')
    .addIf(filter.action, 'action = ?')
    .addIf(filter.actor, 'actor_label = ?')
    .addIf(filter.before, 'id < ?');
  // Within a chain an entry's time never precedes the one before it (audit.ts), so the entries of a
  // period are exactly those between two ids found by one probe each of the (partnership_id, at, id)
  // index: the newest-first walk then starts and stops inside the period. The period is given only as
  // those ids (no condition on `at` besides), so that a prepared statement's generic plan, which can't
  // see the dates, still walks the (partnership_id, id) index rather than every entry since the date.
  if (filter.from) {
    where.add(
      `id >= coalesce((SELECT id FROM audit_log WHERE partnership_id = ? AND at >= ${FROM_DAY} ORDER BY at, id LIMIT 1), 9223372036854775807)`,
      partnershipId,
      filter.from,
    );
  }
  if (filter.to) {
    where.add(
      `id <= coalesce((SELECT id FROM audit_log WHERE partnership_id = ? AND at < ${AFTER_DAY} ORDER BY at DESC, id DESC LIMIT 1), 0)`,
      partnershipId,
      filter.to,
    );
  }
  const limit = where.limit(filter.limit + 1);
  return db.query<AuditEntry>(
    `SELECT id, at, actor_label AS "actorLabel", action, entity_type AS "entityType", entity_id AS "entityId",
            before, after, request_id AS "requestId"
       FROM audit_log ${where.sql} ORDER BY id DESC ${limit}`,
    where.params,
  );
}
