import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CaseDates, type Clock, type ClockKey, caseClocks, dueStatus } from './clocks.ts';

const incident = (over: Partial<CaseDates> = {}): CaseDates => ({
  kind: 'incident',
  awareOn: '2024-12-16',
  notifiedPanelOn: null,
  rapidReviewSentOn: null,
  decision: null,
  decidedOn: null,
  review: null,
  waivers: {},
  ...over,
});
const review = (over: Partial<NonNullable<CaseDates['review']>> = {}): NonNullable<CaseDates['review']> => ({
  completedOn: null,
  plannedPublicationOn: null,
  sentToPanelOn: null,
  publishedOn: null,
  improvementsPublishedOn: null,
  learningSessionOn: null,
  followUpWorkshopOn: null,
  reflectionSessionOn: null,
  ...over,
});
const byKey = (clocks: Clock[]) =>
  Object.fromEntries(clocks.map((c) => [c.key, c])) as Record<ClockKey, Clock>;

describe('the clocks of a case', () => {
  it('runs the notification to 5 and the rapid review to 15 working days after awareness, across Christmas', () => {
    const c = byKey(caseClocks(incident(), '2024-12-17'));
    assert.equal(c['panel-notification'].dueOn, '2024-12-23');
    assert.equal(c['panel-notification'].status, 'due-soon');
    assert.equal(c['rapid-review'].dueOn, '2025-01-09');
    assert.equal(c['rapid-review'].status, 'due');
  });

  it('is overdue after its date, met on the date it was done, and late when met after it', () => {
    assert.equal(byKey(caseClocks(incident(), '2024-12-27'))['panel-notification'].status, 'overdue');
    const onTime = byKey(caseClocks(incident({ notifiedPanelOn: '2024-12-20' }), '2025-02-01'));
    assert.equal(onTime['panel-notification'].status, 'met');
    assert.equal(onTime['panel-notification'].metOn, '2024-12-20');
    assert.equal(onTime['panel-notification'].late, false);
    const late = byKey(caseClocks(incident({ notifiedPanelOn: '2024-12-24' }), '2025-02-01'));
    assert.equal(late['panel-notification'].late, true);
  });

  it('is due on its due date, and due soon from 5 working days before it', () => {
    assert.equal(dueStatus('2025-01-09', '2025-01-09'), 'due-soon');
    assert.equal(dueStatus('2025-01-09', '2025-01-10'), 'overdue');
    // 5 working days before 9 January 2025 is 2 January (the 1st is a bank holiday).
    assert.equal(dueStatus('2025-01-09', '2025-01-02'), 'due-soon');
    assert.equal(dueStatus('2025-01-09', '2024-12-31'), 'due');
  });

  it('has no LCSPR clocks until the executive decides, and none after deciding against one', () => {
    const waiting = byKey(caseClocks(incident(), '2025-01-01'));
    assert.equal(waiting['lcspr-completion'].status, 'not-started');
    assert.equal(waiting['lcspr-completion'].reason, 'Starts when the executive decides on a local review');
    const none = byKey(
      caseClocks(incident({ decision: 'no-further-review', decidedOn: '2025-01-20' }), '2025-02-01'),
    );
    for (const key of ['lcspr-completion', 'report-to-panel', 'learning-session'] as const) {
      assert.equal(none[key].status, 'not-applicable');
      assert.equal(none[key].reason, 'The executive decided no further review was needed');
    }
    const national = byKey(
      caseClocks(incident({ decision: 'national-panel', decidedOn: '2025-01-20' }), '2025-02-01'),
    );
    assert.equal(national['lcspr-completion'].reason, 'Referred to the national panel for a national review');
  });

  it('aims to complete an LCSPR 6 months from the decision, and sends the report 7 working days before publication', () => {
    const decided = incident({
      awareOn: '2021-08-02',
      decision: 'lcspr',
      decidedOn: '2021-08-31',
      review: review(),
    });
    const c = byKey(caseClocks(decided, '2021-09-01'));
    assert.equal(c['lcspr-completion'].dueOn, '2022-02-28');
    // Without a planned publication date, 7 working days before the 6-month aim.
    assert.equal(c['report-to-panel'].dueOn, '2022-02-17');
    const planned = byKey(
      caseClocks({ ...decided, review: review({ plannedPublicationOn: '2022-03-10' }) }, '2021-09-01'),
    );
    assert.equal(planned['report-to-panel'].dueOn, '2022-03-01');
  });

  it('follows the learning cycle: session 2 weeks after completion, workshop 6 months later, reflection a year after publication', () => {
    const cycle = incident({
      decision: 'lcspr',
      decidedOn: '2021-08-31',
      review: review({ completedOn: '2022-01-20' }),
    });
    const completed = byKey(caseClocks(cycle, '2022-01-21'));
    assert.equal(completed['learning-session'].dueOn, '2022-02-03');
    assert.equal(completed['follow-up-workshop'].status, 'not-started');
    assert.equal(completed['learning-reflection'].reason, 'Starts when the review is published');
    const later = byKey(
      caseClocks(
        {
          ...cycle,
          review: review({
            completedOn: '2022-01-20',
            learningSessionOn: '2022-02-01',
            publishedOn: '2022-03-10',
          }),
        },
        '2022-03-11',
      ),
    );
    assert.equal(later['learning-session'].status, 'met');
    // Complete and publish within 6 months: met on publication, 10 March 2022, after 28 February.
    assert.equal(later['lcspr-completion'].metOn, '2022-03-10');
    assert.equal(later['lcspr-completion'].late, true);
    assert.equal(completed['lcspr-completion'].status, 'due', 'completion alone does not meet it');
    assert.equal(later['follow-up-workshop'].dueOn, '2022-08-01');
    assert.equal(later['learning-reflection'].dueOn, '2023-03-10');
  });

  it('counts the reflection from a published summary of improvements, and then needs no report to the panel', () => {
    const c = byKey(
      caseClocks(
        incident({
          decision: 'lcspr',
          decidedOn: '2021-08-31',
          review: review({ completedOn: '2022-01-20', improvementsPublishedOn: '2022-03-01' }),
        }),
        '2022-03-02',
      ),
    );
    assert.equal(c['report-to-panel'].status, 'not-applicable');
    assert.equal(c['learning-reflection'].dueOn, '2023-03-01');
  });

  it('does not run the 2018 clocks for a legacy serious case review', () => {
    const c = byKey(caseClocks(incident({ kind: 'legacy-scr', awareOn: '2018-05-01' }), '2021-01-01'));
    assert.equal(c['panel-notification'].status, 'not-applicable');
    assert.equal(c['rapid-review'].status, 'not-applicable');
    assert.equal(c['lcspr-completion'].status, 'not-applicable');
  });

  it('shows a waived clock as not applicable with the reason', () => {
    const c = byKey(
      caseClocks(
        incident({ waivers: { 'panel-notification': 'Notified by the neighbouring area' } }),
        '2025-01-20',
      ),
    );
    assert.equal(c['panel-notification'].status, 'not-applicable');
    assert.equal(c['panel-notification'].reason, 'Waived: Notified by the neighbouring area');
    assert.equal(c['rapid-review'].status, 'overdue');
  });
});
