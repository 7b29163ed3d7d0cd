import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Memo } from './memo.ts';

test('a memo makes a value once and hands it to every caller, even those who asked while it was made', async () => {
  const memo = new Memo<string>(2);
  let made = 0;
  const make = async () => {
    made += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return 'drawing';
  };
  const answers = await Promise.all([memo.get('a', make), memo.get('a', make), memo.get('a', make)]);
  assert.deepEqual(answers, ['drawing', 'drawing', 'drawing']);
  assert.equal(made, 1);
  assert.deepEqual(memo.stats, { size: 1, hits: 2, misses: 1 });
});

test('a memo lets go of the least recently used value when full', async () => {
  const memo = new Memo<string>(2);
  const made: string[] = [];
  const make = (key: string) => async () => {
    made.push(key);
    return key;
  };
  await memo.get('a', make('a'));
  await memo.get('b', make('b'));
  await memo.get('a', make('a')); // a is now the most recently used
  await memo.get('c', make('c')); // so b goes
  await memo.get('a', make('a'));
  await memo.get('b', make('b'));
  assert.deepEqual(made, ['a', 'b', 'c', 'b']);
  assert.equal(memo.stats.size, 2);
});

test('a memo forgets a making that failed, so the next caller tries again', async () => {
  const memo = new Memo<string>(2);
  let calls = 0;
  const flaky = async () => {
    calls += 1;
    if (calls === 1) throw new Error('first try fails');
    return 'second try';
  };
  await assert.rejects(memo.get('k', flaky), /first try fails/);
  assert.equal(await memo.get('k', flaky), 'second try');
  assert.equal(calls, 2);
  // A making that throws before it returns a promise fails the same way.
  await assert.rejects(
    memo.get('t', () => {
      throw new Error('at once');
    }),
    /at once/,
  );
  assert.equal(memo.stats.size, 1);
});

test('a memo holds at least one value', () => {
  assert.throws(() => new Memo(0), /at least one/);
});
