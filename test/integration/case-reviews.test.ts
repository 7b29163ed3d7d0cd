import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { addDays, addWorkingDays } from '../../src/platform/calendar/working-days.ts';
import { apiAs, apiToken, auditEntries, Browser, readable, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'executive', 'chair', 'reviewer', 'young-scrutineer', 'scrutineer'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
});
after(() => t.close());

const api = apiAs(() => t.app, tokens);
async function user(email: string) {
  const found = (await api('admin', 'GET', `/api/v1/users?q=${encodeURIComponent(email)}`)).json().items[0];
  assert.ok(found, email);
  return found as { id: string; agencyId: string };
}
const auditCount = (action: string, entityId: string) => auditEntries(t.db, action, entityId);
const incident = (over: Record<string, unknown> = {}) => ({
  pseudonym: 'Child T',
  awareOn: '2024-12-16',
  outcome: 'seriously-harmed',
  harmCategory: 'neglect',
  ageBand: '1-4',
  summary: 'Injuries noticed at nursery; three agencies knew the family.',
  ...over,
});
type Clock = { key: string; dueOn: string | null; status: string; reason: string | null };
const clock = (body: { clocks: Clock[] }, key: string) => body.clocks.find((c) => c.key === key) as Clock;

test('an incident is recorded under a pseudonym and comes back with its clocks’ due dates', async () => {
  const created = await api('admin', 'POST', '/api/v1/incidents', incident());
  assert.equal(created.statusCode, 201, created.body);
  const body = created.json();
  assert.match(body.reference, /^SI-\d+$/);
  // Aware Monday 16 December 2024: 5 working days is Monday 23rd; 15 crosses Christmas, Boxing
  // Day and New Year's Day to Thursday 9 January 2025.
  assert.equal(clock(body, 'panel-notification').dueOn, '2024-12-23');
  assert.equal(clock(body, 'rapid-review').dueOn, '2025-01-09');
  assert.equal(clock(body, 'panel-notification').status, 'overdue');
  assert.equal(clock(body, 'lcspr-completion').status, 'not-started');
  const read = await api('admin', 'GET', `/api/v1/incidents/${body.id}`);
  assert.equal(read.statusCode, 200);
  assert.deepEqual(read.json().clocks, body.clocks);
  assert.equal(await auditCount('incident.recorded', body.id), 1);
  assert.equal(await auditCount('incident.viewed', body.id), 2, 'the view after creating, and the read');
});

test('bad input is refused with a reason, and nothing is saved', async () => {
  const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0]?.n;
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ awareOn: addDays(todayInLondon(), 2) }, 'awareOn', /can’t be in the future/],
    [{ awareOn: '2025-02-30' }, 'awareOn', /real date/],
    [{ notifiedPanelOn: '2024-12-01' }, 'notifiedPanelOn', /before the partnership became aware/],
    [{ summary: 'Lived at E1 6AN with mother' }, 'summary', /postcode \(“E1 6AN”\)/],
    [{ pseudonym: 'Born 12/03/2015' }, 'pseudonym', /date of birth/],
    [{ dateOfBirth: '2015-03-12' }, 'dateOfBirth', /not a field we accept/],
  ];
  for (const [change, field, message] of cases) {
    const response = await api('admin', 'POST', '/api/v1/incidents', incident(change));
    assert.equal(response.statusCode, 422, `${field}: ${response.body}`);
    const error = response.json().errors.find((e: { field: string }) => e.field === field);
    assert.match(error?.message ?? '', message, field);
  }
  const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0]?.n;
  assert.equal(after, before);
  const confirmed = await api(
    'admin',
    'POST',
    '/api/v1/incidents',
    incident({ summary: 'Seen at the E1 6AN clinic', confirmNoPersonalData: true }),
  );
  assert.equal(confirmed.statusCode, 201, 'saved once the user confirms it is not personal data');
});

