import { createHash, hash } from 'node:crypto';
import type { Database, Queryable } from '../src/db/database.ts';
import { ROLES } from '../src/platform/access/roles.ts';
import { type ChainedFields, canonicalJson, entryHash, GENESIS_HASH } from '../src/platform/audit/chain.ts';
import { hashPassword } from '../src/platform/auth/auth-service.ts';
import { insertCases } from './generate-cases.ts';
import { insertDataDashboard } from './generate-data.ts';
import { insertPlan, PLAN_THEMES, SIMILAR_QUERY } from './generate-plan.ts';

/**
 * A large synthetic installation for the benchmark, written straight into an empty, migrated database
 * with set-based SQL (`INSERT … SELECT generate_series(…)`), so it runs the same on PGlite and on a
 * PostgreSQL server. Partnership 0 is the big one; 1…n are small. Ids are md5-derived uuids of
 * (partnership, kind, number), so SQL and this file compute the same id for the same row. The audit
 * log is made here, in batches, with a valid hash chain (`npm run audit:verify` passes on it).
 */

export const BENCH_PASSWORD = 'bench-password-only';
export const adminEmail = (partnership: number) => `admin@p${partnership}.bench.example`;
export const userEmail = (partnership: number, n: number) =>
  n === 1 ? adminEmail(partnership) : `user${n}@p${partnership}.bench.example`;

export type Shape = {
  agencies: number;
  people: number;
  groups: number;
  /** Every group has minMembers + (n * 7 mod memberSpread) members; group 2 has bigGroupMembers. */
  minMembers: number;
  memberSpread: number;
  bigGroupMembers: number;
  users: number;
  audit: number;
  /** Meetings of its groups (about a tenth still to come), their action lists, and escalations. */
  meetings: number;
  actions: number;
  escalations: number;
  /** Serious incidents and their reviews, with their clocks. */
  incidents: number;
  /** The learning action plan: what its actions answer, and the actions. */
  planSources: number;
  planActions: number;
  /** The data dashboard: indicators, each with every agency's figure for every quarter. */
  indicators: number;
  quarters: number;
};

/**
 * The big partnership at scale 1: issue 3's 80 agencies, 5,000 people, 200 groups, 1M audit entries,
 * issue 4's 5,000 escalations and 50,000 actions, issue 5's 2,000 reviews, and issue 6's learning action
 * plan of 50,000 actions from 3,000 sources.
 */
export function bigShape(scale: number): Shape {
  return {
    agencies: 80,
    people: 5_000 * scale,
    groups: 200 * scale,
    minMembers: 10,
    memberSpread: 50,
    bigGroupMembers: 300,
    users: 500 * scale,
    audit: 1_000_000 * scale,
    meetings: 2_000 * scale,
    actions: 50_000 * scale,
    escalations: 5_000 * scale,
    incidents: 2_000 * scale,
    planSources: 3_000 * scale,
    planActions: 50_000 * scale,
    indicators: 200 * scale,
    quarters: 40,
  };
}

export const SMALL_SHAPE: Shape = {
  agencies: 15,
  people: 100,
  groups: 10,
  minMembers: 5,
  memberSpread: 10,
  bigGroupMembers: 20,
  users: 10,
  audit: 2_000,
  meetings: 20,
  actions: 100,
  escalations: 20,
  incidents: 10,
  planSources: 20,
  planActions: 200,
  indicators: 10,
  quarters: 8,
};

export type GenerateOptions = {
  scale: number;
  /** Small partnerships besides the big one. */
  smallPartnerships: number;
  log?: (line: string) => void;
};

export type Generated = {
  partnershipId: string;
  adminEmail: string;
  password: string;
  /** Facts about the big partnership that the benchmark's URLs need. */
  largestGroupId: string;
  searchTerm: string;
  agencyId: string;
  rareActor: string;
  /** An action about one entry in a thousand has: the audit log's action filter. */
  rareAction: string;
  sampleEntity: { type: string; id: string };
  /** A coming meeting of the executive, whose pack lists the open escalations. */
  executiveMeetingId: string;
  /** A case from the middle of the three years: its rapid review done, an LCSPR if one in five. */
  sampleIncidentId: string;
  /** A theme of the plan (about one action in ten has it), and a text to find actions like. */
  planThemeId: string;
  similarQuery: string;
  /** The latest data call, and an indicator of the dashboard. */
  dataCallId: string;
  indicatorId: string;
  auditWindow: { from: string; to: string };
  big: Shape;
  small: Shape;
  partnerships: number;
  seconds: { structure: number; audit: number; vacuum: number; total: number };
  /** Rows per table: in the big partnership and in the whole installation. */
  rows: Record<string, { big: number; all: number }>;
  databaseBytes: number;
};

