/**
 * A quarter's data pack for the QA and Performance group, as a document model (made into DOCX or PDF
 * by the platform): compliance, figures not for the quarter, exceptions, every figure, and what the
 * partners said. Pure.
 */
import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { type Block, type DocModel, heading, paragraph, table } from '../../platform/documents/model.ts';
import { COMPLIANCE_LABELS, type Compliance } from './compliance.ts';
import { changeText, type ShownRow } from './presentation.ts';

export type DataPackInput = {
  partnershipName: string;
  /** The first day of the call's quarter. */
  quarter: string;
  agencies: {
    agencyName: string;
    compliance: Compliance;
    asked: number;
    forQuarter: number;
    olderOnly: number;
    missing: number;
  }[];
  outOfPeriod: { agencyName: string; indicatorName: string; periodStartsOn: string }[];
  exceptions: Pick<ShownRow, 'name' | 'valueText' | 'exception'>[];
  figures: Pick<
    ShownRow,
    | 'name'
    | 'valueText'
    | 'rateText'
    | 'stale'
    | 'periodLabel'
    | 'sinceQuarter'
    | 'sinceYear'
    | 'unit'
    | 'england'
  >[];
  narratives: { agencyName: string; narrative: string }[];
};

/** A figure as the pack states it: "48.2 (312.5 per 10,000) for 2025-26 Q4", the last part when stale. */
export function packFigure(r: Pick<ShownRow, 'valueText' | 'rateText' | 'stale' | 'periodLabel'>): string {
  const rate = r.rateText ? ` (${r.rateText} per 10,000)` : '';
  return `${r.valueText}${rate}${r.stale ? ` for ${r.periodLabel}` : ''}`;
}

export function dataPack(input: DataPackInput): DocModel {
  const label = shortQuarterLabel(input.quarter);
  const blocks: Block[] = [
    heading('Compliance return'),
    table(
      ['Agency', 'Status', 'Asked', 'For the quarter', 'Older only', 'Missing'],
      input.agencies.map((a) => [
        a.agencyName,
        COMPLIANCE_LABELS[a.compliance],
        String(a.asked),
        String(a.forQuarter),
        String(a.olderOnly),
        String(a.missing),
      ]),
      [30, 22, 12, 12, 12, 12],
    ),
    heading('Figures not for the quarter'),
    input.outOfPeriod.length
      ? table(
          ['Agency', 'Indicator', 'Quarter of the figure'],
          input.outOfPeriod.map((f) => [f.agencyName, f.indicatorName, shortQuarterLabel(f.periodStartsOn)]),
        )
      : paragraph(`None: every figure sent is for ${label}.`),
    heading('Exceptions'),
    input.exceptions.length
      ? table(
          ['Indicator', 'Figure', 'Why'],
          input.exceptions.map((e) => [e.name, e.valueText, e.exception.join('. ')]),
          [35, 15, 50],
        )
      : paragraph('No exceptions this quarter.'),
    heading('Figures'),
    table(
      ['Indicator', 'Latest', 'Since the quarter before', 'Since a year before', 'England'],
      input.figures.map((r) => [
        r.name,
        packFigure(r),
        changeText(r.sinceQuarter, r.unit),
        changeText(r.sinceYear, r.unit),
        r.england ? `${r.england.value} (${r.england.period})` : ':',
      ]),
      [30, 20, 18, 18, 14],
    ),
    heading('What the partners say'),
    ...(input.narratives.length
      ? input.narratives.flatMap((n) => [heading(n.agencyName, 3), paragraph(n.narrative)])
      : [paragraph('No narratives were submitted.')]),
  ];
  return {
    title: `Data pack for ${label}`,
    subtitle: `${input.partnershipName}: for the QA and Performance group`,
    footer: `Data pack ${label}, ${input.partnershipName}`,
    blocks,
  };
}