test('the rapid review and the executive’s decision keep their order, and an LCSPR starts its clock', async () => {
  const { id } = (
    await api('admin', 'POST', '/api/v1/incidents', incident({ awareOn: '2025-03-03' }))
  ).json();
  const early = await api('executive', 'PUT', `/api/v1/incidents/${id}/decision`, {
    decision: 'lcspr',
    decidedOn: '2025-03-20',
    reasons: 'Agencies did not share what they knew',
  });
  assert.equal(early.statusCode, 422);
  assert.match(early.json().errors[0].message, /panel met before the executive’s decision/);
  const unreasoned = await api('admin', 'PUT', `/api/v1/incidents/${id}/rapid-review`, {
    panelMetOn: '2025-03-14',
    recommendation: 'lcspr',
    recommendationReasons: '  ',
  });
  assert.equal(unreasoned.statusCode, 422);
  assert.deepEqual(unreasoned.json().errors, [
    { field: 'recommendationReasons', message: 'Give the reasons for the panel’s recommendation' },
  ]);
  const rapid = await api('admin', 'PUT', `/api/v1/incidents/${id}/rapid-review`, {
    panelMetOn: '2025-03-14',
    immediateLearning: 'Health visitors to share concerns with nurseries',
    recommendation: 'lcspr',
    recommendationReasons: 'Recurrent theme of information sharing',
    rapidReviewSentOn: '2025-03-21',
  });
  assert.equal(rapid.statusCode, 200, rapid.body);
  assert.equal(clock(rapid.json(), 'rapid-review').status, 'met');
  const before = await api('executive', 'PUT', `/api/v1/incidents/${id}/decision`, {
    decision: 'lcspr',
    decidedOn: '2025-03-13',
    reasons: 'Agencies did not share what they knew',
  });
  assert.equal(before.statusCode, 422);
  assert.equal(
    before.json().errors[0].message,
    'The executive’s decision can’t be before the rapid review panel met',
  );
  const decided = await api('executive', 'PUT', `/api/v1/incidents/${id}/decision`, {
    decision: 'lcspr',
    decidedOn: '2025-03-25',
    reasons: 'Agencies did not share what they knew',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(clock(decided.json(), 'lcspr-completion').dueOn, '2025-09-25');
  assert.equal(clock(decided.json(), 'report-to-panel').dueOn, '2025-09-16');
  assert.equal(await auditCount('incident.decided', id), 1);
});

test('case material is need-to-know: only the team sees a case, and every view is logged', async () => {
  const { id } = (await api('admin', 'POST', '/api/v1/incidents', incident({ pseudonym: 'Child Q' }))).json();
  assert.equal((await api('chair', 'GET', `/api/v1/incidents/${id}`)).statusCode, 403);
  const listed = (await api('chair', 'GET', '/api/v1/incidents')).json().items;
  assert.equal(
    listed.some((i: { id: string }) => i.id === id),
    false,
    'not listed to someone not on it',
  );
  assert.equal((await api('young-scrutineer', 'GET', `/api/v1/incidents/${id}`)).statusCode, 403);
  assert.equal((await api('young-scrutineer', 'GET', '/api/v1/clocks')).statusCode, 403);
  assert.equal((await api('otherAdmin', 'GET', `/api/v1/incidents/${id}`)).statusCode, 404);

  const chair = await user('chair@demo.example');
  const added = await api('admin', 'POST', `/api/v1/incidents/${id}/team`, {
    userId: chair.id,
    capacity: 'panel',
  });
  assert.equal(added.statusCode, 201, added.body);
  const seen = await api('chair', 'GET', `/api/v1/incidents/${id}`);
  assert.equal(seen.statusCode, 200);
  assert.equal(seen.json().pseudonym, 'Child Q');
  const clocks = (await api('chair', 'GET', '/api/v1/clocks?limit=200')).json().items as {
    incidentId: string;
  }[];
  const chairsCases = new Set(
    (await api('chair', 'GET', '/api/v1/incidents?limit=200')).json().items.map((i: { id: string }) => i.id),
  );
  assert.ok(chairsCases.has(id));
  assert.ok(clocks.some((c) => c.incidentId === id));
  assert.ok(
    clocks.every((c) => chairsCases.has(c.incidentId)),
    'only the clocks of cases the chair is on',
  );
  const allCases = (await api('admin', 'GET', '/api/v1/incidents?limit=200')).json().items.length;
  assert.ok(chairsCases.size < allCases);
  const views = await t.db.query<{ actor: string }>(
    `SELECT actor_label AS actor FROM audit_log WHERE action = 'incident.viewed' AND entity_id = $1`,
    [id],
  );
  assert.ok(views.some((v) => v.actor === 'chair@demo.example'));
  const youngScrutineer = await user('young-scrutineer@demo.example');
  const refused = await api('admin', 'POST', `/api/v1/incidents/${id}/team`, {
    userId: youngScrutineer.id,
    capacity: 'panel',
  });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json().errors[0].message, /can’t see case material in their role/);
});

test('a reviewer from an involved agency is refused unless an executive overrides with a reason', async () => {
  const reviewer = await user('reviewer@demo.example');
  const { id } = (
    await api(
      'admin',
      'POST',
      '/api/v1/incidents',
      incident({ pseudonym: 'Child R', agencyIds: [reviewer.agencyId] }),
    )
  ).json();
  const assign = (who: string, overrideReason?: string) =>
    api(who, 'POST', `/api/v1/incidents/${id}/team`, {
      userId: reviewer.id,
      capacity: 'reviewer',
      ...(overrideReason ? { overrideReason } : {}),
    });
  const refused = await assign('admin');
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json().errors[0].message, /agency, .*, was involved in this case/);
  const notExecutive = await assign('admin', 'No one else is available');
  assert.equal(notExecutive.statusCode, 422);
  assert.match(notExecutive.json().errors[0].message, /Only an executive can override this/);
  assert.equal((await api('reviewer', 'GET', `/api/v1/incidents/${id}`)).statusCode, 403);
  const overridden = await assign('executive', 'The only reviewer with the expertise; a different team');
  assert.equal(overridden.statusCode, 201, overridden.body);
  const team = overridden.json().team;
  assert.equal(team[0].overrideReason, 'The only reviewer with the expertise; a different team');
  assert.equal(await auditCount('case-team.independence-overridden', id), 1);
  assert.equal((await api('reviewer', 'GET', `/api/v1/incidents/${id}`)).statusCode, 200);
});

