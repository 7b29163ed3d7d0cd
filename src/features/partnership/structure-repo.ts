import type { Queryable } from '../../db/database.ts';
import type { AgencyKind, Cadence, GroupType } from './rules.ts';
import type { BoardLinkInput, RotaInput } from './schemas.ts';

export type SafeguardingPartner = {
  id: string;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  personId: string;
  personName: string;
  jobTitle: string;
  role: 'lead' | 'delegated';
};

const SP_SELECT = `SELECT sp.id, sp.agency_id AS "agencyId", a.name AS "agencyName", a.kind AS "agencyKind",
    sp.person_id AS "personId", p.name AS "personName", p.job_title AS "jobTitle", sp.role
  FROM safeguarding_partners sp
  JOIN agencies a ON a.partnership_id = sp.partnership_id AND a.id = sp.agency_id
  JOIN people p ON p.partnership_id = sp.partnership_id AND p.id = sp.person_id`;

export function listSafeguardingPartners(db: Queryable, partnershipId: string, agencyId?: string) {
  return db.query<SafeguardingPartner>(
    `${SP_SELECT} WHERE sp.partnership_id = $1 ${agencyId ? 'AND sp.agency_id = $2' : ''}
      ORDER BY a.kind, sp.role DESC, p.name LIMIT 200`,
    agencyId ? [partnershipId, agencyId] : [partnershipId],
  );
}

export async function insertSafeguardingPartner(
  db: Queryable,
  partnershipId: string,
  row: { agencyId: string; personId: string; role: 'lead' | 'delegated' },
) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO safeguarding_partners (partnership_id, agency_id, person_id, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [partnershipId, row.agencyId, row.personId, row.role],
  );
  return (rows[0] as { id: string }).id;
}

export async function deleteSafeguardingPartner(
  db: Queryable,
  partnershipId: string,
  agencyId: string,
  id: string,
) {
  const rows = await db.query<{ id: string; agencyId: string; personId: string; role: string }>(
    `DELETE FROM safeguarding_partners WHERE partnership_id = $1 AND agency_id = $2 AND id = $3
     RETURNING id, agency_id AS "agencyId", person_id AS "personId", role`,
    [partnershipId, agencyId, id],
  );
  return rows[0] ?? null;
}

export type RotaTurn = {
  id: string;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  startsOn: string;
  endsOn: string;
};

export function listRota(db: Queryable, partnershipId: string) {
  return db.query<RotaTurn>(
    `SELECT r.id, r.agency_id AS "agencyId", a.name AS "agencyName", a.kind AS "agencyKind",
            r.starts_on AS "startsOn", r.ends_on AS "endsOn"
       FROM executive_chair_rota r JOIN agencies a ON a.partnership_id = r.partnership_id AND a.id = r.agency_id
      WHERE r.partnership_id = $1 ORDER BY r.starts_on LIMIT 500`,
    [partnershipId],
  );
}

export async function insertRotaTurn(db: Queryable, partnershipId: string, input: RotaInput) {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO executive_chair_rota (partnership_id, agency_id, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [partnershipId, input.agencyId, input.startsOn, input.endsOn],
  );
  return (rows[0] as { id: string }).id;
}

