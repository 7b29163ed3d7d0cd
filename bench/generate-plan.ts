import type { Queryable } from '../src/db/database.ts';
import { DEFAULT_THEMES } from '../src/features/actions/rules.ts';

export const PLAN_THEMES = [
  ...DEFAULT_THEMES,
  'Online safety',
  'Think family',
  'Mental health',
  'Missing from education',
  'Transitions to adulthood',
  'Early help',
];
const PRIORITIES = ['Exploitation', 'Domestic abuse', 'Neglect', 'Online harm', 'Adolescent safety'];
const VERBS = [
  'Review',
  'Embed',
  'Train practitioners in',
  'Audit the use of',
  'Publish guidance on',
  'Strengthen',
  'Agree a protocol for',
  'Re-launch',
  'Evaluate',
  'Share learning about',
  'Improve recording of',
  'Brief managers on',
];
const OBJECTS = [
  'the graded care profile',
  'multi-agency information sharing',
  'the escalation policy',
  'pre-birth assessments',
  'reflective supervision',
  'the voice of the child in plans',
  'strategy discussions',
  'missing episodes and return interviews',
  'the neglect toolkit',
  'safety planning for domestic abuse',
  'transitions to adult services',
  'the exploitation screening tool',
  'chronologies in complex cases',
  'health appointments for under fives',
  'school attendance concerns',
  'the think family approach',
  'referrals to children’s social care',
  'the MARAC process',
  'online safety advice for parents',
  'safe sleep messages',
  'fathers in assessments',
  'interpreters in assessments',
  'case closure decisions',
  'child protection conferences',
  'the front door threshold document',
  'professional curiosity',
  'bruising in non-mobile babies',
  'care leavers’ health checks',
  'private fostering arrangements',
  'elective home education',
  'the early help offer',
  'neglect of adolescents',
  'children in temporary accommodation',
  'substance misuse in parents',
  'parental mental health',
  'hospital discharge planning',
  'GP safeguarding registers',
  'police notifications of incidents',
  'youth justice assessments',
  'the child death overview process',
];
const WHERE = [
  'across the partnership',
  'in the front door',
  'in health visiting',
  'in schools',
  'in early help',
  'in the police public protection unit',
  'in adult mental health services',
  'in maternity services',
  'in the youth justice service',
  'in primary care',
];

const textArray = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
const pick = (values: readonly string[], index: string) =>
  `(${textArray(values)})[1 + (${index}) % ${values.length}]`;

/** A sentence as a similar action would be written, for the similarity benchmark's query. */
export const SIMILAR_QUERY = 'Train practitioners on the exploitation screening tool in schools';

/**
 * A learning action plan at scale: `sources` reviews, audits and reports (the first ones the
 * benchmark's own cases' rapid and practice reviews) and `actions` actions answering them (one in
 * ten answers two), each with one or two themes, an owning agency, a due date over three years, a
 * status (a third open), an outcome once completed, evidence once embedded, and its first history line.
 */
