import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'member', 'scrutineer', 'data-lead'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
});
after(() => t.close());

const api = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(tokens[who] as string),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
async function partner(name: string) {
  const items = (await api('admin', 'GET', '/api/v1/partners?limit=200')).json().items as {
    id: string;
    name: string;
  }[];
  const found = items.find((p) => p.name === name);
  assert.ok(found, name);
  return found.id;
}

test('a partner records a risk with the partners it affects; the log filters by agency', async () => {
  const elft = await partner('East London NHS Foundation Trust');
  const police = await partner('Metropolitan Police Service, Central East BCU');
  const created = await api('member', 'POST', '/api/v1/risks', {
    title: 'Waits for mental health assessments',
    description: 'Young people wait longer for a first assessment.',
    raisedByAgencyId: elft,
    raisedOn: todayInLondon(),
    partnerIds: [elft, police],
    reviewOn: '2020-01-01',
  });
  assert.equal(created.statusCode, 201, created.body);
  const risk = created.json();
  assert.equal(risk.number, 3, 'after the demo’s two');
  assert.equal(risk.status, 'open');
  assert.equal(risk.reviewOverdue, true);
  assert.deepEqual(
    risk.partners.map((p: { name: string }) => p.name),
    ['East London NHS Foundation Trust', 'Metropolitan Police Service, Central East BCU'],
  );
  const affectingPolice = (await api('scrutineer', 'GET', `/api/v1/risks?agencyId=${police}`)).json().items;
  assert.deepEqual(
    affectingPolice.map((r: { number: number }) => r.number),
    [3, 2],
    'raised by or affecting the police, newest first',
  );
  const managed = (await api('admin', 'GET', '/api/v1/risks?status=managed')).json().items;
  assert.deepEqual(
    managed.map((r: { number: number }) => r.number),
    [1],
  );
});

test('bad risks are refused field by field and nothing is saved', async () => {
  const before = await count('risks');
  const theirs = (await api('otherAdmin', 'GET', '/api/v1/partners')).json().items[0].id;
  const ours = await partner('London Borough of Tower Hamlets');
  const bad = await api('member', 'POST', '/api/v1/risks', {
    title: '',
    description: 'x',
    raisedByAgencyId: ours,
    raisedOn: '2025-13-01',
    partnerIds: ['not-an-id'],
    status: 'forgotten',
  });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['partnerIds.0', 'raisedOn', 'status', 'title'],
  );
  const foreign = await api('member', 'POST', '/api/v1/risks', {
    title: 'x',
    description: 'x',
    raisedByAgencyId: ours,
    raisedOn: todayInLondon(),
    partnerIds: [ours, theirs],
  });
  assert.equal(foreign.statusCode, 422);
  assert.deepEqual(foreign.json().errors, [
    { field: 'partnerIds', message: 'Select partners of this partnership' },
  ]);
  assert.equal(await count('risks'), before, 'the risk was not kept without its partners');
  assert.equal((await api('data-lead', 'POST', '/api/v1/risks', {})).statusCode, 403);
});

test('a risk is escalated to the executive in one step, once', async () => {
  const list = (await api('admin', 'GET', '/api/v1/risks?status=open')).json().items;
  const risk = list.find((r: { title: string }) => r.title === 'Domestic abuse notifications rising');
  const escalations = await count('escalations');
  const empty = await api('member', 'POST', `/api/v1/risks/${risk.id}/escalate`, { ask: ' ' });
  assert.equal(empty.statusCode, 422);
  assert.equal(await count('escalations'), escalations);

  const made = await api('member', 'POST', `/api/v1/risks/${risk.id}/escalate`, {
    ask: 'Ask every school to name a lead for Operation Encompass notifications.',
  });
  assert.equal(made.statusCode, 201, made.body);
  const escalation = (await api('admin', 'GET', `/api/v1/escalations/${made.json().id}`)).json();
  assert.equal(escalation.title, 'Domestic abuse notifications rising');
  assert.match(escalation.issue, /^Emerging risk RISK-2\. Police notifications/);
  assert.equal(escalation.raisedByAgencyName, 'Metropolitan Police Service, Central East BCU');
  assert.equal(escalation.raisedOn, todayInLondon());
  const linked = (await api('admin', 'GET', `/api/v1/risks/${risk.id}`)).json();
  assert.equal(linked.escalationId, escalation.id);
  assert.equal(linked.escalationNumber, escalation.number);

  const again = await api('member', 'POST', `/api/v1/risks/${risk.id}/escalate`, { ask: 'Again' });
  assert.equal(again.statusCode, 422);
  assert.deepEqual(again.json().errors, [
    { field: 'ask', message: 'This risk has already been escalated to the executive' },
  ]);
  assert.equal(await count('escalations'), escalations + 1);
  const audit = await t.db.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'risk.%' ORDER BY id",
    [risk.id],
  );
  assert.deepEqual(
    audit.map((a) => a.action),
    ['risk.escalated'],
  );
});

test('risk pages: record by form with errors, change it, and a risk of another partnership is not found', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('member@demo.example');
  await browser.get('/risks/new');
  const bad = await browser.post('/risks', { title: 'Cold homes this winter' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#description">Describe the risk/);
  assert.match(bad.body, /value="Cold homes this winter"/);
  const la = await partner('London Borough of Tower Hamlets');
  const today = todayInLondon().split('-');
  const good = await browser.post('/risks', {
    title: 'Cold homes this winter',
    description: 'Families cannot heat their homes.',
    raisedByAgencyId: la,
    'raisedOn-day': today[2] as string,
    'raisedOn-month': today[1] as string,
    'raisedOn-year': today[0] as string,
    partnerIds: la,
    status: 'open',
  });
  assert.equal(good.statusCode, 303);
  const page = await browser.get(String(good.headers.location).split('?')[0] as string);
  assert.match(page.body, /Cold homes this winter/);
  assert.match(page.body, /London Borough of Tower Hamlets/);

  const theirs = (await api('otherAdmin', 'GET', '/api/v1/risks')).json().items[0];
  assert.equal((await api('admin', 'GET', `/api/v1/risks/${theirs.id}`)).statusCode, 404);
  assert.equal((await browser.get(`/risks/${theirs.id}`)).statusCode, 404);
  assert.equal(
    (await api('member', 'POST', `/api/v1/risks/${theirs.id}/escalate`, { ask: 'x' })).statusCode,
    404,
  );
});
