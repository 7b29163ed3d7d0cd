import { addDays, addMonths, addWorkingDays } from '../../platform/calendar/working-days.ts';

/**
 * The statutory and local clocks of a case (DOMAIN.md "Serious incidents and reviews"). Pure: the
 * dates of the case in, each clock's due date and state out. Working-day clocks count from the day
 * the partnership became aware as day 0 and fall due on the Nth working day after it.
 */

export const CLOCK_KEYS = [
  'panel-notification',
  'rapid-review',
  'lcspr-completion',
  'report-to-panel',
  'learning-session',
  'follow-up-workshop',
  'learning-reflection',
] as const;
export type ClockKey = (typeof CLOCK_KEYS)[number];

export const CLOCK_NAMES: Record<ClockKey, string> = {
  'panel-notification': 'Notify the national panel',
  'rapid-review': 'Rapid review',
  'lcspr-completion': 'Complete and publish the LCSPR',
  'report-to-panel': 'Final report to the national panel and the Secretary of State',
  'learning-session': 'Learning session',
  'follow-up-workshop': 'Follow-up workshop',
  'learning-reflection': 'Learning reflection session',
};

/** How long each clock runs. The statutory ones are fixed; the rest are local practice (settings). */
export type ClockSettings = {
  panelNotificationWorkingDays: number;
  rapidReviewWorkingDays: number;
  lcsprMonths: number;
  reportBeforePublicationWorkingDays: number;
  learningSessionDays: number;
  followUpMonths: number;
  reflectionMonths: number;
};

export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  // gov.uk/guidance/report-a-serious-child-safeguarding-incident
  panelNotificationWorkingDays: 5,
  // Working Together 2018 and 2023
  rapidReviewWorkingDays: 15,
  // Working Together: complete and publish within 6 months of the decision
  lcsprMonths: 6,
  // Working Together 2018: send the final report at least 7 working days before publication (setting)
  reportBeforePublicationWorkingDays: 7,
  // Local practice in the seeds (settings): within two weeks of completion, six months after the
  // learning session, a year after publication
  learningSessionDays: 14,
  followUpMonths: 6,
  reflectionMonths: 12,
};

/** A clock falls "due soon" this many working days before its date (reminders go at 5 and 1). */
export const DUE_SOON_WORKING_DAYS = 5;

export type Decision = 'no-further-review' | 'lcspr' | 'national-panel';

/** What the clocks need to know about a case. */
export type CaseDates = {
  kind: 'incident' | 'legacy-scr';
  awareOn: string;
  notifiedPanelOn: string | null;
  rapidReviewSentOn: string | null;
  decision: Decision | null;
  decidedOn: string | null;
  review: {
    completedOn: string | null;
    plannedPublicationOn: string | null;
    sentToPanelOn: string | null;
    publishedOn: string | null;
    improvementsPublishedOn: string | null;
    learningSessionOn: string | null;
    followUpWorkshopOn: string | null;
    reflectionSessionOn: string | null;
  } | null;
  /** Clocks waived, with the reason recorded. */
  waivers: Partial<Record<ClockKey, string>>;
};

/** A clock before its state: when it is due, when it was met, or why it does not run (yet). */
export type ClockTiming = {
  key: ClockKey;
  dueOn: string | null;
  metOn: string | null;
  /** Why there is no due date: the clock does not apply, or has not started. */
  notRunning: { applies: false; reason: string } | { applies: true; startsWhen: string } | null;
  waiverReason: string | null;
};

export type ClockStatus = 'due' | 'due-soon' | 'overdue' | 'met' | 'not-applicable' | 'not-started';

export type Clock = ClockTiming & {
  name: string;
  status: ClockStatus;
  /** Met after its due date. */
  late: boolean;
  /** Why not applicable (a waiver's reason, or the case's path), or what starts it. */
  reason: string | null;
};

const LEGACY = 'A legacy serious case review, recorded before the 2018 clocks';

