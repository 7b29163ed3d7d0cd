import { z } from 'zod';
import { isQuarterStart } from '../../platform/calendar/quarters.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { idList, isoDate, optionalText, optionalUuid, requiredText } from '../../platform/http/validation.ts';
import { confirmation, screenPersonalData } from '../../platform/privacy/personal-data.ts';
import { POLARITIES } from './comparisons.ts';
import { MAX_UPLOAD_ROWS } from './figures.ts';
import { UNITS } from './statistics.ts';

const blank = z.literal('').transform(() => undefined);
const QUARTER_MESSAGE = 'Select a quarter';

/** A quarter named by its first day, as the pages' selects send it. */
export const quarter = (message = QUARTER_MESSAGE) =>
  z
    .string({ error: message })
    .regex(/^(?:19|20|21)\d{2}-/, message)
    .refine(isQuarterStart, message);

/** An optional number typed in a form: '' means none. */
const optionalNumber = (label: string, positive = false) =>
  z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.coerce
        .number({ error: `${label} must be a number` })
        .refine((v) => Number.isFinite(v), `${label} must be a number`)
        .refine((v) => !positive || v > 0, `${label} must be more than 0`),
    ])
    .optional()
    .transform((v) => v ?? null);

const checkbox = z
  .union([z.boolean(), z.enum(['true', 'on', 'false', '']).transform((v) => v === 'true' || v === 'on')])
  .optional()
  .transform((v) => v ?? false);

export const indicatorInput = z.strictObject({
  code: z
    .string({ error: 'Enter a short code' })
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(
      z
        .string()
        .min(1, 'Enter a short code')
        .regex(
          /^[A-Z][A-Z0-9_]{1,23}$/,
          'The code must be 2 to 24 capital letters, digits or underscores, starting with a letter',
        ),
    ),
  name: requiredText(200, 'Enter the indicator’s name', 'The name'),
  definition: optionalText(2_000, 'The definition').transform((v) => v ?? ''),
  unit: z.enum(UNITS, { error: 'Select the unit' }),
  polarity: z.enum(POLARITIES, { error: 'Select whether higher is better' }),
  agencyId: z.uuid({ error: 'Select the agency that owns the indicator' }),
  askedOf: z.enum(['owner', 'every-partner'], { error: 'Select who is asked for the figure' }),
  per10k: checkbox,
  partOfId: optionalUuid('Select the total from the list'),
  source: optionalText(300, 'The source').transform((v) => v ?? ''),
  published: checkbox,
  changeThreshold: optionalNumber('The change threshold', true),
  alertAbove: optionalNumber('The upper limit'),
  alertBelow: optionalNumber('The lower limit'),
  themeIds: idList('Select themes from the list'),
  priorityIds: idList('Select priorities from the list'),
  retired: checkbox,
});
export type IndicatorInput = z.output<typeof indicatorInput>;

export const catalogueQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  themeId: z.union([blank, z.uuid({ error: 'themeId must be a theme of this partnership' })]).optional(),
});

export const callInput = z
  .strictObject({
    quarterStartsOn: quarter('Select the quarter the call asks for'),
    deadline: isoDate('The deadline must be a real date, for example 31 10 2025', 'Enter the deadline'),
    note: optionalText(2_000, 'The note').transform((v) => v ?? ''),
  })
  .refine((v) => v.deadline >= v.quarterStartsOn, {
    path: ['deadline'],
    message: 'The deadline must be on or after the first day of the quarter',
  });
export type CallInput = z.output<typeof callInput>;

/** One figure as the API takes it: the indicator's code, the quarter as written, and the value. */
export const figureInput = z.strictObject({
  indicator: z.string({ error: 'indicator must be an indicator code' }).max(40),
  period: z.string({ error: 'period must be a quarter like 2025-26 Q2' }).max(40),
  value: z.union([z.number(), z.string().max(40)], { error: 'value must be a number' }),
});

export const submissionApiInput = z
  .strictObject({
    narrative: optionalText(10_000, 'The narrative'),
    figures: z.array(figureInput).max(MAX_UPLOAD_ROWS).default([]),
    submit: z.boolean().default(false),
    /** The narrative looks like it holds a date of birth or a postcode, and the sender says it does not. */
    confirmNoPersonalData: confirmation,
  })
  .superRefine(screenPersonalData([['narrative', 'The narrative']]));
export type SubmissionApiInput = z.output<typeof submissionApiInput>;

export const dashboardQuery = pageQuery.extend({
  quarter: z.union([blank, quarter()]).optional(),
  themeId: z.union([blank, z.uuid({ error: 'themeId must be a theme of this partnership' })]).optional(),
  priorityId: z
    .union([blank, z.uuid({ error: 'priorityId must be a priority of this partnership' })])
    .optional(),
});
export type DashboardQuery = z.output<typeof dashboardQuery>;

export const settingsInput = z.strictObject({
  suppressUpTo: z.coerce
    .number({ error: 'Enter the largest count to suppress, from 0 to 20' })
    .int('Enter a whole number from 0 to 20')
    .min(0, 'Enter a whole number from 0 to 20')
    .max(20, 'Enter a whole number from 0 to 20'),
  areaCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(?:[EWSN]\d{8})?$/, 'The area code must be an ONS code like E09000030')
    .default(''),
  regionName: requiredText(100, 'Enter the region', 'The region'),
  regionCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(?:E12\d{6})?$/, 'The region’s code must be an ONS region code like E12000007')
    .default(''),
  /** One code a line (or separated by commas or spaces) in the form; a list in the API. */
  neighbourCodes: z
    .union([z.string().transform((v) => v.split(/[\s,]+/).filter(Boolean)), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((v ?? []).map((c) => c.trim().toUpperCase()))])
    .pipe(
      z
        .array(
          z.string().regex(/^[EWSN]\d{8}$/, 'Each statistical neighbour must be an ONS code like E08000009'),
        )
        .max(15, 'List at most 15 statistical neighbours'),
    ),
});
export type SettingsInput = z.output<typeof settingsInput>;

export const populationInput = z.strictObject({
  year: z.coerce
    .number({ error: 'Enter the year of the estimate, like 2020' })
    .int('Enter the year of the estimate, like 2020')
    .min(1990, 'The year must be from 1990 to 2100')
    .max(2100, 'The year must be from 1990 to 2100'),
  children: z.coerce
    .number({ error: 'Enter the number of children aged 0 to 17' })
    .int('The number of children must be a whole number')
    .min(1, 'The number of children must be more than 0')
    .max(10_000_000, 'The number of children must be 10,000,000 or fewer'),
  source: optionalText(300, 'The source').transform((v) => v ?? ''),
});
export type PopulationInput = z.output<typeof populationInput>;

/** The list of calls, newest first: `before` is the quarter of the last call of the page before. */
export const callsQuery = z.object({
  before: z.union([blank, quarter('before must be a quarter’s first day, like 2025-07-01')]).optional(),
});
