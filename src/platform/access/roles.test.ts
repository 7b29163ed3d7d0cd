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

test('young scrutineers and practitioners hold no write, audit or case permission: they read published learning', () => {
  for (const role of ['young-scrutineer', 'practitioner'] as const) {
    const granted = PERMISSIONS.filter((p) => can(role, p));
    assert.deepEqual(granted, ['structure:read', 'learning:read']);
  }
});

test('case material is need-to-know: the business unit writes, the executive decides and assigns', () => {
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'cases:read')),
    ['admin', 'executive', 'chair', 'member', 'data-lead', 'reviewer', 'scrutineer'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'cases:write')),
    ['admin'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'cases:decide')),
    ['admin', 'executive'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'cases:assign')),
    ['admin', 'executive'],
  );
});

test('meetings are for the partners: not practitioners, young scrutineers or reviewers', () => {
  const readers = ROLES.filter((r) => can(r, 'meetings:read'));
  assert.deepEqual(readers, ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer']);
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'meetings:write')),
    ['admin', 'chair'],
  );
  // Updating actions is further limited to the owning agency by the meetings rules.
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'meeting-actions:update')),
    ['admin', 'executive', 'chair', 'member', 'data-lead'],
  );
});

test('partners read and raise escalations; the executive and business unit answer them', () => {
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'escalations:read')),
    ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'escalations:raise')),
    ['admin', 'executive', 'chair', 'member'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'escalations:respond')),
    ['admin', 'executive'],
  );
});

test('partners read and raise risks; data leads and scrutineers only read them', () => {
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'risks:read')),
    ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'risks:write')),
    ['admin', 'executive', 'chair', 'member'],
  );
});

test('the executive’s chair approves key points; the business unit only drafts them', () => {
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'key-points:approve')),
    ['executive', 'chair'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'emails:read')),
    ['admin'],
  );
});

test('the learning action plan: partners read, the executive and scrutiny oversee, chairs and the business unit hold it', () => {
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'plan:read')),
    ['admin', 'executive', 'chair', 'member', 'data-lead', 'scrutineer'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'plan:oversee')),
    ['admin', 'executive', 'chair', 'scrutineer'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'plan:update')),
    ['admin', 'executive', 'chair', 'member', 'data-lead'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'plan:manage')),
    ['admin', 'chair'],
  );
  assert.deepEqual(
    ROLES.filter((r) => can(r, 'audits:manage')),
    ['admin', 'chair'],
  );
});
