import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditReminders } from '../../src/features/audits/service.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { addDays, addMonths } from '../../src/platform/calendar/working-days.ts';
import {
  apiAs,
  apiToken,
  auditEntries,
  Browser,
  readable,
  rowCount,
  type TestApp,
  testApp,
} from '../helpers/app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const today = todayInLondon();
let agencies: { id: string; name: string }[] = [];
let themes: Record<string, string> = {};
let otherAgencyId = '';
let otherThemeId = '';
const GRADE_MESSAGE = 'Choose a grade from outstanding, good, requires improvement or inadequate';

before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'executive', 'member', 'data-lead', 'scrutineer'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
  agencies = (await api('admin', 'GET', '/api/v1/partners?limit=200')).json().items;
  const rows = await t.db.query<{ id: string; name: string; slug: string }>(
    'SELECT t.id, t.name, p.slug FROM plan_themes t JOIN partnerships p ON p.id = t.partnership_id',
  );
  themes = Object.fromEntries(rows.filter((r) => r.slug === 'tower-hamlets-demo').map((r) => [r.name, r.id]));
  otherThemeId = (rows.find((r) => r.slug !== 'tower-hamlets-demo') as { id: string }).id;
  otherAgencyId = (await api('otherAdmin', 'GET', '/api/v1/partners')).json().items[0].id;
});
after(() => t.close());

const api = apiAs(() => t.app, tokens);
const agencyId = (name: RegExp) => (agencies.find((a) => name.test(a.name)) as { id: string }).id;
const count = (table: string) => rowCount(t.db, table);
const logged = (action: string, entityId: string) => auditEntries(t.db, action, entityId);
const fieldError = (response: { json(): { errors?: { field: string; message: string }[] } }, field: string) =>
  response.json().errors?.find((e) => e.field === field)?.message ?? '';

const audit = (over: Record<string, unknown> = {}) => ({
  type: 'multi-agency',
  title: 'Neglect of children under five',
  themeId: themes.Neglect,
  quarterStartsOn: '2026-01-01',
  agencyId: agencyId(/Tower Hamlets$/),
  leadPersonId: null,
  status: 'planned',
  workshopOn: null,
  goodPractice: '',
  ...over,
});
async function create(who: string, over: Record<string, unknown> = {}) {
  const response = await api(who, 'POST', '/api/v1/audits', audit(over));
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}

test('each kind of audit is created; a workshop is followed up six months later', async () => {
  const made: Record<string, { id: string; number: number; followUpOn: string | null }> = {};
  for (const type of ['multi-agency', 'themed', 'single-agency', 'section-11', 'section-175']) {
    const led = type === 'multi-agency' || type === 'themed';
    made[type] = await create('admin', {
      type,
      title: `A ${type} audit`,
      workshopOn: led ? '2026-03-31' : null,
      status: led ? 'completed' : 'planned',
    });
  }
  assert.equal(made['multi-agency']?.followUpOn, '2026-09-30', '31 March + 6 months: September has no 31st');
  assert.equal(made.themed?.followUpOn, '2026-09-30');
  for (const type of ['single-agency', 'section-11', 'section-175'])
    assert.equal(made[type]?.followUpOn, null);
  const numbers = Object.values(made).map((a) => a.number);
  assert.deepEqual(
    numbers,
    numbers.map((_, i) => (numbers[0] as number) + i),
    'numbered in turn',
  );
  assert.equal(await logged('audit.created', made.themed?.id as string), 1);

  const wrongWorkshop = await api(
    'admin',
    'POST',
    '/api/v1/audits',
    audit({ type: 'section-11', workshopOn: today }),
  );
  assert.equal(wrongWorkshop.statusCode, 422);
  assert.match(fieldError(wrongWorkshop, 'workshopOn'), /Only multi-agency and themed audits/);
  const noWorkshop = await api('admin', 'POST', '/api/v1/audits', audit({ status: 'completed' }));
  assert.equal(noWorkshop.statusCode, 422);
  assert.match(fieldError(noWorkshop, 'workshopOn'), /Enter the date of the workshop/);
  const badQuarter = await api('admin', 'POST', '/api/v1/audits', audit({ quarterStartsOn: '2026-02-01' }));
  assert.equal(badQuarter.statusCode, 422);
  assert.match(fieldError(badQuarter, 'quarterStartsOn'), /Select the quarter/);

  // The programme: filtered by type and financial year (January 2026 is in 2025 to 2027's Q4).
  const themed = (await api('member', 'GET', '/api/v1/audits?type=themed&year=2025')).json();
  assert.ok(themed.items.some((a: { id: string }) => a.id === made.themed?.id));
  assert.ok(themed.items.every((a: { type: string }) => a.type === 'themed'));
  const later = (await api('member', 'GET', '/api/v1/audits?type=themed&year=2026')).json();
  assert.equal(
    later.items.some((a: { id: string }) => a.id === made.themed?.id),
    false,
  );
  assert.equal((await api('member', 'GET', '/api/v1/audits?year=soon')).statusCode, 422);
  const forged = Buffer.from(JSON.stringify(['2026-01-01', 'not-a-number'])).toString('base64url');
  assert.equal((await api('member', 'GET', `/api/v1/audits?after=${forged}`)).statusCode, 400);

  // Keyset pages, in quarter then number order, with no audit twice.
  await create('admin', { title: 'An earlier audit', quarterStartsOn: '2025-07-01' });
  const seen: { id: string; quarterStartsOn: string; number: number }[] = [];
  let next: string | null = null;
  do {
    const query: string = `/api/v1/audits?limit=2${next ? `&after=${next}` : ''}`;
    const page = (await api('executive', 'GET', query)).json();
    seen.push(...page.items);
    next = page.next;
  } while (next);
  assert.equal(new Set(seen.map((a) => a.id)).size, seen.length);
  const keys = seen.map((a) => `${a.quarterStartsOn}/${String(a.number).padStart(6, '0')}`);
  assert.deepEqual(keys, [...keys].sort());
  assert.equal(
    seen.length,
    await count(
      "audits WHERE partnership_id = (SELECT partnership_id FROM users WHERE email = 'admin@demo.example')",
    ),
  );
});

