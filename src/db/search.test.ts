import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasTrigram } from './search.ts';

test('text has a trigram to look up when it has three letters or digits in a row', () => {
  for (const text of ['Okafor', 'Ali', '999', 'Zoë', 'Dr Ng Kai', 'St. Ann'])
    assert.ok(hasTrigram(text), text);
  for (const text of ['', 'Al', 'J. B.', 'a-b-c', '%_%', 'Ng Li']) assert.ok(!hasTrigram(text), text);
});
