import type { Queryable, Row } from '../../db/database.ts';
import { Conditions, pageThenDetails } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import { type DuePeriod, OPEN_STATUSES, type SourceKind, type StoredStatus } from './rules.ts';

export type ActionSourceLink = {
  id: string;
  kind: SourceKind;
  title: string;
  detail: string;
  /** The case a rapid or practice review's source names (need-to-know: see case-visibility.ts). */
  incidentId: string | null;
};

export type PlanAction = {
  id: string;
  number: number;
  text: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  raisedOn: string;
  dueOn: string | null;
  priorityId: string | null;
  priorityName: string | null;
  status: StoredStatus;
  outcome: string;
  completedOn: string | null;
  embeddedOn: string | null;
  mergedIntoId: string | null;
  mergedIntoNumber: number | null;
  themes: { id: string; name: string }[];
  sources: ActionSourceLink[];
  evidenceCount: number;
};

/** The open statuses as an SQL array literal (our own constants, never input). */
export const OPEN = `ARRAY[${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}]`;
/** The plan's sort key: by due date, with actions that have none last. */
export const DUE_KEY = "coalesce(x.due_on, 'infinity'::date)";

/** An action's columns; its theme ids, source links and evidence count are kept in its row (migration 0021). */
const COLUMNS = `x.id, x.number, x.text, x.owner_agency_id AS "ownerAgencyId", a.name AS "ownerAgencyName",
  x.owner_person_id AS "ownerPersonId", p.name AS "ownerName", x.raised_on AS "raisedOn", x.due_on AS "dueOn",
  x.priority_id AS "priorityId", pr.name AS "priorityName", x.status, x.outcome,
  x.completed_on AS "completedOn", x.embedded_on AS "embeddedOn", x.merged_into_id AS "mergedIntoId",
  m.number AS "mergedIntoNumber",
  x.theme_ids AS "themeIds", x.source_links AS "sourceLinks", x.evidence_count AS "evidenceCount"`;
const JOINS = `JOIN agencies a ON a.id = x.owner_agency_id
  LEFT JOIN people p ON p.id = x.owner_person_id
  LEFT JOIN priorities pr ON pr.id = x.priority_id
  LEFT JOIN plan_actions m ON m.id = x.merged_into_id`; // joined by id: see sql.ts
const FROM = `FROM plan_actions x ${JOINS}`;

export type ActionFilter = {
  themeId?: string;
  /** 'none': actions with no theme. */
  noTheme?: boolean;
  sourceKind?: SourceKind;
  sourceId?: string;
  agencyId?: string;
  priorityId?: string;
  status?: StoredStatus | 'open';
  due?: DuePeriod;
  q?: string;
};

/** The WHERE of the plan's filters, shared by the list, the export and the themes summary. */
export function actionConditions(partnershipId: string, filter: ActionFilter, today: string, soon: string) {
  const where = new Conditions().add('x.partnership_id = ?', partnershipId).add("x.status <> 'merged'");
  where
    .addIf(filter.agencyId, 'x.owner_agency_id = ?')
    .addIf(filter.priorityId, 'x.priority_id = ?')
    .contains(['x.text'], filter.q)
    // An action's own copy of its theme ids (migration 0021): checked on the row the list reads anyway,
    // where a lookup of the link table for every row walked cost 2.6 against 1.1 ms a page.
    .addIf(filter.themeId, 'x.theme_ids @> ARRAY[?::uuid]')
    .addIf(
      filter.sourceId,
      'EXISTS (SELECT 1 FROM plan_action_sources xs WHERE xs.action_id = x.id AND xs.source_id = ?)',
    )
    .addIf(
      filter.sourceKind,
      `EXISTS (SELECT 1 FROM plan_action_sources xs JOIN plan_sources s ON s.id = xs.source_id
                WHERE xs.action_id = x.id AND s.kind = ?)`,
    );
  if (filter.noTheme) where.add("x.theme_ids = '{}'");
  if (filter.status === 'open') where.add(`x.status = ANY(${OPEN})`);
  else where.addIf(filter.status, 'x.status = ?');
  // Written on the sort key, so that the index the list is read in order from bounds the range.
  if (filter.due === 'overdue') where.add(`x.status = ANY(${OPEN}) AND ${DUE_KEY} < ?::date`, today);
  if (filter.due === 'next-4-weeks') where.add(`${DUE_KEY} BETWEEN ?::date AND ?::date`, today, soon);
  if (filter.due === 'later') where.add(`${DUE_KEY} > ?::date AND ${DUE_KEY} < 'infinity'::date`, soon);
  if (filter.due === 'none') where.add(`${DUE_KEY} = 'infinity'::date`);
  return where;
}

