import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockReminderMessage, reminderStage } from './reminders.ts';

test('a clock is reminded 5 and 1 working days before its date, and when overdue', () => {
  // Due Thursday 9 January 2025; 1 January is a bank holiday.
  assert.equal(reminderStage('2025-01-09', '2024-12-31'), null);
  assert.equal(reminderStage('2025-01-09', '2025-01-02'), 'five-days');
  assert.equal(reminderStage('2025-01-09', '2025-01-07'), 'five-days');
  assert.equal(reminderStage('2025-01-09', '2025-01-08'), 'one-day');
  assert.equal(reminderStage('2025-01-09', '2025-01-09'), 'one-day');
  assert.equal(reminderStage('2025-01-09', '2025-01-10'), 'overdue');
});

test('the message names the clock, the case and the date, and links to the case', () => {
  const message = clockReminderMessage(
    { number: 4, pseudonym: 'Child T', clock: 'rapid-review', dueOn: '2025-01-09' },
    'overdue',
    'https://hub.test/cases/x#clocks',
  );
  assert.equal(message.subject, 'Overdue: Rapid review, SI-4');
  assert.match(
    message.body,
    /Rapid review for case SI-4 \(Child T\) was due on 9 January 2025 and is overdue/,
  );
  assert.match(message.body, /https:\/\/hub\.test\/cases\/x#clocks/);
});