test('the clocks overview lists open clocks soonest first, and filters by state and case', async () => {
  const all = (await api('admin', 'GET', '/api/v1/clocks?limit=200')).json().items as {
    dueOn: string;
    reference: string;
    status: string;
    clock: string;
  }[];
  assert.ok(all.length >= 4);
  assert.deepEqual(
    all.map((c) => c.dueOn),
    all.map((c) => c.dueOn).sort(),
  );
  const overdue = (await api('admin', 'GET', '/api/v1/clocks?status=overdue&limit=200')).json()
    .items as typeof all;
  assert.ok(overdue.length > 0 && overdue.every((c) => c.status === 'overdue'));
  const one = all[0] as (typeof all)[number];
  const byCase = (await api('admin', 'GET', `/api/v1/clocks?reference=${one.reference}`)).json()
    .items as typeof all;
  assert.ok(byCase.every((c) => c.reference === one.reference));
  const page1 = (await api('admin', 'GET', '/api/v1/clocks?limit=2')).json();
  const page2 = (await api('admin', 'GET', `/api/v1/clocks?limit=2&after=${page1.next}`)).json();
  assert.deepEqual(
    [...page1.items, ...page2.items].map(
      (c: { clock: string; reference: string }) => `${c.reference}/${c.clock}`,
    ),
    all.slice(0, 4).map((c) => `${c.reference}/${c.clock}`),
  );
  assert.equal((await api('admin', 'GET', '/api/v1/clocks?status=late')).statusCode, 422);
});

