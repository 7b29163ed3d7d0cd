import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, PERMISSIONS, ROLES } from './roles.ts';

test('only the business unit changes the structure and manages users', () => {
  for (const role of ROLES) {
    assert.equal(can(role, 'structure:write'), role === 'admin', role);
    assert.equal(can(role, 'users:manage'), role === 'admin', role);
  }
});

test('every role may read the structure; only an operator manages partnerships', () => {
  for (const role of ROLES) {
    assert.equal(can(role, 'structure:read'), true, role);
    assert.equal(can(role, 'partnerships:manage'), role === 'operator', role);
  }
});

test('young scrutineers and practitioners hold no write or audit permission', () => {
  for (const role of ['young-scrutineer', 'practitioner'] as const) {
    const granted = PERMISSIONS.filter((p) => can(role, p));
    assert.deepEqual(granted, ['structure:read']);
  }
});
