import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { planReminders } from '../../src/features/actions/service.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { addDays } from '../../src/platform/calendar/working-days.ts';
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
import { docxText } from '../helpers/documents.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
const today = todayInLondon();
let agencies: { id: string; name: string }[] = [];
let themes: Record<string, string> = {};
let otherAgencyId = '';

before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'executive', 'member', 'data-lead', 'scrutineer', 'reviewer'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
  agencies = (await api('admin', 'GET', '/api/v1/partners?limit=200')).json().items;
  const rows = await t.db.query<{ id: string; name: string }>(
    `SELECT t.id, t.name FROM plan_themes t JOIN partnerships p ON p.id = t.partnership_id
      WHERE p.slug = 'tower-hamlets-demo'`,
  );
  themes = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  otherAgencyId = (await api('otherAdmin', 'GET', '/api/v1/partners')).json().items[0].id;
});
after(() => t.close());

const api = apiAs(() => t.app, tokens);
const agencyId = (name: RegExp) => (agencies.find((a) => name.test(a.name)) as { id: string }).id;
const count = (table: string) => rowCount(t.db, table);
const auditCount = (action: string, entityId: string) => auditEntries(t.db, action, entityId);

async function source(title: string, kind = 'scrutiny') {
  const response = await api('admin', 'POST', '/api/v1/action-sources', {
    kind,
    title,
    datedOn: addDays(today, -30),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json().id as string;
}
const action = (sourceId: string, over: Record<string, unknown> = {}) => ({
  sourceId,
  text: 'Embed the graded care profile in every early help assessment of neglect',
  themeIds: [themes.Neglect],
  ownerAgencyId: agencyId(/^London Borough of Tower Hamlets$/),
  raisedOn: addDays(today, -20),
  dueOn: addDays(today, 60),
  ...over,
});

test('an action answers a source, is numbered, listed, read and audited', async () => {
  const sourceId = await source('Independent scrutineer’s report 2025-26');
  const created = await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(sourceId, { detail: 'Recommendation 2' }),
  );
  assert.equal(created.statusCode, 201, created.body);
  const body = created.json();
  assert.ok(body.number > 0);
  assert.equal(body.status, 'proposed');
  assert.deepEqual(
    body.sources.map((s: { title: string; detail: string }) => [s.title, s.detail]),
    [['Independent scrutineer’s report 2025-26', 'Recommendation 2']],
  );
  assert.deepEqual(
    body.themes.map((x: { name: string }) => x.name),
    ['Neglect'],
  );
  const listed = (await api('chair', 'GET', `/api/v1/actions?sourceId=${sourceId}`)).json();
  assert.deepEqual(
    listed.items.map((a: { id: string }) => a.id),
    [body.id],
  );
  const read = (await api('executive', 'GET', `/api/v1/actions/${body.id}`)).json();
  assert.equal(read.updates[0].text, 'Action raised');
  assert.equal(await auditCount('plan-action.created', body.id), 1);
});

test('a list shows a source’s or theme’s change on its next view, whichever process made it', async () => {
  const sourceId = await source('Scrutiny of neglect, first title');
  const created = (await api('admin', 'POST', '/api/v1/actions', action(sourceId))).json();
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const views = async () => ({
    page: (await browser.get(`/actions?sourceId=${sourceId}`)).body,
    api: (await api('chair', 'GET', `/api/v1/actions?sourceId=${sourceId}`)).json().items[0],
  });
  const before = await views();
  assert.match(before.page, /Scrutiny of neglect, first title/);
  assert.equal(before.api.sources[0].title, 'Scrutiny of neglect, first title');
  assert.deepEqual(
    before.api.themes.map((x: { name: string }) => x.name),
    ['Neglect'],
  );
  // Another process changes the source, then the theme, straight in the database; the service kept
  // their names from the first view (each page reads only names it has not seen: see actions-service).
  await t.db.query("UPDATE plan_sources SET title = 'Scrutiny of neglect, second title' WHERE id = $1", [
    sourceId,
  ]);
  const retitled = await views();
  assert.match(retitled.page, /Scrutiny of neglect, second title/);
  assert.doesNotMatch(retitled.page, /first title/);
  assert.equal(retitled.api.sources[0].title, 'Scrutiny of neglect, second title');
  await t.db.query("UPDATE plan_themes SET name = 'Neglect and deprivation' WHERE id = $1", [themes.Neglect]);
  try {
    const renamed = await views();
    assert.match(renamed.page, /Neglect and deprivation/);
    assert.deepEqual(
      renamed.api.themes.map((x: { name: string }) => x.name),
      ['Neglect and deprivation'],
    );
    assert.equal(renamed.api.id, created.id);
  } finally {
    await t.db.query("UPDATE plan_themes SET name = 'Neglect' WHERE id = $1", [themes.Neglect]);
  }
});

test('a second source’s similar action is suggested, then linked: one action with two sources', async () => {
  const review = await source('National review: safeguarding children with disabilities', 'national-review');
  const audit = await source('Themed audit of neglect 2026', 'other');
  const first = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(review, { text: 'Use the Graded Care Profile 2 in all neglect assessments' }),
    )
  ).json();
  const similar = await api(
    'chair',
    'GET',
    `/api/v1/actions/similar?${new URLSearchParams({ text: 'Use Graded Care Profile 2 for all assessments of neglect', sourceId: audit })}`,
  );
  assert.equal(similar.statusCode, 200, similar.body);
  const suggestion = similar.json().find((s: { id: string }) => s.id === first.id);
  assert.ok(suggestion, 'the open action like it is suggested');
  assert.ok(suggestion.score >= 0.3 && suggestion.score <= 1);
  // From the source it already answers, it is not suggested again.
  const same = await api(
    'chair',
    'GET',
    `/api/v1/actions/similar?${new URLSearchParams({ text: first.text, sourceId: review })}`,
  );
  assert.equal(
    same.json().some((s: { id: string }) => s.id === first.id),
    false,
  );
  // Text unlike any action suggests nothing.
  const unlike = await api(
    'chair',
    'GET',
    '/api/v1/actions/similar?text=Quarterly%20budget%20monitoring%20report',
  );
  assert.deepEqual(unlike.json(), []);

  const before = await count('plan_actions');
  const linked = await api('chair', 'POST', '/api/v1/actions', {
    ...action(audit, {
      text: 'Use Graded Care Profile 2 for all assessments of neglect',
      detail: 'Finding 3',
    }),
    choice: first.id,
  });
  assert.equal(linked.statusCode, 200, linked.body);
  assert.equal(await count('plan_actions'), before, 'no copy is added');
  assert.deepEqual(
    linked
      .json()
      .sources.map((s: { title: string }) => s.title)
      .sort(),
    ['National review: safeguarding children with disabilities', 'Themed audit of neglect 2026'],
  );
  assert.equal(await auditCount('plan-action.source-linked', first.id), 1);
});

