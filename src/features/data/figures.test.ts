import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFigures, type FigureContext, parseFigureValue, periodProblem } from './figures.ts';

const police = { id: 'a-police', name: 'Police' };
const council = { id: 'a-council', name: 'Council' };
const context: FigureContext = {
  indicators: new Map([
    [
      'CIN',
      {
        id: 'i-cin',
        code: 'CIN',
        name: 'Children in need',
        unit: 'count',
        askedOf: 'owner',
        agencyId: council.id,
      },
    ],
    [
      'DA',
      {
        id: 'i-da',
        code: 'DA',
        name: 'Domestic abuse',
        unit: 'count',
        askedOf: 'owner',
        agencyId: police.id,
      },
    ],
    [
      'TRAIN',
      {
        id: 'i-tr',
        code: 'TRAIN',
        name: 'Training',
        unit: 'percentage',
        askedOf: 'every-partner',
        agencyId: council.id,
      },
    ],
  ]),
  agencies: new Map([
    ['police', police],
    ['council', council],
  ]),
  mayUseAgency: (id) => id === council.id,
  callQuarter: '2025-07-01',
};
const row = (n: number, agency: string, indicator: string, period: string, value: string) => ({
  row: n,
  agency,
  indicator,
  period,
  value,
});

test('figure values: text, negatives, fractions of a count and percentages over 100 are refused', () => {
  assert.deepEqual(parseFigureValue('2,944', 'count'), { value: 2944 });
  assert.deepEqual(parseFigureValue(' 12.5 ', 'percentage'), { value: 12.5 });
  assert.deepEqual(parseFigureValue('twelve', 'count'), { message: 'Enter a number, not “twelve”' });
  assert.deepEqual(parseFigureValue('-3', 'count'), { message: 'A figure cannot be negative' });
  assert.deepEqual(parseFigureValue('2.5', 'count'), { message: 'A count must be a whole number' });
  assert.deepEqual(parseFigureValue('100.1', 'percentage'), {
    message: 'A percentage cannot be more than 100',
  });
  assert.deepEqual(parseFigureValue('', 'count'), { message: 'Enter a figure' });
  assert.deepEqual(parseFigureValue('1,23', 'count'), { message: 'Enter a number, not “1,23”' });
});

test('a call takes its own quarter and up to ten years before it, never a later one', () => {
  assert.equal(periodProblem('2025-07-01', '2025-07-01'), null);
  assert.equal(periodProblem('2015-07-01', '2025-07-01'), null);
  assert.equal(
    periodProblem('2025-10-01', '2025-07-01'),
    '2025-26 Q3 is after the call’s quarter, 2025-26 Q2',
  );
  assert.equal(
    periodProblem('2015-04-01', '2025-07-01'),
    '2015-16 Q1 is more than ten years before the call’s quarter',
  );
});

test('good rows become figures', () => {
  const result = checkFigures(
    [row(2, 'council', 'cin', '2025-26 Q2', '2944'), row(3, 'Council', 'TRAIN', '2025-04-01', '80')],
    context,
  );
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.figures, [
    { row: 2, agencyId: council.id, indicatorId: 'i-cin', periodStartsOn: '2025-07-01', value: 2944 },
    { row: 3, agencyId: council.id, indicatorId: 'i-tr', periodStartsOn: '2025-04-01', value: 80 },
  ]);
});

test('every problem names its row and column, and one bad row means no figures at all', () => {
  const result = checkFigures(
    [
      row(2, 'council', 'CIN', '2025-26 Q2', '2944'),
      row(3, 'Police', 'DA', '2025-26 Q2', '10'),
      row(4, 'council', 'DA', '2025-26 Q2', '10'),
      row(5, 'council', 'XYZ', '2025-26 Q2', '10'),
      row(6, 'Fire', 'CIN', '2025-26 Q2', '10'),
      row(7, 'council', 'CIN', '2025-26 Q3', '10'),
      row(8, 'council', 'CIN', 'summer', 'lots'),
      row(9, 'council', 'CIN', '2025-07-01', '2,944'),
      row(10, 'council', 'TRAIN', '2025-26 Q2', '101'),
    ],
    context,
  );
  assert.deepEqual(result.figures, []);
  assert.deepEqual(
    result.problems.map((p) => [p.row, p.column, p.message]),
    [
      [3, 'agency', 'You cannot submit figures for Police'],
      [4, 'indicator', 'DA is not asked of Council'],
      [5, 'indicator', '“XYZ” is not an indicator code of the catalogue'],
      [6, 'agency', '“Fire” is not a partner agency'],
      [7, 'period', '2025-26 Q3 is after the call’s quarter, 2025-26 Q2'],
      [8, 'period', 'Enter the quarter like 2025-26 Q2, or its first day like 2025-07-01'],
      [8, 'value', 'Enter a number, not “lots”'],
      [9, 'indicator', 'Repeats row 2: the same agency, indicator and quarter'],
      [10, 'value', 'A percentage cannot be more than 100'],
    ],
  );
});
