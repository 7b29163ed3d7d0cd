import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';
import { OTHER_PARTNERSHIP_SLUG, otherEmail } from '../helpers/database.ts';

/** Partnership A's users cannot read or change partnership B's records, by page or by API. */
let t: TestApp;
let a: Browser;
let aToken: string;
const b: Record<string, string> = {};

before(async () => {
  t = await testApp();
  a = new Browser(t.app);
  await a.signIn('admin@demo.example');
  aToken = await apiToken(t.app, 'admin@demo.example');
  const one = async (sql: string) =>
    ((await t.db.query<{ id: string }>(sql, [OTHER_PARTNERSHIP_SLUG]))[0] as { id: string }).id;
  const inB = 'partnership_id = (SELECT id FROM partnerships WHERE slug = $1)';
  b.partner = await one(`SELECT id FROM agencies WHERE ${inB} AND kind = 'police'`);
  b.person = await one(`SELECT id FROM people WHERE ${inB} LIMIT 1`);
  b.group = await one(`SELECT id FROM groups WHERE ${inB} AND type = 'executive'`);
  b.user = await one(`SELECT id FROM users WHERE ${inB} AND role = 'member'`);
  b.board = await one(`SELECT id FROM board_links WHERE ${inB} LIMIT 1`);
  b.rota = await one(`SELECT id FROM executive_chair_rota WHERE ${inB} LIMIT 1`);
  b.lead = await one(`SELECT id FROM safeguarding_partners WHERE ${inB} LIMIT 1`);
});
after(() => t.close());

test('B’s records are not found by A’s pages', async () => {
  for (const url of [
    `/partners/${b.partner}`,
    `/partners/${b.partner}/edit`,
    `/people/${b.person}`,
    `/groups/${b.group}`,
    `/groups/${b.group}/edit`,
    `/users/${b.user}`,
    `/structure/boards/${b.board}/edit`,
  ]) {
    assert.equal((await a.get(url)).statusCode, 404, url);
  }
});

test('B’s records are not found by A’s API, for reading or for changing', async () => {
  const call = (method: 'GET' | 'PATCH' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(aToken), ...(payload ? { payload } : {}) });
  const checks: [ReturnType<typeof call>, string][] = [
    [call('GET', `/api/v1/partners/${b.partner}`), 'read partner'],
    [call('PATCH', `/api/v1/partners/${b.partner}`, { name: 'Taken over' }), 'change partner'],
    [call('GET', `/api/v1/people/${b.person}`), 'read person'],
    [call('PATCH', `/api/v1/people/${b.person}`, { name: 'Taken over' }), 'change person'],
    [call('GET', `/api/v1/groups/${b.group}`), 'read group'],
    [call('PATCH', `/api/v1/groups/${b.group}`, { name: 'Taken over' }), 'change group'],
    [call('GET', `/api/v1/groups/${b.group}/members`), 'read members'],
    [call('DELETE', `/api/v1/groups/${b.group}/members/${b.person}`), 'remove member'],
    [call('GET', `/api/v1/users/${b.user}`), 'read user'],
    [call('PATCH', `/api/v1/users/${b.user}`, { isActive: false }), 'deactivate user'],
    [call('PUT', `/api/v1/board-links/${b.board}`, { name: 'Taken over' }), 'change board link'],
    [call('DELETE', `/api/v1/structure/chair-rota/${b.rota}`), 'remove rota turn'],
    [call('DELETE', `/api/v1/partners/${b.partner}/safeguarding-partners/${b.lead}`), 'remove lead'],
  ];
  for (const [response, what] of checks) assert.equal((await response).statusCode, 404, what);
});

test('A cannot point its own records at B’s: references are checked within the partnership', async () => {
  const call = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: bearer(aToken), payload });
  const person = await call('POST', '/api/v1/people', { name: 'Cross Wire', agencyId: b.partner });
  assert.equal(person.statusCode, 422);
  assert.equal(person.json().errors[0].field, 'agencyId');
  const group = await call('POST', '/api/v1/groups', {
    name: 'Cross group',
    type: 'forum',
    cadence: 'monthly',
    startsOn: '2025-01-01',
    chairPersonId: b.person,
    reportsToGroupId: b.group,
  });
  assert.equal(group.statusCode, 422);
  assert.deepEqual((group.json().errors as { field: string }[]).map((e) => e.field).sort(), [
    'chairPersonId',
    'reportsToGroupId',
  ]);
  const aGroup = (await t.app.inject({ url: '/api/v1/groups?limit=1', headers: bearer(aToken) })).json()
    .items[0];
  const member = await call('POST', `/api/v1/groups/${aGroup.id}/members`, { personId: b.person });
  assert.equal(member.statusCode, 422);
});

test('lists show only the signed-in partnership’s records, and nothing of B changed', async () => {
  const partners = (await t.app.inject({ url: '/api/v1/partners?limit=200', headers: bearer(aToken) })).json()
    .items as { id: string }[];
  assert.ok(!partners.some((p) => p.id === b.partner));
  const bAdmin = await apiToken(t.app, otherEmail('admin'));
  const bPartner = (
    await t.app.inject({ url: `/api/v1/partners/${b.partner}`, headers: bearer(bAdmin) })
  ).json();
  assert.notEqual(bPartner.name, 'Taken over');
  const bUser = (await t.app.inject({ url: `/api/v1/users/${b.user}`, headers: bearer(bAdmin) })).json();
  assert.equal(bUser.isActive, true);
  const audit = (await t.app.inject({ url: '/api/v1/audit?limit=200', headers: bearer(aToken) })).json()
    .items as { entityId: string }[];
  assert.ok(!audit.some((e) => Object.values(b).includes(e.entityId)));
});