test('completing needs an outcome; embedding needs evidence and the plan’s holders', async () => {
  const sourceId = await source('Scrutiny of supervision 2026');
  const owner = agencyId(/East London NHS/);
  const created = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, { ownerAgencyId: owner, themeIds: [themes.Supervision] }),
    )
  ).json();
  const progress = (who: string, body: Record<string, unknown>) =>
    api(who, 'POST', `/api/v1/actions/${created.id}/progress`, body);

  // The member works for the owning agency (ELFT); the data lead does not.
  assert.equal((await progress('data-lead', { status: 'agreed' })).statusCode, 403);
  assert.equal((await progress('scrutineer', { status: 'agreed' })).statusCode, 403);
  assert.equal(
    (await progress('member', { status: 'in-progress', note: 'Supervision audit tool drafted' })).statusCode,
    200,
  );

  const noOutcome = await progress('member', { status: 'completed' });
  assert.equal(noOutcome.statusCode, 422);
  assert.match(noOutcome.json().errors[0].message, /Enter the outcome/);
  const done = await progress('member', {
    status: 'completed',
    outcome: 'Monthly reflective supervision in place',
  });
  assert.equal(done.statusCode, 200, done.body);
  assert.equal(done.json().completedOn, today);

  const noEvidence = await progress('chair', { status: 'embedded' });
  assert.equal(noEvidence.statusCode, 422);
  assert.match(noEvidence.json().errors[0].message, /Add evidence/);
  const evidence = await api('member', 'POST', `/api/v1/actions/${created.id}/evidence`, {
    kind: 'audit-result',
    summary: 'Re-audit: supervision recorded in 9 of 10 files',
    evidenceOn: today,
  });
  assert.equal(evidence.statusCode, 201, evidence.body);
  const byMember = await progress('member', { status: 'embedded' });
  assert.equal(byMember.statusCode, 422);
  assert.match(byMember.json().errors[0].message, /Only the QA and Performance group/);
  const embedded = await progress('chair', { status: 'embedded', note: 'QA and Performance group agreed' });
  assert.equal(embedded.statusCode, 200, embedded.body);
  assert.equal(embedded.json().embeddedOn, today);
  const history = (await api('chair', 'GET', `/api/v1/actions/${created.id}`)).json().updates;
  assert.deepEqual(
    history.map((u: { statusTo: string | null }) => u.statusTo),
    ['proposed', 'in-progress', 'completed', 'embedded'],
  );
});

