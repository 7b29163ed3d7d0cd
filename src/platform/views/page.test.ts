import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inSection } from './page.ts';

test('a menu item is current on its own path and below it, never on a path that only starts alike', () => {
  assert.equal(inSection('/audit', '/audit'), true);
  assert.equal(inSection('/audit/entries', '/audit'), true);
  assert.equal(inSection('/audits', '/audit'), false, 'the audit programme is not the audit log');
  assert.equal(inSection('/audits/12', '/audits'), true);
  assert.equal(inSection('/actions', '/actions'), true);
});
