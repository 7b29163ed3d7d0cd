import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChannelListener } from '../../db/database.ts';
import { NotifiedCache } from './notified-cache.ts';

/** A stand-in for Database.listen that the test drives by hand. */
function channel() {
  const listeners: { channel: string; listener: ChannelListener }[] = [];
  return {
    listeners,
    db: {
      async listen(name: string, listener: ChannelListener) {
        listeners.push({ channel: name, listener });
        return async () => {};
      },
    },
    notify: () => {
      for (const { listener } of listeners) listener.onNotify('');
    },
    listening: (on: boolean) => {
      for (const { listener } of listeners) listener.onListening(on);
    },
  };
}

const listeningCache = async (options: { capacity?: number; maxAgeMs?: number; now?: () => number } = {}) => {
  const source = channel();
  const cache = new NotifiedCache<string>({ capacity: 10, maxAgeMs: 60_000, ...options });
  await cache.listen(source.db, 'changes');
  source.listening(true);
  return { cache, source };
};

test('a kept value is served until a notification on its channel', async () => {
  const { cache, source } = await listeningCache();
  assert.equal(source.listeners[0]?.channel, 'changes');
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), 'alice');
  assert.equal(cache.get('a'), 'alice');
  source.notify();
  assert.equal(cache.get('a'), undefined);
  assert.deepEqual(cache.stats, { size: 0, hits: 2, misses: 1, listening: true });
});

test('a value read while a notification came is not kept', async () => {
  const { cache, source } = await listeningCache();
  const before = cache.generation;
  source.notify(); // the change commits while the value is being read
  cache.keep('a', 'stale alice', before);
  assert.equal(cache.get('a'), undefined);
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), 'alice');
});

test('nothing is kept before the cache listens, nor while notifications may be missed', async () => {
  const source = channel();
  const cache = new NotifiedCache<string>({ capacity: 10, maxAgeMs: 60_000 });
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), undefined, 'not listening yet');

  await cache.listen(source.db, 'changes');
  source.listening(true);
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), 'alice');

  source.listening(false); // the listening connection is lost: what was kept may be stale
  assert.equal(cache.get('a'), undefined);
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), undefined, 'lost: nothing kept');

  source.listening(true); // back: notifications missed meanwhile do not matter, nothing was kept
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), 'alice');
});

test('a value is kept for at most its maximum age', async () => {
  let now = 1_000;
  const { cache } = await listeningCache({ maxAgeMs: 60_000, now: () => now });
  cache.keep('a', 'alice', cache.generation);
  now += 59_999;
  assert.equal(cache.get('a'), 'alice');
  now += 1;
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.stats.size, 0);
});

test('when full, the least recently used value goes', async () => {
  const { cache } = await listeningCache({ capacity: 2 });
  cache.keep('a', 'alice', cache.generation);
  cache.keep('b', 'bob', cache.generation);
  cache.get('a'); // a is now the most recently used
  cache.keep('c', 'carol', cache.generation); // so b goes
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('a'), 'alice');
  assert.equal(cache.get('c'), 'carol');
  cache.forget('a');
  assert.equal(cache.get('a'), undefined);
});

test('a cache holds at least one value', () => {
  assert.throws(() => new NotifiedCache({ capacity: 0, maxAgeMs: 1 }), /at least one/);
});

test('once it stops listening, the cache keeps nothing', async () => {
  const source = channel();
  const cache = new NotifiedCache<string>({ capacity: 10, maxAgeMs: 60_000 });
  const stop = await cache.listen(source.db, 'changes');
  source.listening(true);
  cache.keep('a', 'alice', cache.generation);
  await stop();
  assert.equal(cache.get('a'), undefined);
  cache.keep('a', 'alice', cache.generation);
  assert.equal(cache.get('a'), undefined);
});