test('bad input is refused with a reason and nothing is half-saved', async () => {
  const sourceId = await source('Scrutiny of bad input');
  const tables = ['plan_actions', 'plan_action_themes', 'plan_action_sources', 'plan_action_updates'];
  const before = await Promise.all(tables.map(count));
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ dueOn: addDays(today, -21) }, 'dueOn', /on or after the date the action was raised/],
    [{ ownerAgencyId: otherAgencyId }, 'ownerAgencyId', /agency of this partnership/],
    [{ themeIds: [themes.Neglect, otherAgencyId] }, 'themeIds', /themes of this partnership/],
    [{ sourceId: otherAgencyId }, 'sourceId', /source of this plan/],
    [{ text: '' }, 'text', /Enter the action/],
    [{ dueOn: '2027-02-30' }, 'dueOn', /real date/],
  ];
  for (const [change, field, message] of cases) {
    const response = await api('admin', 'POST', '/api/v1/actions', action(sourceId, change));
    assert.equal(response.statusCode, 422, `${field}: ${response.body}`);
    const error = response.json().errors.find((e: { field: string }) => e.field === field);
    assert.match(error?.message ?? '', message, field);
  }
  assert.deepEqual(await Promise.all(tables.map(count)), before);

  const created = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, { text: 'Audit the escalation policy’s use' }),
    )
  ).json();
  const self = await api('chair', 'POST', `/api/v1/actions/${created.id}/merge`, { otherId: created.id });
  assert.equal(self.statusCode, 422);
  assert.match(self.json().errors[0].message, /can’t be merged with itself/);
  const otherPartnership = await api('otherAdmin', 'GET', `/api/v1/actions/${created.id}`);
  assert.equal(otherPartnership.statusCode, 404);
  const badGrade = await api('admin', 'POST', `/api/v1/actions/${created.id}/evidence`, {
    kind: 'rumour',
    summary: 'x',
    evidenceOn: today,
  });
  assert.equal(badGrade.statusCode, 422);
  assert.deepEqual(
    await Promise.all(tables.map(count)),
    before.map((n) => n + 1),
  );
});

test('merging keeps both actions’ sources, themes, histories and evidence', async () => {
  const a = await source('Merge source A');
  const b = await source('Merge source B');
  const kept = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(a, { text: 'Kept action', dueOn: addDays(today, 90) }),
    )
  ).json();
  const other = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(b, {
        text: 'Duplicate action',
        themeIds: [themes['Information sharing']],
        dueOn: addDays(today, 30),
      }),
    )
  ).json();
  await api('admin', 'POST', `/api/v1/actions/${other.id}/evidence`, {
    kind: 'document',
    summary: 'Protocol',
    evidenceOn: today,
  });
  const merged = await api('chair', 'POST', `/api/v1/actions/${kept.id}/merge`, { otherId: other.id });
  assert.equal(merged.statusCode, 200, merged.body);
  const body = merged.json();
  assert.deepEqual(body.sources.map((s: { title: string }) => s.title).sort(), [
    'Merge source A',
    'Merge source B',
  ]);
  assert.deepEqual(body.themes.map((x: { name: string }) => x.name).sort(), [
    'Information sharing',
    'Neglect',
  ]);
  assert.equal(body.dueOn, addDays(today, 30), 'the sooner due date');
  assert.equal(body.evidenceCount, 1);
  const detail = (await api('chair', 'GET', `/api/v1/actions/${kept.id}`)).json();
  assert.equal(detail.updates.filter((u: { text: string }) => u.text === 'Action raised').length, 2);
  const gone = (await api('chair', 'GET', `/api/v1/actions/${other.id}`)).json().action;
  assert.equal(gone.status, 'merged');
  assert.equal(gone.mergedIntoId, kept.id);
  const again = await api('chair', 'POST', `/api/v1/actions/${kept.id}/merge`, { otherId: other.id });
  assert.equal(again.statusCode, 422);
  const listed = (await api('chair', 'GET', `/api/v1/actions?sourceId=${b}`)).json().items;
  assert.deepEqual(
    listed.map((x: { id: string }) => x.id),
    [kept.id],
    'a merged action leaves the list',
  );
});

test('members see their agency’s actions; the executive and scrutiny see the whole plan and its themes', async () => {
  const sourceId = await source('Scope check');
  const elft = agencyId(/East London NHS/);
  await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(sourceId, { ownerAgencyId: elft, text: 'ELFT action' }),
  );
  const la = (await api('admin', 'POST', '/api/v1/actions', action(sourceId, { text: 'LA action' }))).json();
  const ofMember = (await api('member', 'GET', `/api/v1/actions?sourceId=${sourceId}`)).json().items;
  assert.deepEqual(
    ofMember.map((a: { text: string }) => a.text),
    ['ELFT action'],
  );
  // Asking for another agency's actions still gives only their own.
  const asked = (
    await api('member', 'GET', `/api/v1/actions?sourceId=${sourceId}&agencyId=${la.ownerAgencyId}`)
  ).json();
  assert.deepEqual(
    asked.items.map((a: { text: string }) => a.text),
    ['ELFT action'],
  );
  assert.equal((await api('member', 'GET', `/api/v1/actions/${la.id}`)).statusCode, 403);
  assert.equal((await api('member', 'GET', '/api/v1/action-themes')).statusCode, 403);
  assert.equal((await api('reviewer', 'GET', '/api/v1/actions')).statusCode, 403);
  const ofExecutive = (await api('executive', 'GET', `/api/v1/actions?sourceId=${sourceId}`)).json().items;
  assert.equal(ofExecutive.length, 2);
  assert.equal((await api('member', 'POST', '/api/v1/actions', action(sourceId))).statusCode, 403);
  assert.equal((await api('executive', 'PUT', `/api/v1/actions/${la.id}`, action(sourceId))).statusCode, 403);
});

