import type { ListScope } from './list-cache.ts';

/**
 * Records looked up by id (a plan's sources, say: too many to read whole, named on every page of
 * actions), kept per partnership and version of its lists as ListCache keeps a short list: anything
 * that changes them moves the version on in the same transaction (migrations 0019 and 0025), and
 * every request learns the version with its user. So a request reads from the database only the ids
 * `find` reports missing, then hands them to `keep`. A request is served a record from before a
 * change only if it learnt the version before the change was heard of: at once in the process that
 * made it, and once another process has been told (the sign-in lookups it keeps are dropped on
 * notice of the change: migration 0020). A request that began before a change may be served the
 * record from after it.
 *
 * When a partnership's version moves on, what was kept for the old one is dropped, and a request
 * still on the old version keeps nothing. Bounded: a partnership keeps at most `perScope` records
 * (all are dropped when that is reached) and the cache at most `scopes` partnerships, least recently
 * used first out. The records are frozen: every request shares them. Without a version (work outside
 * a request) nothing is kept.
 */
export class KeptById<T extends { id: string }> {
  readonly #scopes = new Map<string, { version: number; records: Map<string, Readonly<T>> }>();
  readonly #perScope: number;
  readonly #maxScopes: number;

  constructor(options: { perScope?: number; scopes?: number } = {}) {
    this.#perScope = options.perScope ?? 20_000;
    this.#maxScopes = options.scopes ?? 200;
  }

  /** The kept records of these ids, and the ids (each once) that are not kept. */
  find(scope: ListScope, ids: readonly string[]): { found: Map<string, Readonly<T>>; missing: string[] } {
    const kept = this.#current(scope);
    const found = new Map<string, Readonly<T>>();
    const missing = new Set<string>();
    for (const id of ids) {
      const record = kept?.get(id);
      if (record) found.set(id, record);
      else missing.add(id);
    }
    return { found, missing: [...missing] };
  }

  /** Keeps records just read for the scope's version (if it is still the partnership's latest). */
  keep(scope: ListScope, records: readonly T[]): Readonly<T>[] {
    const kept = this.#current(scope, true);
    return records.map((record) => {
      const frozen = Object.freeze(record);
      if (kept) {
        if (kept.size >= this.#perScope) kept.clear();
        kept.set(record.id, frozen);
      }
      return frozen;
    });
  }

  /** The records kept for the scope's version; made when `making` and the version is the newest. */
  #current({ partnershipId, listsVersion }: ListScope, making = false) {
    if (listsVersion === undefined) return undefined;
    const scope = this.#scopes.get(partnershipId);
    if (scope && scope.version > listsVersion) return undefined;
    if (scope && scope.version === listsVersion) {
      // Re-inserted, it becomes the most recently used.
      this.#scopes.delete(partnershipId);
      this.#scopes.set(partnershipId, scope);
      return scope.records;
    }
    if (!making) return undefined;
    const made = { version: listsVersion, records: new Map<string, Readonly<T>>() };
    this.#scopes.delete(partnershipId);
    this.#scopes.set(partnershipId, made);
    for (const oldest of this.#scopes.keys()) {
      if (this.#scopes.size <= this.#maxScopes) break;
      this.#scopes.delete(oldest);
    }
    return made.records;
  }

  get stats() {
    let records = 0;
    for (const scope of this.#scopes.values()) records += scope.records.size;
    return { scopes: this.#scopes.size, records };
  }
}
