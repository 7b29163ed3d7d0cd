import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addQuarters,
  financialYearBounds,
  financialYearLabel,
  financialYearOf,
  isQuarterStart,
  parseQuarter,
  quarterChoices,
  quarterEnd,
  quarterLabel,
  quarterNumber,
  quarterStart,
  shortQuarterLabel,
} from './quarters.ts';

test('a date’s quarter starts on 1 January, April, July or October', () => {
  assert.equal(quarterStart('2026-04-01'), '2026-04-01');
  assert.equal(quarterStart('2026-06-30'), '2026-04-01');
  assert.equal(quarterStart('2026-07-01'), '2026-07-01');
  assert.equal(quarterStart('2026-11-15'), '2026-10-01');
  assert.equal(quarterStart('2026-12-31'), '2026-10-01');
  assert.equal(quarterStart('2027-02-28'), '2027-01-01');
  assert.equal(quarterStart('2027-03-31'), '2027-01-01');
});

test('April to June is Q1 of the financial year that starts in April', () => {
  assert.equal(quarterNumber('2026-04-01'), 1);
  assert.equal(quarterNumber('2026-07-01'), 2);
  assert.equal(quarterNumber('2026-10-01'), 3);
  assert.equal(quarterNumber('2027-01-01'), 4);
  assert.equal(financialYearOf('2026-04-01'), 2026);
  assert.equal(financialYearOf('2027-03-31'), 2026);
  assert.equal(financialYearOf('2027-04-01'), 2027);
  assert.equal(financialYearLabel(2026), '2026 to 2027');
  assert.deepEqual(financialYearBounds(2026), { from: '2026-04-01', to: '2027-04-01' });
});

test('a quarter is named by its number, financial year and months', () => {
  assert.equal(quarterLabel('2026-10-01'), 'Q3 2026 to 2027 (October to December 2026)');
  assert.equal(quarterLabel('2026-04-01'), 'Q1 2026 to 2027 (April to June 2026)');
  assert.equal(quarterLabel('2027-01-01'), 'Q4 2026 to 2027 (January to March 2027)');
});

test('only the first day of a quarter is a quarter start', () => {
  for (const day of ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'])
    assert.ok(isQuarterStart(day), day);
  for (const day of ['2026-02-01', '2026-04-02', '2026-10-1', 'x2026-10-01', '2026-10-01x', ''])
    assert.equal(isQuarterStart(day), false, day);
});

test('the choices are every quarter of the years asked for, in order', () => {
  const choices = quarterChoices(2025, 2026);
  assert.equal(choices.length, 8);
  assert.deepEqual(
    choices.map((c) => c.value),
    [
      '2025-04-01',
      '2025-07-01',
      '2025-10-01',
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
      '2027-01-01',
    ],
  );
  assert.equal(choices[3]?.text, 'Q4 2025 to 2026 (January to March 2026)');
  assert.deepEqual(quarterChoices(2027, 2026), []);
});

test('quarters add and subtract across years', () => {
  assert.equal(addQuarters('2025-07-01', 1), '2025-10-01');
  assert.equal(addQuarters('2025-10-01', 1), '2026-01-01');
  assert.equal(addQuarters('2026-01-01', -1), '2025-10-01');
  assert.equal(addQuarters('2025-07-01', -4), '2024-07-01');
  assert.equal(addQuarters('2025-07-01', -40), '2015-07-01');
  assert.equal(addQuarters('2025-07-01', 0), '2025-07-01');
});

test('a quarter ends on the day before the next one starts', () => {
  assert.equal(quarterEnd('2025-01-01'), '2025-03-31');
  assert.equal(quarterEnd('2024-10-01'), '2024-12-31');
  assert.equal(quarterEnd('2024-04-01'), '2024-06-30');
});

test('the short name of a quarter is the statisticians’ 2025-26 Q2', () => {
  assert.equal(shortQuarterLabel('2025-07-01'), '2025-26 Q2');
  assert.equal(shortQuarterLabel('2026-01-01'), '2025-26 Q4');
  assert.equal(shortQuarterLabel('1999-04-01'), '1999-00 Q1');
});

test('a quarter is read as people write it, and nothing else is', () => {
  assert.equal(parseQuarter('2025-26 Q2'), '2025-07-01');
  assert.equal(parseQuarter(' 2025/26 q4 '), '2026-01-01');
  assert.equal(parseQuarter('Q1 2025-26'), '2025-04-01');
  assert.equal(parseQuarter('2025-07-01'), '2025-07-01');
  assert.equal(parseQuarter('1999-00 Q3'), '1999-10-01');
  assert.equal(parseQuarter('2025-27 Q2'), null);
  assert.equal(parseQuarter('2025-26 Q5'), null);
  assert.equal(parseQuarter('2025-07-02'), null);
  assert.equal(parseQuarter('July 2025'), null);
  assert.equal(parseQuarter(''), null);
});