type PageFilter = ActionFilter & { after: Cursor | null; limit: number; today: string; soon: string };

/**
 * A page of actions with `columns` (their names joined by `joins`), soonest due first, a page at a
 * time on the due key and id. One statement whose plan the connection keeps: the page's ids a
 * subquery, read from the due-date index alone with the filters on status and themes checked on its
 * entries (migration 0028), and the actions' rows and names joined to those ids. Planned afresh for
 * each call it cost the database a plan and the service a second round trip on every page. Kept, each
 * filter was measured no slower than planned for its values, for the largest partnership and a small
 * one, but two: a search for words and a priority, whose kept plans read every match before sorting
 * (68 and 6 ms against 1.4 and 1.6 ms for a common word and a priority in the largest). Those plan the
 * page's ids for their values (pageThenDetails). The one statement's LIMIT is in its text
 * (limitInText): as a parameter, PostgreSQL priced the kept plan above planning anew and planned the
 * API's list on every call (0.7 ms a call at 1×; now once a connection).
 */
async function readPage<R extends Row>(
  db: Queryable,
  partnershipId: string,
  filter: PageFilter,
  columns: string,
  joins: string,
): Promise<R[]> {
  const where = actionConditions(partnershipId, filter, filter.today, filter.soon);
  where.after(filter.after, DUE_KEY, 'x.id');
  const order = `ORDER BY ${DUE_KEY}, x.id`;
  if (filter.q || filter.priorityId) {
    const limit = where.limit(filter.limit + 1);
    return pageThenDetails(
      db,
      `SELECT x.id FROM plan_actions x ${where.sql} ${order} ${limit}`,
      where.params,
      (ids) =>
        db.query<R>(
          `SELECT ${columns} FROM plan_actions x ${joins} WHERE x.partnership_id = $1 AND x.id = ANY($2::uuid[]) ${order}`,
          [partnershipId, ids],
        ),
    );
  }
  const limit = where.limitInText(filter.limit + 1);
  return db.query<R>(
    `SELECT ${columns} FROM (SELECT x.id FROM plan_actions x ${where.sql} ${order} ${limit}) page
       JOIN plan_actions x ON x.id = page.id ${joins} ${order}`,
    where.params,
  );
}

/** Whole actions, soonest due first (the API's list and the exports), to be named (withNames). */
export function listActions(db: Queryable, partnershipId: string, filter: PageFilter) {
  return readPage<Linked<PlanAction>>(db, partnershipId, filter, COLUMNS, JOINS);
}

/** What a table of actions shows of each: the plan's pages, a source's and an audit's. */
export type PlanActionRow = Pick<
  PlanAction,
  'id' | 'number' | 'text' | 'ownerAgencyName' | 'ownerName' | 'dueOn' | 'status' | 'themes' | 'sources'
>;

const ROW_COLUMNS = `x.id, x.number, x.text, a.name AS "ownerAgencyName", p.name AS "ownerName",
  x.due_on AS "dueOn", x.status, x.theme_ids AS "themeIds", x.source_links AS "sourceLinks"`;
const ROW_JOINS = `JOIN agencies a ON a.id = x.owner_agency_id
  LEFT JOIN people p ON p.id = x.owner_person_id`; // joined by id: see sql.ts

/**
 * The rows of a table of actions, in the order of listActions, to be named (withNames). A table reads
 * only what it shows: 9 columns and two joins against 20 and four cost the service 0.45 against 0.7 ms
 * a page of 50.
 */
export function listActionRows(db: Queryable, partnershipId: string, filter: PageFilter) {
  return readPage<Linked<PlanActionRow>>(db, partnershipId, filter, ROW_COLUMNS, ROW_JOINS);
}

/** One action, named from what the database holds now (for its page and for changes to it). */
export async function findAction(db: Queryable, partnershipId: string, id: string) {
  const [row] = await db.query<Linked<PlanAction>>(
    `SELECT ${COLUMNS} ${FROM} WHERE x.partnership_id = $1 AND x.id = $2`,
    [partnershipId, id],
  );
  if (!row) return null;
  const named = await readNames(
    db,
    partnershipId,
    row.themeIds,
    row.sourceLinks.map((l) => l.id),
  );
  const [action] = withNames([row], byId(named.themes), byId(named.sources));
  return action ?? null;
}

