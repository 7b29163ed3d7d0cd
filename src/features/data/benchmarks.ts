/**
 * Reading published benchmark series (DfE tables as republished in tidy CSV: one row per area, period
 * and indicator) into the values the dashboard compares with. Pure: no I/O.
 */
import { isQuarterStart, parseQuarter, quarterEnd } from '../../platform/calendar/quarters.ts';

/** The columns a benchmark file must have; others (measure, unit …) are ignored. */
export const BENCHMARK_COLUMNS = ['area_code', 'area_name', 'period', 'indicator', 'value'] as const;
export type BenchmarkColumn = (typeof BENCHMARK_COLUMNS)[number];

export const ENGLAND_CODE = 'E92000001';
export const AREA_KINDS = ['area', 'england', 'region', 'neighbour'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  area: 'This area',
  england: 'England',
  region: 'Region',
  neighbour: 'Statistical neighbours',
};

/** Published symbols for a value that is not given (DfE and ONS): the row is skipped, not refused. */
const NOT_GIVEN = new Set(['c', ':', 'z', 'x', '..', '.', 'u', 'low', 'n/a', 'na', '']);

/** The most statistical neighbours a partnership lists (DfE's model gives 10, CIPFA's 15). */
export const MAX_NEIGHBOURS = 15;

export type Areas = {
  /** The area's own ONS code, its region's and its statistical neighbours'. */
  areaCode: string;
  regionCode: string;
  neighbours: ReadonlySet<string>;
};

/**
 * What an ONS code is to this partnership: England, itself, its region, one of its statistical
 * neighbours, or none of these (null: its figures are not kept).
 */
export function areaKindOf(code: string, areas: Areas): AreaKind | null {
  if (code === ENGLAND_CODE) return 'england';
  if (areas.areaCode && code === areas.areaCode) return 'area';
  if (areas.regionCode && code === areas.regionCode) return 'region';
  if (areas.neighbours.has(code)) return 'neighbour';
  return null;
}

/**
 * The last day of a published period: a financial year '2017/18' or '2017-18' ends on 31 March 2018;
 * a calendar year '2020' on 31 December; a quarter '2025-26 Q2' on its last day; a date is itself.
 */
export function periodEnd(text: string): string | null {
  const value = text.trim();
  const year = /^(\d{4})[/-](\d{2})$/.exec(value);
  if (year) {
    const start = Number(year[1]);
    return (start + 1) % 100 === Number(year[2]) ? `${start + 1}-03-31` : null;
  }
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !isQuarterStart(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
  }
  const quarter = parseQuarter(value);
  return quarter ? quarterEnd(quarter) : null;
}

export type BenchmarkRowInput = { row: number; cells: Record<BenchmarkColumn, string> };
export type BenchmarkProblem = { row: number; column: BenchmarkColumn; message: string };
export type CheckedBenchmark = {
  indicatorId: string;
  areaKind: AreaKind;
  areaCode: string;
  areaName: string;
  period: string;
  periodEndsOn: string;
  value: number;
};

/**
 * Checks benchmark rows: the indicator by its code or name, the area by its ONS code, the period,
 * and the value. Values published as suppressed or not available are skipped. All or nothing.
 */
export function checkBenchmarks(
  rows: Iterable<BenchmarkRowInput>,
  context: {
    /** Indicators by upper-case code and by lower-case name. */
    indicators: ReadonlyMap<string, { id: string; unit: string }>;
  } & Areas,
): {
  values: CheckedBenchmark[];
  problems: BenchmarkProblem[];
  skipped: number;
  otherAreas: number;
  neighbours: { code: string; name: string }[];
} {
  const list = [...rows];
  // With no neighbours listed yet, a file of an area's neighbours (as DfE's tool gives) lists them:
  // every area in it but England, the area and its region, if there are no more than a model gives.
  let areas: Areas = context;
  const found: { code: string; name: string }[] = [];
  if (context.neighbours.size === 0) {
    const others = new Map<string, string>();
    for (const { cells } of list) {
      const code = cells.area_code.trim().toUpperCase();
      if (/^[EWSNK]\d{8}$/.test(code) && !/^E12/.test(code) && areaKindOf(code, context) === null)
        others.set(code, cells.area_name.trim());
    }
    if (others.size > MAX_NEIGHBOURS)
      return {
        values: [],
        problems: [
          {
            row: 1,
            column: 'area_code',
            message: `The file has figures for ${others.size} other areas: list the area’s statistical neighbours in the settings first, and only theirs are imported`,
          },
        ],
        skipped: 0,
        otherAreas: 0,
        neighbours: [],
      };
    for (const [code, name] of others) found.push({ code, name });
    areas = { ...context, neighbours: new Set(others.keys()) };
  }
  const values: CheckedBenchmark[] = [];
  const problems: BenchmarkProblem[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  let otherAreas = 0;
  for (const { row, cells } of list) {
    const before = problems.length;
    const key = cells.indicator.trim();
    const indicator = context.indicators.get(key.toUpperCase()) ?? context.indicators.get(key.toLowerCase());
    if (!indicator)
      problems.push({
        row,
        column: 'indicator',
        message: `“${key.slice(0, 80)}” is not an indicator of the catalogue`,
      });
    const code = cells.area_code.trim().toUpperCase();
    if (!/^[EWSNK]\d{8}$/.test(code))
      problems.push({
        row,
        column: 'area_code',
        message: 'The area code must be an ONS code like E09000030',
      });
    const name = cells.area_name.trim();
    if (!name) problems.push({ row, column: 'area_name', message: 'Enter the area’s name' });
    const ends = periodEnd(cells.period);
    if (!ends)
      problems.push({
        row,
        column: 'period',
        message: 'Enter the period like 2020/21, 2020, 2025-26 Q2 or a date',
      });
    const raw = cells.value.trim().replace(/,/g, '');
    if (NOT_GIVEN.has(raw.toLowerCase())) {
      if (problems.length === before) skipped += 1;
      continue;
    }
    const value = /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isNaN(value))
      problems.push({ row, column: 'value', message: `Enter a number, not “${raw.slice(0, 40)}”` });
    else if (value < 0) problems.push({ row, column: 'value', message: 'A value cannot be negative' });
    else if (indicator?.unit === 'percentage' && value > 100)
      problems.push({ row, column: 'value', message: 'A percentage cannot be more than 100' });
    if (problems.length > before || !indicator || !ends) continue;
    const kind = areaKindOf(code, areas);
    if (kind === null) {
      otherAreas += 1;
      continue;
    }
    const id = `${indicator.id} ${code} ${ends}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        row,
        column: 'area_code',
        message: `Repeats row ${first}: the same indicator, area and period`,
      });
      continue;
    }
    seen.set(id, row);
    values.push({
      indicatorId: indicator.id,
      areaKind: kind,
      areaCode: code,
      areaName: name,
      period: cells.period.trim(),
      periodEndsOn: ends,
      value,
    });
  }
  return { values: problems.length ? [] : values, problems, skipped, otherAreas, neighbours: found };
}
