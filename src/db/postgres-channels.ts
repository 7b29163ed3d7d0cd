import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ChannelListener } from './database.ts';

const RETRY_FIRST_MS = 250;
const RETRY_MOST_MS = 30_000;
/** How often the listening connection checks that it still hears, and how long it waits to. */
const PROBE_EVERY_MS = 10_000;
const PROBE_WAIT_MS = 5_000;
/** How many notifications are remembered to know a second copy of one. */
const REMEMBERED = 1_000;

/**
 * Notifications (LISTEN/NOTIFY) on a PostgreSQL server, for Database.listen.
 *
 * - A connection of its own listens for every process's notifications. When it is lost, the listeners
 *   are told that notifications may be missed, and again when it is back; it is reopened after waits
 *   that double from 250 ms to 30 s. A connection can die without a word (a dropped idle link), so every
 *   10 s it sends itself a notification on a channel of its own, and counts as lost if that has not
 *   come back within 5 s.
 * - Every pooled connection listens too (joinPooled, before its first query). PostgreSQL sends a
 *   session its own notifications before it reports the command done, so a change committed through
 *   the pool has reached the listeners when its query resolves. The connection of its own may be told
 *   moments later, so without this a process could read its own change stale.
 * - So a notification may arrive on several connections: those with the same sender, channel and
 *   payload are delivered once. A sender that may repeat itself makes its payload unique (migration
 *   0020 sends the transaction's id).
 */
export class PostgresChannels {
  readonly #newClient: () => pg.Client;
  readonly #listeners = new Map<string, Set<ChannelListener>>();
  readonly #pooled = new WeakMap<pg.ClientBase, Set<string>>();
  readonly #seen = new Set<string>();
  readonly #probeChannel = `hub_probe_${randomBytes(8).toString('hex')}`;
  #client: pg.Client | null = null;
  /** The channels the listening connection has been asked to LISTEN on, each with that request. */
  #clientChannels = new Map<string, Promise<void>>();
  #connecting: Promise<void> | null = null;
  #listening = false;
  #closed = false;
  #retryMs = RETRY_FIRST_MS;
  #retryTimer: NodeJS.Timeout | null = null;
  #probeTimer: NodeJS.Timeout | null = null;
  #probeAwaited: string | null = null;

  readonly #probeEveryMs: number;
  readonly #probeWaitMs: number;

  constructor(newClient: () => pg.Client, timing: { probeEveryMs?: number; probeWaitMs?: number } = {}) {
    this.#newClient = newClient;
    this.#probeEveryMs = timing.probeEveryMs ?? PROBE_EVERY_MS;
    this.#probeWaitMs = timing.probeWaitMs ?? PROBE_WAIT_MS;
  }

  async listen(channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
    let listeners = this.#listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(channel, listeners);
    }
    await this.#subscribe(channel);
    // Added once subscribed, and told the state then: it hears every change of state after that.
    listeners.add(listener);
    listener.onListening(this.#listening);
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.#listeners.get(channel) !== listeners) return;
      this.#listeners.delete(channel);
      const client = this.#client;
      if (client && this.#clientChannels.delete(channel)) {
        await client.query(`UNLISTEN ${quoted(channel)}`).catch(() => {});
      }
    };
  }

  /** Makes a pooled connection listen on every channel listened to, once each. */
  async joinPooled(client: pg.ClientBase): Promise<void> {
    let joined = this.#pooled.get(client);
    if (!joined) {
      joined = new Set();
      this.#pooled.set(client, joined);
      client.on('notification', (message) => this.#dispatch(message));
    }
    for (const channel of this.#listeners.keys()) {
      if (joined.has(channel)) continue;
      await client.query(`LISTEN ${quoted(channel)}`);
      joined.add(channel);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    if (this.#probeTimer) clearInterval(this.#probeTimer);
    await this.#connecting;
    const client = this.#client;
    this.#client = null;
    this.#listening = false;
    // A connection that died without a word may never confirm its end: wait a second at most.
    const ended = client?.end().catch(() => {});
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }

  async #subscribe(channel: string) {
    if (this.#closed) return;
    if (!this.#client && !this.#retryTimer) this.#connecting ??= this.#open();
    await this.#connecting;
    const client = this.#client;
    if (!client) return;
    let listened = this.#clientChannels.get(channel);
    if (!listened) {
      listened = client.query(`LISTEN ${quoted(channel)}`).then(
        () => {},
        () => this.#lost(client),
      );
      this.#clientChannels.set(channel, listened);
    }
    // A second caller for the channel waits for the same LISTEN to be acknowledged.
    await listened;
  }

  async #open() {
    const client = this.#newClient();
    client.on('notification', (message) => {
      if (message.channel !== this.#probeChannel) this.#dispatch(message);
      else if (message.payload === this.#probeAwaited) this.#probeAwaited = null;
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      const channels = [this.#probeChannel, ...this.#listeners.keys()];
      for (const channel of channels) await client.query(`LISTEN ${quoted(channel)}`);
      if (this.#closed) {
        await client.end();
        return;
      }
      this.#client = client;
      this.#clientChannels = new Map(channels.map((channel) => [channel, Promise.resolve()]));
      this.#listening = true;
      this.#retryMs = RETRY_FIRST_MS;
      this.#probeTimer = setInterval(() => this.#probe(client), this.#probeEveryMs);
      this.#probeTimer.unref();
      this.#tell(true);
    } catch {
      await client.end().catch(() => {});
      this.#retry();
    } finally {
      this.#connecting = null;
    }
  }

  /** Sends the listening connection a notification; if it has not heard it within 5 s, it is lost. */
  #probe(client: pg.Client) {
    if (client !== this.#client) return;
    const nonce = randomBytes(8).toString('hex');
    this.#probeAwaited = nonce;
    client.query('SELECT pg_notify($1, $2)', [this.#probeChannel, nonce]).catch(() => this.#lost(client));
    setTimeout(() => {
      if (this.#probeAwaited === nonce) this.#lost(client);
    }, this.#probeWaitMs).unref();
  }

  #lost(client: pg.Client) {
    if (client !== this.#client) return;
    this.#client = null;
    this.#clientChannels = new Map();
    this.#probeAwaited = null;
    if (this.#probeTimer) clearInterval(this.#probeTimer);
    this.#probeTimer = null;
    client.end().catch(() => {});
    if (this.#listening) {
      this.#listening = false;
      this.#tell(false);
    }
    this.#retry();
  }

  #retry() {
    if (this.#closed || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#connecting ??= this.#open();
    }, this.#retryMs);
    this.#retryTimer.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MOST_MS);
  }

  #tell(listening: boolean) {
    for (const listeners of this.#listeners.values()) {
      for (const listener of listeners) listener.onListening(listening);
    }
  }

  #dispatch({ processId, channel, payload = '' }: pg.Notification) {
    const key = `${processId}\n${channel}\n${payload}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    if (this.#seen.size > REMEMBERED) {
      for (const oldest of this.#seen) {
        this.#seen.delete(oldest);
        break;
      }
    }
    for (const listener of this.#listeners.get(channel) ?? []) listener.onNotify(payload);
  }
}

const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;
