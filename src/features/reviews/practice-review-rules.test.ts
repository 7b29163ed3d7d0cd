import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { learningEventRefusal, reviewDateBeforeDecision, reviewErrors } from './practice-review-rules.ts';

const review = {
  completedOn: '2025-07-10',
  plannedPublicationOn: null,
  sentToPanelOn: '2025-07-14',
  publishedOn: '2025-07-25',
  improvementsPublishedOn: null,
  improvementsSummary: '',
  notPublishedReasons: '',
};
const decided = { decidedOn: '2025-01-27' };

describe('a practice review’s dates and publication', () => {
  it('accepts a review completed, sent to the panel and then published', () => {
    assert.deepEqual(reviewErrors(review, decided, '2025-08-01'), []);
  });

  it('refuses publication before the report went to the national panel, or with no date it went', () => {
    assert.deepEqual(reviewErrors({ ...review, publishedOn: '2025-07-11' }, decided, '2025-08-01'), [
      {
        field: 'publishedOn',
        message: 'Publication can’t be before the report was sent to the national panel',
      },
    ]);
    assert.match(
      reviewErrors({ ...review, sentToPanelOn: null }, decided, '2025-08-01')[0]?.message ?? '',
      /it must go before publication/,
    );
  });

  it('refuses any of its dates before the executive’s decision', () => {
    const early = reviewErrors(
      { ...review, completedOn: null, sentToPanelOn: '2025-01-10', publishedOn: '2025-01-20' },
      decided,
      '2025-08-01',
    );
    assert.deepEqual(
      early.map((e) => e.field),
      ['sentToPanelOn', 'publishedOn'],
    );
    assert.match(early[0]?.message ?? '', /before the executive decided on the review \(27 January 2025\)/);
  });

  it('needs a summary and reasons when a summary of improvements is published instead', () => {
    const instead = reviewErrors(
      { ...review, sentToPanelOn: null, publishedOn: null, improvementsPublishedOn: '2025-07-25' },
      decided,
      '2025-08-01',
    );
    assert.deepEqual(
      instead.map((e) => e.field),
      ['improvementsSummary', 'notPublishedReasons'],
    );
  });

  it('refuses a new decision date after the review’s own dates', () => {
    assert.match(
      reviewDateBeforeDecision(review, '2025-07-12') ?? '',
      /^The date the review was completed \(10 July 2025\)/,
    );
    assert.equal(reviewDateBeforeDecision(review, '2025-01-27'), null);
  });
});

describe('learning events follow the review in order', () => {
  const r = { completedOn: '2025-07-10', publishedOn: '2025-07-25', improvementsPublishedOn: null };
  it('puts the learning session after completion, the workshop after it, the reflection after publication', () => {
    assert.equal(learningEventRefusal('learning-session', '2025-07-22', r, null, '2025-08-01'), null);
    assert.equal(
      learningEventRefusal('learning-session', '2025-07-05', r, null, '2025-08-01'),
      'A learning session follows the review’s completion',
    );
    assert.match(
      learningEventRefusal('follow-up-workshop', '2025-07-30', r, null, '2025-08-01') ?? '',
      /learning session before/,
    );
    assert.equal(
      learningEventRefusal('reflection-session', '2025-07-20', r, '2025-07-22', '2025-08-01'),
      'The learning reflection session comes after publication',
    );
    assert.equal(
      learningEventRefusal('learning-session', '2025-09-01', r, null, '2025-08-01'),
      'Record a learning event once it has been held',
    );
  });
});
