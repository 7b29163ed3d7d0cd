import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { apiToken, Browser, bearer, readable, type TestApp, testApp } from '../helpers/app.ts';
import { docxText, pdfText } from '../helpers/documents.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'member', 'executive', 'scrutineer']) {
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  }
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
});
after(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH';
const api = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(tokens[who] as string),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]?.n ?? 0;

async function idOf(path: string, name: string, who = 'admin') {
  const items = (await api(who, 'GET', `${path}?limit=200`)).json().items as { id: string; name: string }[];
  const found = items.find((i) => i.name === name);
  assert.ok(found, name);
  return found.id;
}
const days = (n: number) => {
  const d = new Date(`${todayInLondon()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

test('a subgroup raises an escalation; it is numbered, dated and in the tracker with its age', async () => {
  const qa = await idOf('/api/v1/groups', 'Quality Assurance and Performance Subgroup');
  const la = await idOf('/api/v1/partners', 'London Borough of Tower Hamlets');
  const raised = await api('member', 'POST', '/api/v1/escalations', {
    title: 'Waiting times for child and adolescent mental health assessments',
    issue: 'Referrals wait longer than the agreed standard.',
    ask: 'Ask the ICB to report a recovery plan to the next Executive.',
    raisedByGroupId: qa,
    raisedByAgencyId: la,
    raisedOn: days(-10),
  });
  assert.equal(raised.statusCode, 201, raised.body);
  const e = raised.json();
  assert.equal(e.number, 4, 'after the demo’s ESC-1 to ESC-3');
  assert.equal(e.status, 'open');
  assert.equal(e.ageDays, 10);
  assert.deepEqual(e.nextStatuses, ['considered', 'responded', 'closed']);
  assert.deepEqual(
    e.history.map((h: { toStatus: string; onDate: string }) => [h.toStatus, h.onDate]),
    [['open', days(-10)]],
  );
  const tracker = (await api('scrutineer', 'GET', '/api/v1/escalations?status=unanswered')).json();
  assert.ok(tracker.items.some((i: { id: string }) => i.id === e.id));
  const byGroup = (await api('admin', 'GET', `/api/v1/escalations?groupId=${qa}`)).json().items;
  assert.deepEqual(
    byGroup.map((i: { number: number }) => i.number),
    [4, 1],
    'newest first',
  );
});

test('bad escalations are refused with field errors and nothing is saved', async () => {
  const before = await count('SELECT count(*)::int AS n FROM escalations');
  const empty = await api('member', 'POST', '/api/v1/escalations', {});
  assert.equal(empty.statusCode, 422);
  assert.deepEqual(
    empty
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['ask', 'issue', 'raisedByAgencyId', 'raisedOn', 'title'],
  );
  const theirAgency = (await api('otherAdmin', 'GET', '/api/v1/partners')).json().items[0].id;
  const theirGroup = (await api('otherAdmin', 'GET', '/api/v1/groups')).json().items[0].id;
  const foreign = await api('member', 'POST', '/api/v1/escalations', {
    title: 'x',
    issue: 'x',
    ask: 'x',
    raisedByAgencyId: theirAgency,
    raisedByGroupId: theirGroup,
    raisedOn: days(1),
  });
  assert.equal(foreign.statusCode, 422);
  assert.deepEqual(foreign.json().errors, [
    { field: 'raisedByAgencyId', message: 'Select an agency of this partnership' },
    { field: 'raisedByGroupId', message: 'Select a group of this partnership' },
    { field: 'raisedOn', message: 'The date raised can’t be in the future' },
  ]);
  assert.equal(await count('SELECT count(*)::int AS n FROM escalations'), before);
});

test('the executive considers and responds; a closed escalation takes no further decision', async () => {
  const la = await idOf('/api/v1/partners', 'London Borough of Tower Hamlets');
  const e = (
    await api('chair', 'POST', '/api/v1/escalations', {
      title: 'Capacity of the exploitation panel',
      issue: 'The panel cannot hear every referral within two weeks.',
      ask: 'Agree extra panel dates.',
      raisedByAgencyId: la,
      raisedOn: days(-20),
    })
  ).json();
  const url = `/api/v1/escalations/${e.id}/status`;
  assert.equal((await api('member', 'POST', url, { to: 'considered', onDate: days(-5) })).statusCode, 403);
  const noWords = await api('executive', 'POST', url, { to: 'responded', onDate: days(-5) });
  assert.equal(noWords.statusCode, 422);
  assert.deepEqual(
    noWords.json().errors.map((x: { field: string }) => x.field),
    ['response', 'decision'],
  );
  const tooEarly = await api('executive', 'POST', url, { to: 'considered', onDate: days(-30) });
  assert.deepEqual(tooEarly.json().errors, [
    { field: 'onDate', message: 'The date can’t be before the escalation was raised' },
  ]);

  assert.equal((await api('executive', 'POST', url, { to: 'considered', onDate: days(-6) })).statusCode, 200);
  const back = await api('executive', 'POST', url, { to: 'open', onDate: days(-5) });
  assert.equal(back.statusCode, 422);
  const responded = await api('executive', 'POST', url, {
    to: 'responded',
    onDate: days(-4),
    response: 'Two extra panel dates a month until the backlog clears.',
    decision: 'Agreed extra dates; review in three months.',
  });
  assert.equal(responded.statusCode, 200, responded.body);
  assert.equal(responded.json().ageDays, 16, 'age stops at the response');
  const closed = await api('admin', 'POST', url, { to: 'closed', onDate: days(-1) });
  assert.equal(closed.json().status, 'closed');
  assert.deepEqual(
    closed.json().history.map((h: { toStatus: string; onDate: string }) => [h.toStatus, h.onDate]),
    [
      ['open', days(-20)],
      ['considered', days(-6)],
      ['responded', days(-4)],
      ['closed', days(-1)],
    ],
  );
  const late = await api('executive', 'POST', url, {
    to: 'responded',
    onDate: days(0),
    response: 'x',
    decision: 'y',
  });
  assert.equal(late.statusCode, 422);
  assert.deepEqual(late.json().errors, [
    { field: 'to', message: 'This escalation is closed: it takes no further response or decision' },
  ]);
  const changes = await count(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'escalation.status-changed' AND entity_id = '${e.id}'`,
  );
  assert.equal(changes, 3);
  // Partners see what was decided.
  const seen = (await api('member', 'GET', `/api/v1/escalations/${e.id}`)).json();
  assert.equal(seen.decision, 'Agreed extra dates; review in three months.');
});

