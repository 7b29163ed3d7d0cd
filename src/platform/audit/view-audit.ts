import type { Database } from '../../db/database.ts';
import { isDataError } from '../../db/errors.ts';
import { type Actor, type AuditInput, appendEntries, type PendingEntry } from './audit.ts';

/**
 * Views are audited by group commit. A view changes nothing, so its entry need not share a
 * transaction with the reads; but the page must not be shown until the entry is committed, so each
 * caller awaits its own entry. Entries of one chain that arrive while an append is in flight wait and
 * go in the next append together: under load a chain takes one lock, one read of its end and one
 * INSERT for many views instead of one each, and views stop queueing on the chain's lock one by one.
 * Entries within a chain stay in arrival order with a valid hash chain.
 */
type Waiting = PendingEntry & { resolve: () => void; reject: (error: unknown) => void };
type Chain = { waiting: Waiting[] };

/** Most entries one INSERT carries (12 parameters each). */
export const MAX_GROUP = 100;

const chainsByDb = new WeakMap<Database, Map<string, Chain>>();

/**
 * Records a view in the audit log; resolves once it is committed. Call it after the reads, outside
 * any transaction: inside one that holds the chain's lock it would wait on that lock for ever.
 */
export function recordView(db: Database, actor: Actor, input: AuditInput, now = new Date()): Promise<void> {
  let chains = chainsByDb.get(db);
  if (!chains) {
    chains = new Map();
    chainsByDb.set(db, chains);
  }
  const key = input.partnershipId ?? '';
  return new Promise<void>((resolve, reject) => {
    const running = chains.get(key);
    const entry: Waiting = { actor, input, now, resolve, reject };
    if (running) {
      running.waiting.push(entry);
      return;
    }
    const chain: Chain = { waiting: [entry] };
    chains.set(key, chain);
    void drain(db, chains, key, chain);
  });
}

async function drain(db: Database, chains: Map<string, Chain>, key: string, chain: Chain) {
  try {
    while (chain.waiting.length > 0) {
      const group = chain.waiting.splice(0, MAX_GROUP);
      const partnershipId = group[0]?.input.partnershipId ?? null;
      try {
        await db.transaction((tx) => appendEntries(tx, partnershipId, group));
        for (const entry of group) entry.resolve();
      } catch (error) {
        // A database that is down or a failed commit fails the group as one: retrying each entry
        // would only queue newer views behind a hundred timeouts (or store a committed one twice).
        if (!isDataError(error)) {
          for (const entry of group) entry.reject(error);
          continue;
        }
        // One entry the database refused must not cost the others their view: each goes again alone.
        for (const entry of group) {
          try {
            await db.transaction((tx) => appendEntries(tx, partnershipId, [entry]));
            entry.resolve();
          } catch (error) {
            entry.reject(error);
          }
        }
      }
    }
  } finally {
    chains.delete(key);
  }
}