test('changing the follow-up setting moves every workshop’s follow-up date', async () => {
  const held = await create('admin', { title: 'Exploitation workshop', workshopOn: '2026-08-31' });
  assert.equal(held.followUpOn, '2027-02-28');
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const form = await browser.get('/audits/settings');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="6"/);
  const tooLong = await browser.post('/audits/settings', { followUpMonths: '30' });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /Enter a whole number of months from 1 to 24/);
  const saved = await browser.post('/audits/settings', { followUpMonths: '3' });
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal(
    (await api('chair', 'GET', `/api/v1/audits/${held.id}`)).json().audit.followUpOn,
    '2026-11-30',
  );
  const made = await create('chair', { title: 'Set at three months', workshopOn: '2026-03-31' });
  assert.equal(made.followUpOn, '2026-06-30');
  const agencyOwn = await create('admin', { type: 'single-agency', title: 'No workshop' });
  assert.equal(agencyOwn.followUpOn, null);
  assert.equal((await browser.post('/audits/settings', { followUpMonths: '6' })).statusCode, 303);
  assert.equal(
    (await api('chair', 'GET', `/api/v1/audits/${made.id}`)).json().audit.followUpOn,
    '2026-09-30',
  );
  assert.equal((await api('chair', 'GET', `/api/v1/audits/${agencyOwn.id}`)).json().audit.followUpOn, null);
  const entries = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit-settings.updated'",
  );
  assert.equal(entries[0]?.n, 2);
  const member = new Browser(t.app);
  await member.signIn('member@demo.example');
  assert.equal((await member.get('/audits/settings')).statusCode, 403);
});