test('the themes page counts actions, sources, overdue and embedded per theme, with filters', async () => {
  const s1 = await source('Themes source one');
  const s2 = await source('Themes source two');
  const theme = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(s1, {
        themeIds: [themes['Voice of the child']],
        raisedOn: addDays(today, -100),
        dueOn: addDays(today, -5),
        text: 'Overdue voice action',
      }),
    )
  ).json();
  await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(s2, { themeIds: [themes['Voice of the child'], themes.Exploitation], text: 'Later voice action' }),
  );
  await api('admin', 'POST', `/api/v1/actions/${theme.id}/sources`, { sourceId: s2 });
  const summary = (await api('executive', 'GET', `/api/v1/action-themes?sourceId=${s2}`)).json();
  const voice = summary.themes.find((x: { name: string }) => x.name === 'Voice of the child');
  assert.deepEqual(
    {
      actions: voice.actions,
      sources: voice.sources,
      overdue: voice.overdue,
      open: voice.open,
      embedded: voice.embedded,
    },
    { actions: 2, sources: 2, overdue: 1, open: 2, embedded: 0 },
  );
  const exploitation = summary.themes.find((x: { name: string }) => x.name === 'Exploitation');
  assert.equal(exploitation.actions, 1);
  assert.equal(summary.totals.actions, 2, 'each action once, whatever its themes');
  const neglect = summary.themes.find((x: { name: string }) => x.name === 'Neglect');
  assert.equal(neglect.actions, 0, 'every theme is listed, even with none');
  // The counts are kept, and counted again once the plan changes (the same filter, the same day).
  await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(s2, { themeIds: [themes.Exploitation], text: 'Third action' }),
  );
  const recounted = (await api('executive', 'GET', `/api/v1/action-themes?sourceId=${s2}`)).json();
  assert.equal(recounted.themes.find((x: { name: string }) => x.name === 'Exploitation').actions, 2);
  assert.equal(recounted.totals.actions, 3);
  const kept = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_summaries');
  assert.ok((kept[0]?.n ?? 0) > 0, 'the answers are kept');
  const overdueOnly = (
    await api('executive', 'GET', `/api/v1/action-themes?sourceId=${s2}&due=overdue`)
  ).json();
  assert.equal(overdueOnly.totals.actions, 1);
  assert.equal((await api('executive', 'GET', '/api/v1/action-themes?status=finished')).statusCode, 422);
});

