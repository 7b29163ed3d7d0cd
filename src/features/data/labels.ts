import { shortQuarterLabel } from '../../platform/calendar/quarters.ts';
import { labelledChoices } from '../../platform/views/choices.ts';
import { AREA_KIND_LABELS } from './benchmarks.ts';
import { POLARITIES, POLARITY_LABELS } from './comparisons.ts';
import { COMPLIANCE_LABELS } from './compliance.ts';
import { UNIT_LABELS, UNITS } from './statistics.ts';

/** The names the dashboard's pages show, and the choices of their forms. */
export const labels = {
  unitLabels: UNIT_LABELS,
  unitChoices: labelledChoices(UNITS, UNIT_LABELS),
  polarityLabels: POLARITY_LABELS,
  polarityChoices: labelledChoices(POLARITIES, POLARITY_LABELS),
  askedOfChoices: [
    { value: 'owner', text: 'The owner agency only' },
    { value: 'every-partner', text: 'Every partner agency (each sends its own figure)' },
  ],
  complianceLabels: COMPLIANCE_LABELS,
  complianceTags: {
    'on-time': 'govuk-tag--green',
    late: 'govuk-tag--yellow',
    partly: 'govuk-tag--orange',
    'partly-late': 'govuk-tag--orange',
    draft: 'govuk-tag--grey',
    awaited: 'govuk-tag--blue',
    missing: 'govuk-tag--red',
  },
  areaKindLabels: AREA_KIND_LABELS,
  judgementText: { better: 'better', worse: 'worse', 'no-change': 'no change', 'no-judgement': 'not judged' },
  quarterName: shortQuarterLabel,
};

/** Quarters for a select: the newest first, from `from` back `count` quarters. */
export function recentQuarters(from: string, count: number, add: (q: string, n: number) => string) {
  return Array.from({ length: count }, (_, i) => {
    const q = add(from, -i);
    return { value: q, text: shortQuarterLabel(q) };
  });
}