test('an executive meeting lists escalations open at its date and those answered since the last one', async () => {
  const exec = await idOf('/api/v1/groups', 'THSCP Executive');
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  // The demo's next Executive is in 7 days; the last was 35 days ago.
  const coming = (await api('admin', 'GET', `/api/v1/meetings?groupId=${exec}&when=coming`)).json().items[0];
  const page = await browser.get(`/meetings/${coming.id}`);
  assert.equal(page.statusCode, 200);
  const open = page.body.slice(
    page.body.indexOf('id="open-escalations"'),
    page.body.indexOf('id="answered-escalations"'),
  );
  const answered = page.body.slice(
    page.body.indexOf('id="answered-escalations"'),
    page.body.indexOf('id="attendance"'),
  );
  assert.match(open, /ESC-1: Agency figures not for the latest quarter/);
  assert.doesNotMatch(open, /ESC-2:/, 'answered before the meeting');
  assert.doesNotMatch(open, /ESC-3:/, 'closed');
  assert.match(answered, /ESC-\d+: Capacity of the exploitation panel/, 'responded 4 days ago');
  assert.doesNotMatch(answered, /ESC-2:/, 'answered 35 days ago, at the last meeting: not since');

  // A subgroup meeting lists none of that, only what it raised.
  const qaMeeting = (await api('admin', 'GET', '/api/v1/meetings?when=past&limit=50'))
    .json()
    .items.find((m: { groupName: string }) => m.groupName === 'Quality Assurance and Performance Subgroup');
  const qaPage = await browser.get(`/meetings/${qaMeeting.id}`);
  assert.doesNotMatch(qaPage.body, /id="open-escalations"/);
  assert.match(qaPage.body, /Raise an escalation from this meeting/);
});

