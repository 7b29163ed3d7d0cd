import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalationFromRisk, escalationRefusal, reviewOverdue } from './risk-rules.ts';

test('a review is overdue when its date has passed and the risk is not closed', () => {
  assert.equal(reviewOverdue({ status: 'open', reviewOn: '2025-10-01' }, '2025-10-02'), true);
  assert.equal(reviewOverdue({ status: 'managed', reviewOn: '2025-10-01' }, '2025-10-01'), false);
  assert.equal(reviewOverdue({ status: 'closed', reviewOn: '2025-10-01' }, '2025-12-01'), false);
  assert.equal(reviewOverdue({ status: 'open', reviewOn: null }, '2025-12-01'), false);
});

test('a risk is escalated once, and never when closed', () => {
  assert.equal(escalationRefusal({ status: 'open', escalationId: null }), null);
  assert.equal(escalationRefusal({ status: 'managed', escalationId: null }), null);
  assert.equal(
    escalationRefusal({ status: 'open', escalationId: 'e' }),
    'This risk has already been escalated to the executive',
  );
  assert.equal(
    escalationRefusal({ status: 'closed', escalationId: null }),
    'A closed risk can’t be escalated',
  );
});

test('the escalation carries the risk’s words', () => {
  assert.deepEqual(
    escalationFromRisk(
      {
        number: 3,
        title: 'Fewer health visitors',
        description: 'Vacancies rose. ',
        response: 'Agency staff.',
      },
      'Agree a recruitment plan.',
    ),
    {
      title: 'Fewer health visitors',
      issue: 'Emerging risk RISK-3. Vacancies rose.\n\nResponse so far: Agency staff.',
      ask: 'Agree a recruitment plan.',
    },
  );
  assert.equal(
    escalationFromRisk({ number: 1, title: 't', description: 'd', response: ' ' }, 'a').issue,
    'Emerging risk RISK-1. d',
  );
});
