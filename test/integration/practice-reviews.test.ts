import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';
import { multipart } from '../helpers/multipart.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
let caseId = '';
let reviewerId = '';
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'executive', 'chair', 'reviewer', 'practitioner'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  const users = (await api('admin', 'GET', '/api/v1/users?limit=200')).json().items as {
    id: string;
    email: string;
  }[];
  reviewerId = (users.find((u) => u.email === 'reviewer@demo.example') as { id: string }).id;
  const chairId = (users.find((u) => u.email === 'chair@demo.example') as { id: string }).id;
  // A case decided for an LCSPR on 27 January 2025, the reviewer (ICB) independent of it.
  const created = await api('admin', 'POST', '/api/v1/incidents', {
    pseudonym: 'Child L',
    awareOn: '2025-01-06',
    outcome: 'seriously-harmed',
    harmCategory: 'neglect',
    ageBand: '5-9',
  });
  caseId = created.json().id;
  await api('admin', 'PUT', `/api/v1/incidents/${caseId}/rapid-review`, {
    panelMetOn: '2025-01-20',
    recommendation: 'lcspr',
    recommendationReasons: 'Neglect was not recognised early by several agencies',
  });
  const decided = await api('executive', 'PUT', `/api/v1/incidents/${caseId}/decision`, {
    decision: 'lcspr',
    decidedOn: '2025-01-27',
    reasons: 'Neglect not recognised early by several agencies',
  });
  assert.equal(decided.statusCode, 200, decided.body);
  for (const [userId, capacity] of [
    [reviewerId, 'reviewer'],
    [chairId, 'panel'],
  ]) {
    const added = await api('admin', 'POST', `/api/v1/incidents/${caseId}/team`, { userId, capacity });
    assert.equal(added.statusCode, 201, added.body);
  }
});
after(() => t.close());

function api(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: bearer(tokens[who] as string),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
type Clock = { key: string; dueOn: string | null; metOn: string | null; status: string; late: boolean };
const clock = (body: { clocks: Clock[] }, key: string) => body.clocks.find((c) => c.key === key) as Clock;
const review = (over: Record<string, unknown> = {}) => ({
  methods: ['partner-authored-report', 'family-engagement', 'multi-agency-audit'],
  termsOfReference: 'How agencies recognised and responded to neglect over two years.',
  familyEngagement: 'A social worker linked the family with the author, who met them twice.',
  themes: ['Neglect', 'Information sharing', 'Neglect'],
  completedOn: '2025-07-10',
  sentToPanelOn: '2025-07-14',
  ...over,
});

test('the case’s reviewer records the review; publication must follow sending the report to the panel', async () => {
  const early = await api(
    'reviewer',
    'PUT',
    `/api/v1/incidents/${caseId}/review`,
    review({ publishedOn: '2025-07-11' }),
  );
  assert.equal(early.statusCode, 422);
  assert.equal(
    early.json().errors[0].message,
    'Publication can’t be before the report was sent to the national panel',
  );
  const unsent = await api(
    'reviewer',
    'PUT',
    `/api/v1/incidents/${caseId}/review`,
    review({ sentToPanelOn: null, publishedOn: '2025-07-25' }),
  );
  assert.equal(unsent.statusCode, 422);
  assert.match(unsent.json().errors[0].message, /it must go before publication/);
  const badMethod = await api(
    'reviewer',
    'PUT',
    `/api/v1/incidents/${caseId}/review`,
    review({ methods: ['inquiry'] }),
  );
  assert.equal(badMethod.statusCode, 422);

  const saved = await api(
    'reviewer',
    'PUT',
    `/api/v1/incidents/${caseId}/review`,
    review({ publishedOn: '2025-07-25' }),
  );
  assert.equal(saved.statusCode, 200, saved.body);
  const body = saved.json();
  assert.deepEqual(body.review.themes, ['Neglect', 'Information sharing']);
  assert.equal(body.review.methods.length, 3);
  // Six months from the decision of 27 January; met on 10 July.
  assert.equal(clock(body, 'lcspr-completion').dueOn, '2025-07-27');
  assert.equal(clock(body, 'lcspr-completion').status, 'met');
  // 7 working days before publication on Friday 25 July is Wednesday 16 July; sent on the 14th.
  assert.equal(clock(body, 'report-to-panel').dueOn, '2025-07-16');
  assert.equal(clock(body, 'report-to-panel').late, false);
  assert.equal(clock(body, 'learning-session').dueOn, '2025-07-24');
  assert.equal(clock(body, 'learning-reflection').dueOn, '2026-07-25');

  assert.equal((await api('chair', 'PUT', `/api/v1/incidents/${caseId}/review`, review())).statusCode, 403);
  const audit = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'practice-review.saved' AND entity_id = $1`,
    [caseId],
  );
  assert.equal(audit[0]?.n, 1);
});

test('learning events follow the review in order and meet their clocks', async () => {
  const people = (await api('admin', 'GET', '/api/v1/people?limit=3')).json().items as { id: string }[];
  const before = await api('reviewer', 'POST', `/api/v1/incidents/${caseId}/events`, {
    kind: 'learning-session',
    heldOn: '2025-07-05',
  });
  assert.equal(before.statusCode, 422);
  assert.equal(before.json().errors[0].message, 'A learning session follows the review’s completion');
  const followUp = await api('reviewer', 'POST', `/api/v1/incidents/${caseId}/events`, {
    kind: 'follow-up-workshop',
    heldOn: '2025-07-20',
  });
  assert.equal(followUp.statusCode, 422);
  assert.match(followUp.json().errors[0].message, /Record the learning session before/);
  const held = await api('reviewer', 'POST', `/api/v1/incidents/${caseId}/events`, {
    kind: 'learning-session',
    heldOn: '2025-07-22',
    personIds: people.map((p) => p.id),
    notes: 'All agencies involved came',
  });
  assert.equal(held.statusCode, 201, held.body);
  assert.equal(held.json().events[0].attendees.length, 3);
  assert.equal(clock(held.json(), 'learning-session').status, 'met');
  assert.equal(clock(held.json(), 'follow-up-workshop').dueOn, '2026-01-22');
});

test('a 7-minute briefing is written by the reviewer, published by the business unit, and read publicly', async () => {
  const briefing = {
    title: 'Learning from Child L',
    caseInBrief: 'A young child lived with neglect that several agencies saw in part.',
    whatWeLearnt: 'No one agency had the whole picture.',
    doDifferently: 'Use the neglect toolkit; share concerns early.',
    questions: 'Who else knows this family?',
  };
  const withPostcode = await api('reviewer', 'PUT', `/api/v1/incidents/${caseId}/briefing`, {
    ...briefing,
    caseInBrief: 'Lived at E1 6AN',
  });
  assert.equal(withPostcode.statusCode, 422);
  const written = await api('reviewer', 'PUT', `/api/v1/incidents/${caseId}/briefing`, briefing);
  assert.equal(written.statusCode, 200, written.body);
  assert.equal(written.json().briefing.publishedOn, null);
  const anonymous = new Browser(t.app);
  const slug = (await t.db.query<{ slug: string }>(`SELECT slug FROM partnerships WHERE is_demo LIMIT 1`))[0]
    ?.slug as string;
  const id = written.json().briefing.id as string;
  assert.equal(
    (await anonymous.get(`/p/${slug}/briefings/${id}`)).statusCode,
    404,
    'not public until published',
  );
  assert.equal(
    (await api('reviewer', 'POST', `/api/v1/incidents/${caseId}/briefing/publish`)).statusCode,
    403,
  );
  const published = await api('admin', 'POST', `/api/v1/incidents/${caseId}/briefing/publish`);
  assert.equal(published.statusCode, 200, published.body);
  const read = (await api('practitioner', 'GET', '/api/v1/briefings')).json().items as { title: string }[];
  assert.ok(read.some((b) => b.title === 'Learning from Child L'));
  const list = await anonymous.get(`/p/${slug}/briefings`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Learning from Child L/);
  const page = await anonymous.get(`/p/${slug}/briefings/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Use the neglect toolkit/);
  assert.doesNotMatch(page.body, /SI-\d/, 'no case reference on the public page');
  assert.equal((await anonymous.get('/p/no-such-partnership/briefings')).statusCode, 404);
  // The practitioner reads learning, never the case.
  assert.equal((await api('practitioner', 'GET', `/api/v1/incidents/${caseId}`)).statusCode, 403);
});

