import type { Queryable } from '../../db/database.ts';
import { Conditions, escapeLike, likePattern } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { Polarity } from './comparisons.ts';
import type { IndicatorRef } from './figures.ts';
import type { IndicatorInput } from './schemas.ts';
import type { Unit } from './statistics.ts';

export type Indicator = {
  id: string;
  code: string;
  name: string;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  agencyId: string;
  agencyName: string;
  askedOf: 'owner' | 'every-partner';
  per10k: boolean;
  partOfId: string | null;
  partOfName: string | null;
  source: string;
  published: boolean;
  changeThreshold: number | null;
  alertAbove: number | null;
  alertBelow: number | null;
  retired: boolean;
  themes: { id: string; name: string }[];
  priorities: { id: string; name: string }[];
};

export const INDICATOR_COLUMNS = `i.id, i.code, i.name, i.definition, i.unit, i.polarity, i.agency_id AS "agencyId",
  g.name AS "agencyName", i.asked_of AS "askedOf", i.per_10k AS "per10k", i.part_of_id AS "partOfId",
  (SELECT t.name FROM indicators t WHERE t.id = i.part_of_id) AS "partOfName", i.source, i.published,
  i.change_threshold::float8 AS "changeThreshold", i.alert_above::float8 AS "alertAbove",
  i.alert_below::float8 AS "alertBelow", i.retired,
  coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
    FROM indicator_themes it JOIN plan_themes t ON t.id = it.theme_id WHERE it.indicator_id = i.id), '[]') AS themes,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name)
    FROM indicator_priorities ip JOIN priorities p ON p.id = ip.priority_id WHERE ip.indicator_id = i.id), '[]') AS priorities`;
export const INDICATOR_FROM = `FROM indicators i
  JOIN agencies g ON g.partnership_id = i.partnership_id AND g.id = i.agency_id`;

export type CatalogueFilter = { q?: string; themeId?: string; after: Cursor | null; limit: number };

/** The catalogue by name; keyset on (name, id). */
export async function listIndicators(db: Queryable, partnershipId: string, filter: CatalogueFilter) {
  const where = new Conditions().add('i.partnership_id = ?', partnershipId);
  // The name contains the text, or the code starts with it; "%" and "_" are searched for as themselves.
  if (filter.q)
    where.add('(i.name ILIKE ? OR i.code ILIKE ?)', likePattern(filter.q), `${escapeLike(filter.q)}%`);
  if (filter.themeId)
    where.add(
      'EXISTS (SELECT 1 FROM indicator_themes x WHERE x.indicator_id = i.id AND x.theme_id = ?)',
      filter.themeId,
    );
  where.after(filter.after, 'i.name', 'i.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<Indicator>(
    `SELECT ${INDICATOR_COLUMNS} ${INDICATOR_FROM} ${where.sql} ORDER BY i.name, i.id ${limit}`,
    where.params,
  );
}

export async function findIndicator(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Indicator>(
    `SELECT ${INDICATOR_COLUMNS} ${INDICATOR_FROM} WHERE i.partnership_id = $1 AND i.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

/** The indicators in use, as references for checking figures: small (one row per indicator). */
export function indicatorRefs(db: Queryable, partnershipId: string) {
  return db.query<IndicatorRef>(
    `SELECT id, code, name, unit, asked_of AS "askedOf", agency_id AS "agencyId" FROM indicators
     WHERE partnership_id = $1 AND NOT retired ORDER BY name, id`,
    [partnershipId],
  );
}

/** What the catalogue offers as a total to break down: indicators that are counts. */
export function totalChoices(db: Queryable, partnershipId: string) {
  return db.query<{ id: string; name: string }>(
    `SELECT id, name FROM indicators WHERE partnership_id = $1 AND unit = 'count' AND part_of_id IS NULL
     ORDER BY name, id`,
    [partnershipId],
  );
}

function values(partnershipId: string, input: Omit<IndicatorInput, 'themeIds' | 'priorityIds'>) {
  return [
    partnershipId,
    input.code,
    input.name,
    input.definition,
    input.unit,
    input.polarity,
    input.agencyId,
    input.askedOf,
    input.per10k,
    input.partOfId,
    input.source,
    input.published,
    input.changeThreshold,
    input.alertAbove,
    input.alertBelow,
    input.retired,
  ];
}

export async function insertIndicator(
  db: Queryable,
  partnershipId: string,
  input: Omit<IndicatorInput, 'themeIds' | 'priorityIds'>,
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO indicators (partnership_id, code, name, definition, unit, polarity, agency_id, asked_of, per_10k,
       part_of_id, source, published, change_threshold, alert_above, alert_below, retired)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    values(partnershipId, input),
  );
  return (rows[0] as { id: string }).id;
}

export async function updateIndicator(
  db: Queryable,
  partnershipId: string,
  id: string,
  input: IndicatorInput,
) {
  await db.query(
    `UPDATE indicators SET code = $2, name = $3, definition = $4, unit = $5, polarity = $6, agency_id = $7,
       asked_of = $8, per_10k = $9, part_of_id = $10, source = $11, published = $12, change_threshold = $13,
       alert_above = $14, alert_below = $15, retired = $16, updated_at = now()
     WHERE partnership_id = $1 AND id = $17`,
    [...values(partnershipId, input), id],
  );
}

/** Replaces an indicator's themes and priorities with the given ones. */
export async function setLinks(
  db: Queryable,
  partnershipId: string,
  id: string,
  themeIds: string[],
  priorityIds: string[],
) {
  await db.query('DELETE FROM indicator_themes WHERE indicator_id = $1', [id]);
  await db.query('DELETE FROM indicator_priorities WHERE indicator_id = $1', [id]);
  if (themeIds.length)
    await db.query(
      `INSERT INTO indicator_themes (partnership_id, indicator_id, theme_id) SELECT $1, $2, unnest($3::uuid[])`,
      [partnershipId, id, themeIds],
    );
  if (priorityIds.length)
    await db.query(
      `INSERT INTO indicator_priorities (partnership_id, indicator_id, priority_id) SELECT $1, $2, unnest($3::uuid[])`,
      [partnershipId, id, priorityIds],
    );
}

/** Which of these ids are not the partnership's themes, priorities or count totals. */
export async function unknownReferences(
  db: Queryable,
  partnershipId: string,
  refs: { themeIds: string[]; priorityIds: string[]; partOfId: string | null; agencyId: string },
) {
  const rows = await db.query<{ themes: number; priorities: number; total: boolean; agency: boolean }>(
    `SELECT (SELECT count(*)::int FROM plan_themes WHERE partnership_id = $1 AND id = ANY($2::uuid[])) AS themes,
       (SELECT count(*)::int FROM priorities WHERE partnership_id = $1 AND id = ANY($3::uuid[])) AS priorities,
       ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM indicators WHERE partnership_id = $1 AND id = $4
         AND unit = 'count' AND part_of_id IS NULL)) AS total,
       EXISTS (SELECT 1 FROM agencies WHERE partnership_id = $1 AND id = $5) AS agency`,
    [partnershipId, refs.themeIds, refs.priorityIds, refs.partOfId, refs.agencyId],
  );
  const row = rows[0] as { themes: number; priorities: number; total: boolean; agency: boolean };
  return {
    themes: row.themes !== refs.themeIds.length,
    priorities: row.priorities !== refs.priorityIds.length,
    total: !row.total,
    agency: !row.agency,
  };
}
