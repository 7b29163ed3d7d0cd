import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Row } from './database.ts';
import { type BatchConnection, QueryBatcher } from './query-batch.ts';

/** Connections that answer each query with its own text, fail texts starting "fail", and log what happens. */
function connections(options: { refuse?: boolean } = {}) {
  const log: string[] = [];
  let made = 0;
  const connect = async (): Promise<BatchConnection> => {
    if (options.refuse) throw new Error('no connection');
    const n = ++made;
    return {
      async query<T extends Row>(text: string) {
        log.push(`${n}: ${text}`);
        if (text === 'fail server')
          throw Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' });
        if (text === 'fail fatal')
          throw Object.assign(new Error('terminating connection'), { code: '57P01', severity: 'FATAL' });
        if (text === 'fail shutdown')
          throw Object.assign(new Error('terminating connection'), { code: '57P01' });
        if (text === 'fail connection') throw new Error('Connection terminated unexpectedly');
        return [{ text }] as unknown as T[];
      },
      hold: () => log.push(`${n}: hold`),
      send: () => log.push(`${n}: send`),
      release: (broken) => log.push(`${n}: release${broken ? ' broken' : ''}`),
    };
  };
  return { log, connect };
}

/** A turn of the event loop: a batch's connection goes back once its queries have answered. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

test('queries asked for in one turn share a connection and one write; a later turn has its own', async () => {
  const { log, connect } = connections();
  const batcher = new QueryBatcher(connect, 8);
  const first = await Promise.all([batcher.query('a', []), batcher.query('b', []), batcher.query('c', [])]);
  assert.deepEqual(
    first.map((rows) => rows[0]?.text),
    ['a', 'b', 'c'],
  );
  await batcher.query('d', []);
  await turn();
  assert.deepEqual(log, [
    '1: hold',
    '1: a',
    '1: b',
    '1: c',
    '1: send',
    '1: release',
    '2: hold',
    '2: d',
    '2: send',
    '2: release',
  ]);
});

test('a batch holds at most its size; the rest go on other connections', async () => {
  const { log, connect } = connections();
  const batcher = new QueryBatcher(connect, 2);
  await Promise.all(['a', 'b', 'c', 'd', 'e'].map((q) => batcher.query(q, [])));
  assert.deepEqual(
    log.filter((line) => !/hold|send|release/.test(line)),
    ['1: a', '1: b', '2: c', '2: d', '3: e'],
  );
  assert.throws(() => new QueryBatcher(connect, 0), RangeError);
});

test('a failing query fails alone; a connection that broke is closed, not reused', async () => {
  const { log, connect } = connections();
  const batcher = new QueryBatcher(connect, 8);
  const server = await Promise.allSettled([
    batcher.query('a', []),
    batcher.query('fail server', []),
    batcher.query('b', []),
  ]);
  assert.deepEqual(
    server.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  await turn();
  assert.equal(log.at(-1), '1: release', 'an error the server answered leaves the connection usable');
  const broken = await Promise.allSettled([batcher.query('fail connection', []), batcher.query('c', [])]);
  assert.deepEqual(
    broken.map((r) => r.status),
    ['rejected', 'fulfilled'],
  );
  await turn();
  assert.equal(log.at(-1), '2: release broken');
  await Promise.allSettled([batcher.query('fail fatal', [])]);
  await turn();
  assert.equal(log.at(-1), '3: release broken', 'a session the server ended is closed too');
  await Promise.allSettled([batcher.query('fail shutdown', [])]);
  await turn();
  assert.equal(log.at(-1), '4: release broken', 'so is one its administrator ended, whatever the language');
});

test('no connection to be had fails every query of the batch with the reason', async () => {
  const batcher = new QueryBatcher(connections({ refuse: true }).connect, 8);
  const results = await Promise.allSettled([batcher.query('a', []), batcher.query('b', [])]);
  for (const r of results)
    assert.equal(r.status === 'rejected' && (r.reason as Error).message, 'no connection');
});
