import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageInDays, moveProblems, nextStatuses } from './escalation-rules.ts';

const raised = { status: 'open' as const, raisedOn: '2025-10-01' };
const move = (to: 'open' | 'considered' | 'responded' | 'closed', extra = {}) => ({
  to,
  onDate: '2025-10-10',
  response: '',
  decision: '',
  ...extra,
});

test('escalations move forward only, and a closed one goes nowhere', () => {
  assert.deepEqual(nextStatuses('open'), ['considered', 'responded', 'closed']);
  assert.deepEqual(nextStatuses('considered'), ['responded', 'closed']);
  assert.deepEqual(nextStatuses('responded'), ['closed']);
  assert.deepEqual(nextStatuses('closed'), []);
});

test('a response needs the response and the decision, dated between raising and today', () => {
  const today = '2025-10-20';
  assert.deepEqual(moveProblems(raised, move('considered'), today), []);
  assert.deepEqual(
    moveProblems(raised, move('responded'), today).map((p) => p.field),
    ['response', 'decision'],
  );
  assert.deepEqual(moveProblems(raised, move('responded', { response: 'r', decision: 'd' }), today), []);
  assert.deepEqual(moveProblems(raised, move('considered', { onDate: '2025-09-30' }), today), [
    { field: 'onDate', message: 'The date can’t be before the escalation was raised' },
  ]);
  assert.deepEqual(moveProblems(raised, move('considered', { onDate: '2025-10-21' }), today), [
    { field: 'onDate', message: 'The date can’t be in the future' },
  ]);
  assert.deepEqual(moveProblems({ ...raised, status: 'responded' }, move('considered'), today), [
    { field: 'to', message: 'An escalation that is responded can’t become considered' },
  ]);
  assert.deepEqual(
    moveProblems({ ...raised, status: 'closed' }, move('responded', { response: 'r', decision: 'd' }), today),
    [{ field: 'to', message: 'This escalation is closed: it takes no further response or decision' }],
  );
});

test('age counts whole days to today, or to the response or closing', () => {
  const open = { raisedOn: '2025-10-01', respondedOn: null, closedOn: null };
  assert.equal(ageInDays(open, '2025-10-01'), 0);
  assert.equal(ageInDays(open, '2025-10-31'), 30);
  // Across the clocks going back (26 October 2025) it is still whole days.
  assert.equal(ageInDays({ raisedOn: '2025-10-20', respondedOn: null, closedOn: null }, '2025-10-27'), 7);
  assert.equal(ageInDays({ ...open, respondedOn: '2025-10-15' }, '2026-01-01'), 14);
  assert.equal(ageInDays({ ...open, closedOn: '2025-10-05' }, '2026-01-01'), 4);
});
