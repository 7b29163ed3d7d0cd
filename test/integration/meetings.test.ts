import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
const tokens: Record<string, string> = {};
before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'member', 'executive', 'scrutineer', 'practitioner']) {
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  }
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
});
after(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(tokens[who] as string),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? 0;
const auditCount = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]
    ?.n ?? 0;

async function groupNamed(name: string, who = 'admin') {
  const groups = (await api(who, 'GET', '/api/v1/groups?limit=200')).json().items as {
    id: string;
    name: string;
  }[];
  const group = groups.find((g) => g.name === name);
  assert.ok(group, name);
  return group;
}
async function personNamed(name: string, who = 'admin') {
  const people = (await api(who, 'GET', `/api/v1/people?q=${encodeURIComponent(name)}`)).json().items as {
    id: string;
    name: string;
    agencyId: string;
  }[];
  const person = people.find((p) => p.name === name);
  assert.ok(person, name);
  return person;
}
const EXEC = 'THSCP Executive';

test('a meeting is arranged in London time, and its agenda starts with the standing escalations item', async () => {
  const exec = await groupNamed(EXEC);
  const summer = await api('chair', 'POST', '/api/v1/meetings', {
    groupId: exec.id,
    date: '2025-10-14',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Mulberry Place, room 3',
  });
  assert.equal(summer.statusCode, 201, summer.body);
  const meeting = summer.json();
  // 14 October 2025 is British Summer Time: 10:00 in London is 09:00 UTC.
  assert.equal(meeting.startsAt, '2025-10-14T09:00:00.000Z');
  assert.equal(meeting.endsAt, '2025-10-14T11:00:00.000Z');
  assert.equal(meeting.startTime, '10:00');
  assert.deepEqual(
    meeting.agenda.map((i: { title: string; isStanding: boolean }) => [i.title, i.isStanding]),
    [['Escalations to the executive', true]],
  );
  const winter = await api('admin', 'POST', '/api/v1/meetings', {
    groupId: exec.id,
    date: '2025-12-02',
    startTime: '9:30',
    endTime: '11:00',
  });
  assert.equal(winter.statusCode, 201, winter.body);
  assert.equal(winter.json().startsAt, '2025-12-02T09:30:00.000Z', 'GMT in winter; 9:30 is read as 09:30');
  assert.equal(await auditCount('meeting.created'), 2);
});

test('bad meeting input is refused field by field and saves nothing', async () => {
  const exec = await groupNamed(EXEC);
  const before = await count('meetings');
  const backwards = await api('admin', 'POST', '/api/v1/meetings', {
    groupId: exec.id,
    date: '2025-10-14',
    startTime: '12:00',
    endTime: '10:00',
  });
  assert.equal(backwards.statusCode, 422);
  assert.equal(backwards.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.deepEqual(backwards.json().errors, [
    { field: 'endTime', message: 'The end time must be after the start time' },
  ]);
  const bad = await api('admin', 'POST', '/api/v1/meetings', {
    groupId: exec.id,
    date: '2025-02-30',
    startTime: '25:00',
    endTime: '11:00',
    videoUrl: 'javascript:alert(1)',
    agenda: [],
  });
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['agenda', 'date', 'startTime', 'videoUrl'],
  );
  const otherGroup = (await api('otherAdmin', 'GET', '/api/v1/groups')).json().items[0];
  const foreign = await api('admin', 'POST', '/api/v1/meetings', {
    groupId: otherGroup.id,
    date: '2025-10-14',
    startTime: '10:00',
    endTime: '11:00',
  });
  assert.equal(foreign.statusCode, 422);
  assert.deepEqual(foreign.json().errors, [
    { field: 'groupId', message: 'Select a group of this partnership' },
  ]);
  assert.equal(await count('meetings'), before);
});

test('attendance by person and agency decides quoracy under the group’s rule', async () => {
  const exec = await groupNamed(EXEC);
  assert.equal(
    (await api('admin', 'PATCH', `/api/v1/groups/${exec.id}`, { quorum: 3, quorumNeedsStatutory: true }))
      .statusCode,
    200,
  );
  const meeting = (
    await api('admin', 'POST', '/api/v1/meetings', {
      groupId: exec.id,
      date: '2025-11-04',
      startTime: '14:00',
      endTime: '16:00',
    })
  ).json();
  const dcs = await personNamed('Nasreen Chowdhury');
  const members = (await api('admin', 'GET', `/api/v1/groups/${exec.id}/members`)).json().items as {
    personId: string;
    agencyName: string;
  }[];
  const police = members.find((m) => m.agencyName.startsWith('Metropolitan Police'));
  const icb = members.find((m) => m.agencyName.startsWith('NHS North East London'));
  assert.ok(police && icb);

  let detail = (
    await api('admin', 'PUT', `/api/v1/meetings/${meeting.id}/attendance`, {
      attendance: [
        { personId: dcs.id, status: 'present' },
        { personId: police.personId, status: 'present' },
        { personId: icb.personId, status: 'apologies' },
      ],
    })
  ).json();
  assert.deepEqual(detail.quoracy, {
    state: 'not-quorate',
    present: 2,
    reasons: ['2 people present; the quorum is 3', 'No one present from the integrated care board'],
  });
  detail = (
    await api('admin', 'PUT', `/api/v1/meetings/${meeting.id}/attendance`, {
      attendance: [{ personId: icb.personId, status: 'present' }],
    })
  ).json();
  assert.deepEqual(detail.quoracy, { state: 'quorate', present: 3 });

  // One person of another partnership rejects the whole change.
  const stranger = (await api('otherAdmin', 'GET', '/api/v1/people')).json().items[0];
  const refused = await api('admin', 'PUT', `/api/v1/meetings/${meeting.id}/attendance`, {
    attendance: [
      { personId: icb.personId, status: 'absent' },
      { personId: stranger.id, status: 'present' },
    ],
  });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().errors[0].field, 'attendance.1.personId');
  detail = (await api('admin', 'GET', `/api/v1/meetings/${meeting.id}`)).json();
  assert.equal(
    detail.attendance.find((a: { personId: string }) => a.personId === icb.personId).status,
    'present',
  );
  assert.equal(await auditCount('meeting.attendance-recorded'), 2);
});

