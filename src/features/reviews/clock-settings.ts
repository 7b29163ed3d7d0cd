import { type ClockSettings, DEFAULT_CLOCK_SETTINGS } from './clocks.ts';

/**
 * The clock lengths a partnership may set (DOMAIN.md marks them as settings), with their bounds and
 * where the default comes from; and the statutory ones, which are fixed and shown for reference.
 */
export const LOCAL_SETTINGS = [
  {
    key: 'reportBeforePublicationWorkingDays',
    label: 'Final report to the national panel and the Secretary of State, before publication',
    unit: 'working days',
    min: 1,
    max: 30,
    source: 'Working Together 2018 (7 working days); not confirmed in Working Together 2023',
  },
  {
    key: 'learningSessionDays',
    label: 'Learning session, after the review is completed',
    unit: 'days',
    min: 1,
    max: 90,
    source: 'Local practice: within two weeks (Tower Hamlets annual report 2022-23)',
  },
  {
    key: 'followUpMonths',
    label: 'Follow-up workshop, after the learning session',
    unit: 'months',
    min: 1,
    max: 24,
    source: 'Local practice: six months later (Tower Hamlets annual report 2020-21)',
  },
  {
    key: 'reflectionMonths',
    label: 'Learning reflection session, after publication',
    unit: 'months',
    min: 1,
    max: 36,
    source: 'Local practice: a year after publication (Tower Hamlets annual report 2022-23)',
  },
] as const satisfies readonly {
  key: keyof ClockSettings;
  label: string;
  unit: string;
  min: number;
  max: number;
  source: string;
}[];

export type LocalSettingKey = (typeof LOCAL_SETTINGS)[number]['key'];
export type LocalSettings = Pick<ClockSettings, LocalSettingKey>;

export const STATUTORY_CLOCKS = [
  {
    label: 'Notify the national panel, after the partnership became aware',
    value: `${DEFAULT_CLOCK_SETTINGS.panelNotificationWorkingDays} working days`,
    source: 'gov.uk: report a serious child safeguarding incident',
  },
  {
    label: 'Rapid review, after the partnership became aware',
    value: `${DEFAULT_CLOCK_SETTINGS.rapidReviewWorkingDays} working days`,
    source: 'Working Together to Safeguard Children 2018 and 2023',
  },
  {
    label: 'Complete and publish an LCSPR, after the decision to hold one',
    value: `${DEFAULT_CLOCK_SETTINGS.lcsprMonths} months`,
    source: 'Working Together to Safeguard Children 2018 and 2023',
  },
];

/** A partnership's clock settings: its own where it has set them, the defaults otherwise. */
export const clockSettingsOf = (own: LocalSettings | null): ClockSettings => ({
  ...DEFAULT_CLOCK_SETTINGS,
  ...(own ?? {}),
});
