import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestMessage } from './digest.ts';
import { retryDelayMs } from './jobs.ts';

test('a digest holds every message, numbered, under one subject', () => {
  const digest = digestMessage(
    [
      { subject: 'Action due 1 December 2025', body: 'Share the figures.\n' },
      { subject: 'Papers due', body: 'For the forum.' },
    ],
    '2025-11-24',
  );
  assert.equal(digest.subject, 'Your daily digest: 2 messages');
  assert.match(digest.body, /^2 messages from the Safeguarding Partnership Hub for 2025-11-24\./);
  assert.match(digest.body, /1\. Action due 1 December 2025\n\nShare the figures\./);
  assert.match(digest.body, /2\. Papers due\n\nFor the forum\./);
  assert.equal(digestMessage([{ subject: 's', body: 'b' }], 'd').subject, 'Your daily digest: 1 message');
});

test('failed jobs wait longer before each retry', () => {
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [60_000, 240_000, 540_000, 960_000]);
});
