import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../src/db/database.ts';
import { DEFAULT_THEMES } from '../src/features/actions/rules.ts';
import { STANDING_ITEM } from '../src/features/meetings/rules.ts';
import { recordAudit } from '../src/platform/audit/audit.ts';
import { hashPassword } from '../src/platform/auth/auth-service.ts';
import { todayInLondon } from '../src/platform/calendar/today.ts';
import { insertDemoAudits } from './audits.ts';
import { insertDemoDataDashboard } from './data-dashboard.ts';
import type { DemoPartnership } from './demo-types.ts';
import { insertCases } from './load-cases.ts';
import { insertDemoPlan, insertPlanLists } from './plan-rows.ts';
import { towerHamlets } from './tower-hamlets.ts';

/** Every demo account uses this password; production refuses to start while any demo account exists. */
export const DEMO_PASSWORD = 'demo-password-only';
export const demoEmail = (role: string) => `${role}@demo.example`;

const SYSTEM = { userId: null, label: 'system (demo data)' };

/** Loads the demo partnership when the database has no partnership at all. Returns whether it loaded. */
export async function loadDemoIfEmpty(db: Database, demo: DemoPartnership = towerHamlets): Promise<boolean> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM partnerships');
  if ((existing[0]?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction((tx) => insertDemo(tx, demo, passwordHash));
  return true;
}

export async function demoAccountsPresent(db: Queryable): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE is_demo LIMIT 1');
  return rows.length > 0;
}

/** Inserts a demo partnership in the caller's transaction; returns its id. */
export async function insertDemo(
  tx: Queryable,
  demo: DemoPartnership,
  passwordHash: string,
  emailFor: (role: string) => string = demoEmail,
): Promise<string> {
  const [partnership] = await tx.query<{ id: string }>(
    'INSERT INTO partnerships (slug, name, area_name, is_demo) VALUES ($1, $2, $3, true) RETURNING id',
    [demo.slug, demo.name, demo.areaName],
  );
  const partnershipId = (partnership as { id: string }).id;
  const agencyIds = await insertKeyed(
    tx,
    'agencies',
    ['partnership_id', 'name', 'kind', 'sector', 'contact_email'],
    demo.agencies,
    (a) => [partnershipId, a.name, a.kind, a.sector, a.contactEmail ?? null],
  );
  const personIds = await insertKeyed(
    tx,
    'people',
    ['partnership_id', 'agency_id', 'name', 'job_title'],
    demo.people,
    (p) => [partnershipId, need(agencyIds, p.agency), p.name, p.jobTitle],
  );
  for (const sp of demo.safeguardingPartners) {
    await tx.query(
      'INSERT INTO safeguarding_partners (partnership_id, agency_id, person_id, role) VALUES ($1, $2, $3, $4)',
      [partnershipId, need(agencyIds, sp.agency), need(personIds, sp.person), sp.role],
    );
  }
  const groupIds = await insertKeyed(
    tx,
    'groups',
    [
      'partnership_id',
      'name',
      'type',
      'cadence',
      'terms_of_reference',
      'chair_person_id',
      'sponsor_person_id',
      'starts_on',
      'ends_on',
    ],
    demo.groups,
    (g) => [
      partnershipId,
      g.name,
      g.type,
      g.cadence,
      g.termsOfReference,
      g.chair ? need(personIds, g.chair) : null,
      g.sponsor ? need(personIds, g.sponsor) : null,
      g.startsOn,
      g.endsOn ?? null,
    ],
  );
  for (const g of demo.groups) {
    if (g.reportsTo) {
      await tx.query('UPDATE groups SET reports_to_group_id = $2 WHERE id = $1', [
        need(groupIds, g.key),
        need(groupIds, g.reportsTo),
      ]);
    }
    for (const member of g.members) {
      await tx.query('INSERT INTO group_members (partnership_id, group_id, person_id) VALUES ($1, $2, $3)', [
        partnershipId,
        need(groupIds, g.key),
        need(personIds, member),
      ]);
    }
  }
  for (const turn of demo.chairRota) {
    await tx.query(
      'INSERT INTO executive_chair_rota (partnership_id, agency_id, starts_on, ends_on) VALUES ($1, $2, $3, $4)',
      [partnershipId, need(agencyIds, turn.agency), turn.startsOn, turn.endsOn],
    );
  }
  for (const board of demo.boardLinks) {
    await tx.query(
      'INSERT INTO board_links (partnership_id, name, relationship, joint_priorities) VALUES ($1, $2, $3, $4)',
      [partnershipId, board.name, board.relationship, board.jointPriorities],
    );
  }
  for (const rule of demo.quorums) {
    await tx.query('UPDATE groups SET quorum = $2, quorum_needs_statutory = $3 WHERE id = $1', [
      need(groupIds, rule.group),
      rule.quorum,
      rule.needsStatutory,
    ]);
  }
  await insertMeetings(tx, partnershipId, demo, personIds, groupIds);
  await insertEscalations(tx, partnershipId, demo, { agencyIds, personIds, groupIds });
  await insertRisks(tx, partnershipId, demo, { agencyIds, personIds });
  for (const account of demo.accounts) {
    await tx.query(
      `INSERT INTO users (partnership_id, agency_id, email, name, role, password_hash, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, true)`,
      [
        partnershipId,
        need(agencyIds, account.agency),
        emailFor(account.role),
        account.name,
        account.role,
        passwordHash,
      ],
    );
  }
  const accounts = await tx.query<{ id: string; role: string }>(
    'SELECT id, role FROM users WHERE partnership_id = $1',
    [partnershipId],
  );
  await insertPlanLists(tx, partnershipId, demo.plan ?? { themes: DEFAULT_THEMES, priorities: [] });
  await insertCases(tx, partnershipId, demo.cases, {
    agencyIds,
    personIds,
    userIdsByRole: new Map(accounts.map((u) => [u.role, u.id])),
  });
  if (demo.plan?.actions) {
    await insertDemoPlan(tx, partnershipId, demo.plan.actions, { agencyIds, personIds });
    const themes = await tx.query<{ id: string; name: string }>(
      'SELECT id, name FROM plan_themes WHERE partnership_id = $1',
      [partnershipId],
    );
    await insertDemoAudits(tx, partnershipId, {
      agencyIds,
      personIds,
      themeIds: new Map(themes.map((t) => [t.name, t.id])),
    });
    await insertDemoDataDashboard(tx, partnershipId, todayInLondon());
  }
  await recordAudit(tx, SYSTEM, {
    partnershipId,
    action: 'partnership.demo-loaded',
    entityType: 'partnership',
    entityId: partnershipId,
    after: {
      slug: demo.slug,
      agencies: demo.agencies.length,
      people: demo.people.length,
      groups: demo.groups.length,
    },
  });
  return partnershipId;
}

