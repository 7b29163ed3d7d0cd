import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A first-come, first-served lock for the embedded database, which has one connection: without it
 * the statements of two concurrent transactions would interleave on that connection.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  readonly #holder = new AsyncLocalStorage<true>();

  /** True when the caller's async context already holds the lock (a query inside a transaction). */
  get heldHere(): boolean {
    return this.#holder.getStore() === true;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    let release: () => void = () => {};
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await this.#holder.run(true, work);
    } finally {
      release();
    }
  }
}
