import {
  personalDataErrors as checkFields,
  type FreeTextFields,
  withPersonalDataErrors as withFieldErrors,
} from '../../platform/privacy/personal-data.ts';

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

export const personalDataErrors = (input: object, fields: Fields, confirmed: boolean) =>
  checkFields(input, fields as FreeTextFields, confirmed);
export const withPersonalDataErrors = (
  errors: Parameters<typeof withFieldErrors>[0],
  form: Record<string, unknown>,
  fields: Fields,
) => withFieldErrors(errors, form, fields as FreeTextFields);