export async function insertPlan(
  tx: Queryable,
  ids: {
    partnershipId: string;
    agencies: number;
    incidents: number;
    id: (kind: string, n: string) => string;
  },
  shape: { sources: number; actions: number },
) {
  const { partnershipId, id } = ids;
  await tx.query(
    `INSERT INTO plan_themes (id, partnership_id, name)
     SELECT ${id('theme', 'i')}, $1::uuid, name FROM unnest($2::text[]) WITH ORDINALITY AS t(name, i)`,
    [partnershipId, PLAN_THEMES],
  );
  await tx.query(
    `INSERT INTO priorities (id, partnership_id, name)
     SELECT ${id('priority', 'i')}, $1::uuid, name FROM unnest($2::text[]) WITH ORDINALITY AS t(name, i)`,
    [partnershipId, PRIORITIES],
  );
  // Sources: the cases' rapid reviews, a practice review for every fifth case, then reports.
  const rapid = Math.min(ids.incidents, Math.floor(shape.sources / 2));
  const practice = Math.min(Math.floor(ids.incidents / 5), shape.sources - rapid);
  await tx.query(
    `INSERT INTO plan_sources (id, partnership_id, kind, title, dated_on, incident_id)
     SELECT ${id('source', 's')}, $1::uuid, 'rapid-review', 'Child ' || s, current_date - 1095 + (s * 1095) / $2::int,
            ${id('incident', 's')}
       FROM generate_series(1, $2::int) s`,
    [partnershipId, rapid],
  );
  await tx.query(
    `INSERT INTO plan_sources (id, partnership_id, kind, title, dated_on, incident_id)
     SELECT ${id('source', `${rapid} + s`)}, $1::uuid, 'practice-review', 'Child ' || (s * 5),
            current_date - 1095 + (s * 5 * 1095) / $3::int, ${id('incident', 's * 5')}
       FROM generate_series(1, $2::int) s`,
    [partnershipId, practice, ids.incidents],
  );
  await tx.query(
    `INSERT INTO plan_sources (id, partnership_id, kind, title, dated_on)
     SELECT ${id('source', 's')}, $1::uuid, (ARRAY['scrutiny', 'national-review', 'other'])[1 + s % 3],
            'Report ' || s, current_date - 1095 + (s * 1095) / $2::int
       FROM generate_series($3::int, $2::int) s`,
    [partnershipId, shape.sources, rapid + practice + 1],
  );
  // Actions: raised over three years, due 1 to 12 months after; status by age and number.
  const raised = `(current_date - 1095 + (a * 1095) / $2::int)`;
  const due = `(${raised} + 30 + (a * 37) % 330)`;
  const status = `CASE WHEN ${due} > current_date THEN (ARRAY['proposed', 'agreed', 'in-progress'])[1 + a % 3]
                       WHEN a % 10 < 3 THEN (ARRAY['agreed', 'in-progress'])[1 + a % 2]
                       WHEN a % 10 < 7 THEN 'completed' ELSE 'embedded' END`;
  await tx.query(
    `INSERT INTO plan_actions (id, partnership_id, number, text, owner_agency_id, raised_on, due_on, priority_id,
       status, outcome, completed_on, embedded_on)
     SELECT ${id('action', 'a')}, $1::uuid, a,
            ${pick(VERBS, 'a')} || ' ' || ${pick(OBJECTS, 'a / 12')} || ' ' || ${pick(WHERE, 'a / 7')},
            ${id('agency', `1 + a % ${ids.agencies}`)}, ${raised}, ${due},
            CASE WHEN a % 4 = 0 THEN ${id('priority', `1 + a % ${PRIORITIES.length}`)} END,
            st, CASE WHEN st IN ('completed', 'embedded') THEN 'Done: the change is in place.' ELSE '' END,
            CASE WHEN st IN ('completed', 'embedded') THEN ${due} END,
            CASE WHEN st = 'embedded' THEN least(${due} + 60, current_date) END
       FROM generate_series(1, $2::int) a, LATERAL (SELECT ${status} AS st) s`,
    [partnershipId, shape.actions],
  );
  await tx.query(
    `INSERT INTO plan_action_sources (partnership_id, action_id, source_id)
     SELECT $1::uuid, ${id('action', 'a')}, ${id('source', `1 + a % ${shape.sources}`)} FROM generate_series(1, $2::int) a
     UNION ALL
     SELECT $1::uuid, ${id('action', 'a')}, ${id('source', `1 + (a * 7 + 1) % ${shape.sources}`)}
       FROM generate_series(1, $2::int) a WHERE a % 10 = 0 AND (a * 7 + 1) % $3::int <> a % $3::int`,
    [partnershipId, shape.actions, shape.sources],
  );
  const themes = PLAN_THEMES.length;
  await tx.query(
    `INSERT INTO plan_action_themes (partnership_id, action_id, theme_id)
     SELECT $1::uuid, ${id('action', 'a')}, ${id('theme', `1 + a % ${themes}`)} FROM generate_series(1, $2::int) a
     UNION ALL
     SELECT $1::uuid, ${id('action', 'a')}, ${id('theme', `1 + (a / 3 + 5) % ${themes}`)}
       FROM generate_series(1, $2::int) a WHERE a % 3 = 0 AND (a / 3 + 5) % ${themes} <> a % ${themes}`,
    [partnershipId, shape.actions],
  );
  await tx.query(
    `INSERT INTO plan_action_updates (partnership_id, action_id, written_on, text, status_to, author_label)
     SELECT partnership_id, id, raised_on, 'Action raised', 'proposed', 'Benchmark' FROM plan_actions
      WHERE partnership_id = $1`,
    [partnershipId],
  );
  await tx.query(
    `INSERT INTO plan_action_evidence (partnership_id, action_id, kind, summary, evidence_on)
     SELECT partnership_id, id, 'audit-result', 'Re-audit shows the change in practice', embedded_on
       FROM plan_actions WHERE partnership_id = $1 AND status = 'embedded'`,
    [partnershipId],
  );
}
