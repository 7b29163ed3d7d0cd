/**
 * The demo partnership's audit programme (PRODUCT §5), dated from today's financial quarter: multi-agency
 * audits held as a workshop (one chaired by the Independent Scrutineer, looking at several cases of a
 * similar nature), a themed audit, and agencies' own audits reviewed by the QA and Performance group,
 * as the seeds (003) describe the partnership's way of working. Every pseudonym is FICTIONAL, and so
 * are the findings, grades and comments.
 */
import type { Queryable } from '../src/db/database.ts';
import {
  type Area,
  type AuditStatus,
  type AuditType,
  DEFAULT_FOLLOW_UP_MONTHS,
  followUpFor,
  type Grade,
  isPartnerSubmitted,
} from '../src/features/audits/rules.ts';
import { quarterStart } from '../src/platform/calendar/quarters.ts';
import { todayInLondon } from '../src/platform/calendar/today.ts';
import { addDays, addMonths } from '../src/platform/calendar/working-days.ts';
import { insertPlanAction } from './plan-rows.ts';

type DemoAudit = {
  type: AuditType;
  title: string;
  theme: string | null;
  /** Quarters from today's: -1 is the last quarter. */
  quarter: number;
  agency: string;
  lead: string | null;
  status: AuditStatus;
  /** Days into its quarter the workshop was (or will be) held. */
  workshopDay?: number;
  /** Days into its quarter the agency submitted it, and the group reviewed it. */
  submittedDay?: number;
  reviewedDay?: number;
  reviewComments?: string;
  goodPractice?: string;
  cases?: { pseudonym: string; agencies: string[] }[];
  grades?: Partial<Record<Area, Grade>>;
  findings?: string[];
  /** Actions taken from its findings into the plan: the finding's index, the action and its owner. */
  actions?: { finding: number; text: string; agency: string; status: string; dueInDays: number }[];
};

const AUDITS: DemoAudit[] = [
  {
    type: 'multi-agency',
    title: 'Older children harmed by, or involved in, serious youth violence',
    theme: 'Exploitation',
    quarter: -3,
    agency: 'scrutiny',
    lead: 'scrutineer',
    status: 'completed',
    workshopDay: 23,
    goodPractice:
      'Youth justice workers kept in touch with two of the young people through custody and release, and their plans followed them. Schools raised early concerns about going missing in every case.',
    cases: [
      { pseudonym: 'Young person R', agencies: ['police', 'yjs', 'la', 'schools'] },
      { pseudonym: 'Young person T', agencies: ['police', 'yjs', 'la', 'bartshealth'] },
      { pseudonym: 'Child V', agencies: ['la', 'schools', 'elft'] },
    ],
    grades: {
      recognition: 'requires-improvement',
      assessment: 'good',
      planning: 'requires-improvement',
      'joint-working': 'requires-improvement',
      'voice-of-the-child': 'good',
      outcome: 'requires-improvement',
    },
    findings: [
      'Exclusion from school came before the first exploitation referral in all three cases, but no agency treated it as a trigger for a multi-agency discussion.',
      'Emergency department attendances with minor injuries were not shared with the allocated social worker in two cases.',
    ],
    actions: [
      {
        finding: 0,
        text: 'Add permanent and fixed-term exclusions of children known to social care to the exploitation screening checklist',
        agency: 'la',
        status: 'in-progress',
        dueInDays: 300,
      },
    ],
  },
  {
    type: 'themed',
    title: 'Children living with domestic abuse: what police call-outs tell other agencies',
    theme: 'Domestic abuse',
    quarter: -2,
    agency: 'la',
    lead: 'vawg',
    status: 'completed',
    workshopDay: 40,
    goodPractice:
      'Notifications from police to schools after a call-out reached the designated safeguarding lead by the next school day in most cases.',
    cases: [
      { pseudonym: 'Child A', agencies: ['police', 'schools', 'la'] },
      { pseudonym: 'Sibling group B', agencies: ['police', 'gpcg', 'la'] },
    ],
    grades: { recognition: 'good', 'joint-working': 'good', 'voice-of-the-child': 'inadequate' },
    findings: [
      'Children present during incidents were rarely spoken to on their own: records described what adults said about them.',
    ],
    actions: [
      {
        finding: 0,
        text: 'Make speaking to each child alone a recorded step of the domestic abuse risk assessment',
        agency: 'police',
        status: 'agreed',
        dueInDays: 270,
      },
    ],
  },
  {
    type: 'single-agency',
    title: 'Safeguarding supervision in child and adolescent mental health services',
    theme: 'Supervision',
    quarter: -2,
    agency: 'elft',
    lead: 'elft-camhs',
    status: 'completed',
    submittedDay: 62,
    reviewedDay: 85,
    reviewComments:
      'The group welcomed the audit. Supervision was recorded in most files sampled; it asked the trust to re-audit in a year and to report the gaps in agency staff supervision.',
    grades: { planning: 'good', outcome: 'good' },
    findings: ['Supervision of locum staff was not recorded in a third of the files sampled.'],
  },
  {
    type: 'section-11',
    title: 'Section 11 self-assessment',
    theme: null,
    quarter: -1,
    agency: 'police',
    lead: 'police-dsupt-pp',
    status: 'completed',
    submittedDay: 70,
    goodPractice: 'Safeguarding training for front-line officers is up to date across the command.',
  },
  {
    type: 'multi-agency',
    title: 'Neglect of children under five',
    theme: 'Neglect',
    quarter: 0,
    agency: 'icb',
    lead: 'icb-desnurse',
    status: 'in-progress',
    workshopDay: 75,
    cases: [
      { pseudonym: 'Child D', agencies: ['gpcg', 'la', 'bartshealth'] },
      { pseudonym: 'Child E', agencies: ['gpcg', 'la'] },
    ],
  },
  {
    type: 'section-175',
    title: 'Safeguarding arrangements in schools',
    theme: null,
    quarter: 1,
    agency: 'schools',
    lead: 'secondary-dsl',
    status: 'planned',
  },
];

