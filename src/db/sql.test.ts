import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLAN_FOR_VALUES, type Queryable, type Row } from './database.ts';
import { Conditions, escapeLike, likePattern, pageThenDetails } from './sql.ts';

/** A Queryable that records what it is sent and answers from a list. */
function fake(answers: Row[][]) {
  const sent: { text: string; params: readonly unknown[] }[] = [];
  const db: Queryable = {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      sent.push({ text, params });
      return (answers.shift() ?? []) as T[];
    },
  };
  return { db, sent };
}

test('conditions number their values in order and never splice them into the SQL', () => {
  const where = new Conditions()
    .add('a = ?', 1)
    .addIf(undefined, 'b = ?')
    .addIf('x', 'c = ?')
    .add('(d = ? OR e = ?)', 2, 3);
  assert.equal(where.sql, 'WHERE a = $1 AND c = $2 AND (d = $3 OR e = $4)');
  assert.deepEqual(where.params, [1, 'x', 2, 3]);
  assert.equal(likePattern('50%_off\\'), '%50\\%\\_off\\\\%');
  assert.equal(`${escapeLike('50%_off')}%`, '50\\%\\_off%', 'a prefix pattern escapes its text too');
});

test('a LIMIT is a parameter, or written into the text only as a whole number from 1', () => {
  const where = new Conditions().add('a = ?', 1);
  assert.equal(where.limit(51), 'LIMIT $2');
  assert.deepEqual(where.params, [1, 51]);
  const kept = new Conditions().add('a = ?', 1);
  assert.equal(kept.limitInText(51), 'LIMIT 51');
  assert.deepEqual(kept.params, [1], 'no parameter for a LIMIT in the text');
  for (const bad of [
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '51; DROP TABLE x' as unknown as number,
  ]) {
    assert.throws(() => kept.limitInText(bad), RangeError, String(bad));
  }
});

test('a "contains" search matches any of its columns with its wildcards escaped, and no text adds nothing', () => {
  const plain = new Conditions().add('a = ?', 1).contains(['name', 'job'], '').contains(['name'], undefined);
  assert.equal(plain.sql, 'WHERE a = $1');
  assert.deepEqual(plain.params, [1]);

  const search = new Conditions().add('a = ?', 1).contains(['p.name', 'p.job_title'], '50%');
  assert.equal(search.sql, 'WHERE a = $1 AND (p.name ILIKE $2 OR p.job_title ILIKE $3)');
  assert.deepEqual(search.params, [1, '%50\\%%', '%50\\%%']);
});

test('a page in two steps plans its ids for their values, then asks for those ids’ details in order', async () => {
  const { db, sent } = fake([[{ id: 'b' }, { id: 'a' }]]);
  const details: string[][] = [];
  const rows = await pageThenDetails(db, 'SELECT id FROM t ORDER BY n', [7], async (ids) => {
    details.push(ids);
    return ids.map((id) => ({ id, name: id.toUpperCase() }));
  });
  assert.equal(sent[0]?.text, `${PLAN_FOR_VALUES}SELECT id FROM t ORDER BY n`);
  assert.deepEqual(sent[0]?.params, [7]);
  assert.deepEqual(details, [['b', 'a']]);
  assert.deepEqual(rows, [
    { id: 'b', name: 'B' },
    { id: 'a', name: 'A' },
  ]);
});

test('an empty page asks for no details', async () => {
  const { db } = fake([[]]);
  let asked = false;
  const rows = await pageThenDetails(db, 'SELECT id FROM t', [], async () => {
    asked = true;
    return [];
  });
  assert.deepEqual(rows, []);
  assert.equal(asked, false);
});
