import { z } from 'zod';
import {
  idList,
  isoDate,
  optionalIsoDate,
  optionalText,
  requiredText,
} from '../../platform/http/validation.ts';
import { confirmation } from '../../platform/privacy/personal-data.ts';
import { LOCAL_SETTINGS, type LocalSettingKey } from './clock-settings.ts';
import { CLOCK_KEYS } from './clocks.ts';
import { LEARNING_EVENT_KINDS, REVIEW_METHODS } from './practice-review-rules.ts';
import { AGE_BANDS, CASE_KINDS, DECISIONS, HARM_CATEGORIES, OUTCOMES, TEAM_CAPACITIES } from './rules.ts';

const text = (max: number, label: string) => optionalText(max, label).transform((v) => v ?? '');
/** A form's checkbox ("yes") or the API's boolean. */
const confirmed = confirmation;

export const incidentInput = z.strictObject({
  kind: z
    .enum(CASE_KINDS, { error: 'Select whether this is a serious incident or a legacy serious case review' })
    .default('incident'),
  pseudonym: requiredText(60, 'Enter the pseudonym the case is known by, for example Child M', 'Pseudonym'),
  awareOn: isoDate(
    'The date the partnership became aware must be a real date, for example 3 3 2025',
    'Enter the date the partnership became aware',
  ),
  outcome: z.enum(OUTCOMES, { error: 'Select whether the child died or was seriously harmed' }),
  harmCategory: z.enum(HARM_CATEGORIES, { error: 'Select the category of harm' }),
  ageBand: z.enum(AGE_BANDS, { error: 'Select the child’s age band' }),
  summary: text(5_000, 'Summary'),
  notifiedPanelOn: optionalIsoDate(
    'The date the national panel was notified must be a real date, for example 5 3 2025',
  ),
  agencyIds: idList('Select the agencies involved from the list'),
  personIds: idList('Select the people involved from the list'),
  /** The user has checked that text the service flagged is not a child's personal data. */
  confirmNoPersonalData: confirmed,
});
export type IncidentInput = z.output<typeof incidentInput>;

export const rapidReviewInput = z.strictObject({
  panelMetOn: optionalIsoDate('The date the panel met must be a real date, for example 14 3 2025'),
  immediateLearning: text(10_000, 'Immediate learning'),
  recommendation: z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.enum(DECISIONS, { error: 'Select the panel’s recommendation' }),
    ])
    .optional()
    .transform((v) => v ?? null),
  recommendationReasons: text(5_000, 'Reasons'),
  rapidReviewSentOn: optionalIsoDate(
    'The date the rapid review was sent must be a real date, for example 20 3 2025',
  ),
  confirmNoPersonalData: confirmed,
});
export type RapidReviewInput = z.output<typeof rapidReviewInput>;

export const decisionInput = z.strictObject({
  decision: z.enum(DECISIONS, { error: 'Select the executive’s decision' }),
  decidedOn: isoDate(
    'The date of the decision must be a real date, for example 25 3 2025',
    'Enter the date of the decision',
  ),
  reasons: requiredText(5_000, 'Give the reasons for the decision', 'Reasons'),
});

export const teamMemberInput = z.strictObject({
  userId: z.uuid({ error: 'Select a user from the list' }),
  capacity: z.enum(TEAM_CAPACITIES, { error: 'Select their part in the case' }),
  overrideReason: optionalText(2_000, 'Reason for the override'),
});

export const personInvolved = z.strictObject({
  personId: z.uuid({ error: 'Select a person from the list' }),
});

export const teamRemoval = teamMemberInput.pick({ userId: true, capacity: true });

export const waiverInput = z.strictObject({
  clock: z.enum(CLOCK_KEYS, { error: 'Select the clock' }),
  reason: optionalText(1_000, 'Reason'),
});

