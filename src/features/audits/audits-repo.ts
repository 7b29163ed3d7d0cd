import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import { financialYearBounds } from '../../platform/calendar/quarters.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import { type AuditStatus, type AuditType, PARTNERSHIP_LED_TYPES } from './rules.ts';

export type Audit = {
  id: string;
  number: number;
  type: AuditType;
  title: string;
  themeId: string | null;
  themeName: string | null;
  quarterStartsOn: string;
  agencyId: string;
  agencyName: string;
  leadPersonId: string | null;
  leadPersonName: string | null;
  status: AuditStatus;
  workshopOn: string | null;
  followUpOn: string | null;
  goodPractice: string;
  submittedOn: string | null;
  reviewedOn: string | null;
  reviewComments: string;
  /** The audit's source in the learning action plan, once a finding has been taken there. */
  sourceId: string | null;
  caseCount: number;
  findingCount: number;
};

const COLUMNS = `a.id, a.number, a.type, a.title, a.theme_id AS "themeId", t.name AS "themeName",
  a.quarter_starts_on AS "quarterStartsOn", a.agency_id AS "agencyId", g.name AS "agencyName",
  a.lead_person_id AS "leadPersonId", p.name AS "leadPersonName", a.status, a.workshop_on AS "workshopOn",
  a.follow_up_on AS "followUpOn", a.good_practice AS "goodPractice", a.submitted_on AS "submittedOn",
  a.reviewed_on AS "reviewedOn", a.review_comments AS "reviewComments",
  (SELECT s.id FROM plan_sources s WHERE s.partnership_id = a.partnership_id AND s.audit_id = a.id) AS "sourceId",
  (SELECT count(*)::int FROM audit_cases c WHERE c.audit_id = a.id) AS "caseCount",
  (SELECT count(*)::int FROM audit_findings f WHERE f.audit_id = a.id) AS "findingCount"`;
const FROM = `FROM audits a
  JOIN agencies g ON g.partnership_id = a.partnership_id AND g.id = a.agency_id
  LEFT JOIN plan_themes t ON t.partnership_id = a.partnership_id AND t.id = a.theme_id
  LEFT JOIN people p ON p.partnership_id = a.partnership_id AND p.id = a.lead_person_id`;

export type AuditFilter = { type?: AuditType; status?: AuditStatus; year?: number };

/** The programme in quarter order, then by number; keyset on (quarter, number). */
export async function listAudits(
  db: Queryable,
  partnershipId: string,
  filter: AuditFilter & { after: Cursor | null; limit: number },
) {
  const where = new Conditions()
    .add('a.partnership_id = ?', partnershipId)
    .addIf(filter.type, 'a.type = ?')
    .addIf(filter.status, 'a.status = ?');
  if (filter.year !== undefined) {
    const { from, to } = financialYearBounds(filter.year);
    where.add('a.quarter_starts_on >= ?::date AND a.quarter_starts_on < ?::date', from, to);
  }
  if (filter.after)
    where.add('(a.quarter_starts_on, a.number) > (?::date, ?::int)', filter.after.key, filter.after.id);
  const limit = where.limit(filter.limit + 1);
  return db.query<Audit>(
    `SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY a.quarter_starts_on, a.number ${limit}`,
    where.params,
  );
}

