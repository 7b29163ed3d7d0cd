import { can, type Role } from '../../platform/access/roles.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Decision } from './clocks.ts';

/** Pure rules of case reviews: what a case records, the order of its dates, and who may see it. */

export const CASE_KINDS = ['incident', 'legacy-scr'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  incident: 'Serious incident',
  'legacy-scr': 'Legacy serious case review',
};

export const OUTCOMES = ['died', 'seriously-harmed'] as const;
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  died: 'The child died',
  'seriously-harmed': 'The child was seriously harmed',
};

export const HARM_CATEGORIES = [
  'neglect',
  'physical-abuse',
  'sexual-abuse',
  'emotional-abuse',
  'exploitation',
  'other',
] as const;
export const HARM_CATEGORY_LABELS: Record<(typeof HARM_CATEGORIES)[number], string> = {
  neglect: 'Neglect',
  'physical-abuse': 'Physical abuse',
  'sexual-abuse': 'Sexual abuse',
  'emotional-abuse': 'Emotional abuse',
  exploitation: 'Exploitation',
  other: 'Other',
};

/** Age bands, never a date of birth. Care leavers up to 24 are notifiable under WT2023. */
export const AGE_BANDS = ['under-1', '1-4', '5-9', '10-15', '16-17', '18-24'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  'under-1': 'Under 1',
  '1-4': '1 to 4',
  '5-9': '5 to 9',
  '10-15': '10 to 15',
  '16-17': '16 to 17',
  '18-24': '18 to 24 (care leaver)',
};

export const DECISIONS = [
  'no-further-review',
  'lcspr',
  'national-panel',
] as const satisfies readonly Decision[];
export const DECISION_LABELS: Record<Decision, string> = {
  'no-further-review': 'No further review',
  lcspr: 'Local child safeguarding practice review (LCSPR)',
  'national-panel': 'Refer to the national panel',
};

/** The dates of a case's rapid review, in the order they must happen. */
export type RapidReviewDates = {
  awareOn: string;
  notifiedPanelOn: string | null;
  panelMetOn: string | null;
  rapidReviewSentOn: string | null;
  decidedOn: string | null;
};

/** What is wrong with the order of a case's dates, as field errors (empty when all is well). */
export function rapidReviewDateErrors(d: RapidReviewDates, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const notFuture = (field: keyof RapidReviewDates, what: string) => {
    const value = d[field];
    if (value && value > today) errors.push({ field, message: `${what} can’t be in the future` });
  };
  notFuture('awareOn', 'The date the partnership became aware');
  notFuture('notifiedPanelOn', 'The date the national panel was notified');
  notFuture('panelMetOn', 'The date the rapid review panel met');
  notFuture('rapidReviewSentOn', 'The date the rapid review was sent');
  notFuture('decidedOn', 'The date of the executive’s decision');
  const notBefore = (field: keyof RapidReviewDates, earlier: string | null, message: string) => {
    const value = d[field];
    if (value && earlier && value < earlier && !errors.some((e) => e.field === field))
      errors.push({ field, message });
  };
  notBefore(
    'notifiedPanelOn',
    d.awareOn,
    'The national panel can’t have been notified before the partnership became aware',
  );
  notBefore(
    'panelMetOn',
    d.awareOn,
    'The rapid review panel can’t have met before the partnership became aware',
  );
  notBefore('rapidReviewSentOn', d.panelMetOn, 'The rapid review can’t have been sent before the panel met');
  notBefore(
    'rapidReviewSentOn',
    d.awareOn,
    'The rapid review can’t have been sent before the partnership became aware',
  );
  notBefore('decidedOn', d.panelMetOn, 'The executive’s decision can’t be before the rapid review panel met');
  return errors;
}

/** The panel recommends with its reasons (for an LCSPR, which of the criteria the case meets). */
export function recommendationErrors(recommendation: Decision | null, reasons: string): FieldError[] {
  return recommendation !== null && reasons.trim() === ''
    ? [{ field: 'recommendationReasons', message: 'Give the reasons for the panel’s recommendation' }]
    : [];
}

/** A decision needs the panel to have met first. */
export function decisionRefusal(panelMetOn: string | null): string | null {
  return panelMetOn ? null : 'Record when the rapid review panel met before the executive’s decision';
}

/**
 * Who may see a case's material (need-to-know): the business unit and the executive see every
 * case; the panel's members for the case and its reviewers see that case; nobody else, whatever
 * else they may see, and never a young scrutineer or a practitioner.
 */
export function seesEveryCase(role: Role): boolean {
  return can(role, 'cases:all');
}

/** Roles that may be put on a case's team (the panel for the case, its reviewers and author). */
export function mayJoinCaseTeam(role: Role): boolean {
  return can(role, 'cases:read');
}

export const TEAM_CAPACITIES = ['panel', 'reviewer', 'author'] as const;
export type TeamCapacity = (typeof TEAM_CAPACITIES)[number];
export const TEAM_CAPACITY_LABELS: Record<TeamCapacity, string> = {
  panel: 'Rapid review panel member',
  reviewer: 'Reviewer',
  author: 'Report author',
};

/**
 * Why someone may not review or author a case: they, or their agency, were involved in it
 * (seed 003: reviewers have no direct involvement). Null when they are independent.
 */
export function independenceConflict(
  candidate: { name: string; email: string; agencyId: string; agencyName: string },
  involved: { agencyIds: string[]; personEmails: string[] },
): string | null {
  const email = candidate.email.trim().toLowerCase();
  if (involved.personEmails.some((e) => e.trim().toLowerCase() === email))
    return `${candidate.name} was involved in this case, so can’t review it`;
  if (involved.agencyIds.includes(candidate.agencyId))
    return `${candidate.name}’s agency, ${candidate.agencyName}, was involved in this case, so they can’t review it`;
  return null;
}
