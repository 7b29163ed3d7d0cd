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
} from './rules.ts';

const options = <K extends string>(keys: readonly K[], names: Record<K, string>) =>
  keys.map((value) => ({ value, text: names[value] }));

/** The names the plan's pages show, and the choices of their forms and filters. */
export const labels = {
  statusLabels: ACTION_STATUS_LABELS,
  statusChoices: options(ACTION_STATUSES, ACTION_STATUS_LABELS),
  statusFilter: [
    { value: 'open', text: 'Not yet completed' },
    ...options(ACTION_STATUSES, ACTION_STATUS_LABELS),
  ],
  sourceKindLabels: SOURCE_KIND_LABELS,
  sourceKindChoices: options(SOURCE_KINDS, SOURCE_KIND_LABELS),
  manualSourceKinds: options(MANUAL_SOURCE_KINDS, SOURCE_KIND_LABELS),
  evidenceKindLabels: EVIDENCE_KIND_LABELS,
  evidenceKinds: options(EVIDENCE_KINDS, EVIDENCE_KIND_LABELS),
  duePeriods: options(DUE_PERIODS, DUE_PERIOD_LABELS),
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
