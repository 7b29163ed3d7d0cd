import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { rowsOf } from './postgres.ts';

type Callback = (error: Error | undefined, result: { rows: unknown[] }) => void;

/** A client that answers only through a callback, as rowsOf asks it to (see there why). */
function callbackClient(answer: (config: pg.QueryConfig, callback: Callback) => void) {
  const asked: pg.QueryConfig[] = [];
  const client = {
    query(config: pg.QueryConfig, callback?: Callback) {
      asked.push(config);
      if (typeof callback !== 'function') throw new Error('asked for a promise, not through a callback');
      setImmediate(() => answer(config, callback));
    },
  };
  return { client: client as unknown as pg.PoolClient, asked };
}

test("a query's rows come through node-postgres's callback, with the statement as given", async () => {
  const { client, asked } = callbackClient((_config, callback) => callback(undefined, { rows: [{ id: 1 }] }));
  const query = { name: 'sAbc', text: 'SELECT $1::int AS id', values: [1] };
  assert.deepEqual(await rowsOf(client, query), [{ id: 1 }]);
  assert.deepEqual(asked, [query]);
});

test("a query's error rejects its promise", async () => {
  const failure = Object.assign(new Error('relation "nowhere" does not exist'), { code: '42P01' });
  const { client } = callbackClient((_config, callback) => callback(failure, { rows: [] }));
  await assert.rejects(rowsOf(client, { text: 'SELECT * FROM nowhere' }), failure);
});
