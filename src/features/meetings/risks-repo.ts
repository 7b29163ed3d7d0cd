import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { RiskStatus } from './risk-rules.ts';
import type { RiskInput } from './schemas.ts';

export type Risk = {
  id: string;
  number: number;
  title: string;
  description: string;
  raisedByAgencyId: string;
  raisedByAgencyName: string;
  raisedByPersonId: string | null;
  raisedByPersonName: string | null;
  raisedOn: string;
  response: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  status: RiskStatus;
  reviewOn: string | null;
  escalationId: string | null;
  escalationNumber: number | null;
  /** The partners it affects, by name. */
  partners: { id: string; name: string }[];
};

const COLUMNS = `r.id, r.number, r.title, r.description,
  r.raised_by_agency_id AS "raisedByAgencyId", a.name AS "raisedByAgencyName",
  r.raised_by_person_id AS "raisedByPersonId", rp.name AS "raisedByPersonName", r.raised_on AS "raisedOn",
  r.response, r.owner_person_id AS "ownerPersonId", o.name AS "ownerName", r.status, r.review_on AS "reviewOn",
  r.escalation_id AS "escalationId", e.number AS "escalationNumber",
  coalesce((SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name) ORDER BY pa.name)
              FROM risk_partners x JOIN agencies pa ON pa.partnership_id = x.partnership_id AND pa.id = x.agency_id
             WHERE x.risk_id = r.id), '[]'::json) AS partners`;
const FROM = `FROM risks r
  JOIN agencies a ON a.partnership_id = r.partnership_id AND a.id = r.raised_by_agency_id
  LEFT JOIN people rp ON rp.partnership_id = r.partnership_id AND rp.id = r.raised_by_person_id
  LEFT JOIN people o ON o.partnership_id = r.partnership_id AND o.id = r.owner_person_id
  LEFT JOIN escalations e ON e.partnership_id = r.partnership_id AND e.id = r.escalation_id`;

export type RiskFilter = {
  status?: RiskStatus | 'not-closed';
  /** Risks raised by, or affecting, this agency. */
  agencyId?: string;
  q?: string;
  after: Cursor | null;
  limit: number;
};

export async function listRisks(db: Queryable, partnershipId: string, filter: RiskFilter) {
  const where = new Conditions().add('r.partnership_id = ?', partnershipId).contains(['r.title'], filter.q);
  if (filter.status === 'not-closed') where.add("r.status <> 'closed'");
  else where.addIf(filter.status, 'r.status = ?');
  if (filter.agencyId) {
    where.add(
      '(r.raised_by_agency_id = ? OR EXISTS (SELECT 1 FROM risk_partners x WHERE x.risk_id = r.id AND x.agency_id = ?))',
      filter.agencyId,
      filter.agencyId,
    );
  }
  where.before(filter.after, 'r.raised_on', 'r.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<Risk>(
    `SELECT ${COLUMNS} ${FROM} ${where.sql} ORDER BY r.raised_on DESC, r.id DESC ${limit}`,
    where.params,
  );
}

export async function findRisk(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Risk>(`SELECT ${COLUMNS} ${FROM} WHERE r.partnership_id = $1 AND r.id = $2`, [
    partnershipId,
    id,
  ]);
  return rows[0] ?? null;
}

export async function lockRisk(db: Queryable, partnershipId: string, id: string) {
  await db.query('SELECT 1 FROM risks WHERE partnership_id = $1 AND id = $2 FOR UPDATE', [partnershipId, id]);
}

/** Adds a risk with the partnership's next number (under a per-partnership lock). */
export async function insertRisk(db: Queryable, partnershipId: string, input: RiskInput) {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`risk-numbers:${partnershipId}`]);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO risks (partnership_id, number, title, description, raised_by_agency_id, raised_by_person_id,
       raised_on, response, owner_person_id, status, review_on)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM risks WHERE partnership_id = $1),
       $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [partnershipId, ...riskValues(input)],
  );
  return (rows[0] as { id: string }).id;
}

/** A risk's columns from title to review_on, in the order both statements list them. */
const riskValues = (input: RiskInput) => [
  input.title,
  input.description,
  input.raisedByAgencyId,
  input.raisedByPersonId,
  input.raisedOn,
  input.response,
  input.ownerPersonId,
  input.status,
  input.reviewOn,
];

export async function updateRisk(db: Queryable, partnershipId: string, id: string, input: RiskInput) {
  await db.query(
    `UPDATE risks SET title = $3, description = $4, raised_by_agency_id = $5, raised_by_person_id = $6,
       raised_on = $7, response = $8, owner_person_id = $9, status = $10, review_on = $11, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, ...riskValues(input)],
  );
}

/** Sets the partners a risk affects; only agencies of the partnership are kept. */
export async function setRiskPartners(
  db: Queryable,
  partnershipId: string,
  riskId: string,
  agencyIds: string[],
) {
  await db.query('DELETE FROM risk_partners WHERE partnership_id = $1 AND risk_id = $2', [
    partnershipId,
    riskId,
  ]);
  if (agencyIds.length === 0) return 0;
  const rows = await db.query(
    `INSERT INTO risk_partners (partnership_id, risk_id, agency_id)
     SELECT $1, $2, a.id FROM agencies a WHERE a.partnership_id = $1 AND a.id = ANY($3::uuid[])
     RETURNING agency_id`,
    [partnershipId, riskId, agencyIds],
  );
  return rows.length;
}

export async function linkEscalation(db: Queryable, partnershipId: string, id: string, escalationId: string) {
  await db.query(
    'UPDATE risks SET escalation_id = $3, updated_at = now() WHERE partnership_id = $1 AND id = $2',
    [partnershipId, id, escalationId],
  );
}
