import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import type { LocalSettings } from './clock-settings.ts';
import type { ClockKey, ClockTiming, Decision } from './clocks.ts';
import type { CaseKind } from './rules.ts';
import type { IncidentInput, RapidReviewInput } from './schemas.ts';

export type Incident = {
  id: string;
  number: number;
  kind: CaseKind;
  pseudonym: string;
  awareOn: string;
  outcome: IncidentInput['outcome'];
  harmCategory: IncidentInput['harmCategory'];
  ageBand: IncidentInput['ageBand'];
  summary: string;
  notifiedPanelOn: string | null;
  panelMetOn: string | null;
  immediateLearning: string;
  recommendation: Decision | null;
  recommendationReasons: string;
  rapidReviewSentOn: string | null;
  decision: Decision | null;
  decidedOn: string | null;
  decisionReasons: string;
  agencies: { id: string; name: string }[];
  people: { id: string; name: string; agencyName: string; email: string | null }[];
  waivers: { clock: ClockKey; reason: string }[];
};

export type IncidentRow = Pick<
  Incident,
  | 'id'
  | 'number'
  | 'kind'
  | 'pseudonym'
  | 'awareOn'
  | 'harmCategory'
  | 'ageBand'
  | 'recommendation'
  | 'decision'
> & { nextDueOn: string | null; nextClock: ClockKey | null };

const LIST_COLUMNS = `i.id, i.number, i.kind, i.pseudonym, i.aware_on AS "awareOn", i.harm_category AS "harmCategory",
  i.age_band AS "ageBand", i.recommendation, i.decision,
  n.due_on AS "nextDueOn", n.clock AS "nextClock"`;
// By the case alone (see "Joins by id" in db/sql.ts): with the partnership too, a kept plan probed the
// partnership's index of open clocks once for each case, reading all of them each time.
const NEXT_CLOCK = `LEFT JOIN LATERAL (SELECT c.due_on, c.clock FROM case_clocks c
   WHERE c.incident_id = i.id AND c.met_on IS NULL
   ORDER BY c.due_on, c.clock LIMIT 1) n ON true`;

const COLUMNS = `i.id, i.number, i.kind, i.pseudonym, i.aware_on AS "awareOn", i.outcome,
  i.harm_category AS "harmCategory", i.age_band AS "ageBand", i.summary, i.notified_panel_on AS "notifiedPanelOn",
  i.panel_met_on AS "panelMetOn", i.immediate_learning AS "immediateLearning", i.recommendation,
  i.recommendation_reasons AS "recommendationReasons", i.rapid_review_sent_on AS "rapidReviewSentOn",
  i.decision, i.decided_on AS "decidedOn", i.decision_reasons AS "decisionReasons",
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name) ORDER BY a.name)
     FROM incident_agencies x JOIN agencies a ON a.partnership_id = x.partnership_id AND a.id = x.agency_id
    WHERE x.incident_id = i.id), '[]'::json) AS agencies,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'agencyName', a.name, 'email', p.email)
       ORDER BY p.name)
     FROM incident_people x JOIN people p ON p.partnership_id = x.partnership_id AND p.id = x.person_id
     JOIN agencies a ON a.partnership_id = p.partnership_id AND a.id = p.agency_id
    WHERE x.incident_id = i.id), '[]'::json) AS people,
  coalesce((SELECT json_agg(json_build_object('clock', w.clock, 'reason', w.reason) ORDER BY w.clock)
     FROM clock_waivers w WHERE w.incident_id = i.id), '[]'::json) AS waivers`;

/** A condition that limits rows to the cases a user is on the team of (when not seeing every case). */
const onTeam = (incidentColumn: string) =>
  `EXISTS (SELECT 1 FROM case_team t WHERE t.partnership_id = ? AND t.user_id = ? AND t.incident_id = ${incidentColumn})`;

export type IncidentFilter = {
  q?: string;
  decision?: Decision | 'none';
  /** Only the cases this user is on the team of; null for everyone who sees every case. */
  teamUserId: string | null;
  after: Cursor | null;
  limit: number;
};