export async function deleteRotaTurn(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<{ id: string; agencyId: string; startsOn: string; endsOn: string }>(
    `DELETE FROM executive_chair_rota WHERE partnership_id = $1 AND id = $2
     RETURNING id, agency_id AS "agencyId", starts_on AS "startsOn", ends_on AS "endsOn"`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export type BoardLink = { id: string; name: string; relationship: string; jointPriorities: string };

const BL_COLUMNS = `id, name, relationship, joint_priorities AS "jointPriorities"`;

export function listBoardLinks(db: Queryable, partnershipId: string) {
  return db.query<BoardLink>(
    `SELECT ${BL_COLUMNS} FROM board_links WHERE partnership_id = $1 ORDER BY name LIMIT 100`,
    [partnershipId],
  );
}

export async function findBoardLink(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<BoardLink>(
    `SELECT ${BL_COLUMNS} FROM board_links WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export async function insertBoardLink(db: Queryable, partnershipId: string, input: BoardLinkInput) {
  const rows = await db.query<BoardLink>(
    `INSERT INTO board_links (partnership_id, name, relationship, joint_priorities) VALUES ($1, $2, $3, $4)
     RETURNING ${BL_COLUMNS}`,
    [partnershipId, input.name, input.relationship, input.jointPriorities],
  );
  return rows[0] as BoardLink;
}

export async function updateBoardLink(
  db: Queryable,
  partnershipId: string,
  id: string,
  input: BoardLinkInput,
) {
  const rows = await db.query<BoardLink>(
    `UPDATE board_links SET name = $3, relationship = $4, joint_priorities = $5, updated_at = now()
      WHERE partnership_id = $1 AND id = $2 RETURNING ${BL_COLUMNS}`,
    [partnershipId, id, input.name, input.relationship, input.jointPriorities],
  );
  return rows[0] ?? null;
}

/**
 * The version of a partnership's structure: moved on by any change to the rows the structure page shows
 * (migration 0022), so what was drawn for one version can be kept until it moves.
 */
export async function structureVersion(db: Queryable, partnershipId: string): Promise<number> {
  const rows = await db.query<{ version: number }>(
    `SELECT coalesce((SELECT version FROM structure_versions WHERE partnership_id = $1), 0)::int AS version`,
    [partnershipId],
  );
  return rows[0]?.version ?? 0;
}

/** The chair's turn on a day, and how many groups are current and ended: the home page's summary. */
export async function structureSummary(db: Queryable, partnershipId: string, today: string) {
  const rows = await db.query<{
    chair: { agencyName: string; endsOn: string } | null;
    currentGroups: number;
    endedGroups: number;
    notStartedGroups: number;
  }>(
    `SELECT (SELECT json_build_object('agencyName', a.name, 'endsOn', r.ends_on)
               FROM executive_chair_rota r JOIN agencies a ON a.partnership_id = r.partnership_id AND a.id = r.agency_id
              WHERE r.partnership_id = $1 AND r.starts_on <= $2::date AND r.ends_on >= $2::date
              ORDER BY r.starts_on LIMIT 1) AS chair,
            (SELECT count(*)::int FROM groups g WHERE g.partnership_id = $1 AND g.starts_on <= $2::date
                AND (g.ends_on IS NULL OR g.ends_on >= $2::date)) AS "currentGroups",
            (SELECT count(*)::int FROM groups g WHERE g.partnership_id = $1 AND g.ends_on < $2::date) AS "endedGroups",
            (SELECT count(*)::int FROM groups g WHERE g.partnership_id = $1 AND g.starts_on > $2::date) AS "notStartedGroups"`,
    [partnershipId, today],
  );
  return rows[0] as NonNullable<(typeof rows)[number]>;
}

export type ChartGroup = {
  id: string;
  name: string;
  type: GroupType;
  cadence: Cadence;
  reportsToGroupId: string | null;
  chairName: string | null;
  chairJobTitle: string | null;
  depth: number;
  /** How many current groups report to this one, shown in the chart or not. */
  reportingGroups: number;
};

/**
 * The governance chart's groups: current groups from the top of the structure (those reporting to no
 * current group) down to `maxDepth` levels below it, top levels first, at most `limit` of them: the
 * page stays the same size however many groups sit below the chart. Reporting lines never loop (every
 * change is checked by wouldLoop); the path guards the walk all the same. The chart's rows are chosen
 * before their chairs are looked up: joined first, a big partnership's every person was read (10× data).
 */
export async function governanceChart(
  db: Queryable,
  partnershipId: string,
  today: string,
  options: { maxDepth: number; limit: number },
) {
  return db.query<ChartGroup>(
    `WITH RECURSIVE current_groups AS MATERIALIZED (
       SELECT id, name, type, cadence, chair_person_id, reports_to_group_id FROM groups
        WHERE partnership_id = $1 AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $2::date)
     ), chart AS (
       SELECT c.id, 0 AS depth, ARRAY[c.id] AS path FROM current_groups c
        WHERE NOT EXISTS (SELECT 1 FROM current_groups p WHERE p.id = c.reports_to_group_id)
       UNION ALL
       SELECT c.id, t.depth + 1, t.path || c.id FROM chart t
         JOIN current_groups c ON c.reports_to_group_id = t.id
        WHERE t.depth < $3 AND c.id <> ALL (t.path)
     ), shown AS (
       SELECT g.id, g.name, g.type, g.cadence, g.chair_person_id, g.reports_to_group_id, t.depth
         FROM chart t JOIN current_groups g ON g.id = t.id
        ORDER BY t.depth, g.name, g.id LIMIT $4
     ), reporting AS (
       SELECT reports_to_group_id AS id, count(*)::int AS n FROM current_groups
        WHERE reports_to_group_id IS NOT NULL GROUP BY reports_to_group_id
     )
     SELECT s.id, s.name, s.type, s.cadence, s.reports_to_group_id AS "reportsToGroupId",
            p.name AS "chairName", p.job_title AS "chairJobTitle", s.depth,
            coalesce(r.n, 0) AS "reportingGroups"
       FROM shown s
       LEFT JOIN reporting r ON r.id = s.id
       LEFT JOIN people p ON p.partnership_id = $1 AND p.id = s.chair_person_id
      ORDER BY s.depth, s.name, s.id`,
    [partnershipId, today, options.maxDepth, options.limit],
  );
}
