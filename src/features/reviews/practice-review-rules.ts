import { dayText } from '../../platform/calendar/day-text.ts';
import type { FieldError } from '../../platform/http/errors.ts';

/** Pure rules of the practice review that follows a decision, and of its learning products. */

/** The review methods the executive chooses from (PRODUCT §3; the 2020-21 report's list). */
export const REVIEW_METHODS = [
  'single-agency-audit',
  'multi-agency-audit',
  'partner-led-workshop',
  'independent-reviewer-workshop',
  'partner-authored-report',
  'independent-reviewer-report',
  'independent-scrutineer-report',
  'strategy-manager-report',
  'family-engagement',
  'young-people-workshop',
  'young-people-outreach',
] as const;
export type ReviewMethod = (typeof REVIEW_METHODS)[number];
export const REVIEW_METHOD_LABELS: Record<ReviewMethod, string> = {
  'single-agency-audit': 'Single agency audit and assurance',
  'multi-agency-audit': 'Multi-agency audit',
  'partner-led-workshop': 'Partner-led workshop',
  'independent-reviewer-workshop': 'Commissioned independent reviewer-led workshop',
  'partner-authored-report': 'Partner authored report',
  'independent-reviewer-report': 'Commissioned independent reviewer report',
  'independent-scrutineer-report': 'Independent scrutineer report',
  'strategy-manager-report': 'Strategy manager report',
  'family-engagement': 'Family and/or child engagement',
  'young-people-workshop': 'Children and young people workshop',
  'young-people-outreach': 'Children and young people outreach activities',
};

export const LEARNING_EVENT_KINDS = ['learning-session', 'follow-up-workshop', 'reflection-session'] as const;
export type LearningEventKind = (typeof LEARNING_EVENT_KINDS)[number];
export const LEARNING_EVENT_LABELS: Record<LearningEventKind, string> = {
  'learning-session': 'Learning session',
  'follow-up-workshop': 'Follow-up workshop',
  'reflection-session': 'Learning reflection session',
};

/** Why a case can't have a practice review yet, or null. */
export function practiceReviewRefusal(c: { kind: string; decision: string | null }): string | null {
  if (c.kind === 'legacy-scr' || c.decision === 'lcspr') return null;
  if (c.decision === null) return 'The executive has not decided on a local review yet';
  return 'The executive decided against a local review for this case';
}

/** The review's dates, each of which comes after the executive's decision, with their words. */
const REVIEW_DATES = [
  ['completedOn', 'The date the review was completed'],
  ['plannedPublicationOn', 'The planned publication date'],
  ['sentToPanelOn', 'The date the report was sent to the national panel'],
  ['publishedOn', 'The date of publication'],
  ['improvementsPublishedOn', 'The date the summary of improvements was published'],
] as const;

/** Why a (new) decision date can't stand, given the review's dates so far, or null. */
export function reviewDateBeforeDecision(
  r: Pick<ReviewDates, (typeof REVIEW_DATES)[number][0]>,
  decidedOn: string,
): string | null {
  for (const [field, what] of REVIEW_DATES) {
    const value = r[field];
    if (value && value < decidedOn)
      return `${what} (${dayText(value)}) is before this decision date: the decision comes first`;
  }
  return null;
}

export type ReviewDates = {
  completedOn: string | null;
  plannedPublicationOn: string | null;
  sentToPanelOn: string | null;
  publishedOn: string | null;
  improvementsPublishedOn: string | null;
  improvementsSummary: string;
  notPublishedReasons: string;
};

/**
 * What is wrong with a review's dates and publication, as field errors. The final report goes to
 * the national panel and the Secretary of State before publication; a review not published has
 * a summary of improvements published instead, with the reasons given to the panel.
 */
export function reviewErrors(r: ReviewDates, c: { decidedOn: string | null }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: keyof ReviewDates, message: string) => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, message });
  };
  const past: [keyof ReviewDates, string][] = [
    ['completedOn', 'The date the review was completed'],
    ['sentToPanelOn', 'The date the report was sent to the national panel'],
    ['publishedOn', 'The date of publication'],
    ['improvementsPublishedOn', 'The date the summary of improvements was published'],
  ];
  for (const [field, what] of past) {
    const value = r[field];
    if (value && value > today) add(field, `${what} can’t be in the future`);
  }
  for (const [field, what] of REVIEW_DATES) {
    const value = r[field];
    if (value && c.decidedOn && value < c.decidedOn)
      add(field, `${what} can’t be before the executive decided on the review (${dayText(c.decidedOn)})`);
  }
  if (r.sentToPanelOn && r.completedOn && r.sentToPanelOn < r.completedOn)
    add('sentToPanelOn', 'The final report can’t be sent before the review was completed');
  if (r.publishedOn) {
    if (!r.sentToPanelOn)
      add(
        'publishedOn',
        'Record when the final report was sent to the national panel and the Secretary of State: it must go before publication',
      );
    else if (r.publishedOn < r.sentToPanelOn)
      add('publishedOn', 'Publication can’t be before the report was sent to the national panel');
    if (r.improvementsPublishedOn)
      add(
        'improvementsPublishedOn',
        'A published review needs no summary of improvements instead: clear one of the two dates',
      );
  }
  if (r.improvementsPublishedOn) {
    if (!r.improvementsSummary.trim())
      add(
        'improvementsSummary',
        'Enter the summary of improvements that was published instead of the report',
      );
    if (!r.notPublishedReasons.trim())
      add('notPublishedReasons', 'Give the reasons for not publishing, as told to the national panel');
  }
  return errors;
}

/** Why a learning event can't be recorded on that date, or null: each follows the step before it. */
export function learningEventRefusal(
  kind: LearningEventKind,
  heldOn: string,
  r: { completedOn: string | null; publishedOn: string | null; improvementsPublishedOn: string | null },
  firstLearningSessionOn: string | null,
  today: string,
): string | null {
  if (heldOn > today) return 'Record a learning event once it has been held';
  if (kind === 'learning-session') {
    if (!r.completedOn) return 'Record when the review was completed before its learning session';
    if (heldOn < r.completedOn) return 'A learning session follows the review’s completion';
  }
  if (kind === 'follow-up-workshop') {
    if (!firstLearningSessionOn) return 'Record the learning session before its follow-up workshop';
    if (heldOn < firstLearningSessionOn) return 'The follow-up workshop comes after the learning session';
  }
  if (kind === 'reflection-session') {
    const published = r.publishedOn ?? r.improvementsPublishedOn;
    if (!published) return 'A learning reflection session follows publication: record the publication first';
    if (heldOn < published) return 'The learning reflection session comes after publication';
  }
  return null;
}

/**
 * Who works on a practice review: the business unit, and the case's own reviewers and author. The
 * executive decides on a review but does not write it.
 */
export function worksOnReview(
  user: { id: string; role: string },
  team: { userId: string; capacity: string }[],
): boolean {
  if (user.role === 'admin') return true;
  return team.some((m) => m.userId === user.id && (m.capacity === 'reviewer' || m.capacity === 'author'));
}
