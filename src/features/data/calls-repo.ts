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

/**
 * Adds figures to their agencies' submissions or replaces those for the same indicator and quarter.
 * A figure written into a submitted submission (an amendment) is current as it is written: the
 * caller first takes the mark off the figures it replaces (supersedeFigures). Writing the mark with
 * the row, rather than marking the rows after, writes each row once; a 100,000-figure upload spent
 * most of its time writing every row a second time.
 */
export async function upsertFigures(
  db: Queryable,
  partnershipId: string,
  submissionOf: (agencyId: string) => { id: string; submitted: boolean },
  figures: Figure[],
) {
  const ordered = inIndexOrder(figures);
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    const submissions = chunk.map((f) => submissionOf(f.agencyId));
    await db.query(
      `INSERT INTO data_figures (partnership_id, submission_id, indicator_id, agency_id, period_starts_on, value, current)
       SELECT $1, s, i, a, p, v, c
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::numeric[], $7::boolean[]) AS t(s, i, a, p, v, c)
       ON CONFLICT (submission_id, indicator_id, period_starts_on)
         DO UPDATE SET value = excluded.value, current = data_figures.current OR excluded.current`,
      [
        partnershipId,
        submissions.map((x) => x.id),
        chunk.map((f) => f.indicatorId),
        chunk.map((f) => f.agencyId),
        chunk.map((f) => f.periodStartsOn),
        chunk.map((f) => f.value),
        submissions.map((x) => x.submitted),
      ],
    );
  }
}

/**
 * Figures in the order of their series index (indicator, agency, quarter): rows written one after
 * another then land on the same index pages rather than random ones. On the 1x benchmark data this
 * took the upload's INSERTs from 9.8 to 7.4-8.2 s.
 */
function inIndexOrder<T extends Figure>(figures: T[]): T[] {
  return figures
    .map((f) => [`${f.indicatorId} ${f.agencyId} ${f.periodStartsOn}`, f] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([, f]) => f);
}

/**
 * Takes the current mark off other submissions' figures for the indicators, agencies and quarters
 * that figures about to be written into submitted submissions replace (see upsertFigures).
 */
export async function supersedeFigures(db: Queryable, figures: (Figure & { submissionId: string })[]) {
  const ordered = inIndexOrder(figures);
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    await db.query(
      `UPDATE data_figures o SET current = false
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[]) AS k(s, i, a, p)
        WHERE o.current AND o.indicator_id = k.i AND o.period_starts_on = k.p AND o.agency_id = k.a
          AND o.submission_id <> k.s`,
      [
        chunk.map((f) => f.submissionId),
        chunk.map((f) => f.indicatorId),
        chunk.map((f) => f.agencyId),
        chunk.map((f) => f.periodStartsOn),
      ],
    );
  }
}

/**
 * Removes, for each of these indicators, the figure the submission's form shows: its latest in the
 * quarters from `from` to `to`. Its other figures (a series sent by upload) stay.
 */
export async function clearFigures(
  db: Queryable,
  submissionId: string,
  indicatorIds: string[],
  from: string,
  to: string,
) {
  return db.query<HeadlineKey & { agencyId: string }>(
    `DELETE FROM data_figures f WHERE f.submission_id = $1 AND f.indicator_id = ANY($2::uuid[])
       AND f.period_starts_on = (SELECT max(g.period_starts_on) FROM data_figures g
         WHERE g.submission_id = $1 AND g.indicator_id = f.indicator_id
           AND g.period_starts_on BETWEEN $3::date AND $4::date)
     RETURNING f.indicator_id AS "indicatorId", f.agency_id AS "agencyId", f.period_starts_on AS "periodStartsOn"`,
    [submissionId, indicatorIds, from, to],
  );
}

/**
 * Where a removed figure was the one the dashboard showed, the figure submitted most recently before
 * it (in another call's submission) is shown again, rather than none.
 */
