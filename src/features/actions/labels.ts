import { labelledChoices } from '../../platform/views/choices.ts';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  DUE_PERIOD_LABELS,
  DUE_PERIODS,
  EVIDENCE_KIND_LABELS,
  EVIDENCE_KINDS,
  MANUAL_SOURCE_KINDS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type SourceKind,
} from './rules.ts';

/** The names the plan's pages show, and the choices of their forms and filters. */
export const labels = {
  statusLabels: ACTION_STATUS_LABELS,
  statusChoices: labelledChoices(ACTION_STATUSES, ACTION_STATUS_LABELS),
  statusFilter: [
    { value: 'open', text: 'Not yet completed' },
    ...labelledChoices(ACTION_STATUSES, ACTION_STATUS_LABELS),
  ],
  sourceKindLabels: SOURCE_KIND_LABELS,
  sourceKindChoices: labelledChoices(SOURCE_KINDS, SOURCE_KIND_LABELS),
  manualSourceKinds: labelledChoices(MANUAL_SOURCE_KINDS, SOURCE_KIND_LABELS),
  evidenceKindLabels: EVIDENCE_KIND_LABELS,
  evidenceKinds: labelledChoices(EVIDENCE_KINDS, EVIDENCE_KIND_LABELS),
  duePeriods: labelledChoices(DUE_PERIODS, DUE_PERIOD_LABELS),
  /** Tag colours of the statuses, as GOV.UK tag classes. */
  statusTags: {
    proposed: 'govuk-tag--grey',
    agreed: 'govuk-tag--blue',
    'in-progress': 'govuk-tag--light-blue',
    completed: 'govuk-tag--turquoise',
    embedded: 'govuk-tag--green',
    merged: 'govuk-tag--grey',
  },
};

/**
 * An action's sources on one line, as the plan's table shows them under the action: "Practice review:
 * Child R; Audit: Neglect 2025". Made here rather than by a loop in the template, which
 * cost a sixth of the page's rendering (nunjucks sets eight loop variables each time round).
 */
export const sourcesLine = (sources: readonly { kind: SourceKind; title: string }[]) =>
  sources.map((s) => `${SOURCE_KIND_LABELS[s.kind]}: ${s.title}`).join('; ');
