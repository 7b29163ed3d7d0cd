import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseUuidArray } from './database.ts';

test('a uuid array is read from its text form, empty and with a null element', () => {
  assert.deepEqual(parseUuidArray('{}'), []);
  assert.deepEqual(parseUuidArray('{0b4f6a52-57d4-4c0a-9a43-6b0d7c1e2f30}'), [
    '0b4f6a52-57d4-4c0a-9a43-6b0d7c1e2f30',
  ]);
  assert.deepEqual(
    parseUuidArray('{0b4f6a52-57d4-4c0a-9a43-6b0d7c1e2f30,NULL,f3a1c2d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d}'),
    ['0b4f6a52-57d4-4c0a-9a43-6b0d7c1e2f30', null, 'f3a1c2d4-0e5f-4a6b-8c7d-9e0f1a2b3c4d'],
  );
});
