import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  actionDueSoonMessage,
  actionOverdueMessage,
  escalationUnansweredMessage,
  papersDueMessage,
} from './reminders.ts';

test('reminders say what is due, when, and where to act', () => {
  const action = { text: 'Share the figures', dueOn: '2025-12-01', groupName: 'QA Subgroup' };
  const soon = actionDueSoonMessage(action, 'https://hub.test/a');
  assert.equal(soon.subject, 'Action due 1 December 2025: Share the figures');
  assert.match(soon.body, /for the QA Subgroup is due on 1 December 2025/);
  assert.match(soon.body, /https:\/\/hub\.test\/a$/);
  assert.equal(actionOverdueMessage(action, 'l').subject, 'Action overdue: Share the figures');
  assert.equal(
    escalationUnansweredMessage({ number: 7, title: 'T', meetingDate: '2025-10-14' }, 'l').subject,
    'ESC-7 still unanswered after the Executive of 14 October 2025',
  );
  assert.equal(
    papersDueMessage({ groupName: 'Forum', meetingDate: '2025-10-14', papersDueOn: '2025-10-07' }, 'l')
      .subject,
    'Papers due 7 October 2025 for the Forum',
  );
  assert.equal(
    actionDueSoonMessage({ ...action, text: 'x'.repeat(200) }, 'l').subject.length,
    'Action due 1 December 2025: '.length + 80,
  );
});
