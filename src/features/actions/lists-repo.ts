import type { Queryable } from '../../db/database.ts';

/** The partnership's managed lists of the plan: themes and priorities. */
export type ListName = 'themes' | 'priorities';
const TABLES: Record<ListName, string> = { themes: 'plan_themes', priorities: 'priorities' };

export type ListItem = { id: string; name: string; used: number };

const USED: Record<ListName, string> = {
  themes: `(SELECT count(*)::int FROM plan_action_themes xt WHERE xt.theme_id = l.id)
    + (SELECT count(*)::int FROM audits au WHERE au.theme_id = l.id)`,
  priorities: '(SELECT count(*)::int FROM plan_actions x WHERE x.priority_id = l.id)',
};

export async function listItems(db: Queryable, list: ListName, partnershipId: string) {
  return db.query<ListItem>(
    `SELECT l.id, l.name, ${USED[list]} AS used FROM ${TABLES[list]} l WHERE l.partnership_id = $1 ORDER BY l.name`,
    [partnershipId],
  );
}

/** The names only, for choosing in a form. */
export async function choices(db: Queryable, list: ListName, partnershipId: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM ${TABLES[list]} WHERE partnership_id = $1 ORDER BY name`,
    [partnershipId],
  );
}

export async function findItem(db: Queryable, list: ListName, partnershipId: string, id: string) {
  const rows = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM ${TABLES[list]} WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export async function insertItem(db: Queryable, list: ListName, partnershipId: string, name: string) {
  const rows = await db.query<{ id: string; name: string }>(
    `INSERT INTO ${TABLES[list]} (partnership_id, name) VALUES ($1, $2) RETURNING id, name`,
    [partnershipId, name],
  );
  return rows[0] as { id: string; name: string };
}

/** Adds the names the list lacks; returns how many were added. */
export async function insertMissing(db: Queryable, list: ListName, partnershipId: string, names: string[]) {
  const rows = await db.query(
    `INSERT INTO ${TABLES[list]} (partnership_id, name)
     SELECT $1, n FROM unnest($2::text[]) AS n
      WHERE NOT EXISTS (SELECT 1 FROM ${TABLES[list]} l WHERE l.partnership_id = $1 AND lower(l.name) = lower(n))
     RETURNING id`,
    [partnershipId, names],
  );
  return rows.length;
}
