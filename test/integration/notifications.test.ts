import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reminderStage } from '../../src/features/reviews/reminders.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';
import { startSmtp } from '../helpers/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let token: string;
before(async () => {
  smtp = await startSmtp();
  t = await testApp({ smtpUrl: smtp.url });
  token = await apiToken(t.app, 'admin@demo.example');
  // Each demo partnership's fresh incident (SI-6) has clocks running; meet them, so that the
  // meetings' reminders below are all that is due (the clocks' reminders have their own test).
  for (const admin of ['admin@demo.example', 'admin@other.example']) {
    const headers = bearer(await apiToken(t.app, admin));
    const call = (method: 'GET' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    const fresh = (await call('GET', '/api/v1/incidents?q=SI-6')).json().items[0];
    const c = (await call('GET', `/api/v1/incidents/${fresh.id}`)).json();
    const notified = await call('PUT', `/api/v1/incidents/${fresh.id}`, {
      kind: c.kind,
      pseudonym: c.pseudonym,
      awareOn: c.awareOn,
      outcome: c.outcome,
      harmCategory: c.harmCategory,
      ageBand: c.ageBand,
      summary: c.summary,
      notifiedPanelOn: today,
    });
    assert.equal(notified.statusCode, 200, notified.body);
    const met = await call('PUT', `/api/v1/incidents/${fresh.id}/rapid-review`, {
      panelMetOn: today,
      rapidReviewSentOn: today,
    });
    assert.equal(met.statusCode, 200, met.body);
  }
});
after(async () => {
  await t.close();
  await smtp.close();
});

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const today = todayInLondon();
const days = (n: number, from = today) => {
  const d = new Date(`${from}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** A moment today after the day's 06:00 reminder job, and after now (so jobs made just now are due). */
const laterToday = () => new Date(Math.max(Date.now() + 60_000, Date.parse(`${today}T12:00:00Z`)));
const subjects = () => smtp.received.map((m) => `${m.to}: ${m.subject}`).sort();

async function person(name: string, email: string) {
  const found = (await api('GET', `/api/v1/people?q=${encodeURIComponent(name)}`)).json().items[0];
  assert.equal((await api('PATCH', `/api/v1/people/${found.id}`, { email })).statusCode, 200);
  return found.id as string;
}

test('reminders of actions due soon and overdue, escalations unanswered and papers due go once each', async () => {
  const owner = await person('Tariq Mahmood', 'tariq.mahmood@hub.test');
  const member = await person('Harriet Okafor', 'harriet.okafor@hub.test');
  const groups = (await api('GET', '/api/v1/groups?limit=200')).json().items as {
    id: string;
    name: string;
  }[];
  const exec = groups.find((g) => g.name === 'THSCP Executive')?.id as string;
  const forum = groups.find((g) => g.name === 'Education Safeguarding Forum')?.id as string;
  assert.equal((await api('POST', `/api/v1/groups/${forum}/members`, { personId: member })).statusCode, 204);

  const meeting = (
    await api('POST', '/api/v1/meetings', {
      groupId: forum,
      date: days(5),
      startTime: '10:00',
      endTime: '11:00',
      papersDueOn: days(1),
    })
  ).json();
  const soon = await api('POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Share the attendance figures',
    ownerPersonId: owner,
    dueOn: days(5),
  });
  assert.equal(soon.statusCode, 201);
  await api('POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Send the forum’s terms of reference',
    ownerPersonId: owner,
    dueOn: days(-2),
  });
  await api('POST', `/api/v1/meetings/${meeting.id}/actions`, {
    text: 'Due in a month: no reminder yet',
    ownerPersonId: owner,
    dueOn: days(30),
  });
  // Raised before the demo Executive of 35 days ago, and still not answered.
  const la = (await api('GET', '/api/v1/partners?q=Tower%20Hamlets')).json().items[0].id;
  const escalation = await api('POST', '/api/v1/escalations', {
    title: 'Thresholds for early help',
    issue: 'Referrers are unsure of the thresholds.',
    ask: 'Agree a shared threshold document.',
    raisedByAgencyId: la,
    raisedOn: days(-40),
    raisedByGroupId: exec,
  });
  assert.equal(escalation.statusCode, 201, escalation.body);
  const number = escalation.json().number;

  await t.notifier.runDue(laterToday());
  const first = subjects();
  assert.deepEqual(
    // The learning action plan's reminders (ACT-…) have their own test (action-plan.test.ts).
    first.filter((s) => /hub\.test|demo\.example/.test(s) && !/: ACT-\d+ is /.test(s)),
    [
      `admin@demo.example: ESC-${number} still unanswered after the Executive of ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${days(-35)}T00:00:00Z`))}`,
      `harriet.okafor@hub.test: Papers due ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${days(1)}T00:00:00Z`))} for the Education Safeguarding Forum`,
      'tariq.mahmood@hub.test: Action overdue: Send the forum’s terms of reference',
      `tariq.mahmood@hub.test: Action due ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${days(5)}T00:00:00Z`))}: Share the attendance figures`,
    ].sort(),
  );
  const due = smtp.received.find((m) => m.subject.includes('Share the attendance figures'));
  assert.match(
    due?.text ?? '',
    new RegExp(`https://hub\\.test/meetings/${meeting.id}/actions/${soon.json().id}`),
  );

  // However often the jobs run, nothing is sent again.
  await t.notifier.runDue(laterToday());
  await t.notifier.runDue(new Date(Date.parse(`${days(1)}T12:00:00Z`)));
  assert.deepEqual(subjects(), first);
  const sent = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM emails WHERE status = 'sent'");
  assert.equal(sent[0]?.n, first.length);
});