test('agenda items are added and removed; the standing item stays', async () => {
  const exec = await groupNamed(EXEC);
  const meeting = (
    await api('admin', 'POST', '/api/v1/meetings', {
      groupId: exec.id,
      date: '2026-01-13',
      startTime: '10:00',
      endTime: '11:30',
    })
  ).json();
  const added = await api('chair', 'POST', `/api/v1/meetings/${meeting.id}/agenda-items`, {
    title: 'Quarterly data dashboard',
  });
  assert.equal(added.statusCode, 201);
  let agenda = (await api('admin', 'GET', `/api/v1/meetings/${meeting.id}`)).json().agenda;
  assert.deepEqual(
    agenda.map((i: { title: string }) => i.title),
    ['Quarterly data dashboard', 'Escalations to the executive'],
    'the standing item closes the agenda',
  );
  const standing = agenda.find((i: { isStanding: boolean }) => i.isStanding);
  assert.equal(
    (await api('admin', 'DELETE', `/api/v1/meetings/${meeting.id}/agenda-items/${standing.id}`)).statusCode,
    404,
  );
  assert.equal(
    (await api('admin', 'DELETE', `/api/v1/meetings/${meeting.id}/agenda-items/${added.json().id}`))
      .statusCode,
    204,
  );
  agenda = (await api('admin', 'GET', `/api/v1/meetings/${meeting.id}`)).json().agenda;
  assert.equal(agenda.length, 1);
});

test('an action list: owners from this partnership only; members update their own agency’s actions', async () => {
  const exec = await groupNamed(EXEC);
  const meeting = (
    await api('admin', 'POST', '/api/v1/meetings', {
      groupId: exec.id,
      date: '2025-09-09',
      startTime: '10:00',
      endTime: '12:00',
    })
  ).json();
  const stranger = (await api('otherAdmin', 'GET', '/api/v1/people')).json().items[0];
  const before = await count('meeting_actions');
  const foreign = await api('chair', 'POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Share the neglect strategy',
    ownerPersonId: stranger.id,
    dueOn: '2025-10-31',
  });
  assert.equal(foreign.statusCode, 422);
  assert.deepEqual(foreign.json().errors, [
    { field: 'ownerPersonId', message: 'Select the owner from the people of this partnership' },
  ]);
  assert.equal(await count('meeting_actions'), before);

  const elftPeople = (await api('admin', 'GET', '/api/v1/people?q=East London NHS')).json().items;
  const member = (await api('member', 'GET', '/api/v1/people?limit=200')).json().items as {
    id: string;
    agencyName: string;
  }[];
  const elft = member.find((p) => p.agencyName === 'East London NHS Foundation Trust') ?? elftPeople[0];
  assert.ok(elft, 'someone from the member’s agency');
  const dcs = await personNamed('Nasreen Chowdhury');

  const ours = await api('chair', 'POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Brief mental health practitioners on the neglect toolkit',
    ownerPersonId: elft.id,
    dueOn: '2025-10-31',
  });
  assert.equal(ours.statusCode, 201, ours.body);
  assert.equal(ours.json().agencyName, 'East London NHS Foundation Trust', 'the owner’s agency');
  const theirs = await api('chair', 'POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Report children’s social care audit results',
    ownerPersonId: dcs.id,
    dueOn: '2025-10-31',
  });
  const oursUrl = `/api/v1/meetings/${meeting.id}/actions/${ours.json().id}`;
  const theirsUrl = `/api/v1/meetings/${meeting.id}/actions/${theirs.json().id}`;

  const progress = await api('member', 'PATCH', oursUrl, {
    status: 'in-progress',
    progress: 'Two of five teams briefed',
  });
  assert.equal(progress.statusCode, 200, progress.body);
  assert.equal(progress.json().status, 'in-progress');
  assert.equal((await api('member', 'PATCH', theirsUrl, { status: 'done' })).statusCode, 403);
  const reword = await api('member', 'PATCH', oursUrl, { text: 'Something else', dueOn: '2026-03-31' });
  assert.equal(reword.statusCode, 422);
  assert.deepEqual(
    reword.json().errors.map((e: { field: string }) => e.field),
    ['text', 'dueOn'],
  );
  assert.equal((await api('chair', 'PATCH', theirsUrl, { dueOn: '2025-11-30' })).json().dueOn, '2025-11-30');
  assert.equal((await api('scrutineer', 'PATCH', oursUrl, { status: 'done' })).statusCode, 403);

  const list = (await api('scrutineer', 'GET', `/api/v1/meetings/${meeting.id}/actions`)).json();
  assert.equal(list.items.length, 2);
  assert.equal(list.items[0].overdue, true, 'due in 2025 and still open');
  assert.equal(await auditCount('meeting-action.updated'), 2);
  // An action is reached only through its own meeting.
  const elsewhere = (await api('admin', 'GET', '/api/v1/meetings?when=past&limit=1')).json().items[0];
  const wrongMeeting = `/api/v1/meetings/${elsewhere.id === meeting.id ? 'b2d9a3c2-8f3e-4d7e-9a44-2b1f4c7d0e11' : elsewhere.id}/actions/${ours.json().id}`;
  assert.equal((await api('chair', 'PATCH', wrongMeeting, { status: 'done' })).statusCode, 404);
});

