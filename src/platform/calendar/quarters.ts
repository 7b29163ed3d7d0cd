/**
 * Financial-year quarters, as the partnership plans and reports by them: the year runs April to
 * March, and April to June is Q1. A quarter is named by its first day ('2026-10-01'); dates are ISO
 * strings throughout, so no time zone can shift them.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');
const yearMonth = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))] as const;

/** The first day of the quarter a date falls in. */
export function quarterStart(iso: string): string {
  const [year, month] = yearMonth(iso);
  return `${year}-${pad(month - ((month - 1) % 3))}-01`;
}

/** Is the date the first day of a quarter (1 January, April, July or October)? */
export const isQuarterStart = (iso: string): boolean => /^\d{4}-(?:01|04|07|10)-01$/.test(iso);

/** The financial year a date falls in, named by the year it starts: 2026 for April 2026 to March 2027. */
export function financialYearOf(iso: string): number {
  const [year, month] = yearMonth(iso);
  return month >= 4 ? year : year - 1;
}

/** '2026 to 2027', the GOV.UK style of a financial year. */
export const financialYearLabel = (year: number) => `${year} to ${year + 1}`;

/** The first day of a financial year and the first day of the next one (exclusive). */
export const financialYearBounds = (year: number) => ({ from: `${year}-04-01`, to: `${year + 1}-04-01` });

/** 1 to 4: Q1 is April to June, Q4 January to March. */
export function quarterNumber(start: string): number {
  const [, month] = yearMonth(start);
  return month >= 4 ? (month - 1) / 3 : 4;
}

/** 'Q3 2026 to 2027 (October to December 2026)', from the quarter's first day. */
export function quarterLabel(start: string): string {
  const [year, month] = yearMonth(start);
  const months = `${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year}`;
  return `Q${quarterNumber(start)} ${financialYearLabel(financialYearOf(start))} (${months})`;
}

/** The quarters of the financial years `fromYear` to `toYear`, in order, as choices for a select. */
export function quarterChoices(fromYear: number, toYear: number): { value: string; text: string }[] {
  const choices: { value: string; text: string }[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const start of [`${year}-04-01`, `${year}-07-01`, `${year}-10-01`, `${year + 1}-01-01`])
      choices.push({ value: start, text: quarterLabel(start) });
  }
  return choices;
}

/** The quarter `n` quarters after (or, negative, before) the one starting on `start`. */
export function addQuarters(start: string, n: number): string {
  const [year, month] = yearMonth(start);
  const index = year * 4 + Math.floor((month - 1) / 3) + n;
  return `${Math.floor(index / 4)}-${pad((index % 4) * 3 + 1)}-01`;
}

/** The last day of the quarter starting on `start`. */
export function quarterEnd(start: string): string {
  const next = addQuarters(start, 1);
  const day = new Date(`${next}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** '2025-26 Q2', the short name statisticians give a financial quarter, from its first day. */
export function shortQuarterLabel(start: string): string {
  const year = financialYearOf(start);
  return `${year}-${pad((year + 1) % 100)} Q${quarterNumber(start)}`;
}

/** A quarter in a file's name: '2025-26-Q2'. */
export const quarterFileLabel = (start: string) => shortQuarterLabel(start).replace(' ', '-');

/**
 * A quarter as people write it in a spreadsheet — '2025-26 Q2', '2025/26 Q2', 'Q2 2025-26' or its
 * first day '2025-07-01' — as its first day; null if it is none of these.
 */
export function parseQuarter(text: string): string | null {
  const value = text.trim();
  if (isQuarterStart(value)) return value;
  const match =
    /^(\d{4})[-/](\d{2})\s*Q([1-4])$/i.exec(value) ?? /^Q([1-4])\s*(\d{4})[-/](\d{2})$/i.exec(value);
  if (!match) return null;
  const [year, next, q] = value.toUpperCase().startsWith('Q')
    ? [Number(match[2]), Number(match[3]), Number(match[1])]
    : [Number(match[1]), Number(match[2]), Number(match[3])];
  if ((year + 1) % 100 !== next) return null;
  return addQuarters(`${year}-04-01`, q - 1);
}
