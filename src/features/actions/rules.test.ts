import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  caseSourceTitle,
  dueDateErrors,
  earlierDate,
  isOverdue,
  mayManagePlan,
  mayUpdateAction,
  mergedStatus,
  mergeErrors,
  seesWholePlan,
  statusChangeErrors,
  statusRefusal,
} from './rules.ts';

const messages = (errors: { message: string }[]) => errors.map((e) => e.message);

test('an action is completed only with an outcome, and embedded only with evidence too', () => {
  assert.deepEqual(statusChangeErrors('in-progress', { outcome: '', evidenceCount: 0 }), []);
  assert.deepEqual(messages(statusChangeErrors('completed', { outcome: '  ', evidenceCount: 0 })), [
    'Enter the outcome: what changed because of the action',
  ]);
  assert.deepEqual(statusChangeErrors('completed', { outcome: 'Done', evidenceCount: 0 }), []);
  assert.deepEqual(messages(statusChangeErrors('embedded', { outcome: 'Done', evidenceCount: 0 })), [
    'Add evidence that the learning is embedded before marking the action as embedded',
  ]);
  assert.equal(
    statusChangeErrors('embedded', { outcome: '', evidenceCount: 2 }).length,
    1,
    'still needs the outcome',
  );
  assert.deepEqual(statusChangeErrors('embedded', { outcome: 'Done', evidenceCount: 1 }), []);
  assert.equal(statusChangeErrors('merged', { outcome: 'Done', evidenceCount: 1 }).length, 1);
});

test('an open action past its due date is overdue; a finished one or one without a date never is', () => {
  const today = '2026-11-23';
  assert.equal(isOverdue({ status: 'in-progress', dueOn: '2026-11-22' }, today), true);
  assert.equal(isOverdue({ status: 'proposed', dueOn: '2026-11-23' }, today), false, 'due today is not late');
  assert.equal(isOverdue({ status: 'completed', dueOn: '2026-01-01' }, today), false);
  assert.equal(isOverdue({ status: 'embedded', dueOn: '2026-01-01' }, today), false);
  assert.equal(isOverdue({ status: 'merged', dueOn: '2026-01-01' }, today), false);
  assert.equal(isOverdue({ status: 'agreed', dueOn: null }, today), false);
});

test('an action can’t be due before it was raised', () => {
  assert.equal(dueDateErrors({ raisedOn: '2026-05-01', dueOn: '2026-05-01' }).length, 0);
  assert.equal(dueDateErrors({ raisedOn: '2026-05-01', dueOn: null }).length, 0);
  assert.deepEqual(messages(dueDateErrors({ raisedOn: '2026-05-01', dueOn: '2026-04-30' })), [
    'The due date must be on or after the date the action was raised',
  ]);
});

test('the plan is held by the business unit and chairs, overseen by the executive and scrutiny', () => {
  assert.deepEqual(
    ['admin', 'chair', 'executive', 'member', 'data-lead', 'scrutineer', 'reviewer'].filter((r) =>
      mayManagePlan(r as 'admin'),
    ),
    ['admin', 'chair'],
  );
  assert.deepEqual(
    ['admin', 'chair', 'executive', 'member', 'data-lead', 'scrutineer', 'young-scrutineer'].filter((r) =>
      seesWholePlan(r as 'admin'),
    ),
    ['admin', 'chair', 'executive', 'scrutineer'],
  );
});

test('partners update their own agency’s actions; only the plan’s holders mark one embedded', () => {
  const action = { ownerAgencyId: 'elft' };
  assert.equal(mayUpdateAction({ role: 'member', agencyId: 'elft' }, action), true);
  assert.equal(mayUpdateAction({ role: 'member', agencyId: 'police' }, action), false);
  assert.equal(mayUpdateAction({ role: 'executive', agencyId: 'elft' }, action), true);
  assert.equal(
    mayUpdateAction({ role: 'scrutineer', agencyId: 'elft' }, action),
    false,
    'scrutiny reads only',
  );
  assert.equal(mayUpdateAction({ role: 'chair', agencyId: 'police' }, action), true);
  const change = (
    from: 'completed' | 'embedded',
    to: 'in-progress' | 'completed' | 'embedded',
    outcomeChanged = false,
  ) => ({
    from,
    to,
    outcomeChanged,
  });
  assert.match(
    statusRefusal('member', change('completed', 'embedded')) ?? '',
    /can mark an action as embedded/,
  );
  assert.equal(statusRefusal('member', change('completed', 'completed', true)), null);
  assert.match(
    statusRefusal('member', change('embedded', 'in-progress')) ?? '',
    /can change an embedded action/,
  );
  assert.match(
    statusRefusal('data-lead', change('embedded', 'embedded', true)) ?? '',
    /can change an embedded action/,
  );
  assert.equal(statusRefusal('member', change('embedded', 'embedded')), null, 'a progress note is fine');
  assert.equal(statusRefusal('chair', change('completed', 'embedded')), null);
  assert.equal(statusRefusal('admin', change('embedded', 'in-progress')), null);
});

test('merging: never with itself or a merged action; the less advanced status and the sooner dates are kept', () => {
  const kept = { id: 'a', status: 'agreed' as const };
  assert.match(mergeErrors(kept, kept)[0]?.message ?? '', /can’t be merged with itself/);
  assert.match(mergeErrors(kept, { id: 'b', status: 'merged' })[0]?.message ?? '', /already been merged/);
  assert.match(mergeErrors(kept, null)[0]?.message ?? '', /Select an action/);
  assert.deepEqual(mergeErrors(kept, { id: 'b', status: 'embedded' }), []);
  assert.equal(mergedStatus('agreed', 'completed'), 'agreed');
  assert.equal(mergedStatus('in-progress', 'proposed'), 'proposed');
  assert.equal(mergedStatus('embedded', 'embedded'), 'embedded');
  assert.equal(earlierDate('2027-03-31', '2026-12-31'), '2026-12-31');
  assert.equal(earlierDate(null, '2026-12-31'), '2026-12-31');
  assert.equal(earlierDate('2026-12-31', null), '2026-12-31');
  assert.equal(earlierDate(null, null), null);
});

test('a case review’s source is named by the case’s pseudonym only', () => {
  assert.equal(caseSourceTitle('rapid-review', 'Child C'), 'Child C');
});
