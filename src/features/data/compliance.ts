/**
 * The compliance return of a data call (PRODUCT §6): who submitted on time and complete, and which
 * figures are not for the call's quarter. Pure: no I/O.
 */

export const COMPLIANCE = [
  'on-time',
  'late',
  'partly',
  'partly-late',
  'draft',
  'awaited',
  'missing',
] as const;
export type Compliance = (typeof COMPLIANCE)[number];
export const COMPLIANCE_LABELS: Record<Compliance, string> = {
  'on-time': 'Submitted on time',
  late: 'Submitted late',
  partly: 'Partly submitted',
  'partly-late': 'Partly submitted, late',
  draft: 'Started, not submitted',
  awaited: 'Not yet submitted',
  missing: 'Not submitted',
};

export type SubmissionState = { status: 'draft' | 'submitted'; late: boolean } | null;

/**
 * One agency's place in the return. Submitted: on time or late, and partly if any indicator asked of
 * it has no figure for the call's quarter. Not submitted: awaited until the deadline, then missing
 * (a draft is shown as started whatever the date).
 */
export function complianceOf(input: {
  submission: SubmissionState;
  deadline: string;
  today: string;
  asked: number;
  forQuarter: number;
}): Compliance {
  const { submission } = input;
  if (!submission) return input.today > input.deadline ? 'missing' : 'awaited';
  if (submission.status === 'draft') return 'draft';
  const complete = input.forQuarter >= input.asked;
  if (submission.late) return complete ? 'late' : 'partly-late';
  return complete ? 'on-time' : 'partly';
}

/** Is a submission made on `day` late for a call due on `deadline`? Due by the end of the deadline day. */
export const isLate = (day: string, deadline: string) => day > deadline;

/**
 * Is a figure out of period: for a quarter other than the one asked about (an older one, as a rule)?
 * The dashboard and its exports flag such a figure rather than show it as the quarter's.
 */
export const isOutOfPeriod = (period: string | null, quarter: string) =>
  period !== null && period !== quarter;