export const caseActionInput = z.strictObject({
  text: requiredText(1_000, 'Enter the action', 'Action'),
  ownerAgencyId: z.uuid({ error: 'Select the agency that owns the action' }),
  dueOn: optionalIsoDate('Due date must be a real date, for example 30 4 2025'),
});

/** Short labels, one per line or as a list: trimmed, blanks dropped, duplicates removed. */
const labelList = (max: number, label: string) =>
  z
    .union([z.string().transform((v) => v.split(/\r?\n|,/)), z.array(z.string().max(100))])
    .optional()
    .transform((v) => [...new Set((v ?? []).map((s) => s.trim()).filter(Boolean))])
    .refine((v) => v.length <= max, `At most ${max} ${label}`)
    .refine((v) => v.every((s) => s.length <= 100), `Each of the ${label} must be 100 characters or fewer`);

export const practiceReviewInput = z.strictObject({
  methods: z
    .union([
      z.literal('').transform(() => []),
      z.enum(REVIEW_METHODS, { error: 'Select review methods from the list' }).transform((v) => [v]),
      z.array(z.enum(REVIEW_METHODS, { error: 'Select review methods from the list' })),
    ])
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  termsOfReference: text(20_000, 'Terms of reference'),
  familyEngagement: text(10_000, 'Family engagement'),
  themes: labelList(20, 'themes'),
  plannedPublicationOn: optionalIsoDate(
    'The planned publication date must be a real date, for example 30 9 2025',
  ),
  completedOn: optionalIsoDate('The completion date must be a real date, for example 15 9 2025'),
  sentToPanelOn: optionalIsoDate('The date the report was sent must be a real date, for example 19 9 2025'),
  publishedOn: optionalIsoDate('The publication date must be a real date, for example 30 9 2025'),
  improvementsPublishedOn: optionalIsoDate('The date must be a real date, for example 30 9 2025'),
  improvementsSummary: text(10_000, 'Summary of improvements'),
  notPublishedReasons: text(5_000, 'Reasons for not publishing'),
  confirmNoPersonalData: confirmed,
});
export type PracticeReviewInput = z.output<typeof practiceReviewInput>;

export const recommendationInput = z.strictObject({
  theme: requiredText(500, 'Enter the theme', 'Theme'),
  recommendation: text(2_000, 'Recommendation'),
  response: text(5_000, 'Response'),
});

export const learningEventInput = z.strictObject({
  kind: z.enum(LEARNING_EVENT_KINDS, { error: 'Select the kind of event' }),
  heldOn: isoDate(
    'The date it was held must be a real date, for example 3 10 2025',
    'Enter the date it was held',
  ),
  notes: text(5_000, 'Notes'),
  personIds: idList('Select the people who attended from the list'),
});

export const briefingInput = z.strictObject({
  title: requiredText(150, 'Enter a title for the briefing', 'Title'),
  caseInBrief: requiredText(3_000, 'Say what happened, in brief', 'The case in brief'),
  whatWeLearnt: requiredText(3_000, 'Say what we learnt', 'What we learnt'),
  doDifferently: requiredText(3_000, 'Say what to do differently', 'What to do differently'),
  questions: requiredText(3_000, 'Give questions for practice', 'Questions for practice'),
  confirmNoPersonalData: confirmed,
});
export type BriefingInput = z.output<typeof briefingInput>;

export const documentKind = z.enum(['draft', 'final'], {
  error: 'Say whether this is a draft or the final report',
});

/** The clock settings, each a whole number within its bounds (a form sends text: it is read as a number). */
export const settingsInput = z.strictObject(
  Object.fromEntries(
    LOCAL_SETTINGS.map((s) => {
      const message = `${s.label} must be a whole number of ${s.unit} from ${s.min} to ${s.max}`;
      return [
        s.key,
        z.coerce.number({ error: message }).int(message).min(s.min, message).max(s.max, message),
      ];
    }),
  ) as Record<LocalSettingKey, z.ZodCoercedNumber>,
);