test('an escalation is raised from a meeting page by form, with errors first', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('chair@demo.example');
  const qaMeeting = (await api('admin', 'GET', '/api/v1/meetings?when=past&limit=50'))
    .json()
    .items.find((m: { groupName: string }) => m.groupName === 'Quality Assurance and Performance Subgroup');
  const form = await browser.get(`/escalations/new?meetingId=${qaMeeting.id}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`name="raisedAtMeetingId" value="${qaMeeting.id}"`));
  const bad = await browser.post('/escalations', { raisedAtMeetingId: qaMeeting.id, title: 'Short' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#issue">Describe the issue/);
  assert.match(bad.body, /href="#raisedOn-day">Enter the date it was raised/);
  const [year, month, day] = qaMeeting.date.split('-');
  const good = await browser.post('/escalations', {
    raisedAtMeetingId: qaMeeting.id,
    title: 'Audit tool for neglect',
    issue: 'Agencies use different neglect tools.',
    ask: 'Agree one tool for every agency.',
    raisedByGroupId: qaMeeting.groupId,
    raisedByAgencyId: await idOf('/api/v1/partners', 'London Borough of Tower Hamlets'),
    'raisedOn-day': day,
    'raisedOn-month': month,
    'raisedOn-year': year,
  });
  assert.equal(good.statusCode, 303, good.body.slice(0, 2000));
  const meetingPage = await browser.get(`/meetings/${qaMeeting.id}`);
  assert.match(meetingPage.body, /ESC-\d+: Audit tool for neglect/);
});

test('escalations of another partnership are not found', async () => {
  const theirs = (await api('otherAdmin', 'GET', '/api/v1/escalations')).json().items[0];
  assert.ok(theirs);
  assert.equal((await api('admin', 'GET', `/api/v1/escalations/${theirs.id}`)).statusCode, 404);
  assert.equal(
    (
      await api('executive', 'POST', `/api/v1/escalations/${theirs.id}/status`, {
        to: 'considered',
        onDate: days(0),
      })
    ).statusCode,
    404,
  );
});

test('the tracker finds escalations by part of the raising group’s or agency’s name', async () => {
  type Item = { number: number; raisedByGroupName: string | null; raisedByAgencyName: string };
  const found = async (raisedBy: string) =>
    (await api('scrutineer', 'GET', `/api/v1/escalations?raisedBy=${encodeURIComponent(raisedBy)}`)).json()
      .items as Item[];
  const byGroup = await found('rapid REVIEW');
  assert.ok(
    byGroup.some((e) => e.number === 2),
    'ESC-2, raised by the Rapid Review Working Group',
  );
  for (const e of byGroup) assert.match(`${e.raisedByGroupName} ${e.raisedByAgencyName}`, /rapid review/i);
  const byAgency = await found('integrated care');
  assert.ok(
    byAgency.some((e) => e.number === 2),
    'ESC-2, raised by the ICB',
  );
  assert.ok(!byAgency.some((e) => e.number === 1 || e.number === 3));
  assert.deepEqual(await found('100%'), [], 'a % is a character to find, not a wildcard');

  const browser = new Browser(t.app);
  await browser.signIn('member@demo.example');
  const page = await browser.get('/escalations?raisedBy=Education+Safeguarding');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, />ESC-3</);
  assert.doesNotMatch(page.body, />ESC-1</);
  assert.match(page.body, /id="raisedBy" name="raisedBy" type="text" value="Education Safeguarding"/);
  assert.doesNotMatch(page.body, /<select[^>]+id="groupId"/, 'no select of every group');
});

test('the tracker pages newest first with no escalation twice, on the API and the page', async () => {
  const all = (await api('admin', 'GET', '/api/v1/escalations?limit=200')).json().items as {
    number: number;
  }[];
  const numbers = all.map((e) => e.number);
  assert.ok(numbers.length >= 3, 'the demo and earlier tests raised a few');
  const paged: number[] = [];
  let after: string | null = null;
  do {
    const query: string = `/api/v1/escalations?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const page = (await api('admin', 'GET', query)).json();
    assert.ok(page.items.length <= 2);
    paged.push(...page.items.map((e: { number: number }) => e.number));
    assert.ok(paged.length <= numbers.length, 'no page repeats another');
    after = page.next;
  } while (after);
  assert.deepEqual(paged, numbers, 'two at a time, the same escalations in the same order');

  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const refs = (body: string) => [...body.matchAll(/>ESC-(\d+)</g)].map((m) => Number(m[1]));
  const first = await browser.get('/escalations?limit=2');
  assert.deepEqual(refs(first.body), numbers.slice(0, 2));
  const next = /href="(\/escalations\?[^"]*after=[^"]+)" rel="next"/.exec(first.body)?.[1];
  assert.ok(next, 'a next page link');
  const second = await browser.get(next.replaceAll('&amp;', '&'));
  assert.deepEqual(refs(second.body), numbers.slice(2), 'the rest, from the one after the last shown');
});

