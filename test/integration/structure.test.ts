import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AGENCY_KIND_LABELS,
  type AgencyKind,
  SECTOR_LABELS,
  type Sector,
} from '../../src/features/partnership/rules.ts';
import { ROLE_LABELS, type Role } from '../../src/platform/access/roles.ts';
import { apiToken, Browser, bearer, readable, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
let admin: Browser;
let token: string;
before(async () => {
  t = await testApp();
  admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  token = await apiToken(t.app, 'admin@demo.example');
});
after(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const auditCount = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]
    ?.n ?? 0;

/** A page's table body as rows of cells, each cell's text without its tags. */
const bodyCells = (html: string) =>
  [...html.matchAll(/<tr class="govuk-table__row">\s*(<td[\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    ),
  );

test('the demo has the three statutory partners, the relevant agencies and the 2022-23 groups', async () => {
  const partners = (await api('GET', '/api/v1/partners?limit=200')).json().items as { kind: string }[];
  assert.deepEqual(
    [...new Set(partners.filter((p) => p.kind !== 'relevant-agency').map((p) => p.kind))].sort(),
    ['icb', 'local-authority', 'police'],
  );
  assert.ok(partners.filter((p) => p.kind === 'relevant-agency').length >= 5);
  const groups = (await api('GET', '/api/v1/groups?limit=200')).json().items as {
    type: string;
    name: string;
  }[];
  for (const type of [
    'executive',
    'subgroup',
    'priority-group',
    'task-and-finish',
    'rapid-review-panel',
    'rapid-review-working-group',
    'forum',
  ]) {
    assert.ok(
      groups.some((g) => g.type === type),
      type,
    );
  }
  const structure = (await api('GET', '/api/v1/structure')).json();
  assert.equal(structure.tree.length, 1, 'one top: the executive');
  assert.equal(structure.tree[0].type, 'executive');
  assert.ok(structure.currentChair, 'someone chairs the executive today');
  assert.equal(structure.leads.filter((l: { role: string }) => l.role === 'lead').length, 3);
});

test('a partner is created and changed by form, and each change is audited with before and after', async () => {
  await admin.get('/partners/new');
  const created = await admin.post('/partners', {
    name: 'Tower Hamlets Homes',
    kind: 'relevant-agency',
    sector: 'housing',
  });
  assert.equal(created.statusCode, 303);
  const id = /\/partners\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1] ?? '';
  const page = await admin.get(String(created.headers.location));
  assert.match(page.body, /Tower Hamlets Homes/);
  assert.match(page.body, /Partner saved/);
  await admin.get(`/partners/${id}/edit`);
  assert.equal(
    (
      await admin.post(`/partners/${id}`, {
        name: 'Tower Hamlets Homes',
        kind: 'relevant-agency',
        sector: 'voluntary',
      })
    ).statusCode,
    303,
  );
  const entries = await t.db.query<{ action: string; before: unknown; after: unknown }>(
    "SELECT action, before, after FROM audit_log WHERE entity_type = 'partner' AND entity_id = $1 ORDER BY id",
    [id],
  );
  assert.deepEqual(
    entries.map((e) => e.action),
    ['partner.created', 'partner.updated'],
  );
  assert.deepEqual(entries[1]?.before, { sector: 'housing' });
  assert.deepEqual(entries[1]?.after, { sector: 'voluntary' });
});

test('a partner added or renamed is offered at once by pages that keep the partnership’s lists', async () => {
  const option = (body: string, name: string) =>
    new RegExp(`<option value="[0-9a-f-]{36}"[^>]*>${name}</option>`).test(body);
  assert.ok(
    !option((await admin.get('/people')).body, 'Poplar Youth Hub'),
    'the list is kept before the change',
  );
  await admin.get('/partners/new');
  const created = await admin.post('/partners', {
    name: 'Poplar Youth Hub',
    kind: 'relevant-agency',
    sector: 'voluntary',
  });
  const id = /\/partners\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1] ?? '';
  assert.ok(option((await admin.get('/people')).body, 'Poplar Youth Hub'));
  await admin.get(`/partners/${id}/edit`);
  await admin.post(`/partners/${id}`, {
    name: 'Poplar Youth Centre',
    kind: 'relevant-agency',
    sector: 'voluntary',
  });
  const after = (await admin.get('/people')).body;
  assert.ok(option(after, 'Poplar Youth Centre'));
  assert.ok(!option(after, 'Poplar Youth Hub'));
});

test('every change to agencies, plan themes or priorities moves its partnership’s lists version on once', async () => {
  const [demo] = await t.db.query<{ id: string }>('SELECT partnership_id AS id FROM agencies LIMIT 1');
  const version = async () =>
    (
      await t.db.query<{ v: number }>(
        'SELECT coalesce((SELECT version FROM list_versions WHERE partnership_id = $1), 0) AS v',
        [demo?.id],
      )
    )[0]?.v ?? 0;
  const before = await version();
  await t.db.query('UPDATE agencies SET name = name WHERE partnership_id = $1', [demo?.id]);
  assert.equal(await version(), before + 1, 'one statement changing many agencies: one step');
  await t.db.query("INSERT INTO plan_themes (partnership_id, name) VALUES ($1, 'Versioned theme')", [
    demo?.id,
  ]);
  await t.db.query("DELETE FROM plan_themes WHERE partnership_id = $1 AND name = 'Versioned theme'", [
    demo?.id,
  ]);
  await t.db.query('UPDATE priorities SET name = name WHERE partnership_id = $1', [demo?.id]);
  assert.equal(await version(), before + 4);
  await t.db.query('UPDATE people SET name = name WHERE partnership_id = $1', [demo?.id]);
  assert.equal(await version(), before + 4, 'people are not one of the short lists');
});

test('a TRUNCATE moves every partnership’s lists and structure versions on, one that had none too', async () => {
  const rolledBack = new Error('rolled back');
  await assert.rejects(
    t.db.transaction(async (tx) => {
      const versions = async (table: 'list_versions' | 'structure_versions') =>
        new Map(
          (
            await tx.query<{ id: string; v: number }>(
              `SELECT p.id, coalesce(v.version, 0)::int AS v FROM partnerships p LEFT JOIN ${table} v ON v.partnership_id = p.id`,
            )
          ).map((r) => [r.id, r.v]),
        );
      for (const [table, truncate] of [
        ['list_versions', 'TRUNCATE priorities CASCADE'],
        ['structure_versions', 'TRUNCATE board_links'],
      ] as const) {
        // A partnership whose lists or structure never changed has no version yet: 0.
        await tx.query(
          `DELETE FROM ${table} WHERE partnership_id = (SELECT min(id::text)::uuid FROM partnerships)`,
        );
        const before = await versions(table);
        await tx.query(truncate);
        const after = await versions(table);
        for (const [id, v] of before) assert.equal(after.get(id), v + 1, `${truncate}: partnership ${id}`);
      }
      throw rolledBack;
    }),
    rolledBack,
  );
});

test('a duplicate partner name is a field error on the page and a 409 on the API, and nothing is saved', async () => {
  await admin.get('/partners/new');
  const page = await admin.post('/partners', {
    name: 'london fire brigade',
    kind: 'relevant-agency',
    sector: 'fire',
  });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /href="#name">A partner with this name already exists/);
  assert.match(page.body, /value="london fire brigade"/);
  const before = await auditCount('partner.created');
  const response = await api('POST', '/api/v1/partners', {
    name: 'London Fire Brigade',
    kind: 'relevant-agency',
    sector: 'fire',
  });
  assert.equal(response.statusCode, 409);
  assert.equal(response.json().errors[0].field, 'name');
  assert.equal(await auditCount('partner.created'), before);
});