test('a member submits their own agency’s audit; the QA and Performance group reviews it', async () => {
  const elft = agencyId(/East London NHS/);
  const multi = await api('member', 'POST', '/api/v1/audits', audit({ agencyId: elft }));
  assert.equal(multi.statusCode, 422);
  assert.match(fieldError(multi, 'type'), /Only the QA and Performance group can plan/);
  const otherAgency = await api('member', 'POST', '/api/v1/audits', audit({ type: 'single-agency' }));
  assert.equal(otherAgency.statusCode, 422);
  assert.match(fieldError(otherAgency, 'agencyId'), /your own agency/);
  assert.equal((await api('scrutineer', 'POST', '/api/v1/audits', audit())).statusCode, 403);

  const own = audit({
    type: 'single-agency',
    agencyId: elft,
    title: 'CAMHS safeguarding supervision',
    status: 'in-progress',
  });
  const submitted = await create('member', own);
  assert.equal(submitted.submittedOn, null);
  const early = await api('chair', 'POST', `/api/v1/audits/${submitted.id}/review`, { comments: 'Too soon' });
  assert.equal(early.statusCode, 422);
  assert.match(fieldError(early, 'comments'), /not submitted/);
  const completed = await api('member', 'PUT', `/api/v1/audits/${submitted.id}`, {
    ...own,
    status: 'completed',
  });
  assert.equal(completed.statusCode, 200, completed.body);
  assert.equal(completed.json().submittedOn, today);
  assert.equal(
    (await api('data-lead', 'PUT', `/api/v1/audits/${submitted.id}`, { ...own, status: 'completed' }))
      .statusCode,
    403,
    'another agency’s partner may not change it',
  );
  assert.equal(
    (await api('member', 'POST', `/api/v1/audits/${submitted.id}/review`, { comments: 'Mine is good' }))
      .statusCode,
    403,
  );
  // The agency records its own audit's cases, grades and findings; another agency's partner can't.
  const ownFinding = await api('member', 'POST', `/api/v1/audits/${submitted.id}/findings`, {
    text: 'Supervision was not recorded in two of ten files',
  });
  assert.equal(ownFinding.statusCode, 201, ownFinding.body);
  const ownGrades = await api('member', 'PUT', `/api/v1/audits/${submitted.id}/grades`, { planning: 'good' });
  assert.equal(ownGrades.statusCode, 200, ownGrades.body);
  assert.equal(
    (await api('data-lead', 'POST', `/api/v1/audits/${submitted.id}/findings`, { text: 'Not mine' }))
      .statusCode,
    403,
  );
  const multiAgency = (await api('member', 'GET', '/api/v1/audits?type=multi-agency')).json().items[0];
  assert.equal(
    (await api('member', 'POST', `/api/v1/audits/${multiAgency.id}/findings`, { text: 'Not ours' }))
      .statusCode,
    403,
    'the group records multi-agency audits',
  );
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  await browser.get(`/audits/${submitted.id}`);
  const blank = await browser.post(`/audits/${submitted.id}/review`, { comments: '' });
  assert.equal(blank.statusCode, 400);
  assert.match(readable(blank.body), /Enter the QA and Performance group’s comments/);
  const reviewed = await browser.post(`/audits/${submitted.id}/review`, {
    comments: 'Supervision recorded in most files; audit again in a year',
  });
  assert.equal(reviewed.statusCode, 303, reviewed.body);
  const read = (await api('member', 'GET', `/api/v1/audits/${submitted.id}`)).json().audit;
  assert.equal(read.reviewedOn, today);
  assert.equal(read.reviewComments, 'Supervision recorded in most files; audit again in a year');
  assert.equal(await logged('audit.reviewed', submitted.id), 1);
  const afterReview = await api('member', 'POST', `/api/v1/audits/${submitted.id}/findings`, {
    text: 'Late',
  });
  assert.equal(afterReview.statusCode, 403, 'reviewed: the agency no longer changes what it records');
  const reopened = await api('member', 'PUT', `/api/v1/audits/${submitted.id}`, {
    ...own,
    status: 'in-progress',
  });
  assert.equal(reopened.statusCode, 422);
  assert.match(fieldError(reopened, 'status'), /stays completed/);

  const workshop = await create('admin', { title: 'Not for review' });
  const notPartners = await api('chair', 'POST', `/api/v1/audits/${workshop.id}/review`, { comments: 'x' });
  assert.equal(notPartners.statusCode, 422);
  assert.equal(
    (await api('member', 'PUT', `/api/v1/audits/${workshop.id}`, audit({ agencyId: elft }))).statusCode,
    403,
  );
});