test('report files: PDF or Word only, uploaded by the reviewer, downloaded by the team, each download audited', async () => {
  const reviewer = new Browser(t.app);
  await reviewer.signIn('reviewer@demo.example');
  const casePage = await reviewer.get(`/cases/${caseId}`);
  assert.equal(casePage.statusCode, 200);
  assert.match(casePage.body, /Upload a draft or the final report/);
  const send = (kind: string, file: { name: string; data: Buffer }) => {
    const body = multipart({ _csrf: reviewer.csrf, kind }, file);
    return reviewer.request({
      method: 'POST',
      url: `/cases/${caseId}/documents`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const text = await send('draft', { name: 'draft.txt', data: Buffer.from('plain text') });
  assert.equal(text.statusCode, 400);
  assert.match(text.body, /govuk-error-summary/);
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
  const asText = multipart({ _csrf: reviewer.csrf, kind: 'draft', file: 'not a file' });
  const textField = await reviewer.request({
    method: 'POST',
    url: `/cases/${caseId}/documents`,
    payload: asText.payload,
    headers: asText.headers,
  });
  assert.equal(textField.statusCode, 400, 'a text field named file is no file');
  const noKind = await send('', { name: 'draft.pdf', data: pdf });
  assert.equal(noKind.statusCode, 400);
  const good = await send('draft', { name: 'Child L draft.pdf', data: pdf });
  assert.equal(good.statusCode, 303, good.body);
  const documents = (await api('admin', 'GET', `/api/v1/incidents/${caseId}`)).json().documents;
  assert.equal(documents.length, 1);
  const chair = new Browser(t.app);
  await chair.signIn('chair@demo.example');
  const download = await chair.get(`/cases/${caseId}/documents/${documents[0].id}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  const practitioner = new Browser(t.app);
  await practitioner.signIn('practitioner@demo.example');
  assert.equal((await practitioner.get(`/cases/${caseId}/documents/${documents[0].id}`)).statusCode, 403);
  const audit = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'practice-review.document-downloaded' AND entity_id = $1`,
    [caseId],
  );
  assert.equal(audit[0]?.n, 1);
});