test('API input errors are 422 problem JSON naming every field; unknown fields are rejected', async () => {
  const response = await api('POST', '/api/v1/groups', {
    name: '',
    type: 'committee',
    cadence: 'daily',
    startsOn: '2024-02-30',
    colour: 'red',
  });
  assert.equal(response.statusCode, 422);
  assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
  const fields = (response.json().errors as { field: string }[]).map((e) => e.field).sort();
  assert.deepEqual(fields, ['cadence', 'colour', 'name', 'startsOn', 'type']);
});

test('a group form with errors keeps what was typed; fixed, it saves; members are added and removed', async () => {
  await admin.get('/groups/new');
  const bad = await admin.post('/groups', {
    name: 'Neglect Task and Finish Group',
    type: '',
    cadence: 'monthly',
    'startsOn-day': '31',
    'startsOn-month': '2',
    'startsOn-year': '2025',
    'endsOn-day': '',
    'endsOn-month': '',
    'endsOn-year': '',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>Error: Add a group/);
  assert.match(bad.body, /href="#type">Select the type of group/);
  assert.match(bad.body, /href="#startsOn-day">Start date must be a real date/);
  assert.match(bad.body, /value="Neglect Task and Finish Group"/);
  assert.match(bad.body, /name="startsOn-day" type="text" value="31"/);

  const executive = (await api('GET', '/api/v1/groups?type=executive')).json().items[0];
  const good = await admin.post('/groups', {
    name: 'Neglect Task and Finish Group',
    type: 'task-and-finish',
    cadence: 'monthly',
    reportsToGroupId: executive.id,
    termsOfReference: 'Checks that neglect guidance is used.',
    'startsOn-day': '1',
    'startsOn-month': '4',
    'startsOn-year': '2025',
    'endsOn-day': '31',
    'endsOn-month': '3',
    'endsOn-year': '2026',
  });
  assert.equal(good.statusCode, 303);
  const groupId = /\/groups\/([0-9a-f-]{36})/.exec(String(good.headers.location))?.[1] ?? '';
  const group = (await api('GET', `/api/v1/groups/${groupId}`)).json();
  assert.equal(group.startsOn, '2025-04-01');
  assert.equal(group.endsOn, '2026-03-31');
  assert.equal(group.reportsToName, executive.name);

  const person = (await api('GET', '/api/v1/people?limit=1')).json().items[0];
  await admin.get(`/groups/${groupId}`);
  assert.equal((await admin.post(`/groups/${groupId}/members`, { personId: person.id })).statusCode, 303);
  assert.equal((await api('GET', `/api/v1/groups/${groupId}/members`)).json().items[0].personId, person.id);
  assert.equal((await api('DELETE', `/api/v1/groups/${groupId}/members/${person.id}`)).statusCode, 204);
  assert.equal((await api('GET', `/api/v1/groups/${groupId}/members`)).json().items.length, 0);
  assert.equal(await auditCount('group.member-added'), 1);
  assert.equal(await auditCount('group.member-removed'), 1);

  // On the page, a member's "Remove" link asks first; the answer removes them.
  await admin.post(`/groups/${groupId}/members`, { personId: person.id });
  const remove = `/groups/${groupId}/members/${person.id}/remove`;
  assert.match((await admin.get(`/groups/${groupId}`)).body, new RegExp(`href="${remove}">Remove`));
  const asked = await admin.get(remove);
  assert.equal(asked.statusCode, 200);
  const shown = readable(asked.body);
  assert.ok(shown.includes(`Remove ${person.name} from Neglect Task and Finish Group?`));
  const removed = await admin.post(remove, {});
  assert.equal(removed.statusCode, 303);
  assert.equal(removed.headers.location, `/groups/${groupId}?removed=1#members`);
  assert.equal((await api('GET', `/api/v1/groups/${groupId}/members`)).json().items.length, 0);
  assert.equal(await auditCount('group.member-removed'), 2);
  // Someone who is not (or no longer) a member cannot be asked about.
  assert.equal((await admin.get(remove)).statusCode, 404);
});

test('a group cannot report to a group below it, nor end before it starts', async () => {
  const groups = (await api('GET', '/api/v1/groups?limit=200')).json().items as {
    id: string;
    reportsToGroupId: string | null;
    type: string;
  }[];
  const exec = groups.find((g) => g.type === 'executive');
  const child = groups.find((g) => g.reportsToGroupId === exec?.id);
  const loop = await api('PATCH', `/api/v1/groups/${exec?.id}`, { reportsToGroupId: child?.id });
  assert.equal(loop.statusCode, 422);
  assert.equal(loop.json().errors[0].field, 'reportsToGroupId');
  const early = await api('PATCH', `/api/v1/groups/${child?.id}`, { endsOn: '2000-01-01' });
  assert.equal(early.statusCode, 422);
  assert.equal(early.json().errors[0].field, 'endsOn');
});

test('the chair rota takes only statutory partners, without overlaps', async () => {
  const partners = (await api('GET', '/api/v1/partners?limit=200')).json().items as {
    id: string;
    kind: string;
  }[];
  const police = partners.find((p) => p.kind === 'police');
  const trust = partners.find((p) => p.kind === 'relevant-agency');
  const notStatutory = await api('POST', '/api/v1/structure/chair-rota', {
    agencyId: trust?.id,
    startsOn: '2030-04-01',
    endsOn: '2031-03-31',
  });
  assert.equal(notStatutory.statusCode, 422);
  assert.match(notStatutory.json().errors[0].message, /statutory partners/);
  const overlap = await api('POST', '/api/v1/structure/chair-rota', {
    agencyId: police?.id,
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
  });
  assert.equal(overlap.statusCode, 422);
  assert.match(overlap.json().errors[0].message, /overlaps/);
  const ok = await api('POST', '/api/v1/structure/chair-rota', {
    agencyId: police?.id,
    startsOn: '2030-04-01',
    endsOn: '2031-03-31',
  });
  assert.equal(ok.statusCode, 201);
  assert.equal((await api('DELETE', `/api/v1/structure/chair-rota/${ok.json().id}`)).statusCode, 204);
});

test('lead safeguarding partners: one per statutory partner, from that partner, never for a relevant agency', async () => {
  const partners = (await api('GET', '/api/v1/partners?limit=200')).json().items as {
    id: string;
    kind: string;
  }[];
  const icb = partners.find((p) => p.kind === 'icb');
  const trust = partners.find((p) => p.kind === 'relevant-agency');
  const icbPerson = (await api('GET', `/api/v1/people?agencyId=${icb?.id}`)).json().items[0];
  const otherPerson = (await api('GET', `/api/v1/people?agencyId=${trust?.id}`)).json().items[0];
  const second = await api('POST', `/api/v1/partners/${icb?.id}/safeguarding-partners`, {
    personId: icbPerson.id,
    role: 'lead',
  });
  assert.ok([409, 422].includes(second.statusCode), 'the ICB already has its lead');
  const wrongAgency = await api('POST', `/api/v1/partners/${icb?.id}/safeguarding-partners`, {
    personId: otherPerson.id,
    role: 'delegated',
  });
  assert.equal(wrongAgency.statusCode, 422);
  assert.equal(wrongAgency.json().errors[0].field, 'personId');
  const relevant = await api('POST', `/api/v1/partners/${trust?.id}/safeguarding-partners`, {
    personId: otherPerson.id,
    role: 'delegated',
  });
  assert.equal(relevant.statusCode, 422);
});

test('lists paginate by cursor and filter in the query', async () => {
  const first = (await api('GET', '/api/v1/people?limit=5')).json();
  assert.equal(first.items.length, 5);
  const second = (await api('GET', `/api/v1/people?limit=5&after=${encodeURIComponent(first.next)}`)).json();
  assert.equal(second.items.length, 5);
  const names = [...first.items, ...second.items].map((p: { name: string }) => p.name);
  assert.deepEqual(
    [...names].sort((a, b) => (a < b ? -1 : 1)),
    names,
  );
  assert.equal(new Set(names).size, 10);
  const forums = (await api('GET', '/api/v1/groups?type=forum')).json().items as { type: string }[];
  assert.ok(forums.length > 0 && forums.every((g) => g.type === 'forum'));
  const bad = await api('GET', '/api/v1/people?after=nonsense&limit=1000');
  assert.equal(bad.statusCode, 422);
  assert.deepEqual((bad.json().errors as { field: string }[]).map((e) => e.field).sort(), ['after', 'limit']);
});

test('the groups table shows each group’s type, chair, meetings, members and status, as the API has them', async () => {
  const ended = await api('POST', '/api/v1/groups', {
    name: 'Aardvark Task and Finish Group',
    type: 'task-and-finish',
    cadence: 'monthly',
    startsOn: '2023-04-01',
    endsOn: '2024-03-31',
  });
  assert.equal(ended.statusCode, 201);
  const groups = (await api('GET', '/api/v1/groups?limit=200')).json().items as {
    id: string;
    name: string;
    chairName: string | null;
    chairJobTitle: string | null;
    memberCount: number;
    status: string;
  }[];
  const page = readable((await admin.get('/groups?limit=200')).body);
  const rows = new Map(
    [
      ...page.matchAll(
        /<tr class="govuk-table__row">\s*<td[^>]*><a class="govuk-link" href="\/groups\/([^"]+)">([\s\S]*?)<\/tr>/g,
      ),
    ].map((m) => [
      m[1],
      (m[2] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ]),
  );
  assert.equal(rows.size, groups.length, 'a row for every group');
  for (const g of groups) {
    const row = rows.get(g.id) ?? '';
    assert.ok(row.startsWith(g.name), `${g.name}: ${row}`);
    assert.ok(row.includes(g.chairName ? g.chairName : 'No chair'), `${g.name}'s chair`);
    if (g.chairJobTitle) assert.ok(row.includes(g.chairJobTitle), `${g.name}'s chair's job title`);
    assert.ok(row.endsWith(` ${g.memberCount}`), `${g.name} has ${g.memberCount} members: ${row}`);
    assert.equal(row.includes(' Ended '), g.status === 'ended', `${g.name} is ${g.status}`);
  }
  assert.match(
    rows.get(ended.json().id) ?? '',
    /^Aardvark Task and Finish Group Ended Task and finish group No chair Monthly 0$/,
  );
});