/**
 * The uuid of row `n` of `kind` in partnership `p`: an md5 with the version 4 and variant bits set,
 * so it passes the service's uuid checks. The SQL below computes the same.
 */
export function benchId(p: number, kind: string, n: number): string {
  const hex = createHash('md5').update(`bench:${p}:${kind}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}
/** The same id in SQL, for row number `n` (an SQL expression) of `kind` in partnership `p`. */
const idSql = (p: number, kind: string, n: string) =>
  `overlay(overlay(md5('bench:${p}:${kind}:' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;

const FIRST_NAMES = [
  'Aisha',
  'Alfie',
  'Amara',
  'Amelia',
  'Anika',
  'Arjun',
  'Ava',
  'Bilal',
  'Chloe',
  'Daniel',
  'Deborah',
  'Ebere',
  'Eleanor',
  'Ellis',
  'Emeka',
  'Erin',
  'Fatima',
  'Finley',
  'Freya',
  'Gareth',
  'Grace',
  'Hannah',
  'Harpreet',
  'Hassan',
  'Imogen',
  'Isaac',
  'Jade',
  'James',
  'Joanna',
  'Kamal',
  'Kavita',
  'Kwame',
  'Layla',
  'Leon',
  'Lucy',
  'Maja',
  'Marcus',
  'Maryam',
  'Mohammed',
  'Nadia',
  'Nathan',
  'Niamh',
  'Oliver',
  'Olu',
  'Priya',
  'Rachel',
  'Rahim',
  'Rosa',
  'Ruth',
  'Samir',
  'Sarah',
  'Sean',
  'Shanice',
  'Sophie',
  'Tariq',
  'Thomas',
  'Tomasz',
  'Yasmin',
  'Zainab',
  'Zoe',
];
const SURNAMES = [
  'Abbott',
  'Adeyemi',
  'Ahmed',
  'Ali',
  'Allen',
  'Asante',
  'Bailey',
  'Begum',
  'Bennett',
  'Brown',
  'Campbell',
  'Carter',
  'Chen',
  'Chowdhury',
  'Clarke',
  'Collins',
  'Cooper',
  'Davies',
  'Dixon',
  'Doherty',
  'Edwards',
  'Evans',
  'Fernandes',
  'Fletcher',
  'Foster',
  'Gill',
  'Graham',
  'Green',
  'Hall',
  'Harris',
  'Hossain',
  'Hughes',
  'Hussain',
  'Islam',
  'Jackson',
  'James',
  'Johnson',
  'Jones',
  'Kaur',
  'Kelly',
  'Khan',
  'King',
  'Kowalski',
  'Lewis',
  'Lloyd',
  'Malik',
  'Marshall',
  'Martin',
  'Mensah',
  'Miah',
  'Mitchell',
  'Moore',
  'Morgan',
  'Murphy',
  'Nguyen',
  'Nowak',
  'Obi',
  'Okafor',
  "O'Brien",
  'Osei',
  'Owen',
  'Parker',
  'Patel',
  'Phillips',
  'Price',
  'Rahman',
  'Reid',
  'Richards',
  'Roberts',
  'Robinson',
  'Rossi',
  'Said',
  'Scott',
  'Shah',
  'Sharma',
  'Silva',
  'Simpson',
  'Singh',
  'Smith',
  'Stewart',
  'Sultana',
  'Taylor',
  'Thomas',
  'Thompson',
  'Turner',
  'Uddin',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wood',
  'Wright',
  'Yilmaz',
  'Young',
  'Zaman',
  'Zielinski',
  'Abiodun',
  'Baptiste',
];
/** Matches about 1% of people by surname (and no job title): the `/people?q=` search. */
export const SEARCH_TERM = 'Okafor';
const JOB_TITLES = [
  'Designated safeguarding lead',
  'Head of service',
  'Team manager',
  'Social worker',
  'Named nurse for safeguarding',
  'Designated doctor',
  'Detective inspector',
  'Detective sergeant',
  'Head teacher',
  'Early help practitioner',
  'Youth justice officer',
  'Housing officer',
  'Partnership business manager',
  'Learning and development lead',
  'Data analyst',
  'Service director',
  'Practice lead',
  'Safeguarding adviser',
  'Community engagement officer',
  'Commissioning manager',
];
const RELEVANT_AGENCIES: [string, string][] = [
  ['NHS trust', 'health'],
  ['GP care group', 'health'],
  ['Primary school', 'education'],
  ['Secondary school', 'education'],
  ['Academy trust', 'education'],
  ['Nursery', 'early-years'],
  ['Children’s centre', 'early-years'],
  ['Probation delivery unit', 'probation'],
  ['Youth justice service', 'youth-justice'],
  ['Fire station', 'fire'],
  ['CAFCASS team', 'cafcass'],
  ['Housing association', 'housing'],
  ['Children’s charity', 'voluntary'],
  ['Community group', 'voluntary'],
  ['Faith organisation', 'faith'],
  ['Sports club', 'other'],
];
const GROUP_TOPICS = [
  'Quality Assurance',
  'Learning and Development',
  'Child Exploitation',
  'Neglect',
  'Domestic Abuse',
  'Early Help',
  'Education Safeguarding',
  'Health Safeguarding',
  'Online Safety',
  'Serious Youth Violence',
  'Child Death Overview',
  'Practice Review',
  'Voice of the Child',
  'Missing Children',
  'Mental Health',
];
const GROUP_TYPES = ['subgroup', 'priority-group', 'task-and-finish', 'rapid-review-panel', 'forum'];
const CADENCES = ['weekly', 'fortnightly', 'monthly', 'six-weekly', 'bi-monthly', 'quarterly', 'as-needed'];
const BOARDS = [
  'Safeguarding Adults Board',
  'Community Safety Partnership',
  'Health and Wellbeing Board',
  'Children and Families Partnership',
];

/** A SQL array literal of our own constants (quotes doubled), for lookups by position in SQL. */
const textArray = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
const pick = (values: readonly string[], index: string) =>
  `(${textArray(values)})[1 + (${index}) % ${values.length}]`;

export async function generate(db: Database, options: GenerateOptions): Promise<Generated> {
  const log = options.log ?? (() => {});
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM partnerships');
  if ((existing[0]?.n ?? 0) > 0) throw new Error('The benchmark generates into an empty database only');

  const started = performance.now();
  const big = bigShape(options.scale);
  const small = SMALL_SHAPE;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const shapes = [big, ...Array.from({ length: options.smallPartnerships }, () => small)];

  for (const [p, shape] of shapes.entries()) {
    await db.transaction(async (tx) => {
      await insertStructure(tx, p, shape, passwordHash);
      await insertMeetings(tx, p, shape);
      await insertCases(
        tx,
        { partnershipId: benchId(p, 'partnership', 0), incidentId: (n) => idSql(p, 'incident', n) },
        shape.incidents,
      );
      await insertPlan(
        tx,
        {
          partnershipId: benchId(p, 'partnership', 0),
          agencies: shape.agencies,
          incidents: shape.incidents,
          id: (kind, n) => idSql(p, kind, n),
        },
        { sources: shape.planSources, actions: shape.planActions },
      );
      await insertDataDashboard(
        tx,
        {
          partnershipId: benchId(p, 'partnership', 0),
          agencies: shape.agencies,
          themes: PLAN_THEMES.length,
          id: (kind, n) => idSql(p, kind, n),
        },
        { indicators: shape.indicators, quarters: shape.quarters },
      );
    });
    if (p === 0) log(`big partnership's structure written (${seconds(started)} s)`);
  }
  const structureDone = performance.now();
  log(`structure of ${shapes.length} partnerships written in ${seconds(started)} s`);

  const now = Date.now();
  const end = now - 3_600_000; // an hour ago: the benchmark's own sign-ins come after
  const start = end - 3 * 365 * 86_400_000;
  const total = shapes.reduce((sum, shape) => sum + shape.audit, 0);
  await insertAudit(db, shapes, start, end, (done) =>
    log(`audit log: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`),
  );
  const auditDone = performance.now();
  log(`audit log written in ${seconds(structureDone)} s`);

  // What autovacuum would have done on a live installation, done now so it does not run mid-benchmark.
  await db.query('VACUUM ANALYZE');
  await db.query('CHECKPOINT');
  const vacuumDone = performance.now();
  log(`VACUUM ANALYZE and CHECKPOINT in ${seconds(auditDone)} s`);

  const partnershipId = benchId(0, 'partnership', 0);
  const windowStart = new Date(now - 400 * 86_400_000);
  const windowEnd = new Date(windowStart.getTime() + 30 * 86_400_000);
  return {
    partnershipId,
    adminEmail: adminEmail(0),
    password: BENCH_PASSWORD,
    largestGroupId: benchId(0, 'group', 2),
    searchTerm: SEARCH_TERM,
    agencyId: benchId(0, 'agency', 1),
    rareActor: userEmail(0, big.users),
    rareAction: 'chair-rota.added',
    sampleEntity: { type: 'group', id: benchId(0, 'group', 3) },
    executiveMeetingId: benchId(0, 'meeting', big.meetings - big.meetings / 20),
    sampleIncidentId: benchId(0, 'incident', big.incidents / 2),
    planThemeId: benchId(0, 'theme', 2),
    similarQuery: SIMILAR_QUERY,
    dataCallId: benchId(0, 'data-call', 1),
    indicatorId: benchId(0, 'indicator', 3),
    auditWindow: { from: isoDay(windowStart), to: isoDay(windowEnd) },
    big,
    small,
    partnerships: shapes.length,
    seconds: {
      structure: (structureDone - started) / 1000,
      audit: (auditDone - structureDone) / 1000,
      vacuum: (vacuumDone - auditDone) / 1000,
      total: (vacuumDone - started) / 1000,
    },
    rows: await countRows(db, partnershipId),
    databaseBytes: await databaseBytes(db),
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Meetings spread over three years to two months ahead (every 10th is the executive's), each with its
 * standing escalations item and three more; actions spread over the meetings, a third still open; and
 * escalations raised over three years, the older ones answered and closed.
 */
async function insertMeetings(tx: Queryable, p: number, shape: Shape) {
  const partnershipId = benchId(p, 'partnership', 0);
  const id = (kind: string, n: string) => idSql(p, kind, n);
  // Meeting m is of group 1 (the executive) when m % 10 = 0, else of group 2 + m % (groups - 1).
  const groupOf = (m: string) => `CASE WHEN (${m}) % 10 = 0 THEN 1 ELSE 2 + (${m}) % ($2::int - 1) END`;
  const startOf = (m: string) =>
    `date_trunc('day', now()) - interval '1095 days' + ((${m}) * 1155.0 / $3::int) * interval '1 day' + interval '10 hours'`;
  await tx.query(
    `INSERT INTO meetings (id, partnership_id, group_id, starts_at, ends_at, place, status)
     SELECT ${id('meeting', 'm')}, $1::uuid, ${id('group', groupOf('m'))}, ${startOf('m')},
       ${startOf('m')} + interval '2 hours', 'Civic Centre, room ' || (1 + m % 9),
       CASE WHEN ${startOf('m')} < now() THEN 'held' ELSE 'scheduled' END
     FROM generate_series(1, $3::int) m`,
    [partnershipId, shape.groups, shape.meetings],
  );
  await tx.query(
    `INSERT INTO agenda_items (partnership_id, meeting_id, position, title, owner_person_id, is_standing)
     SELECT $1::uuid, ${id('meeting', 'm')}, k,
       CASE k WHEN 4 THEN 'Escalations to the executive' WHEN 1 THEN 'Actions from the last meeting'
              WHEN 2 THEN 'Quarterly data and exceptions' ELSE 'Learning from reviews and audits' END,
       CASE WHEN k < 4 THEN ${id('person', '1 + (m * 7 + k) % $3::int')} END, k = 4
     FROM generate_series(1, $2::int) m, generate_series(1, 4) k`,
    [partnershipId, shape.meetings, shape.people],
  );
  // Action a is of meeting 1 + a % meetings, owned by person 1 + (a * 13) % people (of that person's agency).
  await tx.query(
    `INSERT INTO meeting_actions (partnership_id, meeting_id, group_id, text, owner_person_id, agency_id, due_on,
       status, progress)
     SELECT $1::uuid, ${id('meeting', '1 + a % $3::int')}, ${id('group', groupOf('1 + a % $3::int'))},
       'Action ' || a || ': ' || ${pick(GROUP_TOPICS, 'a')} || ' follow-up for the partnership',
       ${id('person', '1 + (a * 13) % $4::int')}, ${id('agency', '1 + ((a * 13) % $4::int) % $5::int')},
       (${startOf('1 + a % $3::int')})::date + 30 + a % 60,
       CASE a % 3 WHEN 0 THEN 'open' WHEN 1 THEN 'done' ELSE CASE WHEN a % 2 = 0 THEN 'in-progress' ELSE 'dropped' END END,
       CASE WHEN a % 4 = 0 THEN 'Progress reported to the group' ELSE '' END
     FROM generate_series(1, $6::int) a`,
    [partnershipId, shape.groups, shape.meetings, shape.people, shape.agencies, shape.actions],
  );
  // Escalation e is raised 1095 - e * 1095 / escalations days ago; those older than 60 days are answered.
  const raisedOn = `(current_date - 1095 + (e * 1095) / $4::int)`;
  await tx.query(
    `INSERT INTO escalations (id, partnership_id, number, title, issue, ask, raised_by_group_id, raised_by_agency_id,
       raised_on, status, response, decision, responded_on, closed_on)
     SELECT ${id('escalation', 'e')}, $1::uuid, e,
       ${pick(GROUP_TOPICS, 'e')} || ': capacity and thresholds, escalation ' || e,
       'Partners report a gap in ' || lower(${pick(GROUP_TOPICS, 'e')}) || ' that the group cannot close alone.',
       'Agree who leads and fund the work.',
       ${id('group', '2 + e % ($2::int - 1)')}, ${id('agency', '1 + e % $3::int')}, ${raisedOn},
       CASE WHEN ${raisedOn} > current_date - 60 THEN 'open'
            WHEN e % 2 = 0 THEN 'closed' ELSE 'responded' END,
       CASE WHEN ${raisedOn} > current_date - 60 THEN '' ELSE 'The executive agreed a lead partner.' END,
       CASE WHEN ${raisedOn} > current_date - 60 THEN '' ELSE 'Agreed.' END,
       CASE WHEN ${raisedOn} > current_date - 60 THEN NULL ELSE ${raisedOn} + 21 END,
       CASE WHEN ${raisedOn} <= current_date - 60 AND e % 2 = 0 THEN ${raisedOn} + 42 END
     FROM generate_series(1, $4::int) e`,
    [partnershipId, shape.groups, shape.agencies, shape.escalations],
  );
}

async function insertStructure(tx: Queryable, p: number, shape: Shape, passwordHash: string) {
  const partnershipId = benchId(p, 'partnership', 0);
  const area = p === 0 ? 'Greater Benchford' : `Benchford ${p}`;
  const id = (kind: string, n: string) => idSql(p, kind, n);
  const email = (local: string) => `${local} || '@p${p}.bench.example'`;

  await tx.query('INSERT INTO partnerships (id, slug, name, area_name) VALUES ($1, $2, $3, $4)', [
    partnershipId,
    `bench-${p}`,
    `${area} Safeguarding Children Partnership`,
    area,
  ]);

  const relevantLabels = RELEVANT_AGENCIES.map(([label]) => label);
  const relevantSectors = RELEVANT_AGENCIES.map(([, sector]) => sector);
  await tx.query(
    `INSERT INTO agencies (id, partnership_id, name, kind, sector)
     SELECT ${id('agency', 'i')}, $1::uuid,
       CASE i WHEN 1 THEN $3 || ' Council' WHEN 2 THEN 'NHS ' || $3 || ' Integrated Care Board'
              WHEN 3 THEN $3 || ' Police' ELSE ${pick(relevantLabels, 'i')} || ' ' || i END,
       CASE i WHEN 1 THEN 'local-authority' WHEN 2 THEN 'icb' WHEN 3 THEN 'police' ELSE 'relevant-agency' END,
       CASE i WHEN 1 THEN 'local-authority' WHEN 2 THEN 'health' WHEN 3 THEN 'police'
              ELSE ${pick(relevantSectors, 'i')} END
     FROM generate_series(1, $2::int) i`,
    [partnershipId, shape.agencies, area],
  );

  // Person i works for agency 1 + (i - 1) mod agencies, so person k (k ≤ agencies) works for agency k.
  await tx.query(
    `INSERT INTO people (id, partnership_id, agency_id, name, job_title, email, created_at, updated_at)
     SELECT ${id('person', 'i')}, $1::uuid, ${id('agency', '1 + (i - 1) % $3::int')},
       ${pick(FIRST_NAMES, 'i')} || ' ' || ${pick(SURNAMES, `i / ${FIRST_NAMES.length} + i * 7`)},
       ${pick(JOB_TITLES, 'i * 3')},
       CASE WHEN i % 2 = 0 THEN ${email("'person' || i")} END,
       now() - (i % 1000) * interval '1 hour', now() - (i % 500) * interval '1 hour'
     FROM generate_series(1, $2::int) i`,
    [partnershipId, shape.people, shape.agencies],
  );

  await tx.query(
    `INSERT INTO safeguarding_partners (partnership_id, agency_id, person_id, role)
     SELECT $1::uuid, ${id('agency', 'k')}, ${id('person', 'k + d * $2::int')},
       CASE WHEN d = 0 THEN 'lead' ELSE 'delegated' END
     FROM generate_series(1, 3) k, generate_series(0, 1) d`,
    [partnershipId, shape.agencies],
  );

  // Group 1 is the executive; group i reports to group (i - 2) / 5 + 1; every tenth group has ended.
  const typeLabel = `CASE ${pick(GROUP_TYPES, 'i')} WHEN 'subgroup' THEN 'Subgroup'
    WHEN 'priority-group' THEN 'Priority Group' WHEN 'task-and-finish' THEN 'Task and Finish Group'
    WHEN 'rapid-review-panel' THEN 'Review Panel' ELSE 'Forum' END`;
  await tx.query(
    `INSERT INTO groups (id, partnership_id, name, type, terms_of_reference, cadence, chair_person_id,
       sponsor_person_id, reports_to_group_id, starts_on, ends_on)
     SELECT ${id('group', 'i')}, $1::uuid,
       CASE WHEN i = 1 THEN 'Executive' ELSE ${pick(GROUP_TOPICS, 'i')} || ' ' || ${typeLabel} || ' ' || i END,
       CASE WHEN i = 1 THEN 'executive' ELSE ${pick(GROUP_TYPES, 'i')} END,
       'The group oversees ' || lower(${pick(GROUP_TOPICS, 'i')}) || ' work across the partnership, ' ||
         'reports on its priorities to the executive and holds partners to account for agreed actions.',
       CASE WHEN i = 1 THEN 'six-weekly' ELSE ${pick(CADENCES, 'i')} END,
       ${id('person', '1 + (i * 37) % $2::int')},
       CASE WHEN i % 3 = 0 THEN ${id('person', '1 + (i * 53) % $2::int')} END,
       CASE WHEN i > 1 THEN ${id('group', '(i - 2) / 5 + 1')} END,
       date '2019-04-01' + (i * 11) % 1800,
       CASE WHEN i % 10 = 0 THEN date '2019-04-01' + (i * 11) % 1800 + 180 END
     FROM generate_series(1, $3::int) i`,
    [partnershipId, shape.people, shape.groups],
  );

  await tx.query(
    `INSERT INTO group_members (partnership_id, group_id, person_id, added_at)
     SELECT $1::uuid, ${id('group', 'g')}, ${id('person', '1 + (g * 31 + k * 17) % $2::int')},
       now() - (g + k) * interval '1 day'
     FROM generate_series(1, $3::int) g
     CROSS JOIN LATERAL generate_series(1, CASE WHEN g = 2 THEN $4::int ELSE $5::int + (g * 7) % $6::int END) k
     ON CONFLICT DO NOTHING`,
    [partnershipId, shape.people, shape.groups, shape.bigGroupMembers, shape.minMembers, shape.memberSpread],
  );

  await tx.query(
    `INSERT INTO executive_chair_rota (partnership_id, agency_id, starts_on, ends_on)
     SELECT $1::uuid, ${id('agency', 'k')}, make_date(2023 + k, 4, 1), make_date(2024 + k, 3, 31)
     FROM generate_series(1, 3) k`,
    [partnershipId],
  );

  await tx.query(
    `INSERT INTO board_links (partnership_id, name, relationship, joint_priorities)
     SELECT $1::uuid, b, 'Shares members and reports with the partnership',
       'Exploitation, domestic abuse and transitions to adulthood'
     FROM unnest(${textArray(BOARDS)}) b`,
    [partnershipId],
  );

  const roles = ROLES.filter((r) => r !== 'operator');
  await tx.query(
    `INSERT INTO users (id, partnership_id, agency_id, email, name, role, password_hash, created_at,
       updated_at, last_signed_in_at)
     SELECT ${id('user', 'i')}, $1::uuid, ${id('agency', '1 + (i - 1) % $3::int')},
       CASE WHEN i = 1 THEN ${email("'admin'")} ELSE ${email("'user' || i")} END,
       ${pick(FIRST_NAMES, 'i * 11')} || ' ' || ${pick(SURNAMES, `i / ${FIRST_NAMES.length} + i * 3`)},
       CASE WHEN i = 1 THEN 'admin' ELSE ${pick(roles, 'i')} END,
       $4, now() - interval '400 days', now() - interval '400 days',
       CASE WHEN i % 4 <> 0 THEN now() - (i % 90) * interval '1 day' END
     FROM generate_series(1, $2::int) i`,
    [partnershipId, shape.users, shape.agencies, passwordHash],
  );
}

/** A small, fast, seeded generator, so every run writes the same audit log. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AUDIT_BATCH = 10_000;
const INSERT_AUDIT = `INSERT INTO audit_log (partnership_id, at, actor_user_id, actor_label, action, entity_type,
    entity_id, before, after, request_id, prev_hash, hash)
  SELECT (r->>'pid')::uuid, (r->>'at')::timestamptz, (r->>'u')::uuid, r->>'l', r->>'a', r->>'t', r->>'e',
    r->'b', r->'f', r->>'r', r->>'p', r->>'h'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(r, n)
  ORDER BY x.n`;

/** Row ids of one partnership, made once: md5 per audit entry would cost more than the insert. */
type Ids = { people: string[]; groups: string[]; agencies: string[]; users: string[]; emails: string[] };

function idsOf(p: number, shape: Shape): Ids {
  const many = (kind: string, n: number) => Array.from({ length: n }, (_, i) => benchId(p, kind, i + 1));
  return {
    people: many('person', shape.people),
    groups: many('group', shape.groups),
    agencies: many('agency', shape.agencies),
    users: many('user', shape.users),
    emails: Array.from({ length: shape.users }, (_, i) => userEmail(p, i + 1)),
  };
}

/**
 * The app's entryHash (chain.ts) for entries whose before/after are plain JSON already, with the
 * one-shot hash function: the same payload, several times faster. Checked against entryHash below.
 */
function fastEntryHash(prevHash: string, e: ChainedFields, at: string): string {
  const payload = canonicalJson([
    prevHash,
    e.partnershipId,
    at,
    e.actorUserId,
    e.actorLabel,
    e.action,
    e.entityType,
    e.entityId,
    e.before,
    e.after,
    e.requestId,
  ]);
  return hash('sha256', payload);
}

/** One partnership's audit log in the making: its own chain, ids and random numbers. */
class AuditStream {
  readonly partnershipId: string;
  readonly ids: Ids;
  readonly next: () => number;
  readonly step: number;
  prev = GENESIS_HASH;
  made = 0;
  readonly p: number;
  readonly shape: Shape;
  readonly start: number;

  constructor(p: number, shape: Shape, start: number, end: number) {
    this.p = p;
    this.shape = shape;
    this.start = start;
    this.partnershipId = benchId(p, 'partnership', 0);
    this.ids = idsOf(p, shape);
    this.next = random(p + 1);
    this.step = (end - start) / shape.audit;
  }

  int = (n: number) => Math.floor(this.next() * n);

  /** Entries up to number `until` (exclusive), each chained to the one before. */
  take(until: number): { at: number; json: string }[] {
    const out: { at: number; json: string }[] = [];
    const { p, shape, ids } = this;
    for (; this.made < Math.min(until, shape.audit); this.made++) {
      const k = this.made;
      const atMs = Math.floor(this.start + k * this.step);
      const at = new Date(atMs);
      const iso = at.toISOString();
      const system = this.next() < 0.01;
      const actor = this.next() < 0.7 ? this.int(Math.min(10, shape.users)) : this.int(shape.users);
      const entry = auditEntry(ids, this.int, actor, this.next());
      const fields: ChainedFields = {
        partnershipId: this.partnershipId,
        at,
        actorUserId: system ? null : (ids.users[actor] as string),
        actorLabel: system ? 'system' : (ids.emails[actor] as string),
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: system
          ? null
          : `${p.toString(16).padStart(8, '0')}-0000-4000-8000-${k.toString(16).padStart(12, '0')}`,
      };
      const entryHashed = fastEntryHash(this.prev, fields, iso);
      if (k % 4096 === 0 && entryHashed !== entryHash(this.prev, fields)) {
        throw new Error(
          'bench/generate.ts hashes audit entries differently from src/platform/audit/chain.ts',
        );
      }
      const json = JSON.stringify({
        pid: this.partnershipId,
        at: iso,
        u: fields.actorUserId ?? undefined,
        l: fields.actorLabel,
        a: fields.action,
        t: fields.entityType,
        e: fields.entityId,
        b: entry.before,
        f: entry.after,
        r: fields.requestId ?? undefined,
        p: this.prev,
        h: entryHashed,
      });
      out.push({ at: atMs, json });
      this.prev = entryHashed;
    }
    return out;
  }
}

/**
 * Every partnership's audit log, spread evenly from `start` to `end` and written in time order
 * across partnerships (so ids follow time, as on a live installation), each partnership's entries
 * chained to the one before. Most entries are by ten busy users; the rest are spread over every
 * user, so the last user (the benchmark's "rare actor") has a few hundred entries per million. The
 * next batch is made while the database writes the last (they overlap on a server; PGlite shares
 * this thread).
 */
async function insertAudit(
  db: Database,
  shapes: Shape[],
  start: number,
  end: number,
  progress: (done: number) => void,
) {
  const streams = shapes.map((shape, p) => new AuditStream(p, shape, start, end));
  const total = shapes.reduce((sum, shape) => sum + shape.audit, 0);
  const slices = Math.ceil(total / AUDIT_BATCH);
  const [role] = await db.query<{ superuser: boolean }>(
    'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  const superuser = role?.superuser === true;
  let writing: Promise<unknown> = Promise.resolve();
  let done = 0;
  let reported = 0;
  for (let slice = 1; slice <= slices; slice++) {
    const batch = streams
      .flatMap((stream) => stream.take(Math.ceil((stream.shape.audit * slice) / slices)))
      .sort((a, b) => a.at - b.at);
    await writing;
    const json = `[${batch.map((row) => row.json).join(',')}]`;
    writing = db.transaction(async (tx) => {
      // Skips the per-row foreign-key check to partnerships (which we just wrote), as a bulk load may.
      if (superuser) await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(INSERT_AUDIT, [json]);
    });
    done += batch.length;
    if (done - reported >= 100_000 || slice === slices) {
      reported = done;
      const count = done;
      writing = writing.then(() => progress(count));
    }
  }
  await writing;
}

type Entry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

function auditEntry(ids: Ids, int: (n: number) => number, actor: number, roll: number): Entry {
  const any = (list: readonly string[]) => list[int(list.length)] as string;
  if (roll < 0.3)
    return { action: 'user.signed-in', entityType: 'user', entityId: ids.users[actor] as string };
  if (roll < 0.55) {
    return {
      action: 'person.updated',
      entityType: 'person',
      entityId: any(ids.people),
      before: { jobTitle: any(JOB_TITLES) },
      after: { jobTitle: any(JOB_TITLES) },
    };
  }
  if (roll < 0.65) {
    return {
      action: 'person.created',
      entityType: 'person',
      entityId: any(ids.people),
      after: {
        name: `${any(FIRST_NAMES)} ${any(SURNAMES)}`,
        jobTitle: any(JOB_TITLES),
        agencyId: any(ids.agencies),
      },
    };
  }
  if (roll < 0.75) {
    return {
      action: 'group.member-added',
      entityType: 'group',
      entityId: any(ids.groups),
      after: { personId: any(ids.people) },
    };
  }
  if (roll < 0.83) {
    return {
      action: 'group.updated',
      entityType: 'group',
      entityId: any(ids.groups),
      before: { cadence: any(CADENCES) },
      after: { cadence: any(CADENCES) },
    };
  }
  if (roll < 0.88) {
    return {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: any(ids.agencies),
      before: { isActive: true },
      after: { isActive: false },
    };
  }
  if (roll < 0.93) {
    return {
      action: 'user.updated',
      entityType: 'user',
      entityId: any(ids.users),
      before: { role: 'member' },
      after: { role: 'chair' },
    };
  }
  if (roll >= 0.999) {
    return {
      action: 'chair-rota.added',
      entityType: 'chair-rota',
      entityId: any(ids.agencies),
      after: { agencyId: any(ids.agencies), startsOn: '2025-04-01', endsOn: '2026-03-31' },
    };
  }
  if (roll < 0.97) {
    return { action: 'api-token.issued', entityType: 'api-token', entityId: any(ids.users) };
  }
  return {
    action: 'board-link.updated',
    entityType: 'board-link',
    entityId: any(ids.agencies),
    before: { relationship: 'Shares members' },
    after: { relationship: 'Shares members and reports with the partnership' },
  };
}

const TABLES = [
  'agencies',
  'people',
  'safeguarding_partners',
  'groups',
  'group_members',
  'executive_chair_rota',
  'board_links',
  'users',
  'meetings',
  'meeting_actions',
  'escalations',
  'incidents',
  'case_clocks',
  'plan_sources',
  'plan_actions',
  'audit_log',
];

async function countRows(db: Database, partnershipId: string) {
  const rows: Record<string, { big: number; all: number }> = {};
  rows.partnerships = {
    big: 1,
    all: Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM partnerships'))[0]?.n),
  };
  for (const table of TABLES) {
    const [row] = await db.query<{ big: number; all: number }>(
      `SELECT count(*) FILTER (WHERE partnership_id = $1) AS big, count(*) AS all FROM ${table}`,
      [partnershipId],
    );
    rows[table] = { big: Number(row?.big), all: Number(row?.all) };
  }
  return rows;
}

async function databaseBytes(db: Database) {
  const [row] = await db.query<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes');
  return Number(row?.bytes);
}
