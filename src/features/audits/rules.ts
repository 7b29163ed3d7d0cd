/** The audit programme's rules (PRODUCT §5). Pure: no I/O. */
import { can, type Role } from '../../platform/access/roles.ts';
import { addMonths } from '../../platform/calendar/working-days.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { personalDataWarnings } from '../../platform/privacy/personal-data.ts';

export const AUDIT_TYPES = ['multi-agency', 'themed', 'single-agency', 'section-11', 'section-175'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];
export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  'multi-agency': 'Multi-agency case audit',
  themed: 'Themed audit',
  'single-agency': 'Single-agency audit',
  'section-11': 'Section 11 audit',
  'section-175': 'Section 175 audit',
};

/** Audits the partnership runs itself, as a workshop of the partners, with a follow-up learning session. */
export const PARTNERSHIP_LED_TYPES: readonly AuditType[] = ['multi-agency', 'themed'];
/** Audits an agency carries out and submits; the QA and Performance group reviews them. */
export const PARTNER_SUBMITTED_TYPES: readonly AuditType[] = ['single-agency', 'section-11', 'section-175'];
export const isPartnershipLed = (type: AuditType) => PARTNERSHIP_LED_TYPES.includes(type);
export const isPartnerSubmitted = (type: AuditType) => PARTNER_SUBMITTED_TYPES.includes(type);

export const AUDIT_STATUSES = ['planned', 'in-progress', 'completed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
};

/** The four-point scale cases are graded on, best first. */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};
export const GRADE_SCALE_MESSAGE =
  'Choose a grade from outstanding, good, requires improvement or inadequate';

/** The areas of practice an audit grades. */
export const AREAS = [
  'recognition',
  'assessment',
  'planning',
  'joint-working',
  'voice-of-the-child',
  'outcome',
] as const;
export type Area = (typeof AREAS)[number];
export const AREA_LABELS: Record<Area, string> = {
  recognition: 'Recognition of need and risk',
  assessment: 'Quality of assessment',
  planning: 'Planning and review',
  'joint-working': 'Multi-agency working and information sharing',
  'voice-of-the-child': 'Voice of the child',
  outcome: 'Outcomes for the child',
};

/** The follow-up learning session, months after the workshop: a setting (DOMAIN.md, seed 003). */
export const DEFAULT_FOLLOW_UP_MONTHS = 6;
export const MIN_FOLLOW_UP_MONTHS = 1;
export const MAX_FOLLOW_UP_MONTHS = 24;

/**
 * The date of the follow-up learning session: the same day `months` later, or that month's last day
 * when it has no such day (a workshop on 31 August, 6 months on, is followed up on 28 or 29 February).
 */
export const followUpOn = (workshopOn: string, months: number) => addMonths(workshopOn, months);

/** An audit's follow-up date as stored: only partnership-led audits with a workshop date have one. */
export function followUpFor(audit: { type: AuditType; workshopOn: string | null }, months: number) {
  return isPartnershipLed(audit.type) && audit.workshopOn ? followUpOn(audit.workshopOn, months) : null;
}

/** A partner-submitted audit counts as submitted on the day its agency marks it completed. */
export function submittedOnFor(
  audit: { type: AuditType; status: AuditStatus },
  before: { submittedOn: string | null } | null,
  today: string,
): string | null {
  if (!isPartnerSubmitted(audit.type) || audit.status !== 'completed') return null;
  return before?.submittedOn ?? today;
}

/** What is wrong with an audit's type, status and workshop date taken together. */
export function auditErrors(audit: {
  type: AuditType;
  status: AuditStatus;
  workshopOn: string | null;
}): FieldError[] {
  if (!isPartnershipLed(audit.type)) {
    return audit.workshopOn
      ? [
          {
            field: 'workshopOn',
            message: 'Only multi-agency and themed audits are held as a workshop: leave the date blank',
          },
        ]
      : [];
  }
  if (audit.status === 'completed' && !audit.workshopOn)
    return [
      { field: 'workshopOn', message: 'Enter the date of the workshop: a completed audit has held it' },
    ];
  return [];
}

/** Plans and records audits of every kind, and reviews the agencies' own: the QA and Performance group. */
export const mayManageAudits = (role: Role) => can(role, 'audits:manage');

/**
 * What stops a user creating (or changing to) this audit: partners other than the group's chairs and
 * the business unit submit only their own agency's single-agency, section 11 and section 175 audits.
 */
export function submitterErrors(
  user: { role: Role; agencyId: string },
  audit: { type: AuditType; agencyId: string },
): FieldError[] {
  if (mayManageAudits(user.role)) return [];
  const errors: FieldError[] = [];
  if (!isPartnerSubmitted(audit.type))
    errors.push({
      field: 'type',
      message:
        'Only the QA and Performance group can plan a multi-agency or themed audit: choose a single-agency, section 11 or section 175 audit',
    });
  if (audit.agencyId !== user.agencyId)
    errors.push({ field: 'agencyId', message: 'Choose your own agency: you can submit only its audits' });
  return errors;
}

/** May this user change the audit: the group's chairs and the business unit, or its agency's partners. */
export function mayEditAudit(
  user: { role: Role; agencyId: string },
  audit: { type: AuditType; agencyId: string },
): boolean {
  if (mayManageAudits(user.role)) return true;
  return (
    can(user.role, 'audits:submit') && isPartnerSubmitted(audit.type) && audit.agencyId === user.agencyId
  );
}

/**
 * May this user record the audit's cases, grades and findings: the group's chairs and the business
 * unit always; its agency's partners for their own agency's audit until the group has reviewed it.
 */
export function mayRecordAudit(
  user: { role: Role; agencyId: string },
  audit: { type: AuditType; agencyId: string; reviewedOn: string | null },
): boolean {
  if (mayManageAudits(user.role)) return true;
  return mayEditAudit(user, audit) && audit.reviewedOn === null;
}

/** The QA and Performance group reviews an agency's audit once the agency has submitted it. */
export function reviewErrors(audit: { type: AuditType; submittedOn: string | null }): FieldError[] {
  if (!isPartnerSubmitted(audit.type))
    return [
      {
        field: 'comments',
        message:
          'Only single-agency, section 11 and section 175 audits are reviewed by the QA and Performance group',
      },
    ];
  if (!audit.submittedOn)
    return [
      {
        field: 'comments',
        message: 'The agency has not submitted this audit yet: review it once it is completed',
      },
    ];
  return [];
}

/** A reviewed audit stays a completed, partner-submitted audit: the review would lose its meaning. */
export function reviewedChangeErrors(
  before: { reviewedOn: string | null },
  after: { type: AuditType; status: AuditStatus },
): FieldError[] {
  if (!before.reviewedOn) return [];
  const errors: FieldError[] = [];
  if (!isPartnerSubmitted(after.type))
    errors.push({
      field: 'type',
      message: 'The QA and Performance group has reviewed this audit: its type stays',
    });
  if (after.status !== 'completed')
    errors.push({
      field: 'status',
      message: 'The QA and Performance group has reviewed this audit: it stays completed',
    });
  return errors;
}

/** A date as people write one: 12/03/2015, 12-3-15, 12.03.2015 or 2015-03-12. */
const DATE_LIKE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b/;
export const PSEUDONYM_MESSAGE = 'Use a pseudonym, never a child’s name, date of birth or address';

/**
 * A case is known by a pseudonym only: text with a date in it may be a child's date of birth, and
 * one with a postcode their address. A pseudonym never needs either, so nothing is confirmed.
 */
export const looksLikePseudonym = (text: string) =>
  !DATE_LIKE.test(text) && personalDataWarnings(text).length === 0;
