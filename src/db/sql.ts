import { PLAN_FOR_VALUES, type Queryable, type Row } from './database.ts';

/**
 * Builds a parameterised WHERE clause: each condition is written with a `?` for each of its values, numbered
 * $1, $2 … in order. Values are never spliced into the SQL text.
 */
export class Conditions {
  readonly params: unknown[] = [];
  readonly #parts: string[] = [];

  add(condition: string, ...values: unknown[]): this {
    let index = 0;
    const text = condition.replace(/\?/g, () => {
      this.params.push(values[index++]);
      return `$${this.params.length}`;
    });
    this.#parts.push(text);
    return this;
  }

  /** Adds the condition only when the value is given. */
  addIf(value: unknown, condition: string): this {
    return value === undefined || value === null || value === '' ? this : this.add(condition, value);
  }

  /** Keyset pagination on (sortColumn, id): rows after the cursor. */
  after(cursor: { key: string; id: string } | null, sortColumn: string, idColumn: string): this {
    return cursor ? this.add(`(${sortColumn}, ${idColumn}) > (?, ?::uuid)`, cursor.key, cursor.id) : this;
  }

  /** Keyset pagination newest first: rows before the cursor's (sortColumn, id). */
  before(cursor: { key: string; id: string } | null, sortColumn: string, idColumn: string): this {
    return cursor ? this.add(`(${sortColumn}, ${idColumn}) < (?, ?::uuid)`, cursor.key, cursor.id) : this;
  }

  /**
   * A "contains" search: rows where any of the columns contains the text, whatever its case, or every
   * row when there is no text. LIKE's wildcards in the text are searched for as themselves. (The large
   * tables' searched columns have trigram indexes: people, users, plan actions.)
   */
  contains(columns: readonly string[], text: string | undefined): this {
    if (!text) return this;
    const pattern = likePattern(text);
    return this.add(`(${columns.map((c) => `${c} ILIKE ?`).join(' OR ')})`, ...columns.map(() => pattern));
  }

  /** A LIMIT as a parameter. */
  limit(n: number): string {
    this.params.push(n);
    return `LIMIT $${this.params.length}`;
  }

  /**
   * A LIMIT written into the statement's text, a whole number checked here: each page size is then a
   * statement of its own. For a list whose plan should be kept (see openPostgres): PostgreSQL prices a
   * kept plan for a LIMIT parameter as if it returned a tenth of the rows, and where that prices it
   * above planning for the values it plans every call instead.
   */
  limitInText(n: number): string {
    if (!Number.isSafeInteger(n) || n < 1)
      throw new RangeError(`A LIMIT must be a whole number from 1: ${n}`);
    return `LIMIT ${n}`;
  }

  get sql(): string {
    return this.#parts.length > 0 ? `WHERE ${this.#parts.join(' AND ')}` : '';
  }
}

/** Escapes LIKE's wildcards and escape character, so "50%" is searched for as itself. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for text anywhere in a value: a search for "50%" finds "50%". */
export const likePattern = (text: string) => `%${escapeLike(text)}%`;

/*
 * Joins by id. Every query is scoped by the partnership of the table it lists; a row it joins to
 * through a foreign key on (partnership_id, id) is in that partnership already, so the join names the
 * id alone (`JOIN people p ON p.id = g.chair_person_id`). Joined on the partnership as well, every
 * joined table counts as filtered by the partnership parameter, and a kept plan, which thinks a
 * partnership small, then looks each row up through an index led by partnership_id, reading the
 * partnership's whole slice for every row: 509 buffers for the cases list's next clocks against 110,
 * and a meeting's actions served 40% slower; at 10 times the data the escalation tracker looked each
 * raising group up by reading all 2,000 of the partnership's (1,018 buffers against 153). Only where
 * the foreign key includes the partnership. A kept plan that costs more than planning anew is dropped
 * for planning every call, so a change here is checked against the benchmark (the people list, joined
 * by id, went back to planning each call, and stays joined on the partnership).
 */

/**
 * A list page in two steps: the page's ids, planned for the filters' values (see PLAN_FOR_VALUES);
 * then `details` of those ids, a query with many joins whose kept plan serves every page without
 * planning them again. `idsSql` selects a column `id` in the page's order; `details` keeps that order.
 *
 * Most lists are one statement instead, with a plan the connection keeps: the page a subquery (the
 * filters, the order and the LIMIT) that the names are joined to. That saves the planning and a round
 * trip. The two steps are for the filters measured to need planning for their values, for a big
 * partnership and a small one (the action plan's words and priority; a meeting's actions, all but a
 * group's or an agency's open ones, which have an index in due order): planning only the page's ids
 * costs less than planning the joins too (a meeting's actions, 20 connections: 846-1,016 requests a
 * second in two steps against 612-706 as one statement planned each call).
 */
export async function pageThenDetails<T extends Row>(
  db: Queryable,
  idsSql: string,
  params: readonly unknown[],
  details: (ids: string[]) => Promise<T[]>,
): Promise<T[]> {
  const page = await db.query<{ id: string }>(`${PLAN_FOR_VALUES}${idsSql}`, params);
  return page.length === 0 ? [] : details(page.map((row) => row.id));
}