test('the plan filters by theme and by no theme, as an action’s themes change', async () => {
  const sourceId = await source('Theme filter source');
  const add = async (text: string, themeIds: string[]) =>
    (await api('admin', 'POST', '/api/v1/actions', action(sourceId, { text, themeIds }))).json().id as string;
  const neglectOnly = await add('Neglect only', [themes.Neglect as string]);
  const both = await add('Exploitation and neglect', [
    themes.Exploitation as string,
    themes.Neglect as string,
  ]);
  const none = await add('No theme yet', []);
  const listed = async (themeId: string) =>
    (await api('chair', 'GET', `/api/v1/actions?sourceId=${sourceId}&themeId=${themeId}`))
      .json()
      .items.map((a: { id: string }) => a.id)
      .sort();
  assert.deepEqual(await listed(themes.Exploitation as string), [both]);
  assert.deepEqual(await listed(themes.Neglect as string), [neglectOnly, both].sort());
  assert.deepEqual(await listed('none'), [none]);

  const themed = await api(
    'admin',
    'PUT',
    `/api/v1/actions/${none}`,
    (({ sourceId: _s, ...details }) => details)(
      action(sourceId, { text: 'No theme yet', themeIds: [themes.Exploitation] }),
    ),
  );
  assert.equal(themed.statusCode, 200, themed.body);
  assert.deepEqual(await listed('none'), []);
  assert.deepEqual(await listed(themes.Exploitation as string), [both, none].sort());

  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const page = (await browser.get(`/actions?sourceId=${sourceId}&themeId=${themes.Exploitation}`)).body;
  assert.match(page, /Exploitation and neglect/);
  assert.match(page, /No theme yet/);
  assert.doesNotMatch(page, /Neglect only/);
  assert.match(page, /Scrutiny: Theme filter source/, 'each row names its sources');
  const words = (await browser.get(`/actions?sourceId=${sourceId}&q=${encodeURIComponent('theme yet')}`))
    .body;
  assert.match(words, /No theme yet/);
  assert.doesNotMatch(words, /Exploitation and neglect/, 'a search for words finds only its matches');

  // A page at a time, soonest due first (the three are due on the same day: then by id).
  const ids = [neglectOnly, both, none].sort();
  const paged: string[] = [];
  let after: string | null = null;
  do {
    const query: string = `/api/v1/actions?sourceId=${sourceId}&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const onePage = (await api('chair', 'GET', query)).json();
    paged.push(...onePage.items.map((a: { id: string }) => a.id));
    assert.ok(paged.length <= ids.length, 'no page repeats another');
    after = onePage.next;
  } while (after);
  assert.deepEqual(paged, ids);
  const first = (await browser.get(`/actions?sourceId=${sourceId}&limit=1`)).body;
  const next = /href="(\/actions\?[^"]*after=[^"]+)" rel="next"/.exec(first)?.[1];
  assert.ok(next, 'a next page link');
  const rest = (await browser.get(next.replaceAll('&amp;', '&'))).body;
  const shown = (body: string) => [...body.matchAll(/href="\/actions\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
  assert.deepEqual([...shown(first), ...shown(rest)], ids);
});

test('a case’s immediate action and a practice review’s recommendation go into the plan', async () => {
  const childC = (await api('admin', 'GET', '/api/v1/incidents?q=Child%20C')).json().items[0];
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  await browser.get(`/cases/${childC.id}`);
  const added = await browser.post(`/cases/${childC.id}/actions`, {
    text: 'Share the safety plan with the school nurse',
    ownerAgencyId: agencyId(/^London Borough of Tower Hamlets$/),
    'dueOn-day': '',
    'dueOn-month': '',
    'dueOn-year': '',
  });
  assert.equal(added.statusCode, 303, added.body);
  const caseBody = (await api('admin', 'GET', `/api/v1/incidents/${childC.id}`)).json();
  const immediate = caseBody.actions.find(
    (a: { text: string }) => a.text === 'Share the safety plan with the school nurse',
  );
  assert.equal(immediate.sourceKind, 'rapid-review');
  const inPlan = (await api('admin', 'GET', `/api/v1/actions/${immediate.id}`)).json().action;
  assert.deepEqual([inPlan.sources[0].kind, inPlan.sources[0].title], ['rapid-review', 'Child C']);
  assert.equal(inPlan.status, 'agreed');

  const recorded = await browser.post(`/cases/${childC.id}/recommendations`, {
    theme: 'Information sharing',
    recommendation: 'Health visitors share concerns about a baby’s injuries with the GP the same day',
    response: '',
  });
  assert.equal(recorded.statusCode, 303, recorded.body);
  const recommendation = (await api('admin', 'GET', `/api/v1/incidents/${childC.id}`)).json()
    .recommendations[0];
  const page = await browser.get(`/cases/${childC.id}`);
  assert.match(page.body, new RegExp(`/cases/${childC.id}/recommendations/${recommendation.id}/plan`));
  const toPlan = await browser.post(`/cases/${childC.id}/recommendations/${recommendation.id}/plan`);
  assert.equal(toPlan.statusCode, 303);
  const location = String(toPlan.headers.location);
  assert.match(location, /^\/actions\/new\?source=/);
  const form = await browser.get(location);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Practice review: Child C/);
  assert.ok(
    form.body.includes(recommendation.recommendation.slice(0, 20)),
    'the recommendation’s words are filled in',
  );
  // The member may not take a recommendation to the plan.
  const member = new Browser(t.app);
  await member.signIn('member@demo.example');
  await member.get('/actions');
  assert.equal(
    (await member.post(`/cases/${childC.id}/recommendations/${recommendation.id}/plan`)).statusCode,
    403,
  );
});

test('the page journey asks about similar actions and re-asks when no answer is chosen', async () => {
  const a = await source('Journey source A');
  const b = await source('Journey source B');
  const existing = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(a, { text: 'Train every practitioner on exploitation screening tools' }),
    )
  ).json();
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const form = await browser.get(`/actions/new?source=${b}&detail=${encodeURIComponent('Finding 1')}`);
  assert.equal(form.statusCode, 200);
  const fields = {
    sourceId: b,
    detail: 'Finding 1',
    text: 'Train practitioners on the exploitation screening tool',
    themeIds: [themes.Exploitation as string],
    ownerAgencyId: agencyId(/^London Borough of Tower Hamlets$/),
    ownerPersonId: '',
    'raisedOn-day': '1',
    'raisedOn-month': '1',
    'raisedOn-year': '2026',
    'dueOn-day': '',
    'dueOn-month': '',
    'dueOn-year': '',
    priorityId: '',
    status: 'proposed',
  };
  const missingDue = await browser.post('/actions', fields);
  assert.equal(missingDue.statusCode, 400);
  assert.match(missingDue.body, /Enter the date the action is due/);
  const asked = await browser.post('/actions', {
    ...fields,
    'dueOn-day': '1',
    'dueOn-month': '6',
    'dueOn-year': '2027',
  });
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /Is this the same as an action already in the plan\?/);
  assert.match(asked.body, new RegExp(`value="${existing.id}"`));
  const hidden = Object.fromEntries(
    [...asked.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)]
      .filter((m) => m[1] !== '_csrf' && m[1] !== 'themeIds')
      .map((m) => [m[1] as string, (m[2] as string).replace(/&amp;/g, '&')]),
  );
  const unanswered = await browser.post('/actions', { ...hidden, themeIds: fields.themeIds });
  assert.equal(unanswered.statusCode, 400);
  assert.match(unanswered.body, /Select the action it is the same as, or add it as a new action/);
  const linked = await browser.post('/actions', {
    ...hidden,
    themeIds: fields.themeIds,
    choice: existing.id,
  });
  assert.equal(linked.statusCode, 303, linked.body);
  assert.equal(linked.headers.location, `/actions/${existing.id}?linked=1`);
  const page = await browser.get(`/actions/${existing.id}?linked=1`);
  assert.match(page.body, /Journey source B/);
  assert.match(page.body, /Finding 1/);
});

test('the plan downloads as CSV, XLSX and a Word section, filtered as on the page and scoped to the agency', async () => {
  const sourceId = await source('Export source');
  const elft = agencyId(/East London NHS/);
  await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(sourceId, { ownerAgencyId: elft, text: '=HYPERLINK("x") ELFT export action' }),
  );
  await api('admin', 'POST', '/api/v1/actions', action(sourceId, { text: 'LA export action' }));
  const browsers: Record<string, Browser> = {};
  for (const who of ['chair', 'member', 'executive']) {
    browsers[who] = new Browser(t.app);
    await (browsers[who] as Browser).signIn(`${who}@demo.example`);
  }
  const download = (who: string, ext: string, query = `sourceId=${sourceId}`) =>
    (browsers[who] as Browser).get(`/actions.${ext}?${query}`);

  const csv = await download('chair', 'csv');
  assert.equal(csv.statusCode, 200);
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  assert.match(lines[0] as string, /^Ref,Action,Sources,Themes,Owning agency/);
  assert.equal(lines.length, 3);
  assert.ok(
    lines.some((l) => l.includes(`"'=HYPERLINK(""x"") ELFT export action"`)),
    'a formula is never run',
  );

  const xlsx = await download('member', 'xlsx');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.equal(sheet.getRow(1).getCell(1).value, 'Ref');
  assert.equal(sheet.rowCount, 2, 'the member’s agency’s action only');
  assert.equal(sheet.getRow(2).getCell(2).value, '=HYPERLINK("x") ELFT export action');

  const docx = await download('executive', 'docx');
  assert.equal(docx.statusCode, 200);
  const text = docxText(docx.rawPayload);
  assert.match(text, /Learning action plan/);
  assert.match(text, /Themes at a glance/);
  assert.match(text, /LA export action/);
  assert.match(text, /2 actions from 1 sources/);
  assert.equal((await download('chair', 'csv', 'status=nonsense')).statusCode, 422);
});

test('owners are reminded of actions due within a week and of overdue ones, once a stage', async () => {
  const sourceId = await source('Reminders source');
  const soon = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, { text: 'Due soon action', dueOn: addDays(today, 3) }),
    )
  ).json();
  const late = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, { text: 'Late action', raisedOn: addDays(today, -60), dueOn: addDays(today, -2) }),
    )
  ).json();
  const old = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, {
        text: 'Long-late action',
        raisedOn: addDays(today, -90),
        dueOn: addDays(today, -45),
      }),
    )
  ).json();
  const reminders = await planReminders(t.db, 'https://hub.test')(today);
  const about = (id: string) => reminders.filter((r) => r.dedupeKey.includes(id));
  assert.equal(about(soon.id).length, 1);
  assert.match(about(soon.id)[0]?.subject ?? '', new RegExp(`^ACT-${soon.number} is due`));
  assert.match(about(soon.id)[0]?.body ?? '', new RegExp(`https://hub.test/actions/${soon.id}#progress`));
  assert.equal(
    about(soon.id)[0]?.to,
    'safeguarding.partnership@la.demo.example',
    'no owner named: the agency’s address',
  );
  assert.match(about(late.id)[0]?.subject ?? '', /is overdue/);
  assert.deepEqual(about(old.id), [], 'not mailed daily forever');
  // Once done, no more reminders.
  await api('admin', 'POST', `/api/v1/actions/${late.id}/progress`, {
    status: 'completed',
    outcome: 'Done late',
  });
  const after = await planReminders(t.db, 'https://hub.test')(today);
  assert.equal(after.filter((r) => r.dedupeKey.includes(late.id)).length, 0);
});

test('a case’s source is need-to-know: others see it as restricted, and the log keeps no case words', async () => {
  const childC = (await api('admin', 'GET', '/api/v1/incidents?q=Child%20C')).json().items[0];
  const planSource = await api('chair', 'PUT', `/api/v1/incidents/${childC.id}/plan-source`);
  assert.equal(planSource.statusCode, 200, planSource.body);
  const { sourceId } = planSource.json();
  const again = await api('admin', 'PUT', `/api/v1/incidents/${childC.id}/plan-source`);
  assert.equal(again.json().sourceId, sourceId, 'one source per review');
  const childD = (await api('admin', 'GET', '/api/v1/incidents?q=Child%20D')).json().items[0];
  assert.equal((await api('admin', 'PUT', `/api/v1/incidents/${childD.id}/plan-source`)).statusCode, 422);

  const created = (
    await api('admin', 'POST', '/api/v1/actions', {
      ...action(sourceId, {
        ownerAgencyId: agencyId(/East London NHS/),
        text: 'Words from the review of the case',
      }),
      choice: 'new',
    })
  ).json();
  const titleFor = async (who: string) =>
    (await api(who, 'GET', `/api/v1/actions/${created.id}`)).json().action.sources[0].title;
  assert.equal(await titleFor('executive'), 'Child C', 'the executive sees every case');
  assert.equal(await titleFor('chair'), 'Child C', 'the chair sits on Child C’s panel');
  assert.equal(await titleFor('member'), 'Restricted case', 'the member is not on the case’s team');
  const listed = (await api('member', 'GET', '/api/v1/action-sources?kind=practice-review')).json().items;
  assert.ok(listed.every((s: { title: string }) => s.title === 'Restricted case'));

  const [entry] = await t.db.query<{ after: { text: string } }>(
    "SELECT after FROM audit_log WHERE action = 'plan-action.created' AND entity_id = $1",
    [created.id],
  );
  assert.equal(entry?.after.text, '[33 characters]');
});

test('an audit’s source in the plan is made once, for API clients to raise actions from', async () => {
  const audits = (await api('admin', 'GET', '/api/v1/audits')).json().items;
  const first = await api('chair', 'PUT', `/api/v1/audits/${audits[0].id}/plan-source`);
  assert.equal(first.statusCode, 200, first.body);
  const listsVersion = async () =>
    (
      await t.db.query<{ v: number }>(
        `SELECT coalesce(max(v.version), 0)::int AS v FROM list_versions v
           JOIN partnerships p ON p.id = v.partnership_id WHERE p.slug = 'tower-hamlets-demo'`,
      )
    )[0]?.v;
  const before = await listsVersion();
  const second = await api('chair', 'PUT', `/api/v1/audits/${audits[0].id}/plan-source`);
  assert.equal(second.json().sourceId, first.json().sourceId);
  assert.equal(await listsVersion(), before, 'the source, already so titled, is left alone');
  const source = (await api('chair', 'GET', '/api/v1/action-sources?kind=audit'))
    .json()
    .items.find((s: { id: string }) => s.id === first.json().sourceId);
  assert.equal(source.auditId, audits[0].id);
  assert.equal((await api('member', 'PUT', `/api/v1/audits/${audits[0].id}/plan-source`)).statusCode, 403);
});

test('an embedded action stays embedded unless the plan’s holders change it; filters use the plan’s order', async () => {
  const sourceId = await source('Embedded source');
  const elft = agencyId(/East London NHS/);
  const created = (
    await api(
      'admin',
      'POST',
      '/api/v1/actions',
      action(sourceId, { ownerAgencyId: elft, text: 'Embedded action' }),
    )
  ).json();
  await api('admin', 'POST', `/api/v1/actions/${created.id}/evidence`, {
    kind: 'document',
    summary: 'Policy',
    evidenceOn: today,
  });
  const embedded = await api('chair', 'POST', `/api/v1/actions/${created.id}/progress`, {
    status: 'embedded',
    outcome: 'In place',
  });
  assert.equal(embedded.statusCode, 200, embedded.body);
  const reopen = await api('member', 'POST', `/api/v1/actions/${created.id}/progress`, {
    status: 'in-progress',
  });
  assert.equal(reopen.statusCode, 422);
  assert.match(reopen.json().errors[0].message, /can change an embedded action/);
  const note = await api('member', 'POST', `/api/v1/actions/${created.id}/progress`, {
    status: 'embedded',
    note: 'Still in use',
  });
  assert.equal(note.statusCode, 200, 'a note on an embedded action is fine');
  const early = await api('member', 'POST', `/api/v1/actions/${created.id}/progress`, {
    status: 'embedded',
    note: 'Backdated',
    writtenOn: addDays(today, -40),
  });
  assert.match(early.json().errors?.[0]?.message ?? '', /before the action was raised/);

  const person = (await api('admin', 'GET', '/api/v1/people?q=Okafor')).json().items[0];
  const wrongOwner = await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(sourceId, { ownerAgencyId: elft, ownerPersonId: person.id }),
  );
  assert.equal(wrongOwner.statusCode, 422);
  assert.match(wrongOwner.json().errors[0].message, /works for the owning agency/);

  const words = (
    await api('chair', 'GET', `/api/v1/actions?q=${encodeURIComponent('embedded act')}&sourceId=${sourceId}`)
  ).json();
  assert.deepEqual(
    words.items.map((a: { id: string }) => a.id),
    [created.id],
  );
  const noDue = (await api('chair', 'GET', '/api/v1/actions?due=none')).json().items;
  assert.ok(noDue.every((a: { dueOn: string | null }) => a.dueOn === null));
  const later = (await api('chair', 'GET', '/api/v1/actions?due=later&limit=200')).json().items;
  assert.ok(later.length > 0 && later.every((a: { dueOn: string }) => a.dueOn > addDays(today, 28)));
});

