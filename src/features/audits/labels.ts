import { labelledChoices } from '../../platform/views/choices.ts';
import {
  AREA_LABELS,
  AREAS,
  AUDIT_STATUS_LABELS,
  AUDIT_STATUSES,
  AUDIT_TYPE_LABELS,
  AUDIT_TYPES,
  GRADE_LABELS,
  GRADES,
  PARTNERSHIP_LED_TYPES,
} from './rules.ts';

/** The names the audit pages show, and the choices of their forms and filters. */
export const labels = {
  typeLabels: AUDIT_TYPE_LABELS,
  typeChoices: labelledChoices(AUDIT_TYPES, AUDIT_TYPE_LABELS),
  statusLabels: AUDIT_STATUS_LABELS,
  statusChoices: labelledChoices(AUDIT_STATUSES, AUDIT_STATUS_LABELS),
  gradeLabels: GRADE_LABELS,
  gradeChoices: labelledChoices(GRADES, GRADE_LABELS),
  areaChoices: labelledChoices(AREAS, AREA_LABELS),
  /** Types held as a workshop, with a follow-up learning session. */
  partnershipLedTypes: PARTNERSHIP_LED_TYPES,
  /** Tag colours, as GOV.UK tag classes. */
  statusTags: {
    planned: 'govuk-tag--grey',
    'in-progress': 'govuk-tag--light-blue',
    completed: 'govuk-tag--green',
  },
  gradeTags: {
    outstanding: 'govuk-tag--green',
    good: 'govuk-tag--turquoise',
    'requires-improvement': 'govuk-tag--yellow',
    inadequate: 'govuk-tag--red',
  },
};
