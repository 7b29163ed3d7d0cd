import type { Queryable, Row } from '../../db/database.ts';
import { searchedPage } from '../../db/search.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { PersonInput, PersonPatch } from './schemas.ts';

export type Person = {
  id: string;
  name: string;
  jobTitle: string;
  email: string | null;
  agencyId: string;
  agencyName: string;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `p.id, p.name, p.job_title AS "jobTitle", p.email, p.agency_id AS "agencyId", a.name AS "agencyName",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const JOINS = 'JOIN agencies a ON a.partnership_id = p.partnership_id AND a.id = p.agency_id';
const FROM = `FROM people p ${JOINS}`;

export type PersonFilter = {
  agencyId?: string;
  q?: string;
  /** Leaves out the members of this group (when finding people to add to it). */
  notInGroupId?: string;
  after: Cursor | null;
  limit: number;
};

function readPeople<R extends Row>(
  db: Queryable,
  partnershipId: string,
  filter: PersonFilter,
  columns: string,
) {
  const where = new Conditions()
    .add('p.partnership_id = ?', partnershipId)
    .addIf(filter.agencyId, 'p.agency_id = ?');
  where.contains(['p.name', 'p.job_title'], filter.q);
  if (filter.notInGroupId)
    where.add(
      'NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = ? AND m.person_id = p.id)',
      filter.notInGroupId,
    );
  where.after(filter.after, 'p.name', 'p.id');
  return searchedPage<R>(db, {
    text: filter.q,
    where,
    table: 'people p',
    sort: 'p.name',
    id: 'p.id',
    columns,
    joins: JOINS,
    limit: filter.limit + 1,
  });
}

/** Whole people, by name (the API's list, and people to add to a group). */
export function listPeople(db: Queryable, partnershipId: string, filter: PersonFilter) {
  return readPeople<Person>(db, partnershipId, filter, COLUMNS);
}

/** What the table of people shows of each. */
export type PersonRow = Pick<Person, 'id' | 'name' | 'jobTitle' | 'agencyName'>;

/**
 * The rows of the table of people, in the order of listPeople: without the e-mail address and the
 * times the record was made and changed, which the table does not show. Those two timestamps were 6%
 * of the people page's Node CPU under load (pg turns each into a Date).
 */
export function listPersonRows(db: Queryable, partnershipId: string, filter: PersonFilter) {
  return readPeople<PersonRow>(
    db,
    partnershipId,
    filter,
    'p.id, p.name, p.job_title AS "jobTitle", a.name AS "agencyName"',
  );
}

export async function findPerson(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Person>(`SELECT ${COLUMNS} ${FROM} WHERE p.partnership_id = $1 AND p.id = $2`, [
    partnershipId,
    id,
  ]);
  return rows[0] ?? null;
}

/** People whose names match, for choosing a chair, sponsor or member (capped; the form searches). */
export async function personChoices(db: Queryable, partnershipId: string, limit = 500) {
  return db.query<{ id: string; name: string; agencyName: string }>(
    `SELECT p.id, p.name, a.name AS "agencyName" ${FROM} WHERE p.partnership_id = $1 ORDER BY p.name, p.id LIMIT $2`,
    [partnershipId, limit],
  );
}

export async function insertPerson(db: Queryable, partnershipId: string, input: PersonInput) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO people (partnership_id, agency_id, name, job_title, email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [partnershipId, input.agencyId, input.name, input.jobTitle, input.email],
  );
  return findPerson(db, partnershipId, (rows[0] as { id: string }).id) as Promise<Person>;
}

export async function updatePerson(db: Queryable, partnershipId: string, id: string, patch: PersonPatch) {
  const rows = await db.query<{ id: string }>(
    `UPDATE people SET name = coalesce($3, name), job_title = coalesce($4, job_title),
            agency_id = coalesce($5, agency_id),
            email = CASE WHEN $6::boolean THEN $7 ELSE email END, updated_at = now()
      WHERE partnership_id = $1 AND id = $2 RETURNING id`,
    [
      partnershipId,
      id,
      patch.name ?? null,
      patch.jobTitle ?? null,
      patch.agencyId ?? null,
      'email' in patch,
      patch.email ?? null,
    ],
  );
  return rows[0] ? findPerson(db, partnershipId, id) : null;
}