/** Each clock's due date and met date for a case. */
export function clockTimings(c: CaseDates, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): ClockTiming[] {
  const legacy = c.kind === 'legacy-scr';
  const r = c.review;
  const timing = (
    key: ClockKey,
    dueOn: string | null,
    metOn: string | null,
    notRunning: ClockTiming['notRunning'] = null,
  ): ClockTiming => ({
    key,
    dueOn: notRunning ? null : dueOn,
    metOn: notRunning ? null : metOn,
    notRunning,
    waiverReason: c.waivers[key] ?? null,
  });
  const notApplicable = (reason: string) => ({ applies: false as const, reason });
  const startsWhen = (when: string) => ({ applies: true as const, startsWhen: when });

  // The LCSPR runs when the executive decides on one (a legacy SCR is the same kind of review).
  let lcspr: ClockTiming['notRunning'] = null;
  if (!legacy) {
    if (c.decision === null || c.decidedOn === null)
      lcspr = startsWhen('Starts when the executive decides on a local review');
    else if (c.decision === 'no-further-review')
      lcspr = notApplicable('The executive decided no further review was needed');
    else if (c.decision === 'national-panel')
      lcspr = notApplicable('Referred to the national panel for a national review');
  }
  const completionDue = c.decidedOn ? addMonths(c.decidedOn, settings.lcsprMonths) : null;
  const publicationDate = r?.publishedOn ?? r?.plannedPublicationOn ?? completionDue;
  const published = r?.publishedOn ?? r?.improvementsPublishedOn ?? null;

  return [
    timing(
      'panel-notification',
      addWorkingDays(c.awareOn, settings.panelNotificationWorkingDays),
      c.notifiedPanelOn,
      legacy ? notApplicable(LEGACY) : null,
    ),
    timing(
      'rapid-review',
      addWorkingDays(c.awareOn, settings.rapidReviewWorkingDays),
      c.rapidReviewSentOn,
      legacy ? notApplicable(LEGACY) : null,
    ),
    // Complete and publish within 6 months: met by publication (or its summary of improvements).
    timing('lcspr-completion', completionDue, published, lcspr ?? (legacy ? notApplicable(LEGACY) : null)),
    timing(
      'report-to-panel',
      publicationDate ? addWorkingDays(publicationDate, -settings.reportBeforePublicationWorkingDays) : null,
      r?.sentToPanelOn ?? null,
      lcspr ??
        (legacy
          ? notApplicable(LEGACY)
          : r?.improvementsPublishedOn && !r.publishedOn
            ? notApplicable('Not published: a summary of improvements was published instead')
            : null),
    ),
    timing(
      'learning-session',
      r?.completedOn ? addDays(r.completedOn, settings.learningSessionDays) : null,
      r?.learningSessionOn ?? null,
      lcspr ?? (r?.completedOn ? null : startsWhen('Starts when the review is completed')),
    ),
    timing(
      'follow-up-workshop',
      r?.learningSessionOn ? addMonths(r.learningSessionOn, settings.followUpMonths) : null,
      r?.followUpWorkshopOn ?? null,
      lcspr ?? (r?.learningSessionOn ? null : startsWhen('Starts when the learning session is held')),
    ),
    timing(
      'learning-reflection',
      published ? addMonths(published, settings.reflectionMonths) : null,
      r?.reflectionSessionOn ?? null,
      lcspr ?? (published ? null : startsWhen('Starts when the review is published')),
    ),
  ];
}

/** A clock's state on a day. A waiver or a met date settles it; otherwise the due date does. */
export function clockState(t: ClockTiming, today: string): Clock {
  const base = { ...t, name: CLOCK_NAMES[t.key], late: false, reason: null };
  if (t.waiverReason) return { ...base, status: 'not-applicable', reason: `Waived: ${t.waiverReason}` };
  if (t.notRunning && !t.notRunning.applies)
    return { ...base, status: 'not-applicable', reason: t.notRunning.reason };
  if (t.notRunning?.applies) return { ...base, status: 'not-started', reason: t.notRunning.startsWhen };
  if (t.metOn) return { ...base, status: 'met', late: t.dueOn !== null && t.metOn > t.dueOn };
  if (t.dueOn === null) return { ...base, status: 'not-started' };
  return { ...base, status: dueStatus(t.dueOn, today) };
}

/** The state of an open clock: overdue after its date, due soon within 5 working days of it. */
export function dueStatus(
  dueOn: string,
  today: string,
  soonLimit = dueSoonLimit(today),
): 'due' | 'due-soon' | 'overdue' {
  if (dueOn < today) return 'overdue';
  return dueOn <= soonLimit ? 'due-soon' : 'due';
}

/** The last due date that counts as due soon on a day. */
export const dueSoonLimit = (today: string) => addWorkingDays(today, DUE_SOON_WORKING_DAYS);

export function caseClocks(c: CaseDates, today: string, settings = DEFAULT_CLOCK_SETTINGS): Clock[] {
  return clockTimings(c, settings).map((t) => clockState(t, today));
}

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  due: 'Due',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  met: 'Met',
  'not-applicable': 'Not applicable',
  'not-started': 'Not started',
};

/** RAG colour of each state, as a GOV.UK tag colour (always shown with the words). */
export const CLOCK_STATUS_COLOURS: Record<ClockStatus, string> = {
  due: 'green',
  'due-soon': 'yellow',
  overdue: 'red',
  met: 'blue',
  'not-applicable': 'grey',
  'not-started': 'grey',
};