/** An action as its row holds its themes and sources: by id (migration 0021). */
export type Linked<R> = Omit<R, 'themes' | 'sources'> & {
  themeIds: string[];
  sourceLinks: { id: string; detail: string }[];
};
export type ThemeName = { id: string; name: string };
export type SourceName = Omit<ActionSourceLink, 'detail'>;

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

/** The themes and sources of these ids, in one query. */
export async function readNames(
  db: Queryable,
  partnershipId: string,
  themeIds: string[],
  sourceIds: string[],
): Promise<{ themes: ThemeName[]; sources: SourceName[] }> {
  if (themeIds.length === 0 && sourceIds.length === 0) return { themes: [], sources: [] };
  const [named] = await db.query<{ themes: ThemeName[]; sources: SourceName[] }>(
    `SELECT coalesce((SELECT json_agg(json_build_object('id', t.id, 'name', t.name))
                        FROM plan_themes t WHERE t.partnership_id = $1 AND t.id = ANY($2::uuid[])), '[]'::json) AS themes,
            coalesce((SELECT json_agg(json_build_object('id', s.id, 'kind', s.kind, 'title', s.title,
                                                        'incidentId', s.incident_id))
                        FROM plan_sources s WHERE s.partnership_id = $1 AND s.id = ANY($3::uuid[])), '[]'::json) AS sources`,
    [partnershipId, themeIds, sourceIds],
  );
  return named ?? { themes: [], sources: [] };
}

/** Themes by name, then id, compared by code point (an action has one or two). */
const byName = (a: ThemeName, b: ThemeName) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The actions with their themes (by name) and sources (in the order they were linked, each with the
 * action's detail of it), from names found by id. An id without a name is left out.
 */
export function withNames<R extends Linked<Pick<PlanAction, 'themes' | 'sources'>>>(
  rows: readonly R[],
  themes: ReadonlyMap<string, ThemeName>,
  sources: ReadonlyMap<string, SourceName>,
): (Omit<R, 'themeIds' | 'sourceLinks'> & Pick<PlanAction, 'themes' | 'sources'>)[] {
  return rows.map(({ themeIds, sourceLinks, ...action }) => ({
    ...action,
    themes: themeIds.flatMap((id) => themes.get(id) ?? []).sort(byName),
    sources: sourceLinks.flatMap((link) => {
      const source = sources.get(link.id);
      return source ? [{ ...source, detail: link.detail }] : [];
    }),
  }));
}

export async function findActionByNumber(db: Queryable, partnershipId: string, number: number) {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM plan_actions WHERE partnership_id = $1 AND number = $2',
    [partnershipId, number],
  );
  return rows[0]?.id ?? null;
}

/** Locks actions for a change, always in id order, so two changes of the same pair never deadlock. */
export async function lockActions(db: Queryable, partnershipId: string, ids: string[]) {
  await db.query(
    'SELECT 1 FROM plan_actions WHERE partnership_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
    [partnershipId, ids],
  );
}

export type ActionDetails = {
  text: string;
  ownerAgencyId: string;
  ownerPersonId: string | null;
  raisedOn: string;
  dueOn: string | null;
  priorityId: string | null;
};

/** Adds an action with the partnership's next number (under a per-partnership lock). */
export async function insertAction(
  db: Queryable,
  partnershipId: string,
  action: ActionDetails & { status: StoredStatus },
) {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`action-numbers:${partnershipId}`]);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO plan_actions (partnership_id, number, text, owner_agency_id, owner_person_id, raised_on, due_on,
       priority_id, status)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM plan_actions WHERE partnership_id = $1),
       $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      partnershipId,
      action.text,
      action.ownerAgencyId,
      action.ownerPersonId,
      action.raisedOn,
      action.dueOn,
      action.priorityId,
      action.status,
    ],
  );
  return (rows[0] as { id: string }).id;
}

export async function updateDetails(db: Queryable, partnershipId: string, id: string, d: ActionDetails) {
  await db.query(
    `UPDATE plan_actions SET text = $3, owner_agency_id = $4, owner_person_id = $5, raised_on = $6, due_on = $7,
       priority_id = $8, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, d.text, d.ownerAgencyId, d.ownerPersonId, d.raisedOn, d.dueOn, d.priorityId],
  );
}

/** Sets the status and outcome; the dates of completion and embedding follow the status. */
export async function updateStatus(
  db: Queryable,
  partnershipId: string,
  id: string,
  change: { status: StoredStatus; outcome: string; on: string },
) {
  await db.query(
    `UPDATE plan_actions SET status = $3, outcome = $4,
       completed_on = CASE WHEN $3 IN ('completed', 'embedded') THEN coalesce(completed_on, $5::date) END,
       embedded_on = CASE WHEN $3 = 'embedded' THEN coalesce(embedded_on, $5::date) END,
       updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, change.status, change.outcome, change.on],
  );
}

