import type { FieldError } from '../../platform/http/errors.ts';

import { personalDataMessage, personalDataWarnings } from '../../platform/privacy/personal-data.ts';

/** The case reviews' free text, checked with the platform's test for a child's personal data. */

/** The free-text fields of each form, with the words a message uses for them. */
export const FREE_TEXT = {
  incident: [
    ['pseudonym', 'The pseudonym'],
    ['summary', 'The summary'],
  ],
  rapidReview: [
    ['immediateLearning', 'The immediate learning'],
    ['recommendationReasons', 'The reasons'],
  ],
  review: [
    ['termsOfReference', 'The terms of reference'],
    ['familyEngagement', 'The family engagement record'],
    ['improvementsSummary', 'The summary of improvements'],
    ['notPublishedReasons', 'The reasons for not publishing'],
  ],
  briefing: [
    ['title', 'The title'],
    ['caseInBrief', 'The case in brief'],
    ['whatWeLearnt', 'What we learnt'],
    ['doDifferently', 'What to do differently'],
    ['questions', 'The questions'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;
type Fields = (typeof FREE_TEXT)[keyof typeof FREE_TEXT];

/** Field errors for free text that looks like a child's date of birth or address, unless confirmed. */
export function personalDataErrors(input: object, fields: Fields, confirmedByUser: boolean): FieldError[] {
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
export function withPersonalDataErrors(errors: FieldError[], form: Record<string, unknown>, fields: Fields) {
  const confirmed = form.confirmNoPersonalData === 'yes';
  const found = personalDataErrors(form, fields, confirmed).filter(
    (f) => !errors.some((e) => e.field === f.field),
  );
  return [...errors, ...found];
}
