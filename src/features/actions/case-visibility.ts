import type { Queryable } from '../../db/database.ts';
import { can } from '../../platform/access/roles.ts';
import type { RequestContext } from '../../platform/http/context.ts';

/**
 * Case material is need-to-know: a rapid or practice review's source names its case, so people
 * who are not on that case's team (and do not see every case) see the source only as a restricted
 * case. The plan's actions themselves stay visible: they are the partnership's learning.
 */
export const RESTRICTED_CASE = 'Restricted case';

type WithCase = { incidentId: string | null; title: string };

/** Which of these cases the user may see: all for the business unit and the executive. */
async function visibleCases(db: Queryable, ctx: RequestContext, incidentIds: string[]) {
  if (can(ctx.user.role, 'cases:all') || incidentIds.length === 0) return null;
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT incident_id AS id FROM case_team
      WHERE partnership_id = $1 AND user_id = $2 AND incident_id = ANY($3::uuid[])`,
    [ctx.partnershipId, ctx.user.id, [...new Set(incidentIds)]],
  );
  return new Set(rows.map((r) => r.id));
}

/** Masks the case sources the user may not see, in one query for a whole page of rows. */
export async function maskCaseSources<T extends { sources: WithCase[] }>(
  db: Queryable,
  ctx: RequestContext,
  rows: T[],
): Promise<T[]> {
  const ids = rows.flatMap((r) => r.sources.flatMap((s) => (s.incidentId ? [s.incidentId] : [])));
  const visible = await visibleCases(db, ctx, ids);
  if (!visible) return rows;
  return rows.map((r) => ({ ...r, sources: r.sources.map((s) => maskOne(s, visible)) }));
}

/** The same for sources listed on their own. */
export async function maskSources<T extends WithCase>(db: Queryable, ctx: RequestContext, rows: T[]) {
  const visible = await visibleCases(
    db,
    ctx,
    rows.flatMap((s) => (s.incidentId ? [s.incidentId] : [])),
  );
  return visible ? rows.map((s) => maskOne(s, visible)) : rows;
}

function maskOne<T extends WithCase>(source: T, visible: Set<string>): T {
  return source.incidentId && !visible.has(source.incidentId)
    ? { ...source, title: RESTRICTED_CASE, incidentId: null }
    : source;
}

/** Case text stays out of the audit log (as the case reviews' own entries do): lengths only. */
const CASE_TEXT_KEYS = new Set(['text', 'detail', 'outcome', 'note', 'summary']);
export function redactForCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactForCase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      CASE_TEXT_KEYS.has(key) && typeof v === 'string'
        ? [key, `[${v.length} characters]`]
        : [key, redactForCase(v)],
    ),
  );
}
