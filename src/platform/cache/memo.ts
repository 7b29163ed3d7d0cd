/**
 * A bounded memo of promised values by key, least recently used first out. Callers that ask for a
 * key while its value is being made share that one making; a making that fails is forgotten, so the
 * next caller tries again.
 */
export class Memo<V> {
  readonly #entries = new Map<string, Promise<V>>();
  #hits = 0;
  #misses = 0;

  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('A memo holds at least one value');
    this.capacity = capacity;
  }

  get(key: string, make: () => Promise<V>): Promise<V> {
    const found = this.#entries.get(key);
    if (found) {
      this.#hits += 1;
      // Re-inserted, it becomes the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    this.#misses += 1;
    const made = Promise.resolve().then(make);
    this.#entries.set(key, made);
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.capacity) break;
      this.#entries.delete(oldest);
    }
    return made;
  }

  get stats() {
    return { size: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }
}