/** Sets an action's themes; only themes of the partnership are kept. Returns how many were kept. */
export async function setThemes(db: Queryable, partnershipId: string, actionId: string, themeIds: string[]) {
  await db.query('DELETE FROM plan_action_themes WHERE partnership_id = $1 AND action_id = $2', [
    partnershipId,
    actionId,
  ]);
  if (themeIds.length === 0) return 0;
  const rows = await db.query(
    `INSERT INTO plan_action_themes (partnership_id, action_id, theme_id)
     SELECT $1, $2, t.id FROM plan_themes t WHERE t.partnership_id = $1 AND t.id = ANY($3::uuid[])
     RETURNING theme_id`,
    [partnershipId, actionId, themeIds],
  );
  return rows.length;
}

/** Links a source to an action; false if it already answers that source. */
export async function linkSource(
  db: Queryable,
  partnershipId: string,
  actionId: string,
  sourceId: string,
  detail: string,
) {
  const rows = await db.query(
    `INSERT INTO plan_action_sources (partnership_id, action_id, source_id, detail) VALUES ($1, $2, $3, $4)
     ON CONFLICT (action_id, source_id) DO NOTHING RETURNING source_id`,
    [partnershipId, actionId, sourceId, detail],
  );
  return rows.length > 0;
}

export type ActionUpdate = {
  id: string;
  writtenOn: string;
  text: string;
  statusFrom: StoredStatus | null;
  statusTo: StoredStatus | null;
  authorLabel: string;
};