test('a clock waived with a reason leaves the open clocks and is logged; lifted, it comes back', async () => {
  const created = (
    await api('admin', 'POST', '/api/v1/incidents', incident({ pseudonym: 'Child V' }))
  ).json();
  type Open = { clock: string; reference: string };
  const openOf = async (query = '') =>
    (
      (await api('admin', 'GET', `/api/v1/clocks?reference=${created.reference}${query}`)).json()
        .items as Open[]
    ).map((c) => c.clock);
  assert.deepEqual(await openOf(), ['panel-notification', 'rapid-review']);
  assert.deepEqual(await openOf('&clock=rapid-review'), ['rapid-review'], 'filtered by the kind of clock');
  assert.deepEqual(await openOf('&clock=panel-notification'), ['panel-notification']);

  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  await browser.get(`/cases/${created.id}`);
  const waived = await browser.post(`/cases/${created.id}/waivers`, {
    clock: 'panel-notification',
    reason: 'The national panel was told by telephone before the case was recorded',
  });
  assert.equal(waived.statusCode, 303, waived.body);
  assert.deepEqual(await openOf(), ['rapid-review'], 'a waived clock is no longer open');
  const read = (await api('admin', 'GET', `/api/v1/incidents/${created.id}`)).json();
  assert.equal(clock(read, 'panel-notification').status, 'not-applicable');
  assert.match(clock(read, 'panel-notification').reason ?? '', /^Waived: The national panel was told/);
  assert.equal(await auditCount('clock.waived', created.id), 1);

  const bad = await browser.post(`/cases/${created.id}/waivers`, { clock: 'tea-break', reason: 'x' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Select the clock/);

  const lifted = await browser.post(`/cases/${created.id}/waivers`, {
    clock: 'panel-notification',
    reason: '',
  });
  assert.equal(lifted.statusCode, 303);
  assert.deepEqual(await openOf(), ['panel-notification', 'rapid-review']);
  assert.equal(await auditCount('clock.waiver-lifted', created.id), 1);
});

test('the incident form shows each error, keeps what was typed and asks before saving a postcode', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const empty = await browser.post('/cases', { pseudonym: 'Child V', summary: 'Near E1 6AN' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /govuk-error-summary/);
  assert.match(empty.body, /Enter the date the partnership became aware/);
  assert.match(empty.body, /value="Child V"/);
  const form = {
    kind: 'incident',
    pseudonym: 'Child V',
    'awareOn-day': '3',
    'awareOn-month': '3',
    'awareOn-year': '2025',
    outcome: 'died',
    harmCategory: 'physical-abuse',
    ageBand: 'under-1',
    summary: 'Near E1 6AN',
  };
  const warned = await browser.post('/cases', form);
  assert.equal(warned.statusCode, 400);
  assert.match(warned.body, /seems to contain a postcode/);
  assert.match(warned.body, /I have checked/);
  const saved = await browser.post('/cases', { ...form, confirmNoPersonalData: 'yes' });
  assert.equal(saved.statusCode, 303, saved.body);
  const page = await browser.get(String(saved.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Child V/);
  assert.match(page.body, /Notify the national panel/);
});

test('the audit log keeps which fields of a case changed, never the words of the case', async () => {
  const { id } = (
    await api(
      'admin',
      'POST',
      '/api/v1/incidents',
      incident({ summary: 'A distinctive summary of what happened' }),
    )
  ).json();
  const [entry] = await t.db.query<{ after: Record<string, unknown> }>(
    `SELECT after FROM audit_log WHERE action = 'incident.recorded' AND entity_id = $1`,
    [id],
  );
  assert.equal(entry?.after.summary, '[38 characters]');
  assert.equal(entry?.after.pseudonym, 'Child T');
  assert.doesNotMatch(JSON.stringify(entry?.after), /distinctive/);
});

test('a reviewer already on a case must stay independent when the agencies involved change', async () => {
  const reviewer = await user('reviewer@demo.example');
  const created = (
    await api('admin', 'POST', '/api/v1/incidents', incident({ pseudonym: 'Child S' }))
  ).json();
  const added = await api('admin', 'POST', `/api/v1/incidents/${created.id}/team`, {
    userId: reviewer.id,
    capacity: 'reviewer',
  });
  assert.equal(added.statusCode, 201, added.body);
  const changed = await api('admin', 'PUT', `/api/v1/incidents/${created.id}`, {
    ...incident({ pseudonym: 'Child S' }),
    agencyIds: [reviewer.agencyId],
  });
  assert.equal(changed.statusCode, 422);
  assert.equal(changed.json().errors[0].field, 'agencyIds');
  assert.match(changed.json().errors[0].message, /is on the case as reviewer: take them off it first/);
  const still = (await api('admin', 'GET', `/api/v1/incidents/${created.id}`)).json();
  assert.deepEqual(still.agencies, [], 'nothing was saved');
});

test('a decided case keeps the date its panel met', async () => {
  const { id } = (
    await api('admin', 'POST', '/api/v1/incidents', incident({ awareOn: '2025-03-03' }))
  ).json();
  await api('admin', 'PUT', `/api/v1/incidents/${id}/rapid-review`, { panelMetOn: '2025-03-14' });
  const decided = await api('executive', 'PUT', `/api/v1/incidents/${id}/decision`, {
    decision: 'no-further-review',
    decidedOn: '2025-03-20',
    reasons: 'Learning taken forward in the action plan',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  const cleared = await api('admin', 'PUT', `/api/v1/incidents/${id}/rapid-review`, { panelMetOn: '' });
  assert.equal(cleared.statusCode, 422);
  assert.match(cleared.json().errors[0].message, /the executive has decided on this case/);
});

test('a forged pagination cursor is the sender’s error, not the service’s', async () => {
  const forged = Buffer.from(JSON.stringify(['not-a-date', 'not-an-id'])).toString('base64url');
  for (const url of [
    `/api/v1/incidents?after=${forged}`,
    `/api/v1/clocks?after=${forged}`,
    `/api/v1/people?after=${forged}`,
  ]) {
    const response = await api('admin', 'GET', url);
    assert.ok([400, 422].includes(response.statusCode), `${url}: ${response.statusCode} ${response.body}`);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
  const visitor = new Browser(t.app);
  assert.equal((await visitor.get(`/p/tower-hamlets-demo/briefings?after=${forged}`)).statusCode, 400);
});

test('the partnership’s clock settings change every case’s clocks, within their bounds', async () => {
  const childC = (await api('admin', 'GET', '/api/v1/incidents?q=Child%20C')).json().items[0];
  const before = (await api('admin', 'GET', `/api/v1/incidents/${childC.id}`)).json();
  const reportDue = clock(before, 'report-to-panel').dueOn as string;
  const completionDue = clock(before, 'lcspr-completion').dueOn as string;
  assert.equal(reportDue, addWorkingDays(completionDue, -7), 'by default, 7 working days before');

  const settings = (await api('admin', 'GET', '/api/v1/review-settings')).json();
  assert.deepEqual(settings, {
    reportBeforePublicationWorkingDays: 7,
    learningSessionDays: 14,
    followUpMonths: 6,
    reflectionMonths: 12,
  });
  const bad = await api('admin', 'PUT', '/api/v1/review-settings', {
    ...settings,
    learningSessionDays: 0,
    followUpMonths: 'six',
  });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    bad.json().errors.map((e: { field: string }) => e.field),
    ['learningSessionDays', 'followUpMonths'],
  );
  assert.equal((await api('executive', 'PUT', '/api/v1/review-settings', settings)).statusCode, 403);

  const changed = await api('admin', 'PUT', '/api/v1/review-settings', {
    ...settings,
    reportBeforePublicationWorkingDays: 10,
  });
  assert.equal(changed.statusCode, 200, changed.body);
  const after = (await api('admin', 'GET', `/api/v1/incidents/${childC.id}`)).json();
  assert.equal(clock(after, 'report-to-panel').dueOn, addWorkingDays(completionDue, -10));
  const open = (
    await api('admin', 'GET', `/api/v1/clocks?reference=${childC.reference}&clock=report-to-panel`)
  ).json().items;
  assert.equal(open[0]?.dueOn, addWorkingDays(completionDue, -10), 'the stored clocks were worked out again');
  const [entry] = await t.db.query<{ after: Record<string, unknown> }>(
    `SELECT after FROM audit_log WHERE action = 'review-settings.updated' ORDER BY id DESC LIMIT 1`,
  );
  assert.equal(entry?.after.reportBeforePublicationWorkingDays, 10);
  // Back to the default, for the tests that follow.
  assert.equal((await api('admin', 'PUT', '/api/v1/review-settings', settings)).statusCode, 200);
});

test('people involved are found by name on the case page and added from the results', async () => {
  const { id } = (await api('admin', 'POST', '/api/v1/incidents', incident({ pseudonym: 'Child W' }))).json();
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const found = await browser.get(`/cases/${id}?findPerson=Okafor`);
  assert.equal(found.statusCode, 200);
  assert.match(readable(found.body), /People matching “Okafor”/);
  const personId = /name="personId" value="([0-9a-f-]{36})"/.exec(found.body)?.[1] as string;
  const added = await browser.post(`/cases/${id}/people`, { personId });
  assert.equal(added.statusCode, 303);
  const people = (await api('admin', 'GET', `/api/v1/incidents/${id}`)).json().people;
  assert.equal(people.length, 1);
  const again = await browser.get(`/cases/${id}?findPerson=Okafor`);
  assert.equal(
    again.body.split(`value="${personId}"`).length - 1,
    1,
    'someone already on the case is offered for removal only, not again for adding',
  );
  const wrong = await browser.post(`/cases/${id}/people`, {
    personId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#findPerson">Select a person of this partnership/);
});

test('the open clocks download as CSV, every page of them, filtered as on the page, and the export is audited', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const all = (await api('admin', 'GET', '/api/v1/clocks?status=overdue&limit=200')).json().items as {
    reference: string;
    dueOn: string;
  }[];
  const response = await browser.get('/clocks.csv?status=overdue');
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(
    String(response.headers['content-disposition']),
    /^attachment; filename="open-clocks-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const lines = response.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  assert.equal(lines[0], 'Due,State,Clock,Case,Pseudonym');
  assert.equal(lines.length - 1, all.length, 'one line per overdue clock');
  assert.ok(lines.slice(1).every((l) => l.includes(',Overdue,')));
  assert.deepEqual(
    lines.slice(1).map((l) => l.split(',')[3]),
    all.map((c) => c.reference),
  );
  const [entry] = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'clocks.exported' AND actor_label = 'admin@demo.example'",
  );
  assert.equal(entry?.n, 1);
  const practitioner = new Browser(t.app);
  await practitioner.signIn('practitioner@demo.example');
  assert.equal((await practitioner.get('/clocks.csv')).statusCode, 403);
});

test('the home page counts the clocks overdue and due soon, for those who may see cases', async () => {
  const count = async (status: string) =>
    (await api('admin', 'GET', `/api/v1/clocks?status=${status}&limit=200`)).json().items.length as number;
  const [overdue, dueSoon] = [await count('overdue'), await count('due-soon')];
  assert.ok(overdue > 0, 'the tests above left overdue clocks');
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const home = (await admin.get('/')).body;
  assert.match(home, new RegExp(`${overdue} clocks? overdue`));
  if (dueSoon > 0) assert.match(home, new RegExp(`${dueSoon} due within 5 working days`));
  assert.match(home, /chairs the executive until/);
  const practitioner = new Browser(t.app);
  await practitioner.signIn('practitioner@demo.example');
  assert.doesNotMatch((await practitioner.get('/')).body, /Statutory clocks/);
});

test('the case list downloads as CSV, only the cases the user may see, and the export is audited', async () => {
  const everyCase = (await api('admin', 'GET', '/api/v1/incidents?limit=200')).json().items.length as number;
  const chairsCases = (await api('chair', 'GET', '/api/v1/incidents?limit=200')).json().items as {
    reference: string;
  }[];
  const lines = async (email: string, url: string) => {
    const browser = new Browser(t.app);
    await browser.signIn(email);
    const response = await browser.get(url);
    assert.equal(response.statusCode, 200);
    return response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
  };
  const admin = await lines('admin@demo.example', '/cases.csv');
  assert.equal(admin[0], 'Case,Pseudonym,Kind,Aware,Harm,Age band,Decision,Next clock,Next due');
  assert.equal(admin.length - 1, everyCase);
  const chair = await lines('chair@demo.example', '/cases.csv');
  assert.deepEqual(
    chair.slice(1).map((l) => l.split(',')[0]),
    chairsCases.map((c) => c.reference),
  );
  const lcsprs = await lines('admin@demo.example', '/cases.csv?decision=lcspr');
  assert.ok(lcsprs.slice(1).every((l) => l.includes('Local child safeguarding practice review')));
  const [entry] = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'incidents.exported'",
  );
  assert.equal(entry?.n, 3);
});