export async function restoreCurrent(db: Queryable, removed: (HeadlineKey & { agencyId: string })[]) {
  if (!removed.length) return;
  await db.query(
    `UPDATE data_figures f SET current = true FROM (
       SELECT DISTINCT ON (g.indicator_id, g.agency_id, g.period_starts_on) g.id
       FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS k(indicator_id, agency_id, period_starts_on)
       JOIN data_figures g ON g.indicator_id = k.indicator_id AND g.agency_id = k.agency_id
         AND g.period_starts_on = k.period_starts_on
       JOIN data_submissions s ON s.id = g.submission_id AND s.status = 'submitted'
       WHERE NOT EXISTS (SELECT 1 FROM data_figures c WHERE c.indicator_id = k.indicator_id
         AND c.agency_id = k.agency_id AND c.period_starts_on = k.period_starts_on AND c.current)
       ORDER BY g.indicator_id, g.agency_id, g.period_starts_on, s.updated_at DESC, g.id DESC) pick
     WHERE f.id = pick.id`,
    [removed.map((k) => k.indicatorId), removed.map((k) => k.agencyId), removed.map((k) => k.periodStartsOn)],
  );
}

export type HeadlineKey = { indicatorId: string; periodStartsOn: string };

/**
 * Inserts the headline figure of each (indicator, quarter) in `keys` (a subquery with columns
 * indicator_id and period_starts_on) from its current figures: the owner's figure, or for a count asked
 * of every partner the sum of all agencies', with how many agencies it is made of (see data_headlines).
 */
const insertHeadlines = (
  keys: string,
) => `INSERT INTO data_headlines (indicator_id, period_starts_on, value, agencies)
  SELECT k.indicator_id, k.period_starts_on, v.value, v.agencies
  FROM (${keys}) k JOIN indicators i ON i.id = k.indicator_id
  CROSS JOIN LATERAL (
    SELECT CASE WHEN i.asked_of = 'every-partner' AND i.unit = 'count'
        THEN sum(f.value) ELSE max(f.value) FILTER (WHERE f.agency_id = i.agency_id) END AS value,
      count(*) FILTER (WHERE (i.asked_of = 'every-partner' AND i.unit = 'count') OR f.agency_id = i.agency_id)::int
        AS agencies
    FROM data_figures f
    WHERE f.indicator_id = k.indicator_id AND f.current AND f.period_starts_on = k.period_starts_on) v
  WHERE v.value IS NOT NULL`;

/**
 * Works the headline figures out again for these indicators and quarters, after their current
 * figures changed: kept where there is one, removed where there is none. The caller holds the
 * indicators' locks (lockIndicators), so two submissions never work out the same sum at once.
 */
export async function refreshHeadlines(db: Queryable, keys: HeadlineKey[]) {
  if (!keys.length) return;
  const pairs = `SELECT DISTINCT * FROM unnest($1::uuid[], $2::date[]) AS k(indicator_id, period_starts_on)`;
  const params = [keys.map((k) => k.indicatorId), keys.map((k) => k.periodStartsOn)];
  await db.query(
    `DELETE FROM data_headlines h USING (${pairs}) k
     WHERE h.indicator_id = k.indicator_id AND h.period_starts_on = k.period_starts_on`,
    params,
  );
  await db.query(insertHeadlines(pairs), params);
}

/** Every headline of one indicator worked out again (its owner, unit or who is asked changed). */
export async function refreshIndicatorHeadlines(db: Queryable, indicatorId: string) {
  await db.query('DELETE FROM data_headlines WHERE indicator_id = $1', [indicatorId]);
  await db.query(
    insertHeadlines(
      'SELECT DISTINCT indicator_id, period_starts_on FROM data_figures WHERE indicator_id = $1 AND current',
    ),
    [indicatorId],
  );
}

/**
 * Locks the indicators a change writes figures of, in id order: two submissions of the same
 * indicators then change their current figures and headlines one after the other, never both at once.
 */
export async function lockIndicators(db: Queryable, ids: string[]) {
  if (!ids.length) return;
  await db.query('SELECT id FROM indicators WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
    [...new Set(ids)].sort(),
  ]);
}

