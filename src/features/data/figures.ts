/**
 * The checks every figure goes through, whether typed on the page, pushed through the API or read
 * from an uploaded template: the same messages, naming the row and column. Pure: no I/O.
 */
import { addQuarters, parseQuarter, shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import type { Unit } from './statistics.ts';

/** The columns of the upload template, in order. */
export const FIGURE_COLUMNS = ['agency', 'indicator', 'period', 'value'] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** A call takes figures for its quarter and, to fill a series back, for up to ten years before it. */
export const BACK_QUARTERS = 40;

/** The most rows one upload may hold. */
export const MAX_UPLOAD_ROWS = 100_000;

export type FigureRowInput = {
  row: number;
  agency: string;
  indicator: string;
  period: string;
  value: string;
};
export type IndicatorRef = {
  id: string;
  code: string;
  name: string;
  unit: Unit;
  askedOf: 'owner' | 'every-partner';
  agencyId: string;
};
export type AgencyRef = { id: string; name: string };
export type Figure = {
  row: number;
  agencyId: string;
  indicatorId: string;
  periodStartsOn: string;
  value: number;
};
export type FigureProblem = { row: number; column: FigureColumn; message: string };

/** Is this indicator asked of this agency: its owner always, every partner if it says so. */
export const isAskedOf = (indicator: Pick<IndicatorRef, 'askedOf' | 'agencyId'>, agencyId: string) =>
  indicator.askedOf === 'every-partner' || indicator.agencyId === agencyId;

/** A figure's text as a number for its unit, or what is wrong with it. Thousands separators are allowed. */
export function parseFigureValue(text: string, unit: Unit): { value: number } | { message: string } {
  const cleaned = text.trim().replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (cleaned === '') return { message: 'Enter a figure' };
  if (!/^-?\d+(?:\.\d+)?$/.test(cleaned))
    return { message: `Enter a number, not “${text.trim().slice(0, 40)}”` };
  const value = Number(cleaned);
  if (value < 0) return { message: 'A figure cannot be negative' };
  if (unit === 'count' && !Number.isInteger(value)) return { message: 'A count must be a whole number' };
  if (unit === 'percentage' && value > 100) return { message: 'A percentage cannot be more than 100' };
  if (value > 1e12) return { message: 'The figure is too large' };
  return { value };
}

/** What is wrong with a figure's quarter for a call, or nothing. */
export function periodProblem(periodStartsOn: string, callQuarter: string): string | null {
  if (periodStartsOn > callQuarter)
    return `${shortQuarterLabel(periodStartsOn)} is after the call’s quarter, ${shortQuarterLabel(callQuarter)}`;
  const earliest = addQuarters(callQuarter, -BACK_QUARTERS);
  if (periodStartsOn < earliest)
    return `${shortQuarterLabel(periodStartsOn)} is more than ten years before the call’s quarter`;
  return null;
}

export type FigureContext = {
  /** By upper-case code. */
  indicators: ReadonlyMap<string, IndicatorRef>;
  /** By lower-case name. */
  agencies: ReadonlyMap<string, AgencyRef>;
  /** May the caller submit for this agency (its own, or any for the business unit)? */
  mayUseAgency: (agencyId: string) => boolean;
  callQuarter: string;
};

/**
 * Checks rows of figures. Every problem is reported (up to the caller to show the first few), and
 * the figures are given only when there are none: a bad upload changes nothing.
 */
export function checkFigures(
  rows: Iterable<FigureRowInput>,
  context: FigureContext,
): { figures: Figure[]; problems: FigureProblem[] } {
  const figures: Figure[] = [];
  const problems: FigureProblem[] = [];
  const seen = new Map<string, number>();
  for (const input of rows) {
    const { row } = input;
    const before = problems.length;
    const agency = context.agencies.get(input.agency.trim().toLowerCase());
    if (!input.agency.trim()) problems.push({ row, column: 'agency', message: 'Enter the agency' });
    else if (!agency)
      problems.push({
        row,
        column: 'agency',
        message: `“${input.agency.trim().slice(0, 80)}” is not a partner agency`,
      });
    else if (!context.mayUseAgency(agency.id))
      problems.push({ row, column: 'agency', message: `You cannot submit figures for ${agency.name}` });
    const indicator = context.indicators.get(input.indicator.trim().toUpperCase());
    if (!input.indicator.trim())
      problems.push({ row, column: 'indicator', message: 'Enter the indicator’s code' });
    else if (!indicator)
      problems.push({
        row,
        column: 'indicator',
        message: `“${input.indicator.trim().slice(0, 40)}” is not an indicator code of the catalogue`,
      });
    else if (agency && !isAskedOf(indicator, agency.id))
      problems.push({
        row,
        column: 'indicator',
        message: `${indicator.code} is not asked of ${agency.name}`,
      });
    const period = parseQuarter(input.period);
    if (!input.period.trim()) problems.push({ row, column: 'period', message: 'Enter the quarter' });
    else if (!period)
      problems.push({
        row,
        column: 'period',
        message: 'Enter the quarter like 2025-26 Q2, or its first day like 2025-07-01',
      });
    else {
      const outside = periodProblem(period, context.callQuarter);
      if (outside) problems.push({ row, column: 'period', message: outside });
    }
    const parsed = parseFigureValue(input.value, indicator?.unit ?? 'rate');
    if ('message' in parsed) problems.push({ row, column: 'value', message: parsed.message });
    if (problems.length > before || !agency || !indicator || !period || 'message' in parsed) continue;
    const key = `${agency.id} ${indicator.id} ${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row,
        column: 'indicator',
        message: `Repeats row ${first}: the same agency, indicator and quarter`,
      });
      continue;
    }
    seen.set(key, row);
    figures.push({
      row,
      agencyId: agency.id,
      indicatorId: indicator.id,
      periodStartsOn: period,
      value: parsed.value,
    });
  }
  return { figures: problems.length ? [] : figures, problems };
}