test('the people table shows each person’s name, job title and agency, as the API has them', async () => {
  const people = (await api('GET', '/api/v1/people?limit=200')).json().items as {
    id: string;
    name: string;
    jobTitle: string;
    agencyName: string;
  }[];
  const page = readable((await admin.get('/people?limit=200')).body);
  const rows = [
    ...page.matchAll(
      /<a class="govuk-link" href="\/people\/([^"]+)">([^<]*)<\/a><\/td>\s*<td[^>]*>([^<]*)<\/td>\s*<td[^>]*>([^<]*)<\/td>/g,
    ),
  ];
  assert.deepEqual(
    rows.map(([, id, name, jobTitle, agencyName]) => ({ id, name, jobTitle, agencyName })),
    people.map(({ id, name, jobTitle, agencyName }) => ({ id, name, jobTitle, agencyName })),
  );
});

test('the users table shows each account’s name, e-mail, role, agency and status, as the API has them', async () => {
  const agencyId = (await api('GET', '/api/v1/partners')).json().items[0].id;
  const invited = await api('POST', '/api/v1/users', {
    name: 'Aaron Invited',
    email: 'aaron.invited@demo.example',
    role: 'member',
    agencyId,
  });
  const leaver = await api('POST', '/api/v1/users', {
    name: 'Abigail Leaver',
    email: 'abigail.leaver@demo.example',
    role: 'practitioner',
    agencyId,
  });
  assert.equal(leaver.statusCode, 201, leaver.body);
  const left = await api('PATCH', `/api/v1/users/${leaver.json().user.id}`, {
    isActive: false,
  });
  assert.equal(left.statusCode, 200, left.body);
  const users = (await api('GET', '/api/v1/users?limit=200')).json().items as {
    id: string;
    name: string;
    email: string;
    role: Role;
    agencyName: string;
    isActive: boolean;
    hasPassword: boolean;
  }[];
  const page = readable((await admin.get('/users?limit=200')).body);
  const rows = bodyCells(page);
  const status = (u: (typeof users)[number]) =>
    !u.isActive ? 'Deactivated' : u.hasPassword ? 'Active' : 'Invited';
  assert.deepEqual(
    rows,
    users.map((u) => [u.name, u.email, ROLE_LABELS[u.role], u.agencyName, status(u)]),
  );
  const statusOf = (name: string) => rows.find((r) => r[0] === name)?.[4];
  assert.deepEqual([statusOf('Aaron Invited'), statusOf('Abigail Leaver')], ['Invited', 'Deactivated']);
  assert.ok(invited.statusCode === 201 && users.some((u) => u.hasPassword && u.isActive));
});