test('someone who chose a daily digest gets one message the next morning, not one each', async () => {
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  await admin.get('/account');
  const chosen = await admin.post('/account/email', { emailFrequency: 'daily' });
  assert.equal(chosen.statusCode, 303);
  assert.match((await admin.get('/account')).body, /value="daily" checked/);

  const la = (await api('GET', '/api/v1/partners?q=Tower%20Hamlets')).json().items[0].id;
  for (const title of ['Youth violence hot spots', 'Private fostering awareness']) {
    await api('POST', '/api/v1/escalations', {
      title,
      issue: 'x',
      ask: 'y',
      raisedByAgencyId: la,
      raisedOn: days(-50),
    });
  }
  const before = smtp.received.length;
  // The day's reminders run at 06:00 and the digest at 07:00, London time.
  const [{ at } = { at: new Date() }] = await t.db.query<{ at: Date }>(
    "SELECT (($1::date) + time '06:30') AT TIME ZONE 'Europe/London' AS at",
    [days(2)],
  );
  await t.notifier.runDue(at);
  const held = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM emails WHERE status = 'held'");
  assert.equal(
    smtp.received.length,
    before,
    `nothing sent at once: ${smtp.received
      .slice(before)
      .map((m) => m.subject)
      .join('; ')}`,
  );
  assert.ok((held[0]?.n ?? 0) >= 2);

  await t.notifier.runDue(new Date(Date.parse(`${days(2)}T12:00:00Z`)));
  const digests = smtp.received.slice(before);
  assert.equal(digests.length, 1, 'one digest');
  assert.equal(digests[0]?.to, 'admin@demo.example');
  assert.match(digests[0]?.subject ?? '', /^Your daily digest: \d+ messages$/);
  assert.match(digests[0]?.text ?? '', /Youth violence hot spots/);
  assert.match(digests[0]?.text ?? '', /Private fostering awareness/);
  await t.notifier.runDue(new Date(Date.parse(`${days(3)}T12:00:00Z`)));
  assert.equal(smtp.received.length, before + 1, 'the digest is not sent again');

  const bad = await admin.post('/account/email', { emailFrequency: 'hourly' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#emailFrequency">Choose how you want to get e-mails/);
});

test('without SMTP, messages are logged and kept on the business unit’s e-mails page', async () => {
  const plain = await testApp();
  try {
    const t2 = await apiToken(plain.app, 'admin@demo.example');
    const la = (
      await plain.app.inject({ url: '/api/v1/partners?q=Tower%20Hamlets', headers: bearer(t2) })
    ).json().items[0].id;
    await plain.app.inject({
      method: 'POST',
      url: '/api/v1/escalations',
      headers: bearer(t2),
      payload: { title: 'Logged, not sent', issue: 'x', ask: 'y', raisedByAgencyId: la, raisedOn: days(-40) },
    });
    await plain.notifier.runDue(laterToday());
    const rows = await plain.db.query<{ status: string }>(
      "SELECT status FROM emails WHERE subject LIKE '%unanswered%'",
    );
    assert.ok(rows.length >= 1);
    assert.ok(rows.every((r) => r.status === 'logged'));
    const admin = new Browser(plain.app);
    await admin.signIn('admin@demo.example');
    const page = await admin.get('/emails');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Not sent: no SMTP server/);
    assert.match(page.body, /still unanswered after the Executive/);
    const member = new Browser(plain.app);
    await member.signIn('member@demo.example');
    assert.equal((await member.get('/emails')).statusCode, 403);
  } finally {
    await plain.close();
  }
});

test('a message that can’t be delivered is retried, then marked failed', async () => {
  const closed = await startSmtp();
  const url = closed.url;
  await closed.close(); // nothing listens there now
  const broken = await testApp({ smtpUrl: url });
  try {
    await broken.db.transaction((tx) =>
      broken.notifier.queueEmail(tx, {
        partnershipId: null,
        to: 'someone@hub.test',
        subject: 'Hello',
        body: 'Hi',
      }),
    );
    let now = Date.now() + 1000;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await broken.notifier.runDue(new Date(now));
      now += 30 * 60_000; // past the longest wait between attempts
    }
    const [job] = await broken.db.query<{ attempts: number; failed: boolean; error: string }>(
      `SELECT attempts, failed_at IS NOT NULL AS failed, last_error AS error FROM jobs
        WHERE kind = 'email' AND payload->>'emailId' = (SELECT id::text FROM emails WHERE subject = 'Hello')`,
    );
    assert.equal(job?.attempts, 5);
    assert.equal(job?.failed, true);
    assert.match(job?.error ?? '', /ECONNREFUSED|connect/i);
    const [email] = await broken.db.query<{ status: string }>(
      "SELECT status FROM emails WHERE subject = 'Hello'",
    );
    assert.equal(email?.status, 'failed');
  } finally {
    await broken.close();
  }
});