export async function listIncidents(db: Queryable, partnershipId: string, filter: IncidentFilter) {
  const where = new Conditions().add('i.partnership_id = ?', partnershipId);
  if (filter.q) {
    const number = /^(?:SI-)?(\d{1,9})$/i.exec(filter.q.trim());
    if (number) where.add('i.number = ?', Number(number[1]));
    else where.contains(['i.pseudonym'], filter.q);
  }
  if (filter.decision === 'none') where.add('i.decision IS NULL');
  else where.addIf(filter.decision, 'i.decision = ?');
  if (filter.teamUserId) where.add(onTeam('i.id'), partnershipId, filter.teamUserId);
  where.before(filter.after, 'i.aware_on', 'i.id');
  const limit = where.limit(filter.limit + 1);
  return db.query<IncidentRow>(
    `SELECT ${LIST_COLUMNS} FROM incidents i ${NEXT_CLOCK} ${where.sql}
      ORDER BY i.aware_on DESC, i.id DESC ${limit}`,
    where.params,
  );
}

export async function findIncident(db: Queryable, partnershipId: string, id: string) {
  const rows = await db.query<Incident>(
    `SELECT ${COLUMNS} FROM incidents i WHERE i.partnership_id = $1 AND i.id = $2`,
    [partnershipId, id],
  );
  return rows[0] ?? null;
}

export async function lockIncident(db: Queryable, partnershipId: string, id: string) {
  await db.query('SELECT 1 FROM incidents WHERE partnership_id = $1 AND id = $2 FOR UPDATE', [
    partnershipId,
    id,
  ]);
}

/** Records an incident with the partnership's next number (under a per-partnership lock). */
export async function insertIncident(db: Queryable, partnershipId: string, input: IncidentInput) {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`incident-numbers:${partnershipId}`]);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO incidents (partnership_id, number, kind, pseudonym, aware_on, outcome, harm_category, age_band,
       summary, notified_panel_on)
     VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM incidents WHERE partnership_id = $1),
       $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [partnershipId, ...incidentValues(input)],
  );
  return (rows[0] as { id: string }).id;
}

const incidentValues = (input: IncidentInput) => [
  input.kind,
  input.pseudonym,
  input.awareOn,
  input.outcome,
  input.harmCategory,
  input.ageBand,
  input.summary,
  input.notifiedPanelOn,
];

export async function updateIncident(db: Queryable, partnershipId: string, id: string, input: IncidentInput) {
  await db.query(
    `UPDATE incidents SET kind = $3, pseudonym = $4, aware_on = $5, outcome = $6, harm_category = $7, age_band = $8,
       summary = $9, notified_panel_on = $10, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, ...incidentValues(input)],
  );
}

export async function updateRapidReview(
  db: Queryable,
  partnershipId: string,
  id: string,
  input: RapidReviewInput,
) {
  await db.query(
    `UPDATE incidents SET panel_met_on = $3, immediate_learning = $4, recommendation = $5,
       recommendation_reasons = $6, rapid_review_sent_on = $7, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [
      partnershipId,
      id,
      input.panelMetOn,
      input.immediateLearning,
      input.recommendation,
      input.recommendationReasons,
      input.rapidReviewSentOn,
    ],
  );
}

export async function updateDecision(
  db: Queryable,
  partnershipId: string,
  id: string,
  decision: { decision: Decision; decidedOn: string; reasons: string },
) {
  await db.query(
    `UPDATE incidents SET decision = $3, decided_on = $4, decision_reasons = $5, updated_at = now()
     WHERE partnership_id = $1 AND id = $2`,
    [partnershipId, id, decision.decision, decision.decidedOn, decision.reasons],
  );
}

/** Replaces one of a case's lists of agencies or people; returns how many of the ids were kept. */
export async function setInvolved(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  what: 'agencies' | 'people',
  ids: string[],
) {
  const [table, column, source] =
    what === 'agencies'
      ? ['incident_agencies', 'agency_id', 'agencies']
      : ['incident_people', 'person_id', 'people'];
  await db.query(`DELETE FROM ${table} WHERE partnership_id = $1 AND incident_id = $2`, [
    partnershipId,
    incidentId,
  ]);
  if (ids.length === 0) return 0;
  const rows = await db.query(
    `INSERT INTO ${table} (partnership_id, incident_id, ${column})
     SELECT $1, $2, s.id FROM ${source} s WHERE s.partnership_id = $1 AND s.id = ANY($3::uuid[])
     RETURNING ${column}`,
    [partnershipId, incidentId, ids],
  );
  return rows.length;
}

