import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourcesLine } from './labels.ts';

test("an action's sources on one line: each source's kind and title, in the order given", () => {
  assert.equal(
    sourcesLine([
      { kind: 'practice-review', title: 'Child R' },
      { kind: 'audit', title: 'Neglect 2025' },
    ]),
    'Practice review: Child R; Audit: Neglect 2025',
  );
  assert.equal(sourcesLine([]), '');
});
