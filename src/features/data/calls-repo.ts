import type { Queryable } from '../../db/database.ts';
import type { Figure } from './figures.ts';

export type DataCall = {
  id: string;
  quarterStartsOn: string;
  deadline: string;
  note: string;
  openedOn: string;
};

export type Submission = {
  id: string;
  callId: string;
  agencyId: string;
  status: 'draft' | 'submitted';
  narrative: string;
  submittedOn: string | null;
  late: boolean;
  amendedOn: string | null;
  updatedBy: string;
};

const CALL_COLUMNS = `id, quarter_starts_on AS "quarterStartsOn", deadline, note, opened_on AS "openedOn"`;
const SUBMISSION_COLUMNS = `id, call_id AS "callId", agency_id AS "agencyId", status, narrative,
  submitted_on AS "submittedOn", late, amended_on AS "amendedOn", updated_by AS "updatedBy"`;

/** Calls newest first; keyset on the quarter. */
export function listCalls(db: Queryable, partnershipId: string, before: string | null, limit: number) {
  return db.query<DataCall>(
    `SELECT ${CALL_COLUMNS} FROM data_calls WHERE partnership_id = $1
       AND ($2::date IS NULL OR quarter_starts_on < $2::date)
     ORDER BY quarter_starts_on DESC LIMIT $3`,
    [partnershipId, before, limit],
  );
}

