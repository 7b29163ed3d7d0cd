import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  type ChannelListener,
  type Database,
  keepText,
  parseInt8,
  type Queryable,
  type Row,
  TYPE_OIDS,
} from './database.ts';
import { Mutex } from './mutex.ts';

export type PgliteSource = { dataDir?: string; loadDataDir?: Blob };

/** Opens the embedded database: files in `dataDir`, in memory without one, or loaded from a dump. */
export async function openPglite(source: PgliteSource = {}): Promise<Database & { dump(): Promise<Blob> }> {
  const pg = await PGlite.create(source.dataDir, {
    loadDataDir: source.loadDataDir,
    // Trigram indexes make "name contains …" searches use an index (migration 0003), and btree_gin
    // lets such an index begin with the partnership (migration 0027).
    extensions: { pg_trgm, btree_gin },
    parsers: { [TYPE_OIDS.int8]: parseInt8, [TYPE_OIDS.date]: keepText, [TYPE_OIDS.numeric]: keepText },
  });
  const mutex = new Mutex();
  const raw: Queryable = {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(text, params as unknown[]);
      return result.rows;
    },
  };

  return {
    engine: 'pglite',
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      if (mutex.heldHere) {
        throw new Error(
          'A query ran outside its transaction: use the transaction handle (tx), not the database',
        );
      }
      return mutex.run(() => raw.query<T>(text, params));
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      if (mutex.heldHere) throw new Error('Transactions do not nest: pass the transaction handle (tx) down');
      return mutex.run(async () => {
        await pg.exec('BEGIN');
        try {
          const result = await work(raw);
          await pg.exec('COMMIT');
          return result;
        } catch (error) {
          await pg.exec('ROLLBACK');
          throw error;
        }
      });
    },
    // One process holds the embedded database (open.ts), so every notification is one it committed
    // itself, delivered while the COMMIT runs; none can be missed.
    async listen(channel: string, listener: ChannelListener) {
      const onNotify = (payload: string) => listener.onNotify(payload);
      const stop = await mutex.run(() => pg.listen(channel, onNotify));
      listener.onListening(true);
      // Once the database is closed there is nothing left to stop listening to.
      return () => mutex.run(async () => (pg.closed ? undefined : stop()));
    },
    async dump() {
      return mutex.run(() => pg.dumpDataDir('gzip'));
    },
    async close() {
      await mutex.run(() => pg.close());
    },
  };
}
