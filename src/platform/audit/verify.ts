import type { Queryable } from '../../db/database.ts';
import { entryHash, GENESIS_HASH } from './chain.ts';

export type ChainBreak = { partnershipId: string | null; entryId: number; problem: string };
export type VerifyResult = { entriesChecked: number; chains: number; firstBreak: ChainBreak | null };

type StoredEntry = {
  id: number;
  partnership_id: string | null;
  at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
};

const BATCH = 5_000;

/** Walks every partnership's chain in id order, a batch at a time, and reports the first broken link. */
export async function verifyAuditLog(db: Queryable): Promise<VerifyResult> {
  const partnerships = await db.query<{ id: string }>('SELECT id FROM partnerships ORDER BY id');
  const chains: (string | null)[] = [null, ...partnerships.map((p) => p.id)];
  let entriesChecked = 0;
  for (const partnershipId of chains) {
    let prevHash = GENESIS_HASH;
    let prevAt = new Date(0);
    let afterId = 0;
    for (;;) {
      const rows = await db.query<StoredEntry>(
        `SELECT id::int AS id, partnership_id, at, actor_user_id, actor_label, action, entity_type, entity_id,
                before, after, request_id, prev_hash, hash
           FROM audit_log
          WHERE ${partnershipId === null ? 'partnership_id IS NULL' : 'partnership_id = $2'} AND id > $1
          ORDER BY id LIMIT ${BATCH}`,
        partnershipId === null ? [afterId] : [afterId, partnershipId],
      );
      for (const row of rows) {
        entriesChecked += 1;
        if (row.prev_hash !== prevHash) {
          return brk(partnershipId, row.id, 'its link to the previous entry does not match', entriesChecked);
        }
        const expected = entryHash(prevHash, {
          partnershipId: row.partnership_id,
          at: row.at,
          actorUserId: row.actor_user_id,
          actorLabel: row.actor_label,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          before: row.before,
          after: row.after,
          requestId: row.request_id,
        });
        if (row.hash !== expected) {
          return brk(partnershipId, row.id, 'its contents do not match its hash', entriesChecked);
        }
        if (row.at < prevAt) {
          return brk(partnershipId, row.id, 'its time is earlier than the entry before it', entriesChecked);
        }
        prevHash = row.hash;
        prevAt = row.at;
        afterId = row.id;
      }
      if (rows.length < BATCH) break;
    }
  }
  return { entriesChecked, chains: chains.length, firstBreak: null };

  function brk(
    partnershipId: string | null,
    entryId: number,
    problem: string,
    checked: number,
  ): VerifyResult {
    return {
      entriesChecked: checked,
      chains: chains.length,
      firstBreak: { partnershipId, entryId, problem },
    };
  }
}