test('text that looks like a child’s date of birth or postcode is held back until confirmed', async () => {
  const sourceId = await source('Personal data source');
  const flagged = await api(
    'admin',
    'POST',
    '/api/v1/actions',
    action(sourceId, { text: 'Visit the family at E1 6AN weekly' }),
  );
  assert.equal(flagged.statusCode, 422);
  assert.match(flagged.json().errors[0].message, /^The action seems to contain a postcode \(“E1 6AN”\)/);
  const confirmed = await api('admin', 'POST', '/api/v1/actions', {
    ...action(sourceId, { text: 'Review the E1 6AN estate’s youth provision' }),
    confirmNoPersonalData: true,
  });
  assert.equal(confirmed.statusCode, 201, confirmed.body);
  const id = confirmed.json().id;
  const note = await api('admin', 'POST', `/api/v1/actions/${id}/progress`, {
    status: 'agreed',
    note: 'Child born 12/03/2015',
  });
  assert.equal(note.statusCode, 422);
  assert.match(note.json().errors[0].message, /^The update seems to contain a date of birth/);
  const evidence = await api('admin', 'POST', `/api/v1/actions/${id}/evidence`, {
    kind: 'document',
    summary: 'Letter about the child, DOB 3 May 2015',
    evidenceOn: today,
  });
  assert.equal(evidence.statusCode, 422);

  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  await browser.get(`/actions/${id}`);
  const page = await browser.post(`/actions/${id}/progress`, { status: 'agreed', note: 'Met at E1 6AN' });
  assert.equal(page.statusCode, 400);
  assert.match(readable(page.body), /nothing here is a child’s date of birth or address/);
  const saved = await browser.post(`/actions/${id}/progress`, {
    status: 'agreed',
    note: 'Met at the E1 6AN youth centre',
    confirmNoPersonalData: 'yes',
  });
  assert.equal(saved.statusCode, 303);
});

