/** The one database interface every repo uses: parameterised SQL on PGlite or a PostgreSQL server. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgresql';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens a query whose best plan depends on its parameters' values, so that PostgreSQL plans it
 * afresh for each call instead of settling on a generic plan (see postgres.ts). For lists read in
 * index order under filters that match most of one partnership's rows and few of another's (the
 * learning action plan's list: 103 ms on a generic plan against 3.5 ms planned for its values), and
 * for the escalations open or answered in a pack's date range, whose share of the tracker a generic
 * plan misjudges (119 ms against 6.9 ms). A comment, so PGlite reads it as nothing. Lists with many
 * joins plan only their page's ids this way (pageThenDetails in sql.ts).
 */
export const PLAN_FOR_VALUES = '/* plan for values */ ';

/** Postgres OIDs whose text form we keep or convert the same way on both engines. */
export const TYPE_OIDS = { int8: 20, date: 1082, numeric: 1700 } as const;

/** bigint counts become numbers (counts and ids here stay far below 2^53); dates stay 'YYYY-MM-DD' text. */
export const parseInt8 = (value: string): number => Number(value);
export const keepText = (value: string): string => value;