test('the tracker filtered by a group’s id names the group, keeps it and can drop it', async () => {
  const qa = await idOf('/api/v1/groups', 'Quality Assurance and Performance Subgroup');
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const group = await browser.get(`/groups/${qa}`);
  assert.match(group.body, new RegExp(`href="/escalations\\?groupId=${qa}">Escalations it has raised`));
  const page = await browser.get(`/escalations?groupId=${qa}&status=open`);
  assert.equal(page.statusCode, 200);
  assert.match(
    page.body,
    /Only escalations raised by the group <strong>Quality Assurance and Performance Subgroup<\/strong>/,
  );
  assert.match(page.body, />ESC-1</);
  assert.doesNotMatch(page.body, />ESC-2</, 'raised by another group');
  assert.match(
    page.body,
    new RegExp(`<input type="hidden" name="groupId" value="${qa}">`),
    'kept when filtering',
  );
  assert.match(page.body, /href="\/escalations\?status=open">Show escalations raised by anyone/);

  // A group of another partnership is an error naming the filter, not an empty or a foreign list.
  const theirGroup = (await api('otherAdmin', 'GET', '/api/v1/groups')).json().items[0].id;
  const foreign = await browser.get(`/escalations?groupId=${theirGroup}`);
  assert.equal(foreign.statusCode, 422);
  assert.match(readable(foreign.body), /The group must be one of this partnership’s/);
  const agency = await browser.get(`/escalations?agencyId=${theirGroup}`);
  assert.equal(agency.statusCode, 422);
  assert.match(readable(agency.body), /The agency must be one of this partnership’s/);
});

test('the executive meeting pack, as PDF and Word, lists the open escalations and the action lists', async () => {
  const exec = await idOf('/api/v1/groups', 'THSCP Executive');
  const browser = new Browser(t.app);
  await browser.signIn('scrutineer@demo.example');
  const coming = (await api('admin', 'GET', `/api/v1/meetings?groupId=${exec}&when=coming`)).json().items[0];

  const pdf = await browser.request({ method: 'GET', url: `/meetings/${coming.id}/pack.pdf` });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(
    String(pdf.headers['content-disposition']),
    /^attachment; filename="THSCP-Executive-\d{4}-\d\d-\d\d-pack\.pdf"$/,
  );
  const { text, pages } = await pdfText(pdf.rawPayload);
  assert.ok(pages >= 1);
  assert.match(text, /THSCP Executive: meeting pack/);
  assert.match(text, /Escalations to the executive/, 'the standing agenda item');
  assert.match(text, /ESC-1 Agency figures not for the latest quarter/, 'open at the meeting');
  assert.match(text, /Capacity of the exploitation panel/, 'answered since the last meeting');
  assert.doesNotMatch(text, /School attendance officers/, 'closed long before');
  assert.match(text, /Previous action list/);
  assert.match(text, /Bring the neglect audit findings and the draft action plan to the next meeting/);

  const word = await browser.request({ method: 'GET', url: `/meetings/${coming.id}/pack.docx` });
  assert.equal(word.statusCode, 200);
  assert.equal(
    word.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  const body = docxText(word.rawPayload);
  assert.match(body, /ESC-1/);
  assert.match(body, /Agency figures not for the latest quarter/);
  assert.match(body, /Capacity of the exploitation panel/);

  // Who may not see meetings may not have their packs.
  const practitioner = new Browser(t.app);
  await practitioner.signIn('practitioner@demo.example');
  assert.equal((await practitioner.get(`/meetings/${coming.id}/pack.pdf`)).statusCode, 403);
});
