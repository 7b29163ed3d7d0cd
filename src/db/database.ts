/** The one database interface every repo uses: parameterised SQL on PGlite or a PostgreSQL server. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** Told of the notifications on one channel, and of whether they can be missed (see Database.listen). */
export type ChannelListener = {
  onNotify(payload: string): void;
  /**
   * Called with true once notifications are being received, and with false when some may be missed
   * because the connection that receives them was lost (then with true again once it is back).
   */
  onListening(listening: boolean): void;
};

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgresql';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Receives the notifications (pg_notify) on a channel that any process commits. Those of a
   * statement or transaction committed through this Database have been delivered by the time it
   * resolves, so the process sees its own changes at once; another process's arrive moments after it
   * commits. Resolves to a function that stops listening.
   */
  listen(channel: string, listener: ChannelListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Opens a query whose best plan depends on its parameters' values, so that PostgreSQL plans it
 * afresh for each call instead of settling on a generic plan (see postgres.ts). For lists read in
 * index order under filters that match most of one partnership's rows and few of another's (the
 * learning action plan searched for a common word: 68 ms on a kept plan against 1.4 ms planned for
 * its values), and for the escalations open or answered in a pack's date range, whose share of the
 * tracker a generic plan misjudges (119 ms against 6.9 ms). A comment, so PGlite reads it as
 * nothing. Which queries need it is measured, filter by filter, for a big partnership and a small
 * one: a kept plan saves the planning and is the default.
 */
export const PLAN_FOR_VALUES = '/* plan for values */ ';

/**
 * Postgres OIDs whose text form we keep or convert the same way on both engines. A uuid[] is parsed
 * by our own function on a server only: PGlite's own parser gives the same strings.
 */
export const TYPE_OIDS = { int8: 20, date: 1082, numeric: 1700, uuidArray: 2951 } as const;

/** bigint counts become numbers (counts and ids here stay far below 2^53); dates stay 'YYYY-MM-DD' text. */
export const parseInt8 = (value: string): number => Number(value);
export const keepText = (value: string): string => value;

/**
 * A one-dimensional uuid[] from its text form, '{a,b}' (none of ours has more dimensions or its own
 * bounds). A uuid never needs quoting or escaping, so the elements are split at the commas (NULL for
 * a null element): the driver's general array parser reads it a character at a time, which was a
 * third of turning a page of the action plan into objects.
 */
export const parseUuidArray = (value: string): (string | null)[] =>
  value === '{}'
    ? []
    : value
        .slice(1, -1)
        .split(',')
        .map((id) => (id === 'NULL' ? null : id));
