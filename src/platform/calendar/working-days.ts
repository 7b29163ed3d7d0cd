import Holidays from 'date-holidays';

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays (substitute days
 * included). The holidays come from the `date-holidays` rules for GB-ENG, which compute any year,
 * including the one-off days (the 2020 VE day move, the 2022 jubilee and funeral, the 2023
 * coronation). Dates are ISO strings ('YYYY-MM-DD') throughout: no time zone can shift them.
 */
const holidays = new Holidays('GB', 'ENG');
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of a year, as ISO dates (cached: the rules are slow to evaluate). */
export function bankHolidays(year: number): ReadonlySet<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    // The holiday's own `date` string is the calendar day in England; its Date objects are
    // instants in London time, which a UTC server would read as the day before in summer.
    days = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

const toUtc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

export function isWorkingDay(iso: string): boolean {
  const weekday = toUtc(iso).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The Nth working day after a date, which is day 0 whatever day it is ("within 5 working days of
 * becoming aware" is due on the 5th working day after). N below 0 counts back: the Nth working
 * day before the date. N = 0 gives the date itself.
 */
export function addWorkingDays(iso: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let day = iso;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * The same day N months later, or the month's last day when it has no such day
 * (31 August + 6 months is 28 or 29 February).
 */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return toIso(first);
}