test('a grade outside the scale is refused and nothing is saved', async () => {
  const graded = await create('admin', { title: 'Domestic abuse and the unborn child' });
  const good = await api('chair', 'PUT', `/api/v1/audits/${graded.id}/grades`, {
    recognition: 'good',
    'voice-of-the-child': 'requires-improvement',
  });
  assert.equal(good.statusCode, 200, good.body);
  const before = await count('audit_grades');
  const bad = await api('chair', 'PUT', `/api/v1/audits/${graded.id}/grades`, {
    recognition: 'outstanding',
    assessment: 'excellent',
  });
  assert.equal(bad.statusCode, 422);
  assert.equal(fieldError(bad, 'assessment'), GRADE_MESSAGE);
  assert.equal(
    (await api('chair', 'PUT', `/api/v1/audits/${graded.id}/grades`, { leadership: 'good' })).statusCode,
    422,
  );
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  await browser.get(`/audits/${graded.id}`);
  const page = await browser.post(`/audits/${graded.id}/grades`, {
    recognition: 'good',
    outcome: 'brilliant',
  });
  assert.equal(page.statusCode, 400);
  assert.ok(page.body.includes(GRADE_MESSAGE));
  assert.equal(await count('audit_grades'), before);
  const read = (await api('scrutineer', 'GET', `/api/v1/audits/${graded.id}`)).json();
  assert.deepEqual(read.grades, [
    { area: 'recognition', grade: 'good' },
    { area: 'voice-of-the-child', grade: 'requires-improvement' },
  ]);
  const replaced = await browser.post(`/audits/${graded.id}/grades`, {
    recognition: '',
    outcome: 'inadequate',
  });
  assert.equal(replaced.statusCode, 303);
  assert.deepEqual((await api('chair', 'GET', `/api/v1/audits/${graded.id}`)).json().grades, [
    { area: 'outcome', grade: 'inadequate' },
  ]);
  assert.equal((await api('member', 'PUT', `/api/v1/audits/${graded.id}/grades`, {})).statusCode, 403);
});

test('cases are pseudonymised, and every reference must be this partnership’s', async () => {
  const audited = await create('admin', { title: 'Children missing from education' });
  const url = `/api/v1/audits/${audited.id}/cases`;
  const before = await count('audit_cases');
  const dob = await api('chair', 'POST', url, { pseudonym: 'Child J 12/03/2015', agencyIds: [] });
  assert.equal(dob.statusCode, 422);
  assert.equal(
    fieldError(dob, 'pseudonym'),
    'Use a pseudonym, never a child’s name, date of birth or address',
  );
  const foreign = await api('chair', 'POST', url, { pseudonym: 'Child J', agencyIds: [otherAgencyId] });
  assert.equal(foreign.statusCode, 422);
  assert.match(fieldError(foreign, 'agencyIds'), /agencies of this partnership/);
  assert.equal(await count('audit_cases'), before);
  const added = await api('chair', 'POST', url, {
    pseudonym: 'Child J',
    agencyIds: [agencyId(/East London NHS/), agencyId(/Metropolitan Police/)],
  });
  assert.equal(added.statusCode, 201, added.body);
  assert.equal(added.json().agencies.length, 2);
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  await browser.get(`/audits/${audited.id}`);
  const page = await browser.post(`/audits/${audited.id}/cases`, { pseudonym: 'K, born 1-3-15' });
  assert.equal(page.statusCode, 400);
  assert.match(readable(page.body), /Use a pseudonym, never a child’s name, date of birth or address/);
  assert.equal(
    (await browser.post(`/audits/${audited.id}/cases`, { pseudonym: 'Sibling group K' })).statusCode,
    303,
  );
  const shown = await browser.get(`/audits/${audited.id}`);
  assert.match(shown.body, /Child J/);
  assert.match(shown.body, /Sibling group K/);

  for (const [change, field] of [
    [{ agencyId: otherAgencyId }, 'agencyId'],
    [{ themeId: otherThemeId }, 'themeId'],
    [{ leadPersonId: otherAgencyId }, 'leadPersonId'],
  ] as const) {
    const refused = await api('admin', 'POST', '/api/v1/audits', audit(change));
    assert.equal(refused.statusCode, 422, field);
    assert.match(fieldError(refused, field), /this partnership/, field);
  }
});

