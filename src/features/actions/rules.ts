/** The single learning action plan's rules (PRODUCT §4). Pure: no I/O. */
import { can } from '../../platform/access/roles.ts';
import type { FieldError } from '../../platform/http/errors.ts';

export const ACTION_STATUSES = ['proposed', 'agreed', 'in-progress', 'completed', 'embedded'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** A merged action lives on in the one it was merged into; it is kept for its history only. */
export type StoredStatus = ActionStatus | 'merged';

export const ACTION_STATUS_LABELS: Record<StoredStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  'in-progress': 'In progress',
  completed: 'Completed',
  embedded: 'Embedded',
  merged: 'Merged',
};

/** Statuses in which an action is still to be done, so may be overdue or merged into. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['proposed', 'agreed', 'in-progress'];
export const isOpen = (status: StoredStatus) => (OPEN_STATUSES as readonly string[]).includes(status);

export const SOURCE_KINDS = [
  'rapid-review',
  'practice-review',
  'audit',
  'scrutiny',
  'national-review',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  'rapid-review': 'Rapid review',
  'practice-review': 'Practice review',
  audit: 'Audit',
  scrutiny: 'Scrutiny',
  'national-review': 'National review',
  other: 'Other',
};
/** The title of a case review's source is the case's pseudonym; pages show it after the kind. */
export const caseSourceTitle = (_kind: 'rapid-review' | 'practice-review', pseudonym: string) => pseudonym;

/** Sources a person adds by hand; reviews and audits make their own. */
export const MANUAL_SOURCE_KINDS = ['scrutiny', 'national-review', 'other'] as const;

export const EVIDENCE_KINDS = ['audit-result', 'data-change', 'practitioner-survey', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  'audit-result': 'Audit result',
  'data-change': 'Change in the data',
  'practitioner-survey': 'Practitioner survey',
  document: 'Document',
};

/** The themes a new partnership starts with; the business unit manages the list. */
export const DEFAULT_THEMES = [
  'Neglect',
  'Domestic abuse',
  'Exploitation',
  'Supervision',
  'Information sharing',
  'Voice of the child',
];

/** Open actions due before today are overdue; an action with no due date never is. */
export function isOverdue(action: { status: StoredStatus; dueOn: string | null }, today: string): boolean {
  return isOpen(action.status) && action.dueOn !== null && action.dueOn < today;
}

export function dueDateErrors(action: { raisedOn: string; dueOn: string | null }): FieldError[] {
  if (action.dueOn !== null && action.dueOn < action.raisedOn)
    return [{ field: 'dueOn', message: 'The due date must be on or after the date the action was raised' }];
  return [];
}

/**
 * What stops an action moving to a status: completing it needs a statement of its outcome, and it
 * counts as embedded only with at least one record of evidence that practice changed.
 */
export function statusChangeErrors(
  to: StoredStatus,
  action: { outcome: string; evidenceCount: number },
): FieldError[] {
  const errors: FieldError[] = [];
  if (to === 'merged')
    errors.push({
      field: 'status',
      message: 'Merge the action with another instead of setting it as merged',
    });
  if ((to === 'completed' || to === 'embedded') && action.outcome.trim() === '')
    errors.push({ field: 'outcome', message: 'Enter the outcome: what changed because of the action' });
  if (to === 'embedded' && action.evidenceCount === 0)
    errors.push({
      field: 'status',
      message: 'Add evidence that the learning is embedded before marking the action as embedded',
    });
  return errors;
}

type Role = Parameters<typeof can>[0];

/** The business unit and group chairs hold the whole plan (the QA and Performance group's chairs). */
export const mayManagePlan = (role: Role) => can(role, 'plan:manage');

/** Who sees every action: the plan's holders, the executive's oversight, independent scrutiny. */
export const seesWholePlan = (role: Role) => can(role, 'plan:oversee');

/** May this user add progress and evidence to the action (its agency's people, or the plan's holders)? */
export function mayUpdateAction(user: { role: Role; agencyId: string }, action: { ownerAgencyId: string }) {
  if (mayManagePlan(user.role)) return true;
  return can(user.role, 'plan:update') && user.agencyId === action.ownerAgencyId;
}

/**
 * Marking an action as embedded is assurance: only the plan's holders judge the evidence enough, and
 * only they may take an embedded action back or change its outcome.
 */
export function statusRefusal(
  role: Role,
  change: { from: StoredStatus; to: StoredStatus; outcomeChanged: boolean },
): string | null {
  if (mayManagePlan(role)) return null;
  if (change.to === 'embedded' && change.from !== 'embedded')
    return 'Only the QA and Performance group’s chairs or the business unit can mark an action as embedded';
  if (change.from === 'embedded' && (change.to !== 'embedded' || change.outcomeChanged))
    return 'Only the QA and Performance group’s chairs or the business unit can change an embedded action';
  return null;
}

export function mergeErrors(
  kept: { id: string; status: StoredStatus },
  other: { id: string; status: StoredStatus } | null,
): FieldError[] {
  if (!other) return [{ field: 'otherId', message: 'Select an action of this plan to merge' }];
  if (other.id === kept.id) return [{ field: 'otherId', message: 'An action can’t be merged with itself' }];
  if (other.status === 'merged' || kept.status === 'merged')
    return [{ field: 'otherId', message: 'That action has already been merged into another' }];
  return [];
}

/**
 * Of two merged actions, the status kept is the one less far along: the work of both is done only
 * when the less advanced one's is.
 */
export function mergedStatus(a: ActionStatus, b: ActionStatus): ActionStatus {
  return ACTION_STATUSES.indexOf(a) <= ACTION_STATUSES.indexOf(b) ? a : b;
}

/** The earlier of two ISO dates; a missing one gives way to the other. */
export function earlierDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/**
 * How alike two actions' texts must be (trigram similarity, 0 to 1) to suggest one as a duplicate of
 * the other. 0.3 is pg_trgm's own default: it finds rewordings of one action, not mere shared words.
 */
export const SIMILARITY_THRESHOLD = 0.3;
export const MAX_SUGGESTIONS = 5;

export const DUE_PERIODS = ['overdue', 'next-4-weeks', 'later', 'none'] as const;
export type DuePeriod = (typeof DUE_PERIODS)[number];
export const DUE_PERIOD_LABELS: Record<DuePeriod, string> = {
  overdue: 'Overdue',
  'next-4-weeks': 'Due in the next 4 weeks',
  later: 'Due later',
  none: 'No due date',
};
