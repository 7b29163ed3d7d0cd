import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { recorder, until } from '../../test/helpers/channels.ts';
import { PostgresChannels } from './postgres-channels.ts';

// PostgresChannels against a stand-in for pg.Client: what a server cannot easily be made to do in a
// test (go deaf without closing, answer LISTEN slowly). test/integration/database-channels.test.ts
// runs it against a real server.

type Notification = { processId: number; channel: string; payload: string };

class FakeClient extends EventEmitter {
  static made: FakeClient[] = [];
  /** Whether the server still sends this connection its notifications. */
  deaf = false;
  listenDelayMs = 0;
  readonly listened: string[] = [];

  constructor() {
    super();
    FakeClient.made.push(this);
  }
  async connect() {}
  async end() {
    this.emit('end');
  }
  async query(text: string, params: string[] = []) {
    const listen = /^LISTEN "(.+)"$/.exec(text);
    if (listen?.[1]) {
      await sleep(this.listenDelayMs);
      this.listened.push(listen[1]);
    } else if (text.startsWith('SELECT pg_notify') && !this.deaf) {
      this.hear({ processId: 1, channel: params[0] ?? '', payload: params[1] ?? '' });
    }
    return { rows: [] };
  }
  hear(message: Notification) {
    this.emit('notification', message);
  }
}

const channelsOnFakes = (timing = {}) => {
  FakeClient.made = [];
  return new PostgresChannels(() => new FakeClient() as unknown as pg.Client, timing);
};

test('a notification heard on several connections is delivered once', async () => {
  const channels = channelsOnFakes();
  const { events, listener } = recorder();
  await channels.listen('changes', listener);
  const pooled = new FakeClient();
  await channels.joinPooled(pooled as unknown as pg.ClientBase);
  assert.deepEqual(pooled.listened, ['changes']);

  const listening = FakeClient.made[0] as FakeClient;
  const message = { processId: 7, channel: 'changes', payload: 'tx 1' };
  pooled.hear(message);
  listening.hear(message);
  listening.hear({ ...message, payload: 'tx 2' });
  listening.hear({ ...message, processId: 8 }); // another sender: another notification
  assert.deepEqual(events, ['listening', 'notify tx 1', 'notify tx 2', 'notify tx 1']);
  await channels.close();
});

test('a listening connection that stops hearing is counted lost, then replaced', async () => {
  const channels = channelsOnFakes({ probeEveryMs: 20, probeWaitMs: 20 });
  const { events, listener } = recorder();
  await channels.listen('changes', listener);
  await sleep(100);
  assert.deepEqual(events, ['listening'], 'probes answered: still listening');

  (FakeClient.made[0] as FakeClient).deaf = true; // a dropped link, with no error and no end
  await until('told it was lost', () => events.includes('lost'));
  await until('a new connection', () => events.at(-1) === 'listening');
  assert.deepEqual(events, ['listening', 'lost', 'listening']);
  assert.equal(FakeClient.made.length, 2);
  assert.deepEqual((FakeClient.made[1] as FakeClient).listened.slice(1), ['changes']);
  await channels.close();
});

test('a second listener on a channel is told it is listening only once LISTEN is acknowledged', async () => {
  const channels = channelsOnFakes();
  await channels.listen('first', recorder().listener);
  const client = FakeClient.made[0] as FakeClient;
  client.listenDelayMs = 50;
  const a = recorder();
  const b = recorder();
  const both = Promise.all([channels.listen('second', a.listener), channels.listen('second', b.listener)]);
  await sleep(10);
  assert.deepEqual([a.events, b.events], [[], []], 'not yet acknowledged');
  await both;
  assert.deepEqual([a.events, b.events], [['listening'], ['listening']]);
  assert.equal(client.listened.filter((c) => c === 'second').length, 1);
  await channels.close();
});
