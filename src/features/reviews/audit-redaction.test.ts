import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactCaseText } from './audit-redaction.ts';

test('a case’s audit entry keeps codes, dates and ids, never the words of the case', () => {
  assert.deepEqual(
    redactCaseText({
      before: {
        summary: 'Injuries seen at nursery',
        decision: null,
        people: [{ id: 'p1', name: 'Bethany Cole', email: 'b@x' }],
      },
      after: {
        summary: '',
        decision: 'lcspr',
        decidedOn: '2025-03-25',
        decisionReasons: 'Agencies did not share',
      },
    }),
    {
      before: { summary: '[24 characters]', decision: null, people: [{ id: 'p1' }] },
      after: { summary: '', decision: 'lcspr', decidedOn: '2025-03-25', decisionReasons: '[22 characters]' },
    },
  );
});
