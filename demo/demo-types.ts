import type { AgencyKind, Cadence, GroupType, Sector } from '../src/features/partnership/rules.ts';
import type { Role } from '../src/platform/access/roles.ts';
import type { towerHamletsPlan } from './tower-hamlets-plan.ts';

/** The shape of a demo partnership: facts from the published reports, fictional people. */
export type DemoPartnership = {
  slug: string;
  name: string;
  areaName: string;
  /** The learning action plan's managed lists (a partnership without them starts with the usual themes). */
  plan?: { themes: string[]; priorities: string[]; actions?: typeof towerHamletsPlan };
  /** `contactEmail`: a fictional shared address (example domains only) for partnership notices. */
  agencies: { key: string; name: string; kind: AgencyKind; sector: Sector; contactEmail?: string }[];
  /** Fictional people; `agency` is an agency key. */
  people: { key: string; name: string; jobTitle: string; agency: string }[];
  /** WT2023 lead and delegated safeguarding partners of the statutory agencies. */
  safeguardingPartners: { agency: string; person: string; role: 'lead' | 'delegated' }[];
  groups: {
    key: string;
    name: string;
    type: GroupType;
    cadence: Cadence;
    termsOfReference: string;
    chair?: string;
    sponsor?: string;
    reportsTo?: string;
    startsOn: string;
    endsOn?: string;
    members: string[];
  }[];
  /** The executive's rotating chair: agency keys with their turns. */
  chairRota: { agency: string; startsOn: string; endsOn: string }[];
  boardLinks: { name: string; relationship: string; jointPriorities: string }[];
  /** Group quorum rules: group key → rule. */
  quorums: { group: string; quorum: number | null; needsStatutory: boolean }[];
  /**
   * Meetings, dated from the day the demo is loaded (negative days: in the past), so there are always
   * past and coming ones. People are person keys.
   */
  meetings: {
    group: string;
    inDays: number;
    startTime: string;
    endTime: string;
    place: string;
    status: 'scheduled' | 'held';
    agenda: { title: string; lead?: string }[];
    present: string[];
    apologies: string[];
    decisions: string[];
    actions: {
      text: string;
      owner: string;
      dueInDays: number;
      status: 'open' | 'in-progress' | 'done';
      progress?: string;
    }[];
  }[];
  /** Escalations to the executive, dated from the day the demo is loaded. */
  escalations: {
    title: string;
    issue: string;
    ask: string;
    group?: string;
    agency: string;
    person?: string;
    raisedInDays: number;
    /** When the executive responded (and what it said), if it has. */
    response?: { inDays: number; response: string; decision: string; closedInDays?: number };
  }[];
  /** Emerging risks, dated from the day the demo is loaded; agencies and people are keys. */
  risks: {
    title: string;
    description: string;
    agency: string;
    person?: string;
    raisedInDays: number;
    partners: string[];
    response: string;
    owner?: string;
    status: 'open' | 'managed' | 'closed';
    reviewInDays?: number;
  }[];
  /**
   * Serious incidents and their reviews. A number is days from the day the demo is loaded (so the
   * clocks are live); a string is a fixed date (legacy reviews). Agencies and people are keys;
   * the team names demo accounts by role.
   */
  cases: DemoCase[];
  /** One account per role: `<role>@demo.example`, agency key. */
  accounts: { role: Role; name: string; agency: string }[];
};

type When = number | string;

export type DemoCase = {
  kind: 'incident' | 'legacy-scr';
  pseudonym: string;
  aware: When;
  outcome: 'died' | 'seriously-harmed';
  harmCategory: 'neglect' | 'physical-abuse' | 'sexual-abuse' | 'emotional-abuse' | 'exploitation' | 'other';
  ageBand: 'under-1' | '1-4' | '5-9' | '10-15' | '16-17' | '18-24';
  summary: string;
  agencies: string[];
  people: string[];
  notified?: When;
  rapidReview?: {
    panelMet: When;
    immediateLearning: string;
    recommendation: 'no-further-review' | 'lcspr' | 'national-panel';
    reasons: string;
    sent?: When;
  };
  decision?: { decision: 'no-further-review' | 'lcspr' | 'national-panel'; on: When; reasons: string };
  actions?: { text: string; agency: string; due?: When }[];
  team?: { role: Role; capacity: 'panel' | 'reviewer' | 'author' }[];
  review?: {
    methods: string[];
    termsOfReference: string;
    familyEngagement: string;
    themes: string[];
    completed?: When;
    sentToPanel?: When;
    published?: When;
    plannedPublication?: When;
  };
  recommendations?: { theme: string; recommendation: string; response: string }[];
  events?: {
    kind: 'learning-session' | 'follow-up-workshop' | 'reflection-session';
    on: When;
    notes: string;
    attendees: string[];
  }[];
  briefing?: {
    title: string;
    caseInBrief: string;
    whatWeLearnt: string;
    doDifferently: string;
    questions: string;
    published?: When;
  };
};