export async function insertUpdate(
  db: Queryable,
  partnershipId: string,
  actionId: string,
  update: Omit<ActionUpdate, 'id'> & { authorUserId: string | null },
) {
  await db.query(
    `INSERT INTO plan_action_updates (partnership_id, action_id, written_on, text, status_from, status_to,
       author_user_id, author_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      partnershipId,
      actionId,
      update.writtenOn,
      update.text,
      update.statusFrom,
      update.statusTo,
      update.authorUserId,
      update.authorLabel,
    ],
  );
}

export async function listUpdates(db: Queryable, partnershipId: string, actionId: string) {
  return db.query<ActionUpdate>(
    `SELECT id, written_on AS "writtenOn", text, status_from AS "statusFrom", status_to AS "statusTo",
       author_label AS "authorLabel"
     FROM plan_action_updates WHERE partnership_id = $1 AND action_id = $2 ORDER BY created_at, id`,
    [partnershipId, actionId],
  );
}

export type Evidence = {
  id: string;
  kind: string;
  summary: string;
  evidenceOn: string;
  reference: string;
};

export async function insertEvidence(
  db: Queryable,
  partnershipId: string,
  actionId: string,
  e: Omit<Evidence, 'id'> & { addedBy: string | null },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on, reference, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [partnershipId, actionId, e.kind, e.summary, e.evidenceOn, e.reference, e.addedBy],
  );
  return (rows[0] as { id: string }).id;
}

export async function listEvidence(db: Queryable, partnershipId: string, actionId: string) {
  return db.query<Evidence>(
    `SELECT id, kind, summary, evidence_on AS "evidenceOn", reference
     FROM plan_action_evidence WHERE partnership_id = $1 AND action_id = $2 ORDER BY created_at, id`,
    [partnershipId, actionId],
  );
}

export type SimilarAction = {
  id: string;
  number: number;
  text: string;
  ownerAgencyName: string;
  dueOn: string | null;
  status: StoredStatus;
  score: number;
  sources: { kind: SourceKind; title: string; incidentId: string | null }[];
};

/**
 * Open actions whose text is like `text`, most alike first: the nearest by trigram distance, read in
 * distance order from the GiST index on open actions' text, then kept if at least `threshold` alike.
 * Actions that already answer `exceptSourceId` are left out.
 */
export async function findSimilar(
  db: Queryable,
  partnershipId: string,
  text: string,
  options: { exceptSourceId: string | null; threshold: number; limit: number },
) {
  return db.query<SimilarAction>(
    `SELECT n.id, n.number, n.text, a.name AS "ownerAgencyName", n.due_on AS "dueOn", n.status,
       round(n.score::numeric, 2)::float8 AS score,
       coalesce((SELECT json_agg(json_build_object('kind', s.kind, 'title', s.title, 'incidentId', s.incident_id)
                          ORDER BY xs.added_at)
                   FROM plan_action_sources xs JOIN plan_sources s ON s.id = xs.source_id
                  WHERE xs.action_id = n.id), '[]'::json) AS sources
     FROM (SELECT x.id, x.number, x.text, x.owner_agency_id, x.partnership_id, x.due_on, x.status,
                  similarity(x.text, $2) AS score
             FROM plan_actions x
            WHERE x.partnership_id = $1 AND x.status IN ('proposed', 'agreed', 'in-progress')
              AND ($3::uuid IS NULL OR NOT EXISTS (
                SELECT 1 FROM plan_action_sources xs WHERE xs.action_id = x.id AND xs.source_id = $3))
            ORDER BY x.text <-> $2
            LIMIT $5) n
     JOIN agencies a ON a.partnership_id = n.partnership_id AND a.id = n.owner_agency_id
     WHERE n.score >= $4
     ORDER BY n.score DESC, n.number`,
    [partnershipId, text, options.exceptSourceId, options.threshold, options.limit],
  );
}

/**
 * Folds `otherId` into `keptId`: the kept action takes the other's sources, themes, progress updates
 * and evidence; the other stays, marked merged, pointing at the kept one.
 */
export async function mergeInto(db: Queryable, partnershipId: string, keptId: string, otherId: string) {
  const params = [partnershipId, keptId, otherId];
  await db.query(
    `INSERT INTO plan_action_sources (partnership_id, action_id, source_id, detail, added_at)
     SELECT partnership_id, $2, source_id, detail, added_at FROM plan_action_sources
      WHERE partnership_id = $1 AND action_id = $3
     ON CONFLICT (action_id, source_id) DO NOTHING`,
    params,
  );
  await db.query(
    `INSERT INTO plan_action_themes (partnership_id, action_id, theme_id)
     SELECT partnership_id, $2, theme_id FROM plan_action_themes WHERE partnership_id = $1 AND action_id = $3
     ON CONFLICT (action_id, theme_id) DO NOTHING`,
    params,
  );
  await db.query(
    'UPDATE plan_action_updates SET action_id = $2 WHERE partnership_id = $1 AND action_id = $3',
    params,
  );
  await db.query(
    'UPDATE plan_action_evidence SET action_id = $2 WHERE partnership_id = $1 AND action_id = $3',
    params,
  );
  await db.query(
    `UPDATE plan_actions SET status = 'merged', merged_into_id = $2, updated_at = now()
     WHERE partnership_id = $1 AND id = $3`,
    params,
  );
}

export async function setMergedFields(
  db: Queryable,
  partnershipId: string,
  id: string,
  fields: {
    status: StoredStatus;
    raisedOn: string;
    dueOn: string | null;
    outcome: string;
    completedOn: string | null;
    embeddedOn: string | null;
  },
) {
  await db.query(
    `UPDATE plan_actions SET status = $3, raised_on = $4, due_on = $5, outcome = $6, completed_on = $7,
       embedded_on = $8, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [
      partnershipId,
      id,
      fields.status,
      fields.raisedOn,
      fields.dueOn,
      fields.outcome,
      fields.completedOn,
      fields.embeddedOn,
    ],
  );
}

/** Which of the references an action names are this partnership's, in one query. */
export async function checkReferences(
  db: Queryable,
  partnershipId: string,
  refs: {
    ownerAgencyId: string;
    ownerPersonId: string | null;
    priorityId: string | null;
    themeIds: string[];
  },
) {
  const rows = await db.query<{
    agency: boolean;
    person: boolean;
    personInAgency: boolean;
    priority: boolean;
    themes: number;
  }>(
    `SELECT EXISTS (SELECT 1 FROM agencies WHERE partnership_id = $1 AND id = $2) AS agency,
       ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE partnership_id = $1 AND id = $3)) AS person,
       ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM people WHERE partnership_id = $1 AND id = $3 AND agency_id = $2))
         AS "personInAgency",
       ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM priorities WHERE partnership_id = $1 AND id = $4)) AS priority,
       (SELECT count(*)::int FROM plan_themes WHERE partnership_id = $1 AND id = ANY($5::uuid[])) AS themes`,
    [partnershipId, refs.ownerAgencyId, refs.ownerPersonId, refs.priorityId, refs.themeIds],
  );
  return rows[0] as NonNullable<(typeof rows)[number]>;
}