test('the partners table shows each partner’s name, kind, sector and whether it still is one, as the API has them', async () => {
  const gone = await api('POST', '/api/v1/partners', {
    name: 'Aardvark Housing Trust',
    kind: 'relevant-agency',
    sector: 'housing',
  });
  assert.equal(gone.statusCode, 201, gone.body);
  assert.equal(
    (await api('PATCH', `/api/v1/partners/${gone.json().id}`, { isActive: false })).statusCode,
    200,
  );
  const partners = (await api('GET', '/api/v1/partners?limit=200')).json().items as {
    name: string;
    kind: AgencyKind;
    sector: Sector;
    isActive: boolean;
  }[];
  const page = readable((await admin.get('/partners?limit=200')).body);
  const rows = bodyCells(page);
  assert.deepEqual(
    rows,
    partners.map((p) => [
      p.isActive ? p.name : `${p.name} No longer a partner`,
      AGENCY_KIND_LABELS[p.kind],
      SECTOR_LABELS[p.sector],
    ]),
  );
  assert.ok(rows.some((r) => r[0] === 'Aardvark Housing Trust No longer a partner'));
});

test('text is escaped on output: a partner named like a script shows as text', async () => {
  const response = await api('POST', '/api/v1/partners', {
    name: '<script>alert(1)</script>',
    kind: 'relevant-agency',
    sector: 'other',
  });
  assert.equal(response.statusCode, 201);
  const page = await admin.get(`/partners/${response.json().id}`);
  assert.doesNotMatch(page.body, /<script>alert\(1\)<\/script>/);
  assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('the audit log page and API list entries newest first, filtered', async () => {
  const page = await admin.get('/audit?entityType=partner');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /partner\.created/);
  const entries = (await api('GET', '/api/v1/audit?action=partner.created&limit=2')).json();
  assert.ok(entries.items.length >= 1);
  assert.ok(entries.items.every((e: { action: string }) => e.action === 'partner.created'));
  if (entries.items.length === 2) assert.ok(entries.items[0].id > entries.items[1].id);
});

test('the structure page draws the current groups as a nested list under the executive', async () => {
  const page = (await admin.get('/structure')).body;
  const tree = page.slice(
    page.indexOf('<ul class="hub-structure">'),
    page.indexOf('Safeguarding partners</h2>'),
  );
  assert.match(tree, /THSCP Executive/);
  assert.match(
    tree,
    /<ul class="hub-structure">[\s\S]*Quality Assurance and Performance[\s\S]*<ul class="hub-structure">[\s\S]*Rapid Review Working Group/,
  );
  assert.doesNotMatch(page, /No current groups/);
  assert.match(page, /Today the chair is <strong>/);
});

test('the chart stops two levels below the top and links to the groups further down', async () => {
  const working = (await api('GET', '/api/v1/groups?q=Rapid%20Review%20Working')).json().items[0];
  assert.ok(working, 'the demo has the Rapid Review Working Group, two levels below the executive');
  const add = async (
    name: string,
    reportsToGroupId: string,
    dates: { startsOn: string; endsOn?: string },
  ) => {
    const created = await api('POST', '/api/v1/groups', {
      name,
      type: 'task-and-finish',
      cadence: 'monthly',
      reportsToGroupId,
      ...dates,
    });
    assert.equal(created.statusCode, 201, created.body);
    return created.json().id as string;
  };
  const deep = await add('Deep Dive Task Group', working.id, { startsOn: '2025-04-01' });
  await add('Deeper Still Task Group', deep, { startsOn: '2025-04-01' });
  await add('Finished Task Group', working.id, { startsOn: '2024-04-01', endsOn: '2025-03-31' });
  await add('Future Task Group', working.id, { startsOn: '2099-04-01' });

  const page = (await admin.get('/structure')).body;
  const chart = page.slice(
    page.indexOf('<ul class="hub-structure">'),
    page.indexOf('Safeguarding partners</h2>'),
  );
  assert.match(chart, /Rapid Review Working Group/);
  assert.doesNotMatch(chart, /Deep Dive Task Group|Deeper Still/, 'three levels down is off the chart');
  assert.match(
    chart,
    new RegExp(
      `href="/groups\\?reportsTo=${working.id}&amp;status=current">1 group reports to Rapid Review Working Group<`,
    ),
  );
  assert.match(chart, /See every current group/);
  assert.match(chart, /href="\/groups\?status=ended">\d+ groups? ha(s|ve) ended</);
  assert.match(chart, /href="\/groups\?status=not-started">1 group has not yet started</);

  const overview = (await api('GET', '/api/v1/structure')).json();
  assert.equal(overview.notStartedGroupCount, 1);
  assert.ok(overview.endedGroupCount >= 1);
  assert.ok(!JSON.stringify(overview.tree).includes('Deep Dive'), 'the API gives the same chart');
  const below = await admin.get(`/groups?reportsTo=${working.id}&status=current`);
  assert.equal(below.statusCode, 200);
  assert.match(
    below.body,
    /<h1 class="govuk-heading-l">Groups that report to Rapid Review Working Group<\/h1>/,
  );
  assert.match(below.body, /Deep Dive Task Group/);
  assert.doesNotMatch(below.body, /Finished Task Group|Future Task Group|Deeper Still/);
  const notStarted = (await api('GET', '/api/v1/groups?status=not-started')).json().items as {
    name: string;
  }[];
  assert.deepEqual(
    notStarted.map((g) => g.name),
    ['Future Task Group'],
  );
  const reporting = (await api('GET', `/api/v1/groups?reportsTo=${working.id}`)).json().items as {
    name: string;
  }[];
  assert.deepEqual(
    reporting.map((g) => g.name),
    ['Deep Dive Task Group', 'Finished Task Group', 'Future Task Group'],
  );
  const bad = await api('GET', '/api/v1/groups?reportsTo=nope');
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /reportsTo must be the id of a group/);
  const other = await admin.get('/groups?reportsTo=00000000-0000-4000-8000-000000000000');
  assert.equal(other.statusCode, 404, 'a group of no partnership, or of another, is not found');
});

