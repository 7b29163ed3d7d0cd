import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  allPages,
  type Cursor,
  decodeCursor,
  encodeCursor,
  filterQueryOf,
  pageByName,
  pageQuery,
  toPage,
} from './pagination.ts';

test('a cursor round-trips and junk is not a cursor', () => {
  const c = { key: 'Rapid Review Panel', id: '0b8e3f7e-0000-4000-8000-000000000000' };
  assert.deepEqual(decodeCursor(encodeCursor(c)), c);
  assert.equal(decodeCursor('not-a-cursor'), null);
  assert.equal(pageQuery.safeParse({ after: 'junk' }).success, false);
});

test('toPage trims the extra row and points the next cursor at the last row shown', () => {
  const rows = [1, 2, 3].map((n) => ({ name: `n${n}`, id: String(n) }));
  const page = toPage(rows, 2, (r) => ({ key: r.name, id: r.id }));
  assert.deepEqual(
    page.items.map((r) => r.id),
    ['1', '2'],
  );
  assert.deepEqual(decodeCursor(page.next ?? ''), { key: 'n2', id: '2' });
  assert.equal(toPage(rows, 3, (r) => ({ key: r.name, id: r.id })).next, null);
});

test('a filter becomes a query string without its empty values, numbers as text, and escaped', () => {
  assert.equal(
    filterQueryOf({
      status: 'open',
      q: 'Rapid & review',
      year: 2026,
      themeId: '',
      groupId: undefined,
      x: null,
    }),
    'status=open&q=Rapid+%26+review&year=2026',
  );
  assert.equal(filterQueryOf({}), '');
});

test('limits are bounded', () => {
  assert.equal(pageQuery.parse({}).limit, 50);
  assert.equal(pageQuery.safeParse({ limit: '201' }).success, false);
  assert.equal(pageQuery.safeParse({ limit: '0' }).success, false);
});

test('all pages of a keyset query come one after another, each row once', async () => {
  const rows = Array.from({ length: 1_203 }, (_, i) => i);
  const asked: (number | null)[] = [];
  const fetch = async (after: number | null) => {
    asked.push(after);
    const from = after === null ? 0 : after + 1;
    return rows.slice(from, from + 501);
  };
  const seen: number[] = [];
  for await (const row of allPages(fetch, 500)) seen.push(row);
  assert.deepEqual(seen, rows);
  assert.deepEqual(asked, [null, 499, 999]);
  const exact: number[] = [];
  for await (const row of allPages(async (after: number | null) => (after === null ? [1, 2] : []), 2))
    exact.push(row);
  assert.deepEqual(exact, [1, 2]);
});

test('pageByName gives the reader the decoded cursor and makes the next one from the last row kept', async () => {
  const rows = [
    { id: 'b', name: 'Ada' },
    { id: 'a', name: 'Bea' },
    { id: 'c', name: 'Cy' },
  ];
  const asked: unknown[] = [];
  const read = async (filter: { q?: string; after: Cursor | null; limit: number }) => {
    asked.push(filter);
    return rows.slice(0, filter.limit + 1);
  };
  const first = await pageByName({ q: 'x', limit: 2 }, read);
  assert.deepEqual(first.items, rows.slice(0, 2));
  assert.deepEqual(decodeCursor(first.next ?? ''), { key: 'Bea', id: 'a' });
  const last = await pageByName({ q: 'x', limit: 5, after: first.next ?? undefined }, read);
  assert.equal(last.next, null);
  assert.deepEqual(asked, [
    { q: 'x', limit: 2, after: null },
    { q: 'x', limit: 5, after: { key: 'Bea', id: 'a' } },
  ]);
});