test('the plan’s filters offer every theme and priority of the partnership, in name order, and no other’s', async () => {
  const themes = (await t.db.query<{ id: string; name: string }>(
    `SELECT id, name FROM plan_themes WHERE partnership_id = (SELECT partnership_id FROM users WHERE email = 'admin@demo.example') ORDER BY name`,
  )) as { id: string; name: string }[];
  const priorities = await t.db.query<{ id: string; name: string }>(
    `SELECT id, name FROM priorities WHERE partnership_id = (SELECT partnership_id FROM users WHERE email = 'admin@demo.example') ORDER BY name`,
  );
  assert.ok(themes.length > 1 && priorities.length > 1, 'the demo has themes and priorities');
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const page = await browser.get('/actions');
  assert.equal(page.statusCode, 200);
  const options = (id: string) => {
    const select = page.body.slice(
      page.body.indexOf(`id="${id}"`),
      page.body.indexOf('</select>', page.body.indexOf(`id="${id}"`)),
    );
    return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
  };
  assert.deepEqual(
    options('themeId').slice(1),
    [['none', 'No theme'], ...themes.map((th) => [th.id, th.name])],
    'after the blank option: actions with no theme, then each theme',
  );
  assert.deepEqual(
    options('priorityId').slice(1),
    priorities.map((p) => [p.id, p.name]),
  );
});