test('a finding raised to the plan opens the plan’s form, with the audit as its source', async () => {
  const audited = await create('admin', {
    title: 'Information sharing at the front door',
    workshopOn: '2026-02-10',
  });
  const finding = await api('chair', 'POST', `/api/v1/audits/${audited.id}/findings`, {
    text: 'Health partners were not invited to strategy discussions in 4 of 6 cases',
  });
  assert.equal(finding.statusCode, 201, finding.body);
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const page = await browser.get(`/audits/${audited.id}`);
  const plan = `/audits/${audited.id}/findings/${finding.json().id}/plan`;
  assert.ok(page.body.includes(plan), 'a Raise an action button');
  const raised = await browser.post(plan);
  assert.equal(raised.statusCode, 303, raised.body);
  const location = new URL(String(raised.headers.location), 'https://hub.test');
  assert.equal(location.pathname, '/actions/new');
  assert.equal(location.searchParams.get('detail'), finding.json().text);
  const sourceId = location.searchParams.get('source') as string;
  const sources = (await api('chair', 'GET', '/api/v1/action-sources?kind=audit&limit=200')).json().items;
  const source = sources.find((s: { id: string }) => s.id === sourceId);
  assert.equal(source.id, sourceId);
  assert.equal(source.title, `AUD-${audited.number}: Information sharing at the front door`);
  assert.equal(source.datedOn, '2026-02-10');
  const form = await browser.get(location.pathname + location.search);
  assert.equal(form.statusCode, 200);
  assert.ok(form.body.includes('Health partners were not invited to strategy discussions'));
  // Raised again, the audit keeps its one source.
  const again = await browser.post(plan);
  assert.equal(
    new URL(String(again.headers.location), 'https://hub.test').searchParams.get('source'),
    sourceId,
  );

  const action = await api('chair', 'POST', '/api/v1/actions', {
    sourceId,
    detail: finding.json().text,
    text: 'Invite health to every strategy discussion',
    themeIds: [themes['Information sharing']],
    ownerAgencyId: agencyId(/Tower Hamlets$/),
    raisedOn: today,
    dueOn: today,
  });
  assert.equal(action.statusCode, 201, action.body);
  const shown = await browser.get(`/audits/${audited.id}`);
  assert.match(shown.body, new RegExp(`ACT-${action.json().number}`));

  const retitled = await api('chair', 'PUT', `/api/v1/audits/${audited.id}`, {
    ...audit({ workshopOn: '2026-02-10' }),
    title: 'Information sharing in strategy discussions',
  });
  assert.equal(retitled.statusCode, 200, retitled.body);
  const renamed = (await api('chair', 'GET', `/api/v1/actions/${action.json().id}`)).json().action.sources[0];
  assert.equal(renamed.title, `AUD-${audited.number}: Information sharing in strategy discussions`);

  const member = new Browser(t.app);
  await member.signIn('member@demo.example');
  await member.get(`/audits/${audited.id}`);
  assert.equal((await member.post(plan)).statusCode, 403);
});

test('another partnership’s audit is not found', async () => {
  const ours = await create('admin', { title: 'Ours alone' });
  await api('chair', 'POST', `/api/v1/audits/${ours.id}/findings`, { text: 'A finding' });
  assert.equal((await api('otherAdmin', 'GET', `/api/v1/audits/${ours.id}`)).statusCode, 404);
  const otherAudit = audit({ agencyId: otherAgencyId, themeId: null });
  assert.equal((await api('otherAdmin', 'PUT', `/api/v1/audits/${ours.id}`, otherAudit)).statusCode, 404);
  assert.equal(
    (await api('otherAdmin', 'POST', `/api/v1/audits/${ours.id}/findings`, { text: 'x' })).statusCode,
    404,
  );
  assert.equal(
    (await api('otherAdmin', 'POST', `/api/v1/audits/${ours.id}/cases`, { pseudonym: 'Child Q' })).statusCode,
    404,
  );
  assert.equal(
    (await api('otherAdmin', 'PUT', `/api/v1/audits/${ours.id}/grades`, { outcome: 'good' })).statusCode,
    404,
  );
  const theirs = (await api('otherAdmin', 'GET', '/api/v1/audits?limit=200')).json().items;
  assert.equal(
    theirs.some((a: { id: string }) => a.id === ours.id),
    false,
  );
  const browser = new Browser(t.app);
  await browser.signIn('admin@other.example');
  assert.equal((await browser.get(`/audits/${ours.id}`)).statusCode, 404);
  assert.equal((await browser.get(`/audits/${ours.id}/edit`)).statusCode, 404);
});