export async function findCall(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<DataCall>(
    `SELECT ${CALL_COLUMNS} FROM data_calls WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/** The call of the latest quarter on or before `quarter` (or of all, when none is given). */
export async function latestCall(db: Queryable, partnershipId: string, quarter: string | null = null) {
  const rows = await db.query<DataCall>(
    `SELECT ${CALL_COLUMNS} FROM data_calls WHERE partnership_id = $1
       AND ($2::date IS NULL OR quarter_starts_on <= $2::date)
     ORDER BY quarter_starts_on DESC LIMIT 1`,
    [partnershipId, quarter],
  );
  return rows[0] ?? null;
}

export async function insertCall(
  db: Queryable,
  partnershipId: string,
  input: { quarterStartsOn: string; deadline: string; note: string; openedOn: string },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO data_calls (partnership_id, quarter_starts_on, deadline, note, opened_on)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [partnershipId, input.quarterStartsOn, input.deadline, input.note, input.openedOn],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateCall(
  db: Queryable,
  partnershipId: string,
  id: string,
  input: { deadline: string; note: string },
) {
  await db.query('UPDATE data_calls SET deadline = $3, note = $4 WHERE partnership_id = $1 AND id = $2', [
    partnershipId,
    id,
    input.deadline,
    input.note,
  ]);
}

export async function findSubmission(db: Queryable, partnershipId: string, callId: string, agencyId: string) {
  const rows = await db.query<Submission>(
    `SELECT ${SUBMISSION_COLUMNS} FROM data_submissions WHERE partnership_id = $1 AND call_id = $2 AND agency_id = $3`,
    [partnershipId, callId, agencyId],
  );
  return rows[0] ?? null;
}

/** The agency's submission to the call, made as a draft if there is none yet; locked for the change. */
export async function ensureSubmission(
  db: Queryable,
  partnershipId: string,
  callId: string,
  agencyId: string,
  actor: string,
) {
  await db.query(
    `INSERT INTO data_submissions (partnership_id, call_id, agency_id, status, updated_by)
     VALUES ($1, $2, $3, 'draft', $4) ON CONFLICT (call_id, agency_id) DO NOTHING`,
    [partnershipId, callId, agencyId, actor],
  );
  const rows = await db.query<Submission>(
    `SELECT ${SUBMISSION_COLUMNS} FROM data_submissions WHERE partnership_id = $1 AND call_id = $2 AND agency_id = $3
     FOR UPDATE`,
    [partnershipId, callId, agencyId],
  );
  return rows[0] as Submission;
}

export async function saveSubmission(
  db: Queryable,
  id: string,
  change: {
    narrative?: string | null;
    submittedOn?: string;
    late?: boolean;
    amendedOn?: string;
    actor: string;
  },
) {
  await db.query(
    `UPDATE data_submissions SET narrative = coalesce($2, narrative),
       status = CASE WHEN $3::date IS NULL THEN status ELSE 'submitted' END,
       submitted_on = coalesce(submitted_on, $3::date), late = coalesce($4, late),
       amended_on = coalesce($5::date, amended_on), updated_by = $6, updated_at = now()
     WHERE id = $1`,
    [
      id,
      change.narrative ?? null,
      change.submittedOn ?? null,
      change.late ?? null,
      change.amendedOn ?? null,
      change.actor,
    ],
  );
}

/** Rows at a time, so a 100,000-row upload is a few statements, not 100,000. */
const CHUNK = 5_000;

/** Adds figures to one agency's submissions or replaces those for the same indicator and quarter. */
export async function upsertFigures(
  db: Queryable,
  partnershipId: string,
  submissionOf: (agencyId: string) => string,
  figures: Figure[],
) {
  for (let start = 0; start < figures.length; start += CHUNK) {
    const chunk = figures.slice(start, start + CHUNK);
    await db.query(
      `INSERT INTO data_figures (partnership_id, submission_id, indicator_id, agency_id, period_starts_on, value)
       SELECT $1, s, i, a, p, v FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::numeric[]) AS t(s, i, a, p, v)
       ON CONFLICT (submission_id, indicator_id, period_starts_on) DO UPDATE SET value = excluded.value`,
      [
        partnershipId,
        chunk.map((f) => submissionOf(f.agencyId)),
        chunk.map((f) => f.indicatorId),
        chunk.map((f) => f.agencyId),
        chunk.map((f) => f.periodStartsOn),
        chunk.map((f) => f.value),
      ],
    );
  }
}

/** Removes a submission's figures for these indicators in the quarters from `from` to `to`. */
export async function clearFigures(
  db: Queryable,
  submissionId: string,
  indicatorIds: string[],
  from: string,
  to: string,
) {
  await db.query(
    `DELETE FROM data_figures WHERE submission_id = $1 AND indicator_id = ANY($2::uuid[])
       AND period_starts_on BETWEEN $3::date AND $4::date`,
    [submissionId, indicatorIds, from, to],
  );
}

/**
 * Makes a submitted submission's figures the ones the dashboard shows: each replaces the figure
 * current for its indicator, agency and quarter.
 */
export async function makeCurrent(db: Queryable, submissionId: string) {
  await db.query(
    `UPDATE data_figures o SET current = false FROM data_figures n
     WHERE n.submission_id = $1 AND o.current AND o.submission_id <> $1
       AND o.indicator_id = n.indicator_id AND o.period_starts_on = n.period_starts_on AND o.agency_id = n.agency_id`,
    [submissionId],
  );
  await db.query('UPDATE data_figures SET current = true WHERE submission_id = $1 AND NOT current', [
    submissionId,
  ]);
}

export type SubmissionFigure = { indicatorId: string; periodStartsOn: string; value: string };

/** A submission's figures for the quarters from `from` to `to`, latest first per indicator. */
export function submissionFigures(db: Queryable, submissionId: string, from: string, to: string) {
  return db.query<SubmissionFigure>(
    `SELECT indicator_id AS "indicatorId", period_starts_on AS "periodStartsOn", value FROM data_figures
     WHERE submission_id = $1 AND period_starts_on BETWEEN $2::date AND $3::date
     ORDER BY indicator_id, period_starts_on DESC`,
    [submissionId, from, to],
  );
}

export function countFigures(db: Queryable, submissionId: string) {
  return db
    .query<{ n: number }>('SELECT count(*)::int AS n FROM data_figures WHERE submission_id = $1', [
      submissionId,
    ])
    .then((rows) => rows[0]?.n ?? 0);
}

export type ComplianceRow = {
  agencyId: string;
  agencyName: string;
  status: 'draft' | 'submitted' | null;
  late: boolean;
  submittedOn: string | null;
  asked: number;
  forQuarter: number;
  olderOnly: number;
};

/** Every agency asked for anything, with what its submission to the call holds. */
export function complianceRows(db: Queryable, partnershipId: string, call: DataCall) {
  return db.query<ComplianceRow>(
    `SELECT * FROM (
       SELECT a.id AS "agencyId", a.name AS "agencyName", s.status, coalesce(s.late, false) AS late,
         s.submitted_on AS "submittedOn",
         (SELECT count(*)::int FROM indicators i WHERE i.partnership_id = $1 AND NOT i.retired
           AND (i.asked_of = 'every-partner' OR i.agency_id = a.id)) AS asked,
         (SELECT count(DISTINCT f.indicator_id)::int FROM data_figures f
           WHERE f.submission_id = s.id AND f.period_starts_on = $3) AS "forQuarter",
         (SELECT count(DISTINCT f.indicator_id)::int FROM data_figures f
           WHERE f.submission_id = s.id AND f.period_starts_on < $3 AND NOT EXISTS (
             SELECT 1 FROM data_figures q WHERE q.submission_id = s.id AND q.indicator_id = f.indicator_id
               AND q.period_starts_on = $3)) AS "olderOnly"
       FROM agencies a
       LEFT JOIN data_submissions s ON s.call_id = $2 AND s.agency_id = a.id
       WHERE a.partnership_id = $1 AND a.is_active) c
     WHERE asked > 0 ORDER BY "agencyName", "agencyId"`,
    [partnershipId, call.id, call.quarterStartsOn],
  );
}

export type OutOfPeriodFigure = {
  agencyName: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  periodStartsOn: string;
};

/**
 * Figures sent to the call for an older quarter where the call's own quarter has none: what the
 * dashboard must not silently mix with the quarter's figures. The latest older one per indicator.
 */
export function outOfPeriodFigures(db: Queryable, partnershipId: string, call: DataCall, limit: number) {
  return db.query<OutOfPeriodFigure>(
    `SELECT DISTINCT ON (g.name, i.name, f.agency_id, f.indicator_id) g.name AS "agencyName",
       i.id AS "indicatorId", i.code AS "indicatorCode", i.name AS "indicatorName",
       f.period_starts_on AS "periodStartsOn"
     FROM data_submissions s
     JOIN data_figures f ON f.submission_id = s.id AND f.period_starts_on < $3
     JOIN indicators i ON i.id = f.indicator_id
     JOIN agencies g ON g.id = s.agency_id
     WHERE s.partnership_id = $1 AND s.call_id = $2
       AND NOT EXISTS (SELECT 1 FROM data_figures q WHERE q.submission_id = s.id
         AND q.indicator_id = f.indicator_id AND q.period_starts_on = $3)
     ORDER BY g.name, i.name, f.agency_id, f.indicator_id, f.period_starts_on DESC
     LIMIT $4`,
    [partnershipId, call.id, call.quarterStartsOn, limit],
  );
}

/** Agencies by lower-case name, for reading names in an upload. */
export function agencyRefs(db: Queryable, partnershipId: string) {
  return db.query<{ id: string; name: string }>(
    'SELECT id, name FROM agencies WHERE partnership_id = $1 AND is_active ORDER BY name',
    [partnershipId],
  );
}

/** Each submitted narrative of a call, by agency. */
export function narratives(db: Queryable, partnershipId: string, callId: string) {
  return db.query<{ agencyName: string; narrative: string }>(
    `SELECT g.name AS "agencyName", s.narrative FROM data_submissions s JOIN agencies g ON g.id = s.agency_id
     WHERE s.partnership_id = $1 AND s.call_id = $2 AND s.status = 'submitted' AND s.narrative <> ''
     ORDER BY g.name`,
    [partnershipId, callId],
  );
}
