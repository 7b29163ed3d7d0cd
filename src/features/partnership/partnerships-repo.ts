import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';

export type PartnershipSummary = {
  id: string;
  slug: string;
  name: string;
  areaName: string;
  isDemo: boolean;
  createdAt: Date;
  agencies: number;
  users: number;
};

/** Every partnership of the installation: for the operator only. */
export async function listPartnerships(db: Queryable, filter: { after: Cursor | null; limit: number }) {
  const where = new Conditions().after(filter.after, 'p.name', 'p.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<PartnershipSummary>(
    `SELECT p.id, p.slug, p.name, p.area_name AS "areaName", p.is_demo AS "isDemo", p.created_at AS "createdAt",
            (SELECT count(*)::int FROM agencies a WHERE a.partnership_id = p.id) AS agencies,
            (SELECT count(*)::int FROM users u WHERE u.partnership_id = p.id) AS users
       FROM partnerships p ${where.sql} ORDER BY p.name, p.id ${limit}`,
    where.params,
  );
}

export async function insertPartnership(
  db: Queryable,
  input: { slug: string; name: string; areaName: string },
) {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO partnerships (slug, name, area_name) VALUES ($1, $2, $3) RETURNING id',
    [input.slug, input.name, input.areaName],
  );
  return (rows[0] as { id: string }).id;
}

/** A partnership's public face, by the short name in its public pages' addresses. */
export async function findPartnershipBySlug(db: Queryable, slug: string) {
  const rows = await db.query<{ id: string; slug: string; name: string; areaName: string }>(
    'SELECT id, slug, name, area_name AS "areaName" FROM partnerships WHERE slug = $1',
    [slug],
  );
  return rows[0] ?? null;
}

export async function findPartnershipById(db: Queryable, id: string) {
  const rows = await db.query<{ id: string; slug: string; name: string; areaName: string }>(
    'SELECT id, slug, name, area_name AS "areaName" FROM partnerships WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