test('a group page lists its members fifty at a time by name, with a next page', async () => {
  const executive = (await api('GET', '/api/v1/groups?type=executive')).json().items[0];
  const created = await api('POST', '/api/v1/groups', {
    name: 'Large Practitioner Forum',
    type: 'forum',
    cadence: 'quarterly',
    reportsToGroupId: executive.id,
    startsOn: '2025-04-01',
  });
  assert.equal(created.statusCode, 201, created.body);
  const groupId = created.json().id as string;
  // 55 people named Member 01 … Member 55, all members of the new group.
  await t.db.query(
    `WITH made AS (
       INSERT INTO people (partnership_id, agency_id, name, job_title)
       SELECT g.partnership_id, a.id, 'Member ' || lpad(n::text, 2, '0'), 'Practitioner'
         FROM groups g JOIN LATERAL (SELECT id FROM agencies WHERE partnership_id = g.partnership_id LIMIT 1) a ON true,
              generate_series(1, 55) n
        WHERE g.id = $1
       RETURNING partnership_id, id)
     INSERT INTO group_members (partnership_id, group_id, person_id) SELECT partnership_id, $1, id FROM made`,
    [groupId],
  );
  const first = await admin.get(`/groups/${groupId}`);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Members \(55\)/);
  const names = (body: string) => [...body.matchAll(/>(Member \d\d)<\/a>/g)].map((m) => m[1]);
  assert.equal(names(first.body).length, 50);
  assert.equal(names(first.body)[0], 'Member 01');
  assert.equal(names(first.body)[49], 'Member 50');
  const next = /href="(\/groups\/[^"?]+\?after=[^"]+)" rel="next"/.exec(first.body)?.[1];
  assert.ok(next, 'a next page link');
  const second = await admin.get(next.replaceAll('&amp;', '&'));
  assert.deepEqual(names(second.body), ['Member 51', 'Member 52', 'Member 53', 'Member 54', 'Member 55']);
  assert.doesNotMatch(second.body, /rel="next"/);
  const forged = await admin.get(`/groups/${groupId}?after=not-a-cursor`);
  assert.equal(forged.statusCode, 422);

  // A membership keeps its person's name for the order (migration 0026): a renamed person moves.
  const [first01] = await t.db.query<{ id: string }>(
    "SELECT id FROM people WHERE partnership_id = (SELECT partnership_id FROM groups WHERE id = $1) AND name = 'Member 01'",
    [groupId],
  );
  const renamed = await api('PATCH', `/api/v1/people/${first01?.id}`, { name: 'Member 99' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  const afterRename = await admin.get(`/groups/${groupId}`);
  assert.equal(names(afterRename.body)[0], 'Member 02');
  const lastPage = /href="(\/groups\/[^"?]+\?after=[^"]+)" rel="next"/.exec(afterRename.body)?.[1];
  assert.ok(lastPage, 'a next page link');
  assert.deepEqual(names((await admin.get(lastPage.replaceAll('&amp;', '&'))).body), [
    'Member 52',
    'Member 53',
    'Member 54',
    'Member 55',
    'Member 99',
  ]);
});