test('key points: drafted after an executive meeting, approved by the chair, sent once to each partner', async () => {
  const chairToken = await apiToken(t.app, 'executive@demo.example');
  const asExec = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: bearer(chairToken),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const meetings = (await api('GET', '/api/v1/meetings?when=past&limit=50')).json().items as {
    id: string;
    groupName: string;
  }[];
  const exec = meetings.find((m) => m.groupName === 'THSCP Executive') as { id: string };
  const qa = meetings.find((m) => m.groupName === 'Quality Assurance and Performance Subgroup') as {
    id: string;
  };
  const coming = (await api('GET', '/api/v1/meetings?when=coming'))
    .json()
    .items.find((m: { groupName: string }) => m.groupName === 'THSCP Executive');

  const notExec = await api('PUT', `/api/v1/meetings/${qa.id}/key-points`, { keyPoints: 'x' });
  assert.equal(notExec.statusCode, 422);
  assert.deepEqual(notExec.json().errors, [
    { field: 'keyPoints', message: 'Key points are kept for Executive meetings' },
  ]);
  assert.equal(
    (await api('PUT', `/api/v1/meetings/${coming.id}/key-points`, { keyPoints: 'Draft ahead' })).statusCode,
    204,
  );
  const early = await asExec('POST', `/api/v1/meetings/${coming.id}/key-points/approve`);
  assert.deepEqual(early.json().errors, [
    { field: 'keyPoints', message: 'Key points are approved after the meeting has taken place' },
  ]);

  const text = 'Agreed the neglect strategy for consultation.\nAsked the QA subgroup for the audit findings.';
  assert.equal(
    (await api('PUT', `/api/v1/meetings/${exec.id}/key-points`, { keyPoints: text })).statusCode,
    204,
  );
  assert.equal(
    (await api('POST', `/api/v1/meetings/${exec.id}/key-points/approve`)).statusCode,
    403,
    'the business unit drafts, the chair approves',
  );
  const before = smtp.received.length;
  const approved = await asExec('POST', `/api/v1/meetings/${exec.id}/key-points/approve`);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.deepEqual(approved.json(), { sentTo: 4 });
  await t.notifier.runDue(laterToday());
  const sent = smtp.received
    .slice(before)
    .filter((m) => m.subject.startsWith('Key points from the THSCP Executive'));
  assert.deepEqual(sent.map((m) => m.to).sort(), [
    'public.protection@police.demo.example',
    'safeguarding.children@icb.demo.example',
    'safeguarding.partnership@la.demo.example',
    'safeguarding@elft.demo.example',
  ]);
  assert.match(sent[0]?.text ?? '', /Agreed the neglect strategy for consultation\.\nAsked the QA subgroup/);

  const again = await asExec('POST', `/api/v1/meetings/${exec.id}/key-points/approve`);
  assert.equal(again.statusCode, 422);
  const edit = await api('PUT', `/api/v1/meetings/${exec.id}/key-points`, { keyPoints: 'Rewritten' });
  assert.deepEqual(edit.json().errors, [
    { field: 'keyPoints', message: 'The key points are approved and sent: they can’t be changed' },
  ]);
  await t.notifier.runDue(laterToday());
  assert.equal(
    smtp.received.filter((m) => m.subject.startsWith('Key points from the THSCP Executive')).length,
    4,
    'sent once',
  );
  const list = (await api('GET', '/api/v1/key-points')).json().items;
  assert.equal(list[0].keyPoints, text);
  assert.equal(list[0].approvedBy, 'Nasreen Chowdhury');
  const member = new Browser(t.app);
  await member.signIn('member@demo.example');
  const page = await member.get('/key-points');
  assert.match(page.body, /Agreed the neglect strategy for consultation/);
});