export async function findAudit(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Audit>(`SELECT ${COLUMNS} ${FROM} WHERE a.partnership_id = $1 AND a.id = $2`, [
    partnershipId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function lockAudit(db: Queryable, partnershipId: string, id: string) {
  await db.query('SELECT 1 FROM audits WHERE partnership_id = $1 AND id = $2 FOR UPDATE', [
    partnershipId,
    id,
  ]);
}

/** What is written of an audit: the input and the dates that follow from it. */
export type AuditRow = {
  type: AuditType;
  title: string;
  themeId: string | null;
  quarterStartsOn: string;
  agencyId: string;
  leadPersonId: string | null;
  status: AuditStatus;
  workshopOn: string | null;
  followUpOn: string | null;
  goodPractice: string;
  submittedOn: string | null;
};

const rowParams = (a: AuditRow) => [
  a.type,
  a.title,
  a.themeId,
  a.quarterStartsOn,
  a.agencyId,
  a.leadPersonId,
  a.status,
  a.workshopOn,
  a.followUpOn,
  a.goodPractice,
  a.submittedOn,
];

/** Adds an audit with the partnership's next number (under a per-partnership lock). */
export async function insertAudit(db: Queryable, partnershipId: string, audit: AuditRow) {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-numbers:${partnershipId}`]);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO audits (partnership_id, number, type, title, theme_id, quarter_starts_on, agency_id, lead_person_id,
       status, workshop_on, follow_up_on, good_practice, submitted_on)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM audits WHERE partnership_id = $1),
       $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [partnershipId, ...rowParams(audit)],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateAudit(db: Queryable, partnershipId: string, id: string, audit: AuditRow) {
  await db.query(
    `UPDATE audits SET type = $3, title = $4, theme_id = $5, quarter_starts_on = $6, agency_id = $7,
       lead_person_id = $8, status = $9, workshop_on = $10, follow_up_on = $11, good_practice = $12,
       submitted_on = $13, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, ...rowParams(audit)],
  );
}

export async function recordReview(
  db: Queryable,
  partnershipId: string,
  id: string,
  review: { reviewedOn: string; comments: string },
) {
  await db.query(
    `UPDATE audits SET reviewed_on = $3, review_comments = $4, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, review.reviewedOn, review.comments],
  );
}

/**
 * Sets every partnership-led audit's follow-up to its workshop date plus `months`. PostgreSQL's
 * date + interval keeps to the month's last day as addMonths does (31 March + 6 months is 30 September).
 * Returns how many audits have a follow-up date.
 */
export async function recomputeFollowUps(db: Queryable, partnershipId: string, months: number) {
  const rows = await db.query<{ id: string }>(
    `UPDATE audits SET follow_up_on = (workshop_on + make_interval(months => $2::int))::date, updated_at = now()
     WHERE partnership_id = $1 AND type = ANY($3::text[]) AND workshop_on IS NOT NULL
     RETURNING id`,
    [partnershipId, months, PARTNERSHIP_LED_TYPES],
  );
  return rows.length;
}

/** Which of the references an audit names are this partnership's, in one query. */
export async function checkReferences(
  db: Queryable,
  partnershipId: string,
  refs: { agencyId: string; leadPersonId: string | null; themeId: string | null },
) {
  const rows = await db.query<{ agency: boolean; person: boolean; theme: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM agencies WHERE partnership_id = $1 AND id = $2) AS agency,
       ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE partnership_id = $1 AND id = $3)) AS person,
       ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM plan_themes WHERE partnership_id = $1 AND id = $4)) AS theme`,
    [partnershipId, refs.agencyId, refs.leadPersonId, refs.themeId],
  );
  return rows[0] as { agency: boolean; person: boolean; theme: boolean };
}

/** The partnership's follow-up setting in months, or null for the default. */
export async function followUpMonths(db: Queryable, partnershipId: string) {
  const rows = await db.query<{ months: number }>(
    'SELECT audit_follow_up_months AS months FROM plan_settings WHERE partnership_id = $1',
    [partnershipId],
  );
  return rows[0]?.months ?? null;
}

export async function saveFollowUpMonths(db: Queryable, partnershipId: string, months: number) {
  await db.query(
    `INSERT INTO plan_settings (partnership_id, audit_follow_up_months) VALUES ($1, $2)
     ON CONFLICT (partnership_id) DO UPDATE SET audit_follow_up_months = EXCLUDED.audit_follow_up_months,
       updated_at = now()`,
    [partnershipId, months],
  );
}
