import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  endsAfterStart,
  isClockTime,
  isOverdue,
  mayChangeActionDetails,
  mayUpdateAction,
  quoracy,
} from './rules.ts';

const la = { agencyKind: 'local-authority' };
const icb = { agencyKind: 'icb' };
const police = { agencyKind: 'police' };
const trust = { agencyKind: 'relevant-agency' };

test('without a rule, quoracy is not judged', () => {
  assert.deepEqual(quoracy({ quorum: null, needsStatutory: false }, [la]), { state: 'no-rule' });
});

test('a number quorum counts the people present', () => {
  const rule = { quorum: 3, needsStatutory: false };
  assert.deepEqual(quoracy(rule, [la, trust, trust]), { state: 'quorate', present: 3 });
  assert.deepEqual(quoracy(rule, [la]), {
    state: 'not-quorate',
    present: 1,
    reasons: ['1 person present; the quorum is 3'],
  });
  assert.deepEqual(quoracy(rule, []), {
    state: 'not-quorate',
    present: 0,
    reasons: ['0 people present; the quorum is 3'],
  });
});

test('the statutory rule names each statutory partner missing, whatever the headcount', () => {
  const rule = { quorum: null, needsStatutory: true };
  assert.deepEqual(quoracy(rule, [la, icb, police]), { state: 'quorate', present: 3 });
  assert.deepEqual(quoracy(rule, [la, la, trust, trust, trust]), {
    state: 'not-quorate',
    present: 5,
    reasons: ['No one present from the integrated care board', 'No one present from the police'],
  });
  assert.deepEqual(quoracy({ quorum: 4, needsStatutory: true }, [la, icb, police]).state, 'not-quorate');
});

test('times are HH:MM on the 24-hour clock and a meeting ends after it starts', () => {
  for (const ok of ['00:00', '09:30', '14:05', '23:59']) assert.ok(isClockTime(ok), ok);
  for (const bad of ['24:00', '9:30', '12:60', '12.30', '', 'noon']) assert.ok(!isClockTime(bad), bad);
  assert.ok(endsAfterStart('10:00', '12:00'));
  assert.ok(!endsAfterStart('12:00', '12:00'));
  assert.ok(!endsAfterStart('12:00', '09:00'));
});

test('an action is overdue only when open and past its due date', () => {
  assert.ok(isOverdue({ status: 'open', dueOn: '2025-10-31' }, '2025-11-01'));
  assert.ok(isOverdue({ status: 'in-progress', dueOn: '2025-10-31' }, '2025-11-01'));
  assert.ok(!isOverdue({ status: 'open', dueOn: '2025-10-31' }, '2025-10-31'), 'due today is not late');
  assert.ok(!isOverdue({ status: 'done', dueOn: '2025-10-31' }, '2025-11-01'));
  assert.ok(!isOverdue({ status: 'dropped', dueOn: '2025-10-31' }, '2025-11-01'));
});

test('chairs and the business unit update any action; others only their own agency’s', () => {
  const action = { agencyId: 'elft' };
  for (const role of ['admin', 'chair']) {
    assert.ok(mayUpdateAction({ role, agencyId: 'la' }, action), role);
    assert.ok(mayChangeActionDetails(role), role);
  }
  for (const role of ['executive', 'member', 'data-lead']) {
    assert.ok(mayUpdateAction({ role, agencyId: 'elft' }, action), `${role} of the owning agency`);
    assert.ok(!mayUpdateAction({ role, agencyId: 'la' }, action), `${role} of another agency`);
    assert.ok(!mayChangeActionDetails(role), role);
  }
  for (const role of ['scrutineer', 'reviewer', 'practitioner', 'young-scrutineer', 'operator']) {
    assert.ok(!mayUpdateAction({ role, agencyId: 'elft' }, action), role);
  }
});