/** The demo's meetings, dated from today in London, with their agendas, attendance and action lists. */
async function insertMeetings(
  tx: Queryable,
  partnershipId: string,
  demo: DemoPartnership,
  personIds: Map<string, string>,
  groupIds: Map<string, string>,
) {
  const today = todayInLondon();
  for (const m of demo.meetings) {
    const date = addDays(today, m.inDays);
    const [meeting] = await tx.query<{ id: string }>(
      `INSERT INTO meetings (partnership_id, group_id, starts_at, ends_at, place, status)
       VALUES ($1, $2, (($3::date) + ($4::time)) AT TIME ZONE 'Europe/London',
               (($3::date) + ($5::time)) AT TIME ZONE 'Europe/London', $6, $7) RETURNING id`,
      [partnershipId, need(groupIds, m.group), date, m.startTime, m.endTime, m.place, m.status],
    );
    const meetingId = (meeting as { id: string }).id;
    const items = [
      ...m.agenda.map((a) => [a.title, a.lead ? need(personIds, a.lead) : null, false] as const),
      [STANDING_ITEM, null, true] as const,
    ];
    for (const [position, [title, lead, standing]] of items.entries()) {
      await tx.query(
        `INSERT INTO agenda_items (partnership_id, meeting_id, position, title, owner_person_id, is_standing)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [partnershipId, meetingId, position + 1, title, lead, standing],
      );
    }
    const attendance = [
      ...m.present.map((p) => [p, 'present'] as const),
      ...m.apologies.map((p) => [p, 'apologies'] as const),
    ];
    for (const [person, status] of attendance) {
      await tx.query(
        `INSERT INTO meeting_attendance (partnership_id, meeting_id, person_id, agency_id, status)
         SELECT $1, $2, id, agency_id, $4 FROM people WHERE id = $3`,
        [partnershipId, meetingId, need(personIds, person), status],
      );
    }
    for (const text of m.decisions) {
      await tx.query('INSERT INTO meeting_decisions (partnership_id, meeting_id, text) VALUES ($1, $2, $3)', [
        partnershipId,
        meetingId,
        text,
      ]);
    }
    for (const a of m.actions) {
      await tx.query(
        `INSERT INTO meeting_actions
           (partnership_id, meeting_id, group_id, text, owner_person_id, agency_id, due_on, status, progress)
         SELECT $1, $2, $3, $4, id, agency_id, $6, $7, $8 FROM people WHERE id = $5`,
        [
          partnershipId,
          meetingId,
          need(groupIds, m.group),
          a.text,
          need(personIds, a.owner),
          addDays(today, a.dueInDays),
          a.status,
          a.progress ?? '',
        ],
      );
    }
  }
}

/** The demo's escalations, numbered ESC-1 … in the order given, with their dated history. */
async function insertEscalations(
  tx: Queryable,
  partnershipId: string,
  demo: DemoPartnership,
  ids: { agencyIds: Map<string, string>; personIds: Map<string, string>; groupIds: Map<string, string> },
) {
  const today = todayInLondon();
  for (const [index, e] of demo.escalations.entries()) {
    const raisedOn = addDays(today, e.raisedInDays);
    const respondedOn = e.response ? addDays(today, e.response.inDays) : null;
    const closedOn = e.response?.closedInDays === undefined ? null : addDays(today, e.response.closedInDays);
    const status = closedOn ? 'closed' : respondedOn ? 'responded' : 'open';
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO escalations (partnership_id, number, title, issue, ask, raised_by_group_id, raised_by_person_id,
         raised_by_agency_id, raised_on, status, response, decision, responded_on, closed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        partnershipId,
        index + 1,
        e.title,
        e.issue,
        e.ask,
        e.group ? need(ids.groupIds, e.group) : null,
        e.person ? need(ids.personIds, e.person) : null,
        need(ids.agencyIds, e.agency),
        raisedOn,
        status,
        e.response?.response ?? '',
        e.response?.decision ?? '',
        respondedOn,
        closedOn,
      ],
    );
    const steps: [string, string | null, string, string][] = [
      [raisedOn, null, 'open', 'Raised to the executive'],
    ];
    if (respondedOn && e.response) {
      steps.push([respondedOn, 'open', 'responded', `${e.response.response}\n\n${e.response.decision}`]);
    }
    if (closedOn) steps.push([closedOn, 'responded', 'closed', '']);
    for (const [onDate, from, to, note] of steps) {
      await tx.query(
        `INSERT INTO escalation_events (partnership_id, escalation_id, on_date, from_status, to_status, note, actor_label)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [partnershipId, (row as { id: string }).id, onDate, from, to, note, SYSTEM.label],
      );
    }
  }
}