function need(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`demo audits: unknown key ${key}`);
  return id;
}

/**
 * Inserts the audit programme in the caller's transaction. `themeIds` is keyed by theme name (a theme
 * the partnership lacks is left off); agencies and people by their keys in demo/tower-hamlets.ts.
 */
export async function insertDemoAudits(
  tx: Queryable,
  partnershipId: string,
  ids: { agencyIds: Map<string, string>; personIds: Map<string, string>; themeIds: Map<string, string> },
) {
  const today = todayInLondon();
  const thisQuarter = quarterStart(today);
  const [{ next } = { next: 1 }] = await tx.query<{ next: number }>(
    'SELECT coalesce(max(number), 0) + 1 AS next FROM audits WHERE partnership_id = $1',
    [partnershipId],
  );
  let number = next;
  for (const a of AUDITS) {
    const starts = addMonths(thisQuarter, 3 * a.quarter);
    const on = (day: number | undefined) => (day === undefined ? null : addDays(starts, day));
    const workshopOn = on(a.workshopDay);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO audits (partnership_id, number, type, title, theme_id, quarter_starts_on, agency_id,
         lead_person_id, status, workshop_on, follow_up_on, good_practice, submitted_on, reviewed_on, review_comments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        partnershipId,
        number,
        a.type,
        a.title,
        a.theme ? (ids.themeIds.get(a.theme) ?? null) : null,
        starts,
        need(ids.agencyIds, a.agency),
        a.lead ? need(ids.personIds, a.lead) : null,
        a.status,
        workshopOn,
        followUpFor({ type: a.type, workshopOn }, DEFAULT_FOLLOW_UP_MONTHS),
        a.goodPractice ?? '',
        isPartnerSubmitted(a.type) ? on(a.submittedDay) : null,
        on(a.reviewedDay),
        a.reviewComments ?? '',
      ],
    );
    const auditId = (row as { id: string }).id;
    for (const c of a.cases ?? [])
      await tx.query(
        'INSERT INTO audit_cases (partnership_id, audit_id, pseudonym, agency_ids) VALUES ($1, $2, $3, $4::uuid[])',
        [partnershipId, auditId, c.pseudonym, c.agencies.map((key) => need(ids.agencyIds, key))],
      );
    const grades = Object.entries(a.grades ?? {});
    if (grades.length > 0)
      await tx.query(
        `INSERT INTO audit_grades (partnership_id, audit_id, area, grade)
         SELECT $1, $2, g.area, g.grade FROM unnest($3::text[], $4::text[]) AS g(area, grade)`,
        [partnershipId, auditId, grades.map(([area]) => area), grades.map(([, grade]) => grade)],
      );
    for (const text of a.findings ?? [])
      await tx.query('INSERT INTO audit_findings (partnership_id, audit_id, text) VALUES ($1, $2, $3)', [
        partnershipId,
        auditId,
        text,
      ]);
    if (a.actions?.length) {
      const datedOn = workshopOn ?? starts;
      const [source] = await tx.query<{ id: string }>(
        `INSERT INTO plan_sources (partnership_id, kind, title, dated_on, audit_id) VALUES ($1, 'audit', $2, $3, $4)
         RETURNING id`,
        [partnershipId, `AUD-${number}: ${a.title}`, datedOn, auditId],
      );
      for (const action of a.actions)
        await insertPlanAction(tx, partnershipId, {
          sourceId: (source as { id: string }).id,
          detail: a.findings?.[action.finding] ?? '',
          text: action.text,
          agencyId: need(ids.agencyIds, action.agency),
          raisedOn: datedOn,
          dueOn: addDays(datedOn, action.dueInDays),
          status: action.status,
          themeIds: a.theme && ids.themeIds.has(a.theme) ? [need(ids.themeIds, a.theme)] : [],
        });
    }
    number += 1;
  }
}