test('the programme’s pages: list, add with errors kept, change', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const list = await browser.get('/audits');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /aria-current="page">Audit programme</);
  assert.match(list.body, /Q4 2025 to 2026 \(January to March 2026\)/);
  assert.equal((await browser.get('/audits?status=later')).statusCode, 422);
  const form = await browser.get('/audits/new');
  assert.equal(form.statusCode, 200);
  const fields = {
    type: 'themed',
    title: 'Voice of the child in child protection plans',
    themeId: themes['Voice of the child'] as string,
    quarterStartsOn: '2026-07-01',
    agencyId: agencyId(/Tower Hamlets$/),
    leadPersonId: '',
    status: 'planned',
    'workshopOn-day': '31',
    'workshopOn-month': '2',
    'workshopOn-year': '2026',
    goodPractice: '',
  };
  const invalid = await browser.post('/audits', fields);
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /There is a problem/);
  assert.match(invalid.body, /Workshop date must be a real date/);
  assert.match(invalid.body, /value="Voice of the child in child protection plans"/);
  const added = await browser.post('/audits', { ...fields, 'workshopOn-day': '28' });
  assert.equal(added.statusCode, 303, added.body);
  const location = String(added.headers.location);
  const page = await browser.get(location);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Audit added to the programme/);
  assert.match(page.body, /28 August 2026/, 'the follow-up session, six months on');
  const id = location.split('/')[2]?.split('?')[0] as string;
  assert.equal((await browser.get(`/audits/${id}/edit`)).statusCode, 200);
  const changed = await browser.post(`/audits/${id}`, {
    ...fields,
    'workshopOn-day': '28',
    status: 'in-progress',
  });
  assert.equal(changed.statusCode, 303, changed.body);
  assert.equal(await logged('audit.updated', id), 1);

  const member = new Browser(t.app);
  await member.signIn('member@demo.example');
  assert.equal((await member.get(`/audits/${id}`)).statusCode, 200);
  assert.equal((await member.get(`/audits/${id}/edit`)).statusCode, 403);
  const memberForm = await member.get('/audits/new');
  assert.equal(memberForm.statusCode, 200);
  assert.doesNotMatch(memberForm.body, /value="multi-agency"/);
  const docs = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  assert.ok(docs.paths['/api/v1/audits/{id}/grades']);
});

test('the lead is reminded of a follow-up learning session due within two weeks, once', async () => {
  const workshopOn = addMonths(addDays(today, 7), -6);
  const made = await create('admin', {
    type: 'multi-agency',
    title: 'Follow-up reminder audit',
    workshopOn,
    status: 'completed',
    agencyId: agencyId(/^London Borough of Tower Hamlets$/),
  });
  assert.equal(made.followUpOn, addMonths(workshopOn, 6));
  const reminders = await auditReminders(t.db, 'https://hub.test')(today);
  const mine = reminders.filter((r) => r.dedupeKey.includes(made.id));
  assert.equal(mine.length, 1);
  assert.match(mine[0]?.subject ?? '', new RegExp(`^Follow-up learning session for AUD-${made.number} due`));
  assert.match(mine[0]?.body ?? '', new RegExp(`https://hub.test/audits/${made.id}`));
  assert.equal(
    mine[0]?.to,
    'safeguarding.partnership@la.demo.example',
    'no lead named: the agency’s address',
  );
  const far = await create('admin', {
    type: 'multi-agency',
    title: 'Later',
    workshopOn: today,
    status: 'completed',
  });
  const none = (await auditReminders(t.db, 'https://hub.test')(today)).filter((r) =>
    r.dedupeKey.includes(far.id),
  );
  assert.deepEqual(none, []);
});

test('findings, good practice and review comments that look like a child’s personal data are held back', async () => {
  const made = await create('admin', { title: 'Personal data check' });
  const url = `/api/v1/audits/${made.id}/findings`;
  const flagged = await api('chair', 'POST', url, { text: 'The family at E1 6AN was not visited' });
  assert.equal(flagged.statusCode, 422);
  assert.match(fieldError(flagged, 'text'), /^The finding seems to contain a postcode \(“E1 6AN”\)/);
  const confirmed = await api('chair', 'POST', url, {
    text: 'Outreach at the E1 6AN youth centre was not offered',
    confirmNoPersonalData: true,
  });
  assert.equal(confirmed.statusCode, 201, confirmed.body);
  const goodPractice = await api(
    'admin',
    'POST',
    '/api/v1/audits',
    audit({ goodPractice: 'Seen on her birthday, 3 May 2015' }),
  );
  assert.equal(goodPractice.statusCode, 422);
  assert.match(fieldError(goodPractice, 'goodPractice'), /date of birth/);

  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  await browser.get(`/audits/${made.id}`);
  const page = await browser.post(`/audits/${made.id}/findings`, { text: 'Child DOB 12/03/2015 missed' });
  assert.equal(page.statusCode, 400);
  assert.match(readable(page.body), /nothing here is a child’s date of birth or address/);
});
