import type { Queryable } from '../../db/database.ts';
import type { Area, Grade } from './rules.ts';

/** What an audit records: the cases it looked at, its grades and its findings. */
export type AuditCase = { id: string; pseudonym: string; agencies: { id: string; name: string }[] };
export type AuditGrade = { area: Area; grade: Grade };
export type Finding = { id: string; text: string };

export async function listCases(db: Queryable, partnershipId: string, auditId: string) {
  return db.query<AuditCase>(
    `SELECT c.id, c.pseudonym,
       coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
                   FROM agencies g WHERE g.partnership_id = c.partnership_id AND g.id = ANY(c.agency_ids)),
                '[]'::json) AS agencies
     FROM audit_cases c WHERE c.partnership_id = $1 AND c.audit_id = $2 ORDER BY c.created_at, c.id`,
    [partnershipId, auditId],
  );
}

/** How many of the agencies are this partnership's. */
export async function countAgencies(db: Queryable, partnershipId: string, agencyIds: string[]) {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM agencies WHERE partnership_id = $1 AND id = ANY($2::uuid[])',
    [partnershipId, agencyIds],
  );
  return rows[0]?.n ?? 0;
}

export async function insertCase(
  db: Queryable,
  partnershipId: string,
  auditId: string,
  c: { pseudonym: string; agencyIds: string[] },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO audit_cases (partnership_id, audit_id, pseudonym, agency_ids) VALUES ($1, $2, $3, $4::uuid[])
     RETURNING id`,
    [partnershipId, auditId, c.pseudonym, c.agencyIds],
  );
  return (rows[0] as { id: string }).id;
}

export async function listGrades(db: Queryable, partnershipId: string, auditId: string) {
  return db.query<AuditGrade>(
    'SELECT area, grade FROM audit_grades WHERE partnership_id = $1 AND audit_id = $2 ORDER BY area',
    [partnershipId, auditId],
  );
}

/** Replaces the audit's grades with these. */
export async function replaceGrades(
  db: Queryable,
  partnershipId: string,
  auditId: string,
  grades: AuditGrade[],
) {
  await db.query('DELETE FROM audit_grades WHERE partnership_id = $1 AND audit_id = $2', [
    partnershipId,
    auditId,
  ]);
  if (grades.length === 0) return;
  await db.query(
    `INSERT INTO audit_grades (partnership_id, audit_id, area, grade)
     SELECT $1, $2, g.area, g.grade FROM unnest($3::text[], $4::text[]) AS g(area, grade)`,
    [partnershipId, auditId, grades.map((g) => g.area), grades.map((g) => g.grade)],
  );
}

export async function listFindings(db: Queryable, partnershipId: string, auditId: string) {
  return db.query<Finding>(
    'SELECT id, text FROM audit_findings WHERE partnership_id = $1 AND audit_id = $2 ORDER BY created_at, id',
    [partnershipId, auditId],
  );
}

export async function findFinding(db: Queryable, partnershipId: string, auditId: string, id: string) {
  const rows = await db.query<Finding>(
    'SELECT id, text FROM audit_findings WHERE partnership_id = $1 AND audit_id = $2 AND id = $3',
    [partnershipId, auditId, id],
  );
  return rows[0] ?? null;
}

export async function insertFinding(db: Queryable, partnershipId: string, auditId: string, text: string) {
  const rows = await db.query<Finding>(
    'INSERT INTO audit_findings (partnership_id, audit_id, text) VALUES ($1, $2, $3) RETURNING id, text',
    [partnershipId, auditId, text],
  );
  return rows[0] as Finding;
}
