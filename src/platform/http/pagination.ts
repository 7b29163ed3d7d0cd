import { z } from 'zod';

/** Keyset pagination: a page is the rows after the cursor's (sort key, id), never an OFFSET scan. */
export type Cursor = { key: string; id: string };
export type Page<T> = { items: T[]; next: string | null };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const pageQuery = z.object({
  after: z
    .string()
    .max(500)
    .optional()
    .refine((v) => v === undefined || decodeCursor(v) !== null, 'after is not a cursor we issued'),
  limit: z.coerce
    .number({ error: 'limit must be a whole number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(MAX_PAGE_SIZE, `limit must be ${MAX_PAGE_SIZE} or fewer`)
    .default(DEFAULT_PAGE_SIZE),
});

/** A list's filters as a query string, for its pager and links: empty values are left out. */
export function filterQueryOf(filter: Record<string, unknown>): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(entries).toString();
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { key: value[0] as string, id: value[1] as string };
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return null;
}

/** Repos fetch limit + 1 rows; this trims the extra row and turns it into the next cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, next: encodeCursor(cursorOf(last)) };
}

/**
 * A page of a list read by name then id: `read` gets the query with its cursor decoded (and the
 * limit, for which a repo fetches one row more), and the last row's name and id become the next cursor.
 */
export async function pageByName<
  Q extends { after?: string; limit: number },
  R extends { id: string; name: string },
>(query: Q, read: (filter: Omit<Q, 'after'> & { after: Cursor | null }) => Promise<R[]>): Promise<Page<R>> {
  const rows = await read({ ...query, after: query.after ? decodeCursor(query.after) : null });
  return toPage(rows, query.limit, (row) => ({ key: row.name, id: row.id }));
}

/** The shape of every paginated API list, for the OpenAPI document. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    next: z.string().nullable().describe('Pass as `after` for the next page'),
  });

/**
 * Every row of a keyset-paginated query, a page at a time: `fetch` gets the last row of the page
 * before (null first) and returns up to `size + 1` rows, as repos do; it stops on a short page.
 */
export async function* allPages<T>(
  fetch: (after: T | null) => Promise<T[]>,
  size: number,
): AsyncGenerator<T> {
  let after: T | null = null;
  for (;;) {
    const rows = await fetch(after);
    const page = rows.slice(0, size);
    yield* page;
    if (rows.length <= size || page.length === 0) return;
    after = page[page.length - 1] as T;
  }
}