/** The quarters a submission's figures are for, by indicator: what its submitting changes. */
export function submissionKeys(db: Queryable, submissionId: string) {
  return db.query<HeadlineKey>(
    `SELECT DISTINCT indicator_id AS "indicatorId", period_starts_on AS "periodStartsOn" FROM data_figures
     WHERE submission_id = $1`,
    [submissionId],
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
  await db.query('UPDATE data_figures n SET current = true WHERE n.submission_id = $1 AND NOT n.current', [
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

/**
 * Works out again what submissions answer (data_submissions.for_quarter and older_only): of the
 * indicators asked of the agency and in use, how many have a figure for the call's quarter, and how
 * many only one for an older quarter. For the submissions whose `column` is one of `values`.
 */
async function countAnswers(db: Queryable, column: 'id' | 'partnership_id', values: string[]) {
  await db.query(
    `UPDATE data_submissions t SET for_quarter = coalesce(c.for_quarter, 0), older_only = coalesce(c.older_only, 0)
     FROM (
       SELECT s.id, count(x.indicator_id) FILTER (WHERE x.in_period)::int AS for_quarter,
         count(x.indicator_id) FILTER (WHERE NOT x.in_period)::int AS older_only
       FROM data_submissions s JOIN data_calls dc ON dc.id = s.call_id
       LEFT JOIN (
         SELECT f.submission_id, f.indicator_id, bool_or(f.period_starts_on = dc2.quarter_starts_on) AS in_period
         FROM data_figures f
         JOIN data_submissions s2 ON s2.id = f.submission_id
         JOIN data_calls dc2 ON dc2.id = s2.call_id
         JOIN indicators i ON i.id = f.indicator_id AND NOT i.retired
           AND (i.asked_of = 'every-partner' OR i.agency_id = s2.agency_id)
         WHERE s2.${column} = ANY($1::uuid[])
         GROUP BY f.submission_id, f.indicator_id) x ON x.submission_id = s.id
       WHERE s.${column} = ANY($1::uuid[])
       GROUP BY s.id) c
     WHERE t.id = c.id`,
    [values],
  );
}

/**
 * Serialises the two ways what submissions answer is worked out again: saving figures takes this
 * shared, changing an indicator's audience or use takes it exclusive, each as its transaction's
 * first lock. Otherwise a save counting while an indicator changes could write a count from
 * before the change after it, and the compliance return lists out-of-period figures by that count.
 */
export async function lockAnswers(db: Queryable, partnershipId: string, mode: 'share' | 'exclusive') {
  const lock = mode === 'share' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await db.query(`SELECT ${lock}(hashtext($1))`, [`submission-answers:${partnershipId}`]);
}

/** What these submissions answer, worked out again after their figures changed. */
export const countSubmissionAnswers = (db: Queryable, ids: string[]) =>
  ids.length ? countAnswers(db, 'id', ids) : Promise.resolve();

/** What every submission of a partnership answers, after an indicator's owner, audience or use changed. */
export const countAllAnswers = (db: Queryable, partnershipId: string) =>
  countAnswers(db, 'partnership_id', [partnershipId]);

/** Every agency asked for anything, with what its submission to the call holds (if submitted). */
export function complianceRows(db: Queryable, partnershipId: string, call: DataCall) {
  return db.query<ComplianceRow>(
    `WITH owned AS (
       SELECT agency_id, count(*)::int AS n FROM indicators
       WHERE partnership_id = $1 AND NOT retired AND asked_of = 'owner' GROUP BY agency_id),
     everyone AS (
       SELECT count(*)::int AS n FROM indicators WHERE partnership_id = $1 AND NOT retired AND asked_of = 'every-partner')
     SELECT a.id AS "agencyId", a.name AS "agencyName", s.status, coalesce(s.late, false) AS late,
       s.submitted_on AS "submittedOn", everyone.n + coalesce(owned.n, 0) AS asked,
       CASE WHEN s.status = 'submitted' THEN s.for_quarter ELSE 0 END AS "forQuarter",
       CASE WHEN s.status = 'submitted' THEN s.older_only ELSE 0 END AS "olderOnly"
     FROM agencies a CROSS JOIN everyone
     LEFT JOIN owned ON owned.agency_id = a.id
     LEFT JOIN data_submissions s ON s.call_id = $2 AND s.agency_id = a.id
     WHERE a.partnership_id = $1 AND a.is_active AND everyone.n + coalesce(owned.n, 0) > 0
     ORDER BY a.name, a.id`,
    [partnershipId, call.id],
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
  // Exactly the figures behind each submission's `older_only` count: indicators in use and asked of
  // the agency, with a figure for an older quarter and none for the call's. Submissions whose count
  // is 0 (nearly all of them) are passed over without reading a figure: at 10x, reading every
  // figure of a call's submissions made the planner choose a parallel scan of all 6 million.
  return db.query<OutOfPeriodFigure>(
    `SELECT DISTINCT ON (g.name, i.name, f.agency_id, f.indicator_id) g.name AS "agencyName",
       i.id AS "indicatorId", i.code AS "indicatorCode", i.name AS "indicatorName",
       f.period_starts_on AS "periodStartsOn"
     FROM data_submissions s
     JOIN data_figures f ON f.submission_id = s.id AND f.period_starts_on < $3
     JOIN indicators i ON i.id = f.indicator_id AND NOT i.retired
       AND (i.asked_of = 'every-partner' OR i.agency_id = s.agency_id)
     JOIN agencies g ON g.id = s.agency_id
     WHERE s.partnership_id = $1 AND s.call_id = $2 AND s.status = 'submitted' AND s.older_only > 0
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

/** Every headline of a partnership worked out from its current figures (demo and benchmark data). */
export async function rebuildHeadlines(db: Queryable, partnershipId: string) {
  await db.query(
    `DELETE FROM data_headlines WHERE indicator_id IN (SELECT id FROM indicators WHERE partnership_id = $1)`,
    [partnershipId],
  );
  await db.query(
    insertHeadlines(`SELECT DISTINCT f.indicator_id, f.period_starts_on FROM data_figures f
      JOIN indicators x ON x.id = f.indicator_id WHERE x.partnership_id = $1 AND f.current`),
    [partnershipId],
  );
}

export type IndicatorCompliance = {
  indicatorId: string;
  code: string;
  name: string;
  asked: number;
  forQuarter: number;
  olderOnly: number;
};

/**
 * The return by indicator: of the agencies asked for it, how many sent a submitted figure for the
 * call's quarter, and how many only one for an older quarter. One row per indicator in use.
 */
export function complianceByIndicator(db: Queryable, partnershipId: string, call: DataCall) {
  return db.query<IndicatorCompliance>(
    `WITH answered AS (
       SELECT s.agency_id, f.indicator_id, bool_or(f.period_starts_on = $3) AS in_period
       FROM data_submissions s
       JOIN data_figures f ON f.submission_id = s.id AND f.period_starts_on <= $3
       JOIN indicators i ON i.id = f.indicator_id AND NOT i.retired
         AND (i.asked_of = 'every-partner' OR i.agency_id = s.agency_id)
       WHERE s.call_id = $2 AND s.status = 'submitted'
       GROUP BY s.agency_id, f.indicator_id),
     counted AS (
       SELECT indicator_id, count(*) FILTER (WHERE in_period)::int AS for_quarter,
         count(*) FILTER (WHERE NOT in_period)::int AS older_only
       FROM answered GROUP BY indicator_id),
     partners AS (SELECT count(*)::int AS n FROM agencies WHERE partnership_id = $1 AND is_active)
     SELECT i.id AS "indicatorId", i.code, i.name,
       CASE WHEN i.asked_of = 'every-partner' THEN partners.n ELSE 1 END AS asked,
       coalesce(c.for_quarter, 0) AS "forQuarter", coalesce(c.older_only, 0) AS "olderOnly"
     FROM indicators i CROSS JOIN partners LEFT JOIN counted c ON c.indicator_id = i.id
     WHERE i.partnership_id = $1 AND NOT i.retired ORDER BY i.name, i.id`,
    [partnershipId, call.id, call.quarterStartsOn],
  );
}
