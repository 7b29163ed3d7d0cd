import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { isoDate, parseInput, searchText } from './validation.ts';

test('isoDate accepts real dates only', () => {
  const schema = isoDate('Enter a real date');
  assert.equal(schema.safeParse('2024-02-29').success, true);
  for (const bad of ['2023-02-29', '2024-13-01', '2024-4-1', 'invalid:2024-x-1', '']) {
    assert.equal(schema.safeParse(bad).success, false, bad);
  }
});

test('field errors name each field once and list unknown fields', () => {
  const schema = z.strictObject({ name: z.string().min(1, 'Enter the name').min(3, 'Too short') });
  const parsed = parseInput(schema, { name: '', colour: 'red' });
  assert.equal(parsed.ok, false);
  assert.deepEqual(!parsed.ok && parsed.errors, [
    { field: 'name', message: 'Enter the name' },
    { field: 'colour', message: 'colour is not a field we accept' },
  ]);
});

test('an empty date asks for the date; an impossible one says it must be real', () => {
  const schema = isoDate('Start date must be a real date', 'Enter the start date');
  const message = (v: string) => schema.safeParse(v).error?.issues[0]?.message ?? '';
  assert.equal(message(''), 'Enter the start date');
  assert.equal(message('2025-02-31'), 'Start date must be a real date');
  assert.equal(message('invalid:2025-x-1'), 'Start date must be a real date');
});

test('a search box is trimmed, blank is no filter, and a long one is refused naming its label', () => {
  const q = searchText('Raised by');
  assert.equal(q.parse('  Police '), 'Police');
  assert.equal(q.parse('   '), undefined);
  assert.equal(q.parse(undefined), undefined);
  const long = q.safeParse('x'.repeat(201));
  assert.equal(long.success, false);
  assert.equal(long.error?.issues[0]?.message, 'Raised by must be 200 characters or fewer');
});
