import pg from 'pg';
import { type Database, keepText, parseInt8, type Queryable, type Row, TYPE_OIDS } from './database.ts';

const parsers = new Map<number, (value: string) => unknown>([
  [TYPE_OIDS.int8, parseInt8],
  [TYPE_OIDS.date, keepText],
  [TYPE_OIDS.numeric, keepText],
]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // Fail at start, with the server's own message, rather than on the first request.
  await pool.query('SELECT 1');

  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(text, params as unknown[]);
      return result.rows;
    },
  });

  return {
    engine: 'postgresql',
    ...wrap(pool),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
