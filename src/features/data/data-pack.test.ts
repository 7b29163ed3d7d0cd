import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainText } from '../../platform/documents/model.ts';
import { type DataPackInput, dataPack, packFigure } from './data-pack.ts';

const empty: DataPackInput = {
  partnershipName: 'Tower Hamlets (demo)',
  quarter: '2026-07-01',
  agencies: [],
  outOfPeriod: [],
  exceptions: [],
  figures: [],
  narratives: [],
};

test('a quarter with nothing to report says so in each section', () => {
  const doc = dataPack(empty);
  assert.equal(doc.title, 'Data pack for 2026-27 Q2');
  assert.equal(doc.subtitle, 'Tower Hamlets (demo): for the QA and Performance group');
  assert.equal(doc.footer, 'Data pack 2026-27 Q2, Tower Hamlets (demo)');
  const text = plainText(doc);
  assert.match(text, /None: every figure sent is for 2026-27 Q2\./);
  assert.match(text, /No exceptions this quarter\./);
  assert.match(text, /No narratives were submitted\./);
});

test('a pack lists compliance, stale figures, exceptions, figures and narratives', () => {
  const doc = dataPack({
    ...empty,
    agencies: [
      {
        agencyName: 'Metropolitan Police',
        compliance: 'late',
        asked: 8,
        forQuarter: 8,
        olderOnly: 0,
        missing: 0,
      },
    ],
    outOfPeriod: [{ agencyName: 'Council', indicatorName: 'Children in need', periodStartsOn: '2026-04-01' }],
    exceptions: [{ name: 'Children in need', valueText: '2,944', exception: ['Rose 12%', 'Above 400'] }],
    figures: [
      {
        name: 'Children in need',
        valueText: '2,944',
        rateText: '407.0',
        stale: true,
        periodLabel: '2026-27 Q1',
        sinceQuarter: null,
        sinceYear: { difference: -20, percent: -0.7, direction: 'down', judgement: 'better' },
        unit: 'count',
        england: null,
      },
    ],
    narratives: [{ agencyName: 'Council', narrative: 'Referrals rose after the schools campaign.' }],
  });
  const text = plainText(doc);
  assert.match(text, /Metropolitan Police \| Submitted late \| 8 \| 8 \| 0 \| 0/);
  assert.match(text, /Council \| Children in need \| 2026-27 Q1/);
  assert.match(text, /Children in need \| 2,944 \| Rose 12%\. Above 400/);
  assert.match(
    text,
    /Children in need \| 2,944 \(407\.0 per 10,000\) for 2026-27 Q1 \| No comparison \| −20 \(−0\.7%\), better \| :/,
  );
  assert.match(text, /Council\nReferrals rose after the schools campaign\./);
});

test('a figure for the quarter asked is stated without its quarter', () => {
  const figure = { valueText: '17.5%', rateText: null, stale: false, periodLabel: '2026-27 Q2' };
  assert.equal(packFigure(figure), '17.5%');
});
