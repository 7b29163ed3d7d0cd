/**
 * The statistics conventions of DOMAIN.md (DfE children's social care statistics): rates per 10,000
 * children, the symbols of published tables and small-number suppression. Pure: no I/O.
 */

export const UNITS = ['count', 'percentage', 'rate', 'days'] as const;
export type Unit = (typeof UNITS)[number];
export const UNIT_LABELS: Record<Unit, string> = {
  count: 'Count',
  percentage: 'Percentage',
  rate: 'Rate per 10,000 children',
  days: 'Days',
};

/** DOMAIN.md: counts from 1 to 5 are suppressed by default; a per-partnership setting. */
export const DEFAULT_SUPPRESS_UP_TO = 5;

/** The symbols of published tables (DfE): confidential, not available, not applicable. */
export const SYMBOL = { suppressed: 'c', notAvailable: ':', notApplicable: 'z' } as const;

/**
 * A count as a rate per 10,000 children aged 0-17, to one decimal place, rounded half away from zero.
 * Whole counts are worked in integers, so no binary fraction can tip a rounding: 2,944 children in
 * a population of 72,334 is 407.0.
 */
export function ratePer10k(count: number, population: number): number {
  if (!(population > 0)) throw new RangeError('The population must be a positive number');
  if (Number.isInteger(count) && Number.isInteger(population)) {
    const tenths = (count * 100_000 * 2 + population) / (population * 2);
    return Math.floor(tenths) / 10;
  }
  return Math.round((count / population) * 100_000) / 10;
}

/**
 * Which mid-year population estimate a quarter's rate uses: the one for the year its financial year
 * starts in (the DfE's 2020-21 figures use the mid-2020 estimates).
 */
export function populationYearOf(quarterStart: string): number {
  const year = Number(quarterStart.slice(0, 4));
  const month = Number(quarterStart.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A value as a page shows it: counts and days whole, with thousands separators; rates and percentages to one decimal. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return SYMBOL.notAvailable;
  if (unit === 'percentage') return `${oneDecimal.format(value)}%`;
  if (unit === 'rate') return oneDecimal.format(value);
  return wholeNumber.format(value);
}

/** Is this count small enough to be suppressed (1 to `upTo`; 0 is a true zero and shown)? */
export const isSmallCount = (value: number | null, upTo: number) =>
  value !== null && value > 0 && value <= upTo;

/** One count as published: `c` if suppressed, `:` if not available, else the number. */
export function publishedCount(value: number | null, upTo: number): string {
  if (isSmallCount(value, upTo)) return SYMBOL.suppressed;
  return formatValue(value, 'count');
}

export type SuppressedGroup = { total: string; parts: string[]; secondary: number[] };

/**
 * A total and its parts (plans by category) as published. Primary suppression hides each count from
 * 1 to `upTo`. Secondary suppression: if exactly one part is hidden while the total and the other
 * parts are shown, it could be worked out by subtraction, so the next smallest shown part other than
 * zero is hidden too — or the total, if no such part exists. `secondary` lists the parts hidden so.
 */
export function suppressGroup(total: number | null, parts: (number | null)[], upTo: number): SuppressedGroup {
  const hidden = parts.map((v) => isSmallCount(v, upTo));
  let totalHidden = isSmallCount(total, upTo);
  const secondary: number[] = [];
  const hiddenCount = hidden.filter(Boolean).length;
  if (!totalHidden && total !== null && hiddenCount === 1) {
    let pick = -1;
    parts.forEach((value, i) => {
      if (hidden[i] || value === null || value === 0) return;
      if (pick < 0 || value < (parts[pick] as number)) pick = i;
    });
    if (pick >= 0) {
      hidden[pick] = true;
      secondary.push(pick);
    } else totalHidden = true;
  }
  return {
    total: totalHidden ? SYMBOL.suppressed : formatValue(total, 'count'),
    parts: parts.map((v, i) => (hidden[i] ? SYMBOL.suppressed : formatValue(v, 'count'))),
    secondary,
  };
}
