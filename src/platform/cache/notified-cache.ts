import type { Database } from '../../db/database.ts';

/**
 * Values read from the database, kept in memory until the database says they may have changed.
 *
 * - Every notification on the cache's channel empties it. Triggers send one whenever the rows behind
 *   the values change, in whichever process (for sign-ins, migration 0020).
 * - It keeps nothing while a notification could be missed: before it listens, and while the listening
 *   connection is lost.
 * - A value is kept only if no notification came while it was read: the caller takes `generation`
 *   before reading and hands it back with the value. A read that raced a change is used once, not kept.
 * - Bounded in number (least recently used out) and in age, so that a change made with triggers
 *   bypassed (a restore, or a session with session_replication_role = replica) is seen in the end.
 *
 * The values are shared by every caller: they must not be handed out to be changed.
 */
export class NotifiedCache<V> {
  readonly #entries = new Map<string, { value: V; keptAt: number }>();
  readonly #now: () => number;
  #generation = 0;
  #listening = false;
  #hits = 0;
  #misses = 0;

  readonly capacity: number;
  readonly maxAgeMs: number;

  constructor(options: { capacity: number; maxAgeMs: number; now?: () => number }) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new Error('A cache holds at least one value');
    }
    this.capacity = options.capacity;
    this.maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /** Starts listening on the channel; resolves to a function that stops, after which nothing is kept. */
  async listen(db: Pick<Database, 'listen'>, channel: string): Promise<() => Promise<void>> {
    const stop = await db.listen(channel, {
      onNotify: () => this.clear(),
      onListening: (listening) => {
        this.clear();
        this.#listening = listening;
      },
    });
    return async () => {
      this.#listening = false;
      this.clear();
      await stop();
    };
  }

  /** Moves on with every notification: take it before reading a value to keep. */
  get generation(): number {
    return this.#generation;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry) this.#entries.delete(key);
    if (!entry || this.#now() - entry.keptAt >= this.maxAgeMs) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    this.#entries.set(key, entry); // re-inserted, it is the most recently used
    return entry.value;
  }

  /** Keeps a value read from the database, unless the cache has been told of a change since `generation`. */
  keep(key: string, value: V, generation: number): void {
    if (!this.#listening || generation !== this.#generation) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, keptAt: this.#now() });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  get stats() {
    return { size: this.#entries.size, hits: this.#hits, misses: this.#misses, listening: this.#listening };
  }
}