/** Writes a case's running clocks: those with a due date, not waived. */
export async function writeClocks(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  timings: ClockTiming[],
) {
  await db.query('DELETE FROM case_clocks WHERE partnership_id = $1 AND incident_id = $2', [
    partnershipId,
    incidentId,
  ]);
  const running = timings.filter((t) => t.dueOn !== null && !t.waiverReason && !t.notRunning);
  if (running.length === 0) return;
  await db.query(
    `INSERT INTO case_clocks (partnership_id, incident_id, clock, due_on, met_on)
     SELECT $1, $2, x.clock, x.due_on, x.met_on
       FROM unnest($3::text[], $4::date[], $5::date[]) AS x(clock, due_on, met_on)`,
    [
      partnershipId,
      incidentId,
      running.map((t) => t.key),
      running.map((t) => t.dueOn),
      running.map((t) => t.metOn),
    ],
  );
}

export async function setWaiver(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  waiver: { clock: ClockKey; reason: string | null; userId: string | null },
) {
  await db.query('DELETE FROM clock_waivers WHERE partnership_id = $1 AND incident_id = $2 AND clock = $3', [
    partnershipId,
    incidentId,
    waiver.clock,
  ]);
  if (waiver.reason === null) return;
  await db.query(
    `INSERT INTO clock_waivers (partnership_id, incident_id, clock, reason, waived_by) VALUES ($1, $2, $3, $4, $5)`,
    [partnershipId, incidentId, waiver.clock, waiver.reason, waiver.userId],
  );
}

export type OpenClock = {
  incidentId: string;
  number: number;
  pseudonym: string;
  clock: ClockKey;
  dueOn: string;
};

export type ClockFilter = {
  teamUserId: string | null;
  incidentNumber?: number;
  clock?: ClockKey;
  /** Due dates up to this one (inclusive): overdue and due soon. */
  dueBy?: string;
  /** Due dates from this one (inclusive). */
  dueFrom?: string;
  after: { dueOn: string; incidentId: string; clock: string } | null;
  limit: number;
};

/** Every clock not yet met, soonest first. */
export async function listOpenClocks(db: Queryable, partnershipId: string, filter: ClockFilter) {
  const where = new Conditions().add('c.partnership_id = ?', partnershipId).add('c.met_on IS NULL');
  where.addIf(filter.incidentNumber, 'i.number = ?');
  where.addIf(filter.clock, 'c.clock = ?');
  where.addIf(filter.dueBy, 'c.due_on <= ?::date');
  where.addIf(filter.dueFrom, 'c.due_on >= ?::date');
  if (filter.teamUserId) where.add(onTeam('c.incident_id'), partnershipId, filter.teamUserId);
  if (filter.after)
    where.add(
      '(c.due_on, c.incident_id, c.clock) > (?::date, ?::uuid, ?)',
      filter.after.dueOn,
      filter.after.incidentId,
      filter.after.clock,
    );
  const limit = where.limit(filter.limit + 1);
  return db.query<OpenClock>(
    `SELECT c.incident_id AS "incidentId", i.number, i.pseudonym, c.clock, c.due_on AS "dueOn"
       FROM case_clocks c JOIN incidents i ON i.partnership_id = c.partnership_id AND i.id = c.incident_id
     ${where.sql} ORDER BY c.due_on, c.incident_id, c.clock ${limit}`,
    where.params,
  );
}

export type TeamMember = {
  userId: string;
  name: string;
  email: string;
  role: string;
  agencyId: string;
  agencyName: string;
  capacity: 'panel' | 'reviewer' | 'author';
  overrideReason: string | null;
};

const TEAM_JSON = `coalesce((SELECT json_agg(json_build_object('userId', t.user_id, 'name', u.name, 'email', u.email,
     'role', u.role, 'agencyId', u.agency_id, 'agencyName', a.name, 'capacity', t.capacity, 'overrideReason', t.override_reason)
     ORDER BY t.capacity, u.name)
   FROM case_team t JOIN users u ON u.id = t.user_id
   JOIN agencies a ON a.partnership_id = u.partnership_id AND a.id = u.agency_id
  WHERE t.partnership_id = $1 AND t.incident_id = $2), '[]'::json)`;

