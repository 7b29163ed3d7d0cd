import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approvalRefusal, draftRefusal, keyPointsMessage } from './key-points-rules.ts';

const held = {
  groupType: 'executive',
  date: '2025-10-14',
  keyPoints: 'Agreed the neglect strategy.',
  keyPointsApprovedAt: null,
};

test('key points are for executive meetings and fixed once approved', () => {
  assert.equal(draftRefusal(held), null);
  assert.equal(
    draftRefusal({ ...held, groupType: 'subgroup' }),
    'Key points are kept for Executive meetings',
  );
  assert.equal(
    draftRefusal({ ...held, keyPointsApprovedAt: new Date() }),
    'The key points are approved and sent: they can’t be changed',
  );
});

test('they are approved after the meeting, once, and not empty', () => {
  assert.equal(approvalRefusal(held, '2025-10-14'), null, 'on the day');
  assert.equal(
    approvalRefusal(held, '2025-10-13'),
    'Key points are approved after the meeting has taken place',
  );
  assert.equal(
    approvalRefusal({ ...held, keyPoints: '  ' }, '2025-10-20'),
    'Write the key points before approving them',
  );
});

test('the message names the meeting and carries the points', () => {
  const m = keyPointsMessage(
    { groupName: 'THSCP Executive', dateText: '14 October 2025', keyPoints: 'A.\nB.\n' },
    'Barnardo’s',
    'https://hub.test/key-points',
  );
  assert.equal(m.subject, 'Key points from the THSCP Executive, 14 October 2025');
  assert.match(m.body, /^To Barnardo’s:/);
  assert.match(m.body, /\n\nA\.\nB\.\n\n/);
  assert.match(m.body, /https:\/\/hub\.test\/key-points$/);
});
