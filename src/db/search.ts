import type { Queryable, Row } from './database.ts';
import type { Conditions } from './sql.ts';

/** How many matches a search sorts itself; with more, it reads the list in order (searchedPage). */
export const SEARCH_SORTS_UP_TO = 1000;

/**
 * Whether pg_trgm can look a "contains" search up in a trigram index: its text has a run of three
 * letters or digits. Shorter text ("Al") gives it nothing to look up.
 */
export const hasTrigram = (text: string) => /[\p{L}\p{N}]{3}/u.test(text);

export type SearchedList = {
  /** The searched text (Conditions.contains), or nothing for the list unsearched. */
  text: string | undefined;
  /** The list's filters: the search, the others and the cursor; no LIMIT. */
  where: Conditions;
  /** The listed table with its alias ("people p"), its sort column and its id ("p.name", "p.id"). */
  table: string;
  sort: string;
  id: string;
  /** The page's columns, and the joins they need beyond the table. */
  columns: string;
  joins: string;
  limit: number;
};

/**
 * A page of a list searched for text, in the list's order (sort column, then id).
 *
 * Read in that order from its index, skipping the rows that do not match, a search reads as far as its
 * page's last match: for a name that sorts late, nearly the whole list. With 50,000 people in one
 * partnership, "Sarah" read 41,700 of them (120 ms); a kept plan instead read the partnership's whole
 * index into a bitmap (4 ms). Through the service, 20 searches at a time, each took 110-150 ms of the
 * database's CPU, whether for "Okafor", "Sarah" or "Zoe".
 *
 * So a search with a trigram reads its matches from the trigram indexes, up to SEARCH_SORTS_UP_TO of
 * them, and sorts those for the page. The indexes begin with the partnership (migration 0027), so one
 * scan finds a partnership's matches and a kept plan serves every text: with 50,000 people "Okafor"
 * costs the database about 3 ms. A term with more matches than that is common, so its page is likely
 * near the start of the list, which is then read in order (15 ms for "Officer", there). So is a search
 * without a trigram, and the list unsearched.
 */
export async function searchedPage<T extends Row>(db: Queryable, list: SearchedList): Promise<T[]> {
  const { where, table, sort, id, columns, joins } = list;
  if (list.text && hasTrigram(list.text)) {
    const page = where.limitInText(list.limit);
    const rows = await db.query<T & { matchCount: number }>(
      `WITH search_matches AS MATERIALIZED (
         SELECT ${id} AS id, ${sort} AS key FROM ${table} ${where.sql} LIMIT ${SEARCH_SORTS_UP_TO + 1}
       ), search_page AS (SELECT id, key FROM search_matches ORDER BY key, id ${page})
       SELECT ${columns}, (SELECT count(*) FROM search_matches) AS "matchCount"
       FROM search_page JOIN ${table} ON ${id} = search_page.id ${joins}
       ORDER BY search_page.key, search_page.id`,
      where.params,
    );
    const matches = rows[0]?.matchCount ?? 0;
    if (matches <= SEARCH_SORTS_UP_TO) return rows.map(({ matchCount: _, ...row }) => row as unknown as T);
  }
  const limit = where.limit(list.limit);
  return db.query<T>(
    `SELECT ${columns} FROM ${table} ${joins} ${where.sql} ORDER BY ${sort}, ${id} ${limit}`,
    where.params,
  );
}
