import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { SourceKind } from './rules.ts';

export type PlanSource = {
  id: string;
  kind: SourceKind;
  title: string;
  reference: string;
  datedOn: string;
  incidentId: string | null;
  auditId: string | null;
  /** The actions (not merged away) that answer it. */
  actionCount: number;
};

/** A source's columns; its action count is of one agency's actions when `$agency` is given. */
const columns = (agencyParam: string) => `s.id, s.kind, s.title, s.reference, s.dated_on AS "datedOn",
  s.incident_id AS "incidentId", s.audit_id AS "auditId",
  (SELECT count(*)::int FROM plan_action_sources xs JOIN plan_actions x ON x.id = xs.action_id
    WHERE xs.source_id = s.id AND x.status <> 'merged'
      AND (${agencyParam}::uuid IS NULL OR x.owner_agency_id = ${agencyParam}::uuid)) AS "actionCount"`;

export async function listSources(
  db: Queryable,
  partnershipId: string,
  filter: { kind?: SourceKind; countAgencyId: string | null; after: Cursor | null; limit: number },
) {
  const where = new Conditions().add('s.partnership_id = ?', partnershipId).addIf(filter.kind, 's.kind = ?');
  where.before(filter.after, 's.dated_on', 's.id');
  const limit = where.limit(filter.limit + 1);
  where.params.push(filter.countAgencyId);
  return db.query<PlanSource>(
    `SELECT ${columns(`$${where.params.length}`)} FROM plan_sources s ${where.sql}
      ORDER BY s.dated_on DESC, s.id DESC ${limit}`,
    where.params,
  );
}

export async function findSource(
  db: Queryable,
  partnershipId: string,
  id: string,
  countAgencyId: string | null = null,
) {
  const rows = await db.query<PlanSource>(
    `SELECT ${columns('$3')} FROM plan_sources s WHERE s.partnership_id = $1 AND s.id = $2`,
    [partnershipId, id, countAgencyId],
  );
  return rows[0] ?? null;
}

export type SourceInput = { kind: SourceKind; title: string; reference: string; datedOn: string };

export async function insertSource(db: Queryable, partnershipId: string, s: SourceInput) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO plan_sources (partnership_id, kind, title, reference, dated_on) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [partnershipId, s.kind, s.title, s.reference, s.datedOn],
  );
  return (rows[0] as { id: string }).id;
}

/**
 * The source of a case's review or of an audit, made the first time it is needed and retitled when the
 * case's pseudonym or the audit's title changes. Returns its id.
 */
export async function ensureLinkedSource(
  db: Queryable,
  partnershipId: string,
  s: { kind: SourceKind; title: string; datedOn: string; incidentId?: string; auditId?: string },
) {
  const conflict = s.incidentId
    ? '(incident_id, kind) WHERE incident_id IS NOT NULL'
    : '(audit_id) WHERE audit_id IS NOT NULL';
  // A source already so titled is left alone: a change to a source moves the lists version on
  // (migration 0025), and this runs each time an action is raised from a case or an audit is saved.
  const rows = await db.query<{ id: string }>(
    `INSERT INTO plan_sources (partnership_id, kind, title, dated_on, incident_id, audit_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ${conflict} DO UPDATE SET title = EXCLUDED.title
       WHERE plan_sources.title IS DISTINCT FROM EXCLUDED.title
     RETURNING id`,
    [partnershipId, s.kind, s.title, s.datedOn, s.incidentId ?? null, s.auditId ?? null],
  );
  if (rows[0]) return rows[0].id;
  // The row was there with this title (and is locked by the statement above until commit).
  const [found] = s.incidentId
    ? await db.query<{ id: string }>(
        'SELECT id FROM plan_sources WHERE partnership_id = $1 AND incident_id = $2 AND kind = $3',
        [partnershipId, s.incidentId, s.kind],
      )
    : await db.query<{ id: string }>(
        'SELECT id FROM plan_sources WHERE partnership_id = $1 AND audit_id = $2',
        [partnershipId, s.auditId ?? null],
      );
  if (!found) throw new Error('A linked source was neither made nor found');
  return found.id;
}

/** Retitles a case's sources; one already so titled is left alone (a change moves the lists version on). */
export async function retitleCaseSources(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  titleOf: (kind: 'rapid-review' | 'practice-review') => string,
) {
  await db.query(
    `UPDATE plan_sources SET title = CASE kind WHEN 'rapid-review' THEN $3 ELSE $4 END
     WHERE partnership_id = $1 AND incident_id = $2
       AND title IS DISTINCT FROM CASE kind WHEN 'rapid-review' THEN $3 ELSE $4 END`,
    [partnershipId, incidentId, titleOf('rapid-review'), titleOf('practice-review')],
  );
}
