import { z } from 'zod';
import type { FieldError } from '../http/errors.ts';

/**
 * A check of free text for what looks like a child's date of birth or address. The product stores
 * pseudonyms and age bands only; features hold matching text back until the user removes it or
 * confirms it is not personal data (a date in a chronology is often fine; a postcode rarely is).
 */

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const PATTERNS: { kind: 'date of birth' | 'postcode'; pattern: RegExp }[] = [
  { kind: 'date of birth', pattern: /\b(?:d\.?o\.?b\.?|date of birth|born on)\b/i },
  { kind: 'date of birth', pattern: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/ },
  {
    kind: 'date of birth',
    pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}\\b`, 'i'),
  },
  { kind: 'date of birth', pattern: /\b(?:19|20)\d{2}-\d{2}-\d{2}\b/ },
  // The shape of a full UK postcode: outward code, space optional, inward code (e.g. E1 6AN).
  { kind: 'postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b/i },
];

export type PersonalDataWarning = { kind: 'date of birth' | 'postcode'; found: string };

/** What in the text looks like a date of birth or a postcode: at most one finding of each kind. */
export function personalDataWarnings(text: string): PersonalDataWarning[] {
  const found: PersonalDataWarning[] = [];
  for (const { kind, pattern } of PATTERNS) {
    if (found.some((f) => f.kind === kind)) continue;
    const match = pattern.exec(text);
    if (match) found.push({ kind, found: match[0] });
  }
  return found;
}

/** The message for a field whose text looks like personal data. */
export function personalDataMessage(label: string, warnings: PersonalDataWarning[]): string {
  const what = warnings.map((w) => `a ${w.kind} (“${w.found}”)`).join(' and ');
  return `${label} seems to contain ${what}. Remove it, or confirm it is not a child’s personal data`;
}

/** The user's confirmation that flagged text is not a child's personal data: a form's "yes", or true. */
export const confirmation = z
  .union([z.boolean(), z.literal('yes').transform(() => true), z.literal('').transform(() => false)])
  .optional()
  .transform((v) => v ?? false);

/** Whether a refused form should offer the confirmation: one of its errors is a personal-data finding. */
export const asksConfirmation = (errors: FieldError[] = []) =>
  errors.some((e) => e.message.endsWith('confirm it is not a child’s personal data'));

/** A form's free-text fields, with the words a message uses for each. */
export type FreeTextFields = readonly (readonly [string, string])[];

/** Field errors for free text that looks like a child's date of birth or address, unless confirmed. */
export function personalDataErrors(
  input: object,
  fields: FreeTextFields,
  confirmedByUser: boolean,
): FieldError[] {
  if (confirmedByUser) return [];
  const values = input as Record<string, unknown>;
  return fields.flatMap(([field, label]) => {
    const value = values[field];
    const warnings = typeof value === 'string' ? personalDataWarnings(value) : [];
    return warnings.length > 0 ? [{ field, message: personalDataMessage(label, warnings) }] : [];
  });
}

/**
 * A form refused for other reasons is checked for personal data too, so that one submission shows
 * every problem: the findings are added for fields without an error of their own.
 */
export function withPersonalDataErrors(
  errors: FieldError[],
  form: Record<string, unknown>,
  fields: FreeTextFields,
) {
  const confirmed = form.confirmNoPersonalData === 'yes';
  const found = personalDataErrors(form, fields, confirmed).filter(
    (f) => !errors.some((e) => e.field === f.field),
  );
  return [...errors, ...found];
}

/**
 * For a Zod object schema's superRefine: the free-text fields that look like personal data become
 * issues on those fields, unless the input carries `confirmNoPersonalData`.
 */
export const screenPersonalData =
  (fields: FreeTextFields) => (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const error of personalDataErrors(input, fields, input.confirmNoPersonalData === true))
      ctx.addIssue({ code: 'custom', path: [error.field], message: error.message });
  };
