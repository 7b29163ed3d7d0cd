import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../../platform/access/roles.ts';
import {
  independenceConflict,
  mayJoinCaseTeam,
  rapidReviewDateErrors,
  recommendationErrors,
  seesEveryCase,
} from './rules.ts';

const dates = {
  awareOn: '2025-03-03',
  notifiedPanelOn: '2025-03-05',
  panelMetOn: '2025-03-14',
  rapidReviewSentOn: '2025-03-20',
  decidedOn: '2025-03-25',
};

describe('the order of a rapid review’s dates', () => {
  it('accepts dates in order', () => {
    assert.deepEqual(rapidReviewDateErrors(dates, '2025-04-01'), []);
  });

  it('refuses an awareness date in the future', () => {
    assert.deepEqual(
      rapidReviewDateErrors(
        {
          ...dates,
          awareOn: '2025-04-02',
          notifiedPanelOn: null,
          panelMetOn: null,
          rapidReviewSentOn: null,
          decidedOn: null,
        },
        '2025-04-01',
      ),
      [{ field: 'awareOn', message: 'The date the partnership became aware can’t be in the future' }],
    );
  });

  it('refuses a decision before the panel met, and a panel before awareness', () => {
    assert.deepEqual(rapidReviewDateErrors({ ...dates, decidedOn: '2025-03-13' }, '2025-04-01'), [
      { field: 'decidedOn', message: 'The executive’s decision can’t be before the rapid review panel met' },
    ]);
    const early = rapidReviewDateErrors({ ...dates, panelMetOn: '2025-03-01' }, '2025-04-01');
    assert.deepEqual(
      early.map((e) => e.field),
      ['panelMetOn'],
    );
  });
});

describe('independence of reviewers', () => {
  const reviewer = {
    name: 'Sam Reed',
    email: 'Sam.Reed@icb.example',
    agencyId: 'icb',
    agencyName: 'The ICB',
  };

  it('refuses someone involved in the case, and anyone from an involved agency', () => {
    assert.equal(
      independenceConflict(reviewer, { agencyIds: [], personEmails: ['sam.reed@icb.example'] }),
      'Sam Reed was involved in this case, so can’t review it',
    );
    assert.equal(
      independenceConflict(reviewer, { agencyIds: ['icb', 'police'], personEmails: [] }),
      'Sam Reed’s agency, The ICB, was involved in this case, so they can’t review it',
    );
  });

  it('accepts someone with no involvement', () => {
    assert.equal(
      independenceConflict(reviewer, { agencyIds: ['police'], personEmails: ['x@police.example'] }),
      null,
    );
  });
});

describe('need-to-know access to case material', () => {
  it('lets only the business unit and the executive see every case', () => {
    assert.deepEqual(
      ROLES.filter((r) => seesEveryCase(r)),
      ['admin', 'executive'],
    );
  });

  it('never puts a young scrutineer or a practitioner on a case', () => {
    assert.deepEqual(
      ROLES.filter((r) => !mayJoinCaseTeam(r)),
      ['operator', 'young-scrutineer', 'practitioner'],
    );
  });
});

describe('the rapid review’s sending date', () => {
  it('can’t be before the partnership became aware, even before the panel’s date is known', () => {
    assert.deepEqual(
      rapidReviewDateErrors(
        {
          awareOn: '2025-03-03',
          notifiedPanelOn: null,
          panelMetOn: null,
          rapidReviewSentOn: '2025-03-01',
          decidedOn: null,
        },
        '2025-04-01',
      ),
      [
        {
          field: 'rapidReviewSentOn',
          message: 'The rapid review can’t have been sent before the partnership became aware',
        },
      ],
    );
  });
});

describe('the panel’s recommendation', () => {
  it('needs its reasons; no recommendation needs none', () => {
    const missing = [
      { field: 'recommendationReasons', message: 'Give the reasons for the panel’s recommendation' },
    ];
    assert.deepEqual(recommendationErrors('lcspr', ''), missing);
    assert.deepEqual(recommendationErrors('no-further-review', '   '), missing);
    assert.deepEqual(recommendationErrors('national-panel', 'Meets the criteria for the national panel'), []);
    assert.deepEqual(recommendationErrors(null, ''), []);
  });
});
