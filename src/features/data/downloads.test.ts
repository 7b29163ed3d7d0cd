import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DashboardRow } from './dashboard-repo.ts';
import {
  complianceTable,
  dashboardTable,
  exceptionsTable,
  INDICATOR_COLUMNS,
  indicatorRows,
  publishedTable,
  returnByIndicatorTable,
} from './downloads.ts';
import { showRow } from './presentation.ts';

// Children in need in Tower Hamlets, as a rate indicator: 2,944 children among 72,334 (mid-2020).
const cin: DashboardRow = {
  id: 'i',
  code: 'CIN',
  name: 'Children in need',
  unit: 'count',
  polarity: 'lower',
  per10k: true,
  partOfId: null,
  published: true,
  changeThreshold: 10,
  alertAbove: null,
  alertBelow: null,
  agencyName: 'Council',
  period: '2021-01-01',
  value: 2944,
  previous: 2800,
  lastYear: null,
  askedOf: 'owner',
  agencies: 1,
  previousAgencies: 1,
  england: { value: 321.2, period: '2021' },
  region: null,
  neighbours: null,
};
const people = [{ year: 2020, children: 72_334 }];

test('every download has a cell for each of its columns', () => {
  const row = showRow(cin, '2021-01-01', people);
  assert.equal(dashboardTable.cells(row).length, dashboardTable.columns.length);
  assert.equal(exceptionsTable.cells({ ...row, escalation: null }).length, exceptionsTable.columns.length);
  const counts = { code: 'C', name: 'n', asked: 1, forQuarter: 1, olderOnly: 0, missing: 0 };
  assert.equal(returnByIndicatorTable.cells(counts).length, returnByIndicatorTable.columns.length);
});

test('a dashboard row downloads as its page shows it: figure, rate, change in words, benchmarks', () => {
  const cells = dashboardTable.cells(showRow(cin, '2021-04-01', people));
  const byHeader = Object.fromEntries(dashboardTable.columns.map((c, i) => [c.header, cells[i]]));
  assert.equal(byHeader.Code, 'CIN');
  assert.equal(byHeader['Quarter of the figure'], '2020-21 Q4');
  assert.equal(byHeader['Not for the quarter asked'], 'yes');
  assert.equal(byHeader.Figure, 2944);
  assert.equal(byHeader['Rate per 10,000'], 407);
  assert.equal(byHeader['Change since previous quarter'], '+144 (+5.1%), worse');
  assert.equal(byHeader['Change since last year'], 'No comparison');
  assert.equal(byHeader.England, 321.2);
  assert.equal(byHeader.Region, null);
});

test('an indicator downloads its series, each agency for the latest quarter, and benchmarks', () => {
  const found = {
    indicator: { per10k: true },
    series: [
      { label: '2020-21 Q3', value: 2800, rate: 387.1 },
      { label: '2020-21 Q4', value: 2944, rate: 407 },
    ],
    latest: { period: '2021-01-01' },
    agencies: [{ agencyName: 'Council', value: 2944 }],
    benchmarks: [{ areaName: 'England', period: '2021', value: 321.2 }],
  };
  const rows = indicatorRows('Tower Hamlets', found);
  for (const row of rows) assert.equal(row.length, INDICATOR_COLUMNS.length);
  assert.deepEqual(rows, [
    ['By quarter', 'Tower Hamlets', '2020-21 Q3', 2800, 387.1],
    ['By quarter', 'Tower Hamlets', '2020-21 Q4', 2944, 407],
    ['Each agency', 'Council', '2020-21 Q4', 2944, null],
    // A rate indicator's benchmark is a rate: in the rate column.
    ['Benchmark', 'England', '2021', null, 321.2],
  ]);
  const count = indicatorRows('Tower Hamlets', { ...found, indicator: { per10k: false } });
  assert.deepEqual(count.at(-1), ['Benchmark', 'England', '2021', 321.2, null]);
  const none = indicatorRows('Tower Hamlets', { ...found, latest: null, series: [], agencies: [] });
  assert.deepEqual(none, [['Benchmark', 'England', '2021', null, 321.2]]);
});

test('an exception downloads with its reasons and the reference of its escalation', () => {
  const row = { ...showRow(cin, '2021-01-01', people), exception: ['Rose 5%', 'Above 400'] };
  const cells = exceptionsTable.cells({ ...row, escalation: { number: 42 } });
  assert.equal(cells[6], 'Rose 5%. Above 400');
  assert.equal(cells[7], 'ESC-42');
  assert.equal(exceptionsTable.cells({ ...row, escalation: null })[7], null);
});

test('compliance and published downloads say their states in words and mark a missing quarter', () => {
  const agency = {
    agencyName: 'Barts Health NHS Trust',
    compliance: 'partly-late' as const,
    submittedOn: '2026-07-20',
    asked: 12,
    forQuarter: 9,
    olderOnly: 1,
    missing: 2,
  };
  assert.deepEqual(complianceTable.cells(agency), [
    'Barts Health NHS Trust',
    'Partly submitted, late',
    '2026-07-20',
    12,
    9,
    1,
    2,
  ]);
  assert.deepEqual(
    publishedTable.cells({ name: 'Children in need', value: '[c]', rate: '[c]', periodLabel: null }),
    ['Children in need', '[c]', '[c]', ':'],
  );
});
