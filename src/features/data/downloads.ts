/**
 * What each of the data downloads holds: its columns, and each row's cells as the page beside it shows
 * them. Pure: the routes read, these shape, the senders write (CSV, XLSX, DOCX or PDF).
 */
import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import type { Cell } from '../../platform/http/csv.ts';
import type { TableColumn } from '../../platform/http/table-download.ts';
import { COMPLIANCE_LABELS, type Compliance } from './compliance.ts';
import { changeText, type ShownRow } from './presentation.ts';

type Column<R> = TableColumn & { cell: (row: R) => Cell };

/** A table's columns for the senders, and one row's cells in their order. */
function tableOf<R>(columns: Column<R>[]) {
  return {
    columns: columns.map(({ header, width }) => ({ header, width })),
    cells: (row: R): Cell[] => columns.map((c) => c.cell(row)),
  };
}

/** The dashboard, any view of it: every figure with its comparisons and benchmarks. */
export const dashboardTable = tableOf<ShownRow>([
  { header: 'Code', width: 14, cell: (r) => r.code },
  { header: 'Indicator', width: 44, cell: (r) => r.name },
  { header: 'Owner', width: 28, cell: (r) => r.agencyName },
  { header: 'Unit', width: 12, cell: (r) => r.unit },
  { header: 'Quarter of the figure', width: 14, cell: (r) => r.periodLabel },
  { header: 'Not for the quarter asked', width: 12, cell: (r) => (r.stale ? 'yes' : 'no') },
  { header: 'Figure', width: 12, cell: (r) => r.value },
  { header: 'Rate per 10,000', width: 12, cell: (r) => r.rate },
  { header: 'Previous quarter', width: 12, cell: (r) => r.previous },
  { header: 'Change since previous quarter', width: 24, cell: (r) => changeText(r.sinceQuarter, r.unit) },
  { header: 'Same quarter last year', width: 12, cell: (r) => r.lastYear },
  { header: 'Change since last year', width: 24, cell: (r) => changeText(r.sinceYear, r.unit) },
  { header: 'England', width: 10, cell: (r) => r.england?.value ?? null },
  { header: 'Region', width: 10, cell: (r) => r.region?.value ?? null },
  { header: 'Statistical neighbours (average)', width: 14, cell: (r) => r.neighbours?.value ?? null },
]);

/** The exceptions of a quarter, with why each is one and its escalation's reference. */
export const exceptionsTable = tableOf<
  Pick<
    ShownRow,
    'code' | 'name' | 'agencyName' | 'value' | 'rate' | 'sinceQuarter' | 'unit' | 'exception'
  > & {
    escalation: { number: number } | null;
  }
>([
  { header: 'Code', width: 14, cell: (r) => r.code },
  { header: 'Indicator', width: 44, cell: (r) => r.name },
  { header: 'Owner', width: 28, cell: (r) => r.agencyName },
  { header: 'Figure', width: 12, cell: (r) => r.value },
  { header: 'Rate per 10,000', width: 12, cell: (r) => r.rate },
  { header: 'Change since previous quarter', width: 24, cell: (r) => changeText(r.sinceQuarter, r.unit) },
  { header: 'Why it is an exception', width: 50, cell: (r) => r.exception.join('. ') },
  { header: 'Escalated as', width: 12, cell: (r) => (r.escalation ? `ESC-${r.escalation.number}` : null) },
]);

/** A call's return by indicator: of the agencies asked, how many sent a figure for which quarter. */
export const returnByIndicatorTable = tableOf<{
  code: string;
  name: string;
  asked: number;
  forQuarter: number;
  olderOnly: number;
  missing: number;
}>([
  { header: 'Code', width: 14, cell: (r) => r.code },
  { header: 'Indicator', width: 44, cell: (r) => r.name },
  { header: 'Agencies asked', width: 12, cell: (r) => r.asked },
  { header: 'For the quarter', width: 12, cell: (r) => r.forQuarter },
  { header: 'Older quarter only', width: 12, cell: (r) => r.olderOnly },
  { header: 'None yet', width: 12, cell: (r) => r.missing },
]);

/**
 * A call's compliance return, one row an agency, with how many of its figures are only for an older
 * quarter (the figures themselves are in the call's pack and on its page).
 */
export const complianceTable = tableOf<{
  agencyName: string;
  compliance: Compliance;
  submittedOn: string | null;
  asked: number;
  forQuarter: number;
  olderOnly: number;
  missing: number;
}>([
  { header: 'Agency', width: 40, cell: (r) => r.agencyName },
  { header: 'Status', width: 16, cell: (r) => COMPLIANCE_LABELS[r.compliance] },
  { header: 'Submitted on', width: 16, cell: (r) => r.submittedOn },
  { header: 'Asked', width: 16, cell: (r) => r.asked },
  { header: 'For the quarter', width: 16, cell: (r) => r.forQuarter },
  { header: 'Older quarter only', width: 16, cell: (r) => r.olderOnly },
  { header: 'Missing', width: 16, cell: (r) => r.missing },
]);

/** The published view as the public page shows it: suppressed figures stay suppressed. */
export const publishedTable = tableOf<{
  name: string;
  value: number | string | null;
  rate: number | string | null;
  periodLabel: string | null;
}>([
  { header: 'Indicator', width: 50, cell: (r) => r.name },
  { header: 'Figure', width: 16, cell: (r) => r.value },
  { header: 'Rate per 10,000 children', width: 16, cell: (r) => r.rate },
  { header: 'Quarter', width: 16, cell: (r) => r.periodLabel ?? ':' },
]);

export const INDICATOR_COLUMNS: TableColumn[] = [
  { header: 'Table', width: 22 },
  { header: 'Area or agency', width: 40 },
  { header: 'Quarter or period', width: 16 },
  { header: 'Figure', width: 12 },
  { header: 'Rate per 10,000', width: 14 },
];

/**
 * An indicator's page as one table: the partnership's series by quarter, each agency's figure for the
 * latest quarter, and the benchmarks. A benchmark of a rate indicator is itself a rate, so it goes in
 * the rate column; of a count or a percentage, in the figure column.
 */
export function indicatorRows(
  area: string,
  found: {
    indicator: { per10k: boolean };
    series: { label: string; value: number; rate: number | null }[];
    latest: { period: string } | null;
    agencies: { agencyName: string; value: number }[];
    benchmarks: { areaName: string; period: string; value: number }[];
  },
): Cell[][] {
  const latest = found.latest ? shortQuarterLabel(found.latest.period) : null;
  const per10k = found.indicator.per10k;
  return [
    ...found.series.map((p): Cell[] => ['By quarter', area, p.label, p.value, p.rate]),
    ...found.agencies.map((a): Cell[] => ['Each agency', a.agencyName, latest, a.value, null]),
    ...found.benchmarks.map((b): Cell[] => [
      'Benchmark',
      b.areaName,
      b.period,
      per10k ? null : b.value,
      per10k ? b.value : null,
    ]),
  ];
}
