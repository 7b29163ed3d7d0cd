import { z } from 'zod';
import { isQuarterStart } from '../../platform/calendar/quarters.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import {
  idList,
  optionalIsoDate,
  optionalText,
  optionalUuid,
  requiredText,
} from '../../platform/http/validation.ts';
import { confirmation, screenPersonalData } from '../../platform/privacy/personal-data.ts';
import {
  AREAS,
  AUDIT_STATUSES,
  AUDIT_TYPES,
  GRADE_SCALE_MESSAGE,
  GRADES,
  looksLikePseudonym,
  MAX_FOLLOW_UP_MONTHS,
  MIN_FOLLOW_UP_MONTHS,
  PSEUDONYM_MESSAGE,
} from './rules.ts';

const blank = z.literal('').transform(() => undefined);
const QUARTER_MESSAGE = 'Select the quarter the audit is planned in';

/** The programme's filters. `year` is a financial year, named by the year it starts. */
export const programmeFilter = z.object({
  type: z
    .union([blank, z.enum(AUDIT_TYPES, { error: `type must be one of ${AUDIT_TYPES.join(', ')}` })])
    .optional(),
  status: z
    .union([blank, z.enum(AUDIT_STATUSES, { error: `status must be one of ${AUDIT_STATUSES.join(', ')}` })])
    .optional(),
  year: z
    .union([
      blank,
      z.coerce
        .number({ error: 'year must be the year a financial year starts, like 2026' })
        .int('year must be the year a financial year starts, like 2026')
        .min(1900, 'year must be from 1900 to 2199')
        .max(2199, 'year must be from 1900 to 2199'),
    ])
    .optional(),
});
export type ProgrammeFilter = z.output<typeof programmeFilter>;
export const programmeQuery = pageQuery.extend(programmeFilter.shape);

/** An audit as it is planned and recorded. */
export const auditInput = z
  .strictObject({
    type: z.enum(AUDIT_TYPES, { error: 'Select the type of audit' }),
    title: requiredText(200, 'Enter the title of the audit', 'The title'),
    themeId: optionalUuid('Select a theme from the list'),
    quarterStartsOn: z
      .string({ error: QUARTER_MESSAGE })
      .regex(/^(?:19|20|21)\d{2}-/, QUARTER_MESSAGE)
      .refine(isQuarterStart, QUARTER_MESSAGE),
    agencyId: z.uuid({ error: 'Select the agency that leads or submits the audit' }),
    leadPersonId: optionalUuid('Select the lead from the people of this partnership'),
    status: z.enum(AUDIT_STATUSES, { error: 'Select the status of the audit' }),
    workshopOn: optionalIsoDate('Workshop date must be a real date, for example 12 11 2026'),
    goodPractice: optionalText(4_000, 'The good practice').transform((v) => v ?? ''),
    confirmNoPersonalData: confirmation,
  })
  .superRefine(
    screenPersonalData([
      ['title', 'The title'],
      ['goodPractice', 'The good practice'],
    ]),
  );
export type AuditInput = z.output<typeof auditInput>;

export const caseInput = z.strictObject({
  pseudonym: requiredText(
    60,
    'Enter the pseudonym the case is known by, for example Child J',
    'The pseudonym',
  ).refine(looksLikePseudonym, PSEUDONYM_MESSAGE),
  agencyIds: idList('Select agencies from the list'),
});
export type CaseInput = z.output<typeof caseInput>;

const grade = z
  .union([z.literal('').transform(() => null), z.null(), z.enum(GRADES)], { error: GRADE_SCALE_MESSAGE })
  .optional()
  .transform((v) => v ?? null);

/** A grade for each area of practice; blank or missing means not graded. */
export const gradesInput = z.strictObject(
  Object.fromEntries(AREAS.map((area) => [area, grade])) as Record<(typeof AREAS)[number], typeof grade>,
);
export type GradesInput = z.output<typeof gradesInput>;

export const findingInput = z
  .strictObject({
    text: requiredText(2_000, 'Enter the finding', 'The finding'),
    confirmNoPersonalData: confirmation,
  })
  .superRefine(screenPersonalData([['text', 'The finding']]));

export const reviewInput = z
  .strictObject({
    comments: requiredText(4_000, 'Enter the QA and Performance group’s comments', 'The comments'),
    confirmNoPersonalData: confirmation,
  })
  .superRefine(screenPersonalData([['comments', 'The comments']]));

const MONTHS_MESSAGE = `Enter a whole number of months from ${MIN_FOLLOW_UP_MONTHS} to ${MAX_FOLLOW_UP_MONTHS}`;
export const settingsInput = z.strictObject({
  followUpMonths: z.coerce
    .number({ error: MONTHS_MESSAGE })
    .int(MONTHS_MESSAGE)
    .min(MIN_FOLLOW_UP_MONTHS, MONTHS_MESSAGE)
    .max(MAX_FOLLOW_UP_MONTHS, MONTHS_MESSAGE),
});