test('a partner’s contact address is checked and can be cleared', async () => {
  const partner = (await api('GET', '/api/v1/partners?q=Barnardo')).json().items[0];
  const bad = await api('PATCH', `/api/v1/partners/${partner.id}`, { contactEmail: 'not an address' });
  assert.equal(bad.statusCode, 422);
  assert.equal(bad.json().errors[0].field, 'contactEmail');
  const set = await api('PATCH', `/api/v1/partners/${partner.id}`, {
    contactEmail: 'safeguarding@barnardos.demo.example',
  });
  assert.equal(set.json().contactEmail, 'safeguarding@barnardos.demo.example');
  const cleared = await api('PATCH', `/api/v1/partners/${partner.id}`, { contactEmail: null });
  assert.equal(cleared.json().contactEmail, null);
});

test('the business unit is reminded of each clock 5 and 1 working days before it is due, and when overdue, once', async () => {
  // Earlier tests ran the reminders up to three days ahead, and chose a daily digest: go back to
  // immediate e-mail, and run a day no job has run yet.
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  await admin.get('/account');
  assert.equal((await admin.post('/account/email', { emailFrequency: 'immediate' })).statusCode, 303);
  const day = days(4);
  const before = smtp.received.length;
  const recent = await api('POST', '/api/v1/incidents', {
    pseudonym: 'Child N',
    awareOn: days(-1),
    outcome: 'seriously-harmed',
    harmCategory: 'neglect',
    ageBand: '1-4',
  });
  const late = await api('POST', '/api/v1/incidents', {
    pseudonym: 'Child O',
    awareOn: days(-40),
    outcome: 'died',
    harmCategory: 'physical-abuse',
    ageBand: 'under-1',
  });
  assert.equal(late.statusCode, 201, late.body);
  const expected: string[] = [];
  for (const created of [recent.json(), late.json()]) {
    for (const c of created.clocks as { key: string; name: string; dueOn: string | null }[]) {
      if (!c.dueOn) continue;
      const stage = reminderStage(c.dueOn, day);
      if (stage)
        expected.push(
          `admin@demo.example: ${stage === 'overdue' ? 'Overdue' : 'Due soon'}: ${c.name}, ${created.reference}`,
        );
    }
  }
  assert.ok(
    expected.some((e) => e.includes('Overdue: Rapid review')),
    'the late case’s rapid review is overdue',
  );
  assert.ok(expected.some((e) => e.includes('Due soon: Notify the national panel')));
  const ofClocks = () =>
    smtp.received.slice(before).filter((m) => m.to === 'admin@demo.example' && /, SI-\d+$/.test(m.subject));
  await t.notifier.runDue(new Date(Date.parse(`${day}T12:00:00Z`)));
  const arrived = ofClocks()
    .map((m) => `${m.to}: ${m.subject}`)
    .sort();
  assert.deepEqual(arrived, expected.sort());
  const message = ofClocks().find((m) => m.subject.startsWith('Overdue: Rapid review'));
  assert.match(message?.text ?? '', new RegExp(`https://hub\\.test/cases/${late.json().id}#clocks`));
  await t.notifier.runDue(new Date(Date.parse(`${day}T18:00:00Z`)));
  assert.equal(ofClocks().length, expected.length, 'nothing is sent twice');
});
