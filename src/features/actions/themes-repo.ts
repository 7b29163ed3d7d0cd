import type { Queryable } from '../../db/database.ts';
import { type ActionFilter, actionConditions, OPEN } from './actions-repo.ts';

export type ThemeCounts = {
  /** null: the actions with no theme. */
  themeId: string | null;
  name: string;
  actions: number;
  sources: number;
  open: number;
  overdue: number;
  completed: number;
  embedded: number;
};

/** The counts of a set of actions (rows with status and due_on); `todayParam` is the parameter holding today. */
const countsOf = (todayParam: string) => `count(*)::int AS actions,
  count(*) FILTER (WHERE status = ANY(${OPEN}))::int AS open,
  count(*) FILTER (WHERE status = ANY(${OPEN}) AND due_on < ${todayParam}::date)::int AS overdue,
  count(*) FILTER (WHERE status = 'completed')::int AS completed,
  count(*) FILTER (WHERE status = 'embedded')::int AS embedded`;

/**
 * Per theme, of the actions the filter selects: how many, from how many sources, how many open,
 * overdue, completed and embedded. Every theme is listed, with zeros if it has none; then the actions
 * with no theme; then the whole selection, each action and source counted once however many themes
 * it has. One query, one read of the selected actions.
 */
export async function themeCounts(
  db: Queryable,
  partnershipId: string,
  filter: ActionFilter,
  today: string,
  soon: string,
) {
  const where = actionConditions(partnershipId, filter, today, soon);
  where.params.push(today);
  const todayParam = `$${where.params.length}`;
  where.params.push(partnershipId);
  const partnershipParam = `$${where.params.length}`;
  const rows = await db.query<ThemeCounts & { row: 'theme' | 'none' | 'total'; version: number }>(
    `WITH f AS MATERIALIZED (SELECT x.id, x.status, x.due_on FROM plan_actions x ${where.sql}),
     tagged AS (
       SELECT xt.theme_id, f.id, f.status, f.due_on FROM f JOIN plan_action_themes xt ON xt.action_id = f.id
       UNION ALL
       SELECT NULL, f.id, f.status, f.due_on FROM f
        WHERE NOT EXISTS (SELECT 1 FROM plan_action_themes xt WHERE xt.action_id = f.id)),
     counts AS (
       SELECT theme_id, ${countsOf(todayParam)} FROM tagged GROUP BY theme_id),
     sources AS (
       SELECT tagged.theme_id, count(DISTINCT xs.source_id)::int AS sources
         FROM tagged JOIN plan_action_sources xs ON xs.action_id = tagged.id GROUP BY tagged.theme_id)
     SELECT *, (SELECT coalesce(max(version), 0) FROM plan_versions WHERE partnership_id = ${partnershipParam})::float8
              AS version
       FROM (
       SELECT 'theme' AS row, t.id AS "themeId", t.name, coalesce(c.actions, 0) AS actions,
              coalesce(s.sources, 0) AS sources, coalesce(c.open, 0) AS open, coalesce(c.overdue, 0) AS overdue,
              coalesce(c.completed, 0) AS completed, coalesce(c.embedded, 0) AS embedded
         FROM plan_themes t
         LEFT JOIN counts c ON c.theme_id = t.id
         LEFT JOIN sources s ON s.theme_id = t.id
        WHERE t.partnership_id = ${partnershipParam}
       UNION ALL
       SELECT 'none', NULL, 'No theme', c.actions, coalesce(s.sources, 0), c.open, c.overdue, c.completed, c.embedded
         FROM counts c LEFT JOIN sources s ON s.theme_id IS NULL
        WHERE c.theme_id IS NULL
       UNION ALL
       SELECT 'total', NULL, 'All actions', c.actions,
              (SELECT count(DISTINCT xs.source_id)::int FROM f JOIN plan_action_sources xs ON xs.action_id = f.id),
              c.open, c.overdue, c.completed, c.embedded
         FROM (SELECT ${countsOf(todayParam)} FROM f) c) AS rows
     ORDER BY row = 'total', row = 'none', name`,
    where.params,
  );
  const total = rows.find((r) => r.row === 'total') as (typeof rows)[number];
  const themes = rows.filter((r) => r.row !== 'total').map(({ row: _row, version: _v, ...counts }) => counts);
  const { row: _row, themeId: _id, name: _name, version, ...totals } = total;
  return { summary: { themes, totals }, version };
}

export type ThemeSummary = Awaited<ReturnType<typeof themeCounts>>['summary'];

/** A summary counted earlier today at the plan's current version, if there is one. */
export async function cachedSummary(db: Queryable, partnershipId: string, key: string, day: string) {
  const rows = await db.query<{ body: ThemeSummary }>(
    `SELECT body FROM plan_summaries
      WHERE partnership_id = $1 AND key = $2 AND day = $3
        AND version = (SELECT coalesce(max(version), 0) FROM plan_versions WHERE partnership_id = $1)`,
    [partnershipId, key, day],
  );
  return rows[0]?.body ?? null;
}

/** Keeps a summary counted at `version`; a newer one already kept is not overwritten. */
export async function saveSummary(
  db: Queryable,
  partnershipId: string,
  entry: { key: string; day: string; version: number; body: ThemeSummary },
) {
  await db.query(
    `INSERT INTO plan_summaries (partnership_id, key, day, version, body) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (partnership_id, key) DO UPDATE SET day = EXCLUDED.day, version = EXCLUDED.version, body = EXCLUDED.body
      WHERE plan_summaries.day < EXCLUDED.day OR plan_summaries.version < EXCLUDED.version`,
    [partnershipId, entry.key, entry.day, entry.version, JSON.stringify(entry.body)],
  );
  // Yesterday's answers are never read again.
  await db.query('DELETE FROM plan_summaries WHERE partnership_id = $1 AND day < $2', [
    partnershipId,
    entry.day,
  ]);
}
