/**
 * A dashboard row as a page, a table or an export shows it: the figure, its rate per 10,000, the two
 * comparisons read by polarity, the benchmarks and whether it is for the quarter asked about. Pure.
 */
import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { type Change, changeOf, exceptionReasons } from './comparisons.ts';
import { isOutOfPeriod } from './compliance.ts';
import type { DashboardRow } from './dashboard-repo.ts';
import { formatValue, populationYearOf, ratePer10k, type Unit } from './statistics.ts';

/** A dashboard row as the database gives it. */
export type RowInput = DashboardRow;

export type ShownRow = RowInput & {
  periodLabel: string | null;
  /** The latest figure is for an older quarter than the one asked about. */
  stale: boolean;
  valueText: string;
  rate: number | null;
  rateText: string | null;
  sinceQuarter: Change | null;
  sinceYear: Change | null;
  exception: string[];
  /** A count asked of every partner whose latest quarter has fewer agencies' figures than the one before. */
  incomplete: boolean;
};

/**
 * The population for a quarter's rate: its year's estimate, or the latest before it; none for a
 * quarter before the first estimate (its rate is then not available, not worked on a later base).
 */
export function populationFor(populations: readonly { year: number; children: number }[], quarter: string) {
  const year = populationYearOf(quarter);
  let found: number | null = null;
  for (const p of populations) if (p.year <= year) found = p.children;
  return found;
}

export function showRow(
  row: RowInput,
  quarter: string,
  populations: readonly { year: number; children: number }[],
): ShownRow {
  const population = row.per10k && row.period ? populationFor(populations, row.period) : null;
  const rate = row.value !== null && population ? ratePer10k(row.value, population) : null;
  const incomplete =
    row.askedOf === 'every-partner' &&
    row.unit === 'count' &&
    row.agencies !== null &&
    row.previousAgencies !== null &&
    row.agencies < row.previousAgencies;
  return {
    ...row,
    periodLabel: row.period ? shortQuarterLabel(row.period) : null,
    stale: isOutOfPeriod(row.period, quarter),
    valueText: formatValue(row.value, row.unit),
    rate,
    rateText: rate === null ? null : formatValue(rate, 'rate'),
    sinceQuarter: changeOf(row.value, row.previous, row.polarity),
    sinceYear: changeOf(row.value, row.lastYear, row.polarity),
    // A sum of fewer agencies than the quarter before is not a fall: no exception until they are in.
    incomplete,
    exception: row.period === quarter && !incomplete ? exceptionReasons(row, row.value, row.previous) : [],
  };
}

const signed = (n: number, unit: Unit) => {
  const text = formatValue(Math.abs(n), unit === 'percentage' ? 'rate' : unit);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
};

/** A change in words, for pages and exports: '+12 (4.1%), worse'. */
export function changeText(change: Change | null, unit: Unit): string {
  if (!change) return 'No comparison';
  if (change.direction === 'same') return 'No change';
  const points = unit === 'percentage' ? ' points' : '';
  const percent =
    change.percent === null || unit === 'percentage' ? '' : ` (${signed(change.percent, 'rate')}%)`;
  const judged = change.judgement === 'better' ? ', better' : change.judgement === 'worse' ? ', worse' : '';
  return `${signed(change.difference, unit)}${points}${percent}${judged}`;
}