/** The demo's risks, numbered RISK-1 … in the order given, with the partners each affects. */
async function insertRisks(
  tx: Queryable,
  partnershipId: string,
  demo: DemoPartnership,
  ids: { agencyIds: Map<string, string>; personIds: Map<string, string> },
) {
  const today = todayInLondon();
  for (const [index, r] of demo.risks.entries()) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO risks (partnership_id, number, title, description, raised_by_agency_id, raised_by_person_id,
         raised_on, response, owner_person_id, status, review_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        partnershipId,
        index + 1,
        r.title,
        r.description,
        need(ids.agencyIds, r.agency),
        r.person ? need(ids.personIds, r.person) : null,
        addDays(today, r.raisedInDays),
        r.response,
        r.owner ? need(ids.personIds, r.owner) : null,
        r.status,
        r.reviewInDays === undefined ? null : addDays(today, r.reviewInDays),
      ],
    );
    for (const agency of r.partners) {
      await tx.query('INSERT INTO risk_partners (partnership_id, risk_id, agency_id) VALUES ($1, $2, $3)', [
        partnershipId,
        (row as { id: string }).id,
        need(ids.agencyIds, agency),
      ]);
    }
  }
}

const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Inserts rows in one statement, with ids made here so each key maps to its row for certain. */
async function insertKeyed<T extends { key: string }>(
  tx: Queryable,
  table: string,
  columns: string[],
  rows: T[],
  values: (row: T) => unknown[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>(rows.map((row) => [row.key, randomUUID()]));
  if (rows.length === 0) return ids;
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const start = params.length;
    params.push(ids.get(row.key), ...values(row));
    return `(${['id', ...columns].map((_, i) => `$${start + i + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO ${table} (id, ${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
  return ids;
}

function need(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Demo data refers to "${key}", which it does not define`);
  return id;
}
