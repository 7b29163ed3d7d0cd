import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  type ChannelListener,
  type Database,
  keepText,
  PLAN_FOR_VALUES,
  parseInt8,
  parseUuidArray,
  type Queryable,
  type Row,
  TYPE_OIDS,
} from './database.ts';
import { DEFAULT_POOL_SIZE } from './pool-size.ts';
import { PostgresChannels } from './postgres-channels.ts';
import { QueryBatcher } from './query-batch.ts';

const parsers = new Map<number, (value: string) => unknown>([
  [TYPE_OIDS.int8, parseInt8],
  [TYPE_OIDS.date, keepText],
  [TYPE_OIDS.numeric, keepText],
  [TYPE_OIDS.uuidArray, parseUuidArray],
]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    parsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Run on each of the pool's connections when it opens (see openPostgres). */
const CONNECTION_SETTINGS = 'SET jit = off; SET random_page_cost = 1.1';

/** Opens a pool on a PostgreSQL server. */
export async function openPostgres(
  connectionString: string,
  poolSize = DEFAULT_POOL_SIZE,
): Promise<Database> {
  // Prepared statements, planned as PostgreSQL does by default: for their parameters the first five
  // times on a connection, then once for all calls if that generic plan costs no more. Planning every
  // call instead cost more than running the query on most pages (1-5 ms against 0.2-2 ms): kept plans
  // served 10-35% more pages a second on most pages, measured at 1x with old and new servers taking
  // turns on one database. Where a generic plan is measured to be much worse, the query opens with
  // PLAN_FOR_VALUES and is sent unnamed, which PostgreSQL always plans for the values it is given.
  // JIT, which pays off only for long analytic queries, is off. A page read at random is priced as
  // 1.1 sequential reads, not the default 4 of a spinning disk, as is usual where the data is in memory
  // or on SSD: a group's 300 members were joined by reading every person, not looking up 300. A/B on
  // the 1x benchmark data: the action plan +19-32% requests a second, a group +13%, people search +13%,
  // the clocks +10-18%; no page measurably slower. Both are set by a command on each new connection,
  // before it is used, not as startup options: a connection pooler may refuse those, and a
  // DATABASE_URL's own options would silently replace them.
  // The pool hands a new connection out once they have been set (a failure fails that request).
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types,
    // A connection takes a batch of queries at once (see QueryBatcher). A transaction's go out as
    // its work asks for them, on its own connection.
    pipeline: true,
    onConnect: async (client) => {
      await client.query(CONNECTION_SETTINGS);
    },
  });
  // An idle connection the server ends (a restart, an administrator) is dropped by the pool, which
  // then emits its error: without a listener that would end the process.
  pool.on('error', () => {});
  // A connection that drops while checked out (running a batch or a transaction) emits its error too:
  // the queries in flight fail with it and it is closed on release. Without a listener that error
  // would end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  // Fail at start, with the server's own message, rather than on the first request.
  await pool.query('SELECT 1');
  const channels = new PostgresChannels(
    () => new pg.Client({ connectionString, application_name: 'hub-listener', keepAlive: true }),
  );
  const connect = async () => {
    const client = await pool.connect();
    try {
      await channels.joinPooled(client);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    return client;
  };

  const wrap = (client: pg.PoolClient): Queryable => ({
    query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const values = params as unknown[];
      return rowsOf<T>(
        client,
        params.length === 0
          ? { text }
          : text.startsWith(PLAN_FOR_VALUES)
            ? { text, values }
            : { name: statementName(text), text, values },
      );
    },
  });

  // Queries outside a transaction go out in batches (query-batch.ts), on connections that have
  // joined the channels listened to, as pool.query's would.
  const batches = new QueryBatcher(async () => {
    const client = await connect();
    const stream = (client as unknown as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
    return {
      query: wrap(client).query,
      hold: () => stream?.cork?.(),
      send: () => stream?.uncork?.(),
      release: (broken) => client.release(broken),
    };
  }, BATCH_SIZE);

  return {
    engine: 'postgresql',
    query: <T extends Row>(text: string, params: readonly unknown[] = []) => batches.query<T>(text, params),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await connect();
      try {
        await rowsOf(client, { text: 'BEGIN' });
        const result = await work(wrap(client));
        await rowsOf(client, { text: 'COMMIT' });
        return result;
      } catch (error) {
        await rowsOf(client, { text: 'ROLLBACK' }).catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel: string, listener: ChannelListener) => channels.listen(channel, listener),
    async close() {
      await channels.close();
      await pool.end();
    },
  };
}

/**
 * A query's rows, through node-postgres's callback rather than the promise its `query` returns. Under
 * load, results awaited through that promise outlived the requests that read them: they survived the
 * service's young-generation collections and were promoted, each collection stopping the service for
 * 13-25 ms every 150 ms or so. A bare Fastify server reading one query a request on this pool showed
 * it too (9 MB kept a collection with the promise, 0.07 MB with the callback), so it is not our code's;
 * in the service, the API's action list spent 125 ms of 4 s collecting instead of 341. Pauses fall on
 * whichever requests are in flight, so they make the tail of every page's latency.
 */
export function rowsOf<T extends Row>(client: pg.PoolClient, query: pg.QueryConfig): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    client.query<T>(query, (error: Error | undefined, result: pg.QueryResult<T>) =>
      error ? reject(error) : resolve(result.rows),
    );
  });
}

/** The most queries sent at once on one connection: they run one after another there. */
const BATCH_SIZE = 8;
type Corkable = { cork(): void; uncork(): void };

const names = new Map<string, string>();

/**
 * Queries with parameters run as named prepared statements: each connection parses a statement
 * once, then binds and executes it (see the pool's options for how it is planned). The name is derived from the text, so it is the same on every
 * connection; the set of texts is fixed by the code (no query builds a variable-length list; a LIMIT
 * in the text, Conditions.limitInText, makes one per page size), so the number of statements a
 * connection keeps is bounded. Statements without parameters (migrations, BEGIN)
 * are sent as they are.
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
