import type { Queryable, Row } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { AgencyKind, Sector } from './rules.ts';
import type { PartnerInput, PartnerPatch } from './schemas.ts';

export type Partner = {
  id: string;
  name: string;
  kind: AgencyKind;
  sector: Sector;
  /** Where partnership-wide notices go (the executive's key points). */
  contactEmail: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const COLUMNS = `id, name, kind, sector, contact_email AS "contactEmail", is_active AS "isActive",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export type PartnerFilter = { kind?: AgencyKind; q?: string; after: Cursor | null; limit: number };

function readPartners<R extends Row>(
  db: Queryable,
  partnershipId: string,
  filter: PartnerFilter,
  columns: string,
) {
  const where = new Conditions()
    .add('partnership_id = ?', partnershipId)
    .addIf(filter.kind, 'kind = ?')
    .contains(['name'], filter.q)
    .after(filter.after, 'name', 'id');
  const limit = where.limit(filter.limit + 1);
  return db.query<R>(`SELECT ${columns} FROM agencies ${where.sql} ORDER BY name, id ${limit}`, where.params);
}

/** Whole partners, by name (the API's list). */
export function listPartners(db: Queryable, partnershipId: string, filter: PartnerFilter) {
  return readPartners<Partner>(db, partnershipId, filter, COLUMNS);
}

/** What the table of partners shows of each. */
export type PartnerRow = Pick<Partner, 'id' | 'name' | 'kind' | 'sector' | 'isActive'>;

/**
 * The rows of the table of partners, in the order of listPartners: without the contact address and
 * the times the record was made and changed, which the table does not show.
 */
export function listPartnerRows(db: Queryable, partnershipId: string, filter: PartnerFilter) {
  return readPartners<PartnerRow>(
    db,
    partnershipId,
    filter,
    'id, name, kind, sector, is_active AS "isActive"',
  );
}

/** Every partner, by kind then name, for choosing one in a form (a partnership has tens, not thousands). */
export async function partnerChoices(db: Queryable, partnershipId: string) {
  return db.query<{ id: string; name: string; kind: AgencyKind }>(
    `SELECT id, name, kind FROM agencies WHERE partnership_id = $1 AND is_active
      ORDER BY kind = 'relevant-agency', name LIMIT 1000`,
    [partnershipId],
  );
}

/** The contact addresses of the current partners that have one. */
export async function partnerContacts(db: Queryable, partnershipId: string) {
  return db.query<{ id: string; name: string; contactEmail: string }>(
    `SELECT id, name, contact_email AS "contactEmail" FROM agencies
      WHERE partnership_id = $1 AND is_active AND contact_email IS NOT NULL ORDER BY name LIMIT 1000`,
    [partnershipId],
  );
}

export async function findPartner(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Partner>(
    `SELECT ${COLUMNS} FROM agencies WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export async function insertPartner(db: Queryable, partnershipId: string, input: PartnerInput) {
  const rows = await db.query<Partner>(
    `INSERT INTO agencies (partnership_id, name, kind, sector, contact_email) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${COLUMNS}`,
    [partnershipId, input.name, input.kind, input.sector, input.contactEmail],
  );
  return rows[0] as Partner;
}

export async function updatePartner(db: Queryable, partnershipId: string, id: string, patch: PartnerPatch) {
  const rows = await db.query<Partner>(
    `UPDATE agencies SET name = coalesce($3, name), kind = coalesce($4, kind), sector = coalesce($5, sector),
            is_active = coalesce($6, is_active),
            contact_email = CASE WHEN $7::boolean THEN $8 ELSE contact_email END, updated_at = now()
      WHERE partnership_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
    [
      partnershipId,
      id,
      patch.name ?? null,
      patch.kind ?? null,
      patch.sector ?? null,
      patch.isActive ?? null,
      'contactEmail' in patch,
      patch.contactEmail ?? null,
    ],
  );
  return rows[0] ?? null;
}
