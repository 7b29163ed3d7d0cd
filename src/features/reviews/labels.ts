import { labelledChoices } from '../../platform/views/choices.ts';
import { ACTION_STATUS_LABELS } from '../actions/service.ts';
import { CLOCK_KEYS, CLOCK_NAMES, CLOCK_STATUS_COLOURS, CLOCK_STATUS_LABELS } from './clocks.ts';
import {
  LEARNING_EVENT_KINDS,
  LEARNING_EVENT_LABELS,
  REVIEW_METHOD_LABELS,
  REVIEW_METHODS,
} from './practice-review-rules.ts';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  DECISION_LABELS,
  DECISIONS,
  HARM_CATEGORIES,
  HARM_CATEGORY_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  TEAM_CAPACITIES,
  TEAM_CAPACITY_LABELS,
} from './rules.ts';

/** Words the case-review pages show for the rules' codes. */
export const labels = {
  actionStatusLabels: ACTION_STATUS_LABELS,
  caseKindLabels: CASE_KIND_LABELS,
  caseKinds: labelledChoices(CASE_KINDS, CASE_KIND_LABELS),
  outcomeLabels: OUTCOME_LABELS,
  outcomes: labelledChoices(OUTCOMES, OUTCOME_LABELS),
  harmLabels: HARM_CATEGORY_LABELS,
  harmCategories: labelledChoices(HARM_CATEGORIES, HARM_CATEGORY_LABELS),
  ageBandLabels: AGE_BAND_LABELS,
  ageBands: labelledChoices(AGE_BANDS, AGE_BAND_LABELS),
  decisionLabels: DECISION_LABELS,
  decisions: labelledChoices(DECISIONS, DECISION_LABELS),
  clockNames: CLOCK_NAMES,
  clockChoices: labelledChoices(CLOCK_KEYS, CLOCK_NAMES),
  clockStatusLabels: CLOCK_STATUS_LABELS,
  clockColours: CLOCK_STATUS_COLOURS,
  capacityLabels: TEAM_CAPACITY_LABELS,
  capacities: labelledChoices(TEAM_CAPACITIES, TEAM_CAPACITY_LABELS),
  methods: labelledChoices(REVIEW_METHODS, REVIEW_METHOD_LABELS),
  eventLabels: LEARNING_EVENT_LABELS,
  eventKinds: labelledChoices(LEARNING_EVENT_KINDS, LEARNING_EVENT_LABELS),
};
