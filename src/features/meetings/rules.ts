/** Pure rules of meetings and their action lists: no I/O. */

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
};

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/**
 * Every group's agenda ends with this item (PRODUCT §2): the place where a group decides what to take
 * to the executive. It is added to each new meeting and can't be removed.
 */
export const STANDING_ITEM = 'Escalations to the executive';

/** A group's quorum: at least `quorum` people present, and, when asked, someone from each statutory partner. */
export type QuorumRule = { quorum: number | null; needsStatutory: boolean };

const STATUTORY_KINDS = ['local-authority', 'icb', 'police'] as const;
const STATUTORY_NAMES: Record<(typeof STATUTORY_KINDS)[number], string> = {
  'local-authority': 'the local authority',
  icb: 'the integrated care board',
  police: 'the police',
};

export type Quoracy =
  | { state: 'no-rule' }
  | { state: 'quorate'; present: number }
  | { state: 'not-quorate'; present: number; reasons: string[] };

/** Whether those present make the meeting quorate under the group's rule, and if not, why not. */
export function quoracy(rule: QuorumRule, present: readonly { agencyKind: string }[]): Quoracy {
  if (rule.quorum === null && !rule.needsStatutory) return { state: 'no-rule' };
  const reasons: string[] = [];
  if (rule.quorum !== null && present.length < rule.quorum) {
    reasons.push(
      `${present.length} ${present.length === 1 ? 'person' : 'people'} present; the quorum is ${rule.quorum}`,
    );
  }
  if (rule.needsStatutory) {
    for (const kind of STATUTORY_KINDS) {
      if (!present.some((p) => p.agencyKind === kind))
        reasons.push(`No one present from ${STATUTORY_NAMES[kind]}`);
    }
  }
  return reasons.length > 0
    ? { state: 'not-quorate', present: present.length, reasons }
    : { state: 'quorate', present: present.length };
}

/** "HH:MM" on the 24-hour clock. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A meeting ends after it starts, on the same day. */
export function endsAfterStart(startTime: string, endTime: string): boolean {
  return endTime > startTime;
}

export const isOpenAction = (status: ActionStatus) => status === 'open' || status === 'in-progress';

/** An open action whose due date has passed ('YYYY-MM-DD' strings compare as dates). */
export function isOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return isOpenAction(action.status) && action.dueOn < today;
}

/**
 * Who may change an action's status and progress: the business unit and chairs on any action; the
 * executive, members and data leads only on the actions their own agency owns (PRODUCT: a member
 * "updates the actions their agency owns").
 */
export function mayUpdateAction(
  user: { role: string; agencyId: string },
  action: { agencyId: string },
): boolean {
  if (user.role === 'admin' || user.role === 'chair') return true;
  if (user.role === 'executive' || user.role === 'member' || user.role === 'data-lead')
    return user.agencyId === action.agencyId;
  return false;
}

/** What of an action each may change: chairs and the business unit everything; owners' agencies its progress. */
export function mayChangeActionDetails(role: string): boolean {
  return role === 'admin' || role === 'chair';
}
