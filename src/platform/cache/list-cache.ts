import { Memo } from './memo.ts';

/** Whose short list is wanted: a partnership, and the version of its lists when the caller knows it. */
export type ListScope = { partnershipId: string; listsVersion?: number };

/**
 * A partnership's short lists (its agencies, plan themes and priorities, offered as choices on most
 * pages), kept per version of those lists. Any change to them moves the version on in the same
 * transaction (migration 0019) and every request learns the version with its user, so a kept list is
 * never served after it has changed, whichever process changed it. A request that began before a
 * change may be served the list from after it, never the reverse. The lists are frozen: every request
 * shares them. Without a version (work outside a request) a list is read afresh.
 */
export class ListCache {
  readonly #memo: Memo<readonly object[]>;

  constructor(capacity = 500) {
    this.#memo = new Memo(capacity);
  }

  get<T extends object>(scope: ListScope, name: string, read: () => Promise<T[]>): Promise<readonly T[]> {
    if (scope.listsVersion === undefined) return read();
    const key = `${scope.partnershipId}|${scope.listsVersion}|${name}`;
    return this.#memo.get(key, async () =>
      Object.freeze((await read()).map((row) => Object.freeze(row))),
    ) as Promise<readonly T[]>;
  }

  get stats() {
    return this.#memo.stats;
  }
}
