import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, addWorkingDays, bankHolidays, isWorkingDay } from './working-days.ts';

describe('working days in England and Wales', () => {
  // Each row: the day the partnership became aware (day 0), N, the Nth working day after it.
  const cases: [string, string, number, string][] = [
    // Christmas and New Year, with substitute days when they fall at a weekend
    ['Christmas 2020: Boxing Day on a Saturday, substitute Monday 28th', '2020-12-21', 5, '2020-12-30'],
    ['Christmas 2021: both days at the weekend, substitutes 27th and 28th', '2021-12-23', 5, '2022-01-04'],
    ['Christmas 2022: Christmas on a Sunday, substitute 27th; 2 January 2023', '2022-12-23', 5, '2023-01-04'],
    ['Christmas 2023 and New Year 2024', '2023-12-22', 5, '2024-01-03'],
    ['a 15-day rapid review across Christmas 2024', '2024-12-16', 15, '2025-01-09'],
    ['awareness on Christmas Day 2025', '2025-12-25', 5, '2026-01-05'],
    ['Christmas 2040, far ahead', '2040-12-24', 2, '2040-12-28'],
    // Easter
    ['Easter 2021: Good Friday 2 April, Easter Monday 5 April', '2021-04-01', 5, '2021-04-12'],
    ['Easter 2022 and the early May bank holiday, over 15 days', '2022-04-14', 15, '2022-05-10'],
    ['Easter 2026: 3 and 6 April', '2026-04-02', 5, '2026-04-13'],
    // Early May
    [
      'early May 2020, moved to Friday 8 May for VE day (4 May was a working day)',
      '2020-05-01',
      5,
      '2020-05-11',
    ],
    ['early May 2023 and the coronation on 8 May', '2023-04-28', 5, '2023-05-09'],
    ['early May 2026', '2026-05-01', 1, '2026-05-05'],
    // August
    ['August 2021', '2021-08-27', 5, '2021-09-06'],
    ['August 2024', '2024-08-23', 1, '2024-08-27'],
    ['August 2026, over 15 days', '2026-08-28', 15, '2026-09-21'],
    // One-off days of 2022
    ['the platinum jubilee, 2 and 3 June 2022', '2022-06-01', 1, '2022-06-06'],
    ['the state funeral, 19 September 2022', '2022-09-16', 1, '2022-09-20'],
    // Day 0 on a weekend
    ['awareness on a Saturday', '2025-11-22', 5, '2025-11-28'],
    ['no days', '2025-11-22', 0, '2025-11-22'],
  ];
  for (const [name, aware, n, due] of cases) {
    it(`${name}: ${aware} + ${n} working days is ${due}`, () => {
      assert.equal(addWorkingDays(aware, n), due);
    });
  }

  it('counts back: 5 working days before 4 January 2022 is 23 December 2021', () => {
    assert.equal(addWorkingDays('2022-01-04', -5), '2021-12-23');
  });

  it('knows weekends and bank holidays, and that an ordinary Monday works', () => {
    assert.equal(isWorkingDay('2025-11-22'), false);
    assert.equal(isWorkingDay('2025-11-23'), false);
    assert.equal(isWorkingDay('2025-11-24'), true);
    assert.equal(isWorkingDay('2026-08-31'), false);
    assert.equal(isWorkingDay('2020-05-04'), true);
  });

  it('has eight bank holidays in an ordinary year, for years far ahead too', () => {
    for (const year of [2025, 2026, 2031, 2045]) assert.equal(bankHolidays(year).size >= 8, true);
    // Weekend days with a substitute are listed but change nothing.
    assert.ok(bankHolidays(2026).has('2026-12-28'));
  });

  it('adds months, ending on the last day of a shorter month', () => {
    assert.equal(addMonths('2021-01-15', 6), '2021-07-15');
    assert.equal(addMonths('2021-08-31', 6), '2022-02-28');
    assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
    assert.equal(addMonths('2021-10-31', 12), '2022-10-31');
  });
});
