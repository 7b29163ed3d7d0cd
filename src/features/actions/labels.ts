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
