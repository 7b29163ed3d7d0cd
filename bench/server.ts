import { buildApp } from '../src/app.ts';
import type { Database, Queryable, Row } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { verifyAuditLog } from '../src/platform/audit/verify.ts';
import { generate } from './generate.ts';
import type { ChildRequest, ChildSetup, ParentMessage, TracedQuery } from './protocol.ts';

/**
 * A child process of bench/run.ts, in one of two phases. `generate` opens the engine, migrates, fills
 * the database (generate.ts), optionally verifies the audit chain, reports what it made and exits.
 * `serve` opens the same database in a fresh process, builds the app and listens on 127.0.0.1, so the
 * service measured has not first made a gigabyte of data in its own heap; the parent then talks to it
 * over the IPC channel: it asks for the queries one request runs, for their EXPLAIN ANALYZE, and
 * finally to stop.
 */
const setup = JSON.parse(process.env.SPH_BENCH_CHILD ?? 'null') as ChildSetup | null;
if (!setup || !process.send) throw new Error('bench/server.ts is started by bench/run.ts');

const send = (message: ParentMessage) => process.send?.(message);
const log = (line: string) => send({ type: 'log', line });

/** Records the queries run while a request is being traced; otherwise passes straight through. */
function tracing(db: Database) {
  let sink: TracedQuery[] | null = null;
  const wrap = (q: Queryable): Queryable => ({
    async query<T extends Row = Row>(text: string, params?: readonly unknown[]) {
      const list = sink;
      if (!list) return q.query<T>(text, params);
      const started = performance.now();
      const rows = await q.query<T>(text, params);
      list.push({
        sql: text,
        params: [...(params ?? [])],
        startedAt: started,
        ms: performance.now() - started,
        rows: rows.length,
      });
      return rows;
    },
  });
  const outer = wrap(db);
  const traced: Database = {
    engine: db.engine,
    query: outer.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    listen: (channel, listener) => db.listen(channel, listener),
    close: () => db.close(),
  };
  return {
    db: traced,
    start(list: TracedQuery[]) {
      sink = list;
    },
    stop() {
      sink = null;
    },
  };
}

const open = (config: ChildSetup) =>
  config.engine === 'pglite' ? openPglite({ dataDir: config.pgliteDir }) : openPostgres(config.url ?? '');

async function generateData(config: ChildSetup) {
  const raw = await open(config);
  await migrate(raw);
  const generated = await generate(raw, { scale: config.scale, smallPartnerships: config.small, log });
  let verified: string | null = null;
  if (config.verifyAudit) {
    const started = performance.now();
    const result = await verifyAuditLog(raw);
    verified = result.firstBreak
      ? `broken at entry ${result.firstBreak.entryId}: ${result.firstBreak.problem}`
      : `intact: ${result.entriesChecked} entries in ${result.chains} chains, checked in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    log(`audit chain ${verified}`);
  }
  await raw.close();
  // Exits once the message is on its way: the parent then starts the serving process.
  process.send?.({ type: 'generated', generated, verified } satisfies ParentMessage, () => process.exit(0));
}

async function serve(config: ChildSetup) {
  const raw = await open(config);
  const [version] = await raw.query<{ v: string }>("SELECT current_setting('server_version') AS v");

  const trace = tracing(raw);
  const { app } = await buildApp({
    config: { env: 'test', sessionSecret: 'x'.repeat(32), logLevel: 'silent' },
    db: trace.db,
    signInSlowdown: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  process.on('message', async (message: ChildRequest) => {
    try {
      if (message.type === 'trace') {
        // Twice untraced, so caches are warm; then the fastest of five traced runs, the least disturbed.
        const request = { method: 'GET' as const, url: message.url, headers: message.headers };
        for (let i = 0; i < 2; i++) await app.inject(request);
        let best: Extract<ParentMessage, { type: 'traced' }> | null = null;
        for (let i = 0; i < 5; i++) {
          const queries: TracedQuery[] = [];
          trace.start(queries);
          const started = performance.now();
          const response = await app.inject(request);
          const totalMs = performance.now() - started;
          trace.stop();
          if (!best || totalMs < best.totalMs) {
            best = { type: 'traced', id: message.id, status: response.statusCode, totalMs, queries };
          }
        }
        if (best) send(best);
      } else if (message.type === 'explain') {
        const rows = await raw.query<Record<string, string>>(
          `EXPLAIN (ANALYZE, BUFFERS) ${message.sql}`,
          message.params,
        );
        send({
          type: 'explained',
          id: message.id,
          plan: rows.map((r) => Object.values(r)[0] ?? '').join('\n'),
        });
      } else if (message.type === 'stop') {
        await app.close();
        await raw.close();
        send({ type: 'stopped' });
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'failed', id: 'id' in message ? message.id : undefined, error: String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));

  send({ type: 'ready', port, version: version?.v ?? '?' });
}

(setup.phase === 'generate' ? generateData(setup) : serve(setup)).catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 200);
});