test('pages: a meeting is arranged by form, errors shown; the group page lists it; the .ics downloads', async () => {
  const exec = await groupNamed(EXEC);
  const chair = new Browser(t.app);
  await chair.signIn('chair@demo.example');
  await chair.get('/meetings/new');
  const bad = await chair.post('/meetings', {
    groupId: exec.id,
    'date-day': '3',
    'date-month': '3',
    'date-year': '2027',
    startTime: '15:00',
    endTime: '14:00',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
  assert.match(bad.body, /href="#endTime">The end time must be after the start time/);
  assert.match(bad.body, /value="15:00"/, 'what was typed is kept');
  const good = await chair.post('/meetings', {
    groupId: exec.id,
    'date-day': '3',
    'date-month': '3',
    'date-year': '2027',
    startTime: '14:00',
    endTime: '15:30',
    place: 'Town Hall',
  });
  assert.equal(good.statusCode, 303);
  const meetingPath = String(good.headers.location).split('?')[0] as string;
  const page = await chair.get(meetingPath);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Escalations to the executive/);
  assert.match(page.body, /3 March 2027, 14:00 to 15:30/);

  const groupPage = await chair.get(`/groups/${exec.id}`);
  assert.match(groupPage.body, /<h2 class="govuk-heading-m" id="meetings">Meetings<\/h2>/);
  assert.match(groupPage.body, new RegExp(`href="${meetingPath}">3 March 2027`));

  const ics = await chair.get(`${meetingPath}/calendar.ics`);
  assert.equal(ics.statusCode, 200);
  assert.match(String(ics.headers['content-type']), /^text\/calendar/);
  assert.match(ics.body, /BEGIN:VEVENT/);
  assert.match(ics.body, /DTSTART:20270303T140000Z/, 'GMT in March before the clocks change');
  assert.match(ics.body, new RegExp(`UID:meeting-${meetingPath.split('/')[2]}@`));
  const feed = await chair.get(`/groups/${exec.id}/meetings.ics`);
  assert.equal((feed.body.match(/BEGIN:VEVENT/g) ?? []).length >= 4, true);

  // Practitioners see the group but not its meetings.
  const practitioner = new Browser(t.app);
  await practitioner.signIn('practitioner@demo.example');
  const theirView = await practitioner.get(`/groups/${exec.id}`);
  assert.equal(theirView.statusCode, 200);
  assert.doesNotMatch(theirView.body, /id="meetings"/);
  assert.equal((await practitioner.get(meetingPath)).statusCode, 403);
});

test('a meeting of another partnership is not found', async () => {
  const otherGroup = (await api('otherAdmin', 'GET', '/api/v1/groups')).json().items[0];
  const theirs = (
    await api('otherAdmin', 'POST', '/api/v1/meetings', {
      groupId: otherGroup.id,
      date: '2025-10-14',
      startTime: '10:00',
      endTime: '11:00',
    })
  ).json();
  assert.equal((await api('admin', 'GET', `/api/v1/meetings/${theirs.id}`)).statusCode, 404);
  assert.equal(
    (await api('admin', 'PATCH', `/api/v1/meetings/${theirs.id}`, { place: 'x' })).statusCode,
    404,
  );
  assert.equal(
    (await api('admin', 'POST', `/api/v1/meetings/${theirs.id}/decisions`, { text: 'x' })).statusCode,
    404,
  );
  const list = (await api('admin', 'GET', '/api/v1/meetings?limit=200')).json().items as { id: string }[];
  assert.ok(!list.some((m) => m.id === theirs.id));
});