/** The case's actions in the learning action plan: those answering its rapid or practice review. */
const ACTIONS_JSON = `coalesce((SELECT json_agg(json_build_object('id', x.id, 'number', x.number, 'text', x.text,
     'ownerAgencyName', a.name, 'dueOn', x.due_on, 'status', x.status, 'sourceKind', s.kind) ORDER BY x.number)
   FROM plan_sources s JOIN plan_action_sources xs ON xs.source_id = s.id
   JOIN plan_actions x ON x.id = xs.action_id AND x.status <> 'merged'
   JOIN agencies a ON a.partnership_id = x.partnership_id AND a.id = x.owner_agency_id
  WHERE s.partnership_id = $1 AND s.incident_id = $2), '[]'::json)`;

export async function listTeam(db: Queryable, partnershipId: string, incidentId: string) {
  const rows = await db.query<{ team: TeamMember[] }>(`SELECT ${TEAM_JSON} AS team`, [
    partnershipId,
    incidentId,
  ]);
  return rows[0]?.team ?? [];
}

/** A case's team and immediate actions, and its partnership's own clock settings, in one query. */
export async function findCaseParts(db: Queryable, partnershipId: string, incidentId: string) {
  const rows = await db.query<{ team: TeamMember[]; actions: CaseAction[]; settings: LocalSettings | null }>(
    `SELECT ${TEAM_JSON} AS team, ${ACTIONS_JSON} AS actions,
       (SELECT json_build_object('reportBeforePublicationWorkingDays', s.report_before_publication_working_days,
          'learningSessionDays', s.learning_session_days, 'followUpMonths', s.follow_up_months,
          'reflectionMonths', s.reflection_months)
          FROM review_settings s WHERE s.partnership_id = $1) AS settings`,
    [partnershipId, incidentId],
  );
  return rows[0] ?? { team: [], actions: [], settings: null };
}

export async function isOnTeam(db: Queryable, partnershipId: string, incidentId: string, userId: string) {
  const rows = await db.query(
    'SELECT 1 FROM case_team WHERE partnership_id = $1 AND incident_id = $2 AND user_id = $3 LIMIT 1',
    [partnershipId, incidentId, userId],
  );
  return rows.length > 0;
}

export async function addTeamMember(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  member: { userId: string; capacity: TeamMember['capacity']; overrideReason: string | null },
) {
  const rows = await db.query(
    `INSERT INTO case_team (partnership_id, incident_id, user_id, capacity, override_reason)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING user_id`,
    [partnershipId, incidentId, member.userId, member.capacity, member.overrideReason],
  );
  return rows.length > 0;
}

export async function removeTeamMember(
  db: Queryable,
  partnershipId: string,
  incidentId: string,
  member: { userId: string; capacity: string },
) {
  const rows = await db.query(
    `DELETE FROM case_team WHERE partnership_id = $1 AND incident_id = $2 AND user_id = $3 AND capacity = $4
     RETURNING user_id`,
    [partnershipId, incidentId, member.userId, member.capacity],
  );
  return rows.length > 0;
}

export type CaseAction = {
  id: string;
  number: number;
  text: string;
  ownerAgencyName: string;
  dueOn: string | null;
  status: string;
  sourceKind: 'rapid-review' | 'practice-review';
};

/** How many open clocks are overdue, and due by a date, of the cases a user may see. */
export async function countOpenClocks(
  db: Queryable,
  partnershipId: string,
  filter: { teamUserId: string | null; today: string; soonLimit: string },
) {
  const where = new Conditions().add('c.partnership_id = ?', partnershipId).add('c.met_on IS NULL');
  if (filter.teamUserId) where.add(onTeam('c.incident_id'), partnershipId, filter.teamUserId);
  const today = where.params.push(filter.today);
  const soon = where.params.push(filter.soonLimit);
  const rows = await db.query<{ overdue: number; dueSoon: number }>(
    `SELECT count(*) FILTER (WHERE c.due_on < $${today}::date)::int AS overdue,
            count(*) FILTER (WHERE c.due_on >= $${today}::date AND c.due_on <= $${soon}::date)::int AS "dueSoon"
       FROM case_clocks c ${where.sql} AND c.due_on <= $${soon}::date`,
    where.params,
  );
  return rows[0] ?? { overdue: 0, dueSoon: 0 };
}
