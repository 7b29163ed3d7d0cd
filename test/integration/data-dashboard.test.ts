import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { lockAnswers } from '../../src/features/data/calls-repo.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
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
import { docxText, pdfText } from '../helpers/documents.ts';
import { multipart } from '../helpers/multipart.ts';

/**
 * The data dashboard through HTTP. The demo partnership has a data call every quarter from April
 * 2016 to the last complete quarter; each test here opens its own calls for quarters before 2016,
 * which no demo call or other test uses, so what it finds is what it sent (and the latest call, the
 * one the dashboard and the published view default to, stays the demo's).
 */

let t: TestApp;
const tokens: Record<string, string> = {};
const browsers: Record<string, Browser> = {};
const today = todayInLondon();
const DEMO_SLUG = 'tower-hamlets-demo';
const FIXTURE = path.resolve(
  import.meta.dirname,
  '../fixtures/cla_health_assessment_trafford_neighbours.csv',
);

type Indicator = {
  id: string;
  code: string;
  name: string;
  unit: string;
  agencyId: string;
  askedOf: string;
  published: boolean;
  retired: boolean;
};
let indicators: Indicator[] = [];
let agencies: { id: string; name: string }[] = [];
const ICB_NAME = 'NHS North East London Integrated Care Board';
const LA_NAME = 'London Borough of Tower Hamlets';
const POLICE_NAME = 'Metropolitan Police Service, Central East BCU';
const BARTS_NAME = 'Barts Health NHS Trust';

before(async () => {
  t = await testApp();
  for (const who of ['admin', 'chair', 'member', 'data-lead', 'scrutineer'])
    tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  tokens.otherAdmin = await apiToken(t.app, 'admin@other.example');
  for (const who of ['admin', 'chair', 'member', 'data-lead']) {
    const browser = new Browser(t.app);
    await browser.signIn(`${who}@demo.example`);
    browsers[who] = browser;
  }
  const catalogue = await api('admin', 'GET', '/api/v1/indicators?limit=200');
  assert.equal(catalogue.statusCode, 200, catalogue.body);
  indicators = catalogue.json().items;
  agencies = (await api('admin', 'GET', '/api/v1/partners?limit=200')).json().items;
});
after(() => t.close());

const api = apiAs(() => t.app, tokens);
const as = (who: string) => browsers[who] as Browser;
const count = (table: string) => rowCount(t.db, table);
const logged = (action: string, entityId: string) => auditEntries(t.db, action, entityId);
/** Audit entries of an action with no record named (settings, benchmark imports). */
const loggedAll = async (action: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]
    ?.n ?? 0;

const indicator = (code: string) => {
  const found = indicators.find((i) => i.code === code);
  assert.ok(found, code);
  return found;
};
const idOf = (code: string) => indicator(code).id;
const agencyId = (name: string) => {
  const found = agencies.find((a) => a.name === name);
  assert.ok(found, name);
  return found.id;
};
const ICB = () => agencyId(ICB_NAME);
const LA = () => agencyId(LA_NAME);
const POLICE = () => agencyId(POLICE_NAME);

/** Opens a data call through the business unit's form; gives its id. */
async function openCall(quarter: string, deadline: string, note = '') {
  const admin = as('admin');
  await admin.get('/data/calls/new');
  const [year, month, day] = deadline.split('-') as [string, string, string];
  const response = await admin.post('/data/calls', {
    quarterStartsOn: quarter,
    'deadline-day': day,
    'deadline-month': month,
    'deadline-year': year,
    note,
  });
  assert.equal(response.statusCode, 303, response.body);
  const id = /^\/data\/calls\/([0-9a-f-]{36})\?opened=1$/.exec(String(response.headers.location))?.[1];
  assert.ok(id, String(response.headers.location));
  assert.equal(await logged('data-call.created', id), 1);
  return id;
}

/** The submission page's form: `figures` by indicator code, each a value or [value, quarter]. */
function sendForm(
  who: string,
  callId: string,
  agency: string,
  figures: Record<string, string | [string, string]>,
  intent: 'draft' | 'submit',
  narrative = '',
) {
  const form: Record<string, string> = { narrative, intent };
  for (const [code, given] of Object.entries(figures)) {
    const [value, period] = Array.isArray(given) ? given : [given, undefined];
    form[`v_${idOf(code)}`] = value;
    if (period) form[`p_${idOf(code)}`] = period;
  }
  return as(who).post(`/data/calls/${callId}/agencies/${agency}`, form);
}

/** Posts a file as the page's upload form does, with the form's CSRF token. */
function upload(who: string, url: string, file?: { name: string; data: Buffer }) {
  const browser = as(who);
  const body = multipart({ _csrf: browser.csrf }, file);
  return browser.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

const HEADER = 'agency,indicator,period,value';
const quoted = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvFile = (rows: string[][], header = HEADER) => ({
  name: 'figures.csv',
  data: Buffer.from(`${header}\n${rows.map((r) => r.map(quoted).join(',')).join('\n')}\n`),
});
async function xlsxFile(rows: (string | number)[][], header = HEADER.split(',')) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Figures');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return { name: 'figures.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** The links of a page's error summary: where each goes and what it says. */
function errorSummary(html: string) {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)].map((m) => ({
    href: m[1] as string,
    text: readable((m[2] as string).trim()),
  }));
}
const summaryTexts = (html: string) => errorSummary(html).map((e) => e.text);

type Compliance = {
  call: { id: string; quarterStartsOn: string; deadline: string };
  agencies: {
    agencyId: string;
    agencyName: string;
    compliance: string;
    submittedOn: string | null;
    asked: number;
    forQuarter: number;
    olderOnly: number;
    missing: number;
  }[];
  outOfPeriod: {
    agencyName: string;
    indicatorId: string;
    indicatorCode: string;
    indicatorName: string;
    periodStartsOn: string;
  }[];
};
async function compliance(callId: string, who = 'admin'): Promise<Compliance> {
  const response = await api(who, 'GET', `/api/v1/data-calls/${callId}/compliance`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}
const complianceOf = (c: Compliance, agency: string) => {
  const found = c.agencies.find((a) => a.agencyId === agency);
  assert.ok(found, `no row for ${agency}`);
  return found;
};

type DashboardRow = {
  id: string;
  code: string;
  period: string | null;
  stale: boolean;
  value: number | null;
  rate: number | null;
  previous: number | null;
  england: { value: number; period: string } | null;
  region: { value: number; period: string } | null;
  neighbours: { value: number; period: string; areas: number } | null;
  exception: string[];
};
async function dashboard(quarter?: string, who = 'admin'): Promise<DashboardRow[]> {
  const response = await api(
    who,
    'GET',
    `/api/v1/dashboard?limit=200${quarter ? `&quarter=${quarter}` : ''}`,
  );
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items;
}
async function dashboardRow(code: string, quarter?: string, who = 'admin') {
  const row = (await dashboard(quarter, who)).find((r) => r.code === code);
  assert.ok(row, code);
  return row;
}

type SubmissionRow = {
  id: string;
  status: string;
  late: boolean;
  submittedOn: string | null;
  amendedOn: string | null;
  narrative: string;
};
async function submission(callId: string, agency: string) {
  const rows = await t.db.query<SubmissionRow>(
    `SELECT id, status, late, submitted_on::text AS "submittedOn", amended_on::text AS "amendedOn", narrative
     FROM data_submissions WHERE call_id = $1 AND agency_id = $2`,
    [callId, agency],
  );
  return rows[0] ?? null;
}
async function figuresOf(submissionId: string) {
  return (
    await t.db.query<{ code: string; period: string; value: number; current: boolean }>(
      `SELECT i.code, f.period_starts_on::text AS period, f.value::float8 AS value, f.current
       FROM data_figures f JOIN indicators i ON i.id = f.indicator_id
       WHERE f.submission_id = $1 ORDER BY i.code, f.period_starts_on`,
      [submissionId],
    )
  ).map((f) => [f.code, f.period, f.value, f.current]);
}

/** The HTML of the dashboard table's row of one indicator. */
function dashboardPageRow(html: string, id: string) {
  const row = [...html.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].find((m) =>
    (m[1] as string).includes(`/data/indicators/${id}?`),
  );
  assert.ok(row, `no row for ${id}`);
  return row[1] as string;
}
/** A published figure as the published page shows it, by indicator. */
function publishedCell(html: string, id: string) {
  const cell = new RegExp(`data-indicator="${id}">([^<]*)<`).exec(html);
  assert.ok(cell, `no published cell for ${id}`);
  return cell[1] as string;
}

test('a data lead enters the ICB’s figures: a draft is shared with no one, a submission at once, late after the deadline', async () => {
  const callId = await openCall('2015-01-01', '2099-12-31', 'Test call: figures by the form');
  const lead = as('data-lead');
  const page = await lead.get(`/data/calls/${callId}/agencies/${ICB()}`);
  assert.equal(page.statusCode, 200, page.body);
  for (const code of ['CLA_HEALTH', 'CDOP_REVIEWED', 'TRAINED'])
    assert.match(page.body, new RegExp(`name="v_${idOf(code)}"`), `${code} is asked of the ICB`);
  assert.doesNotMatch(page.body, new RegExp(`name="v_${idOf('CLA')}"`), 'the council’s indicators are not');
  assert.equal((await lead.get(`/data/calls/${callId}/agencies/${LA()}`)).statusCode, 403);
  const forOther = await sendForm('data-lead', callId, LA(), { CLA: '1000' }, 'submit');
  assert.equal(forOther.statusCode, 403, 'a data lead may not submit for another agency');

  const figuresBefore = await count('data_figures');
  const draft = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: '77.7', CDOP_REVIEWED: '4', TRAINED: '12' },
    'draft',
    'Draft: not yet checked',
  );
  assert.equal(draft.statusCode, 303, draft.body);
  assert.equal(draft.headers.location, `/data/calls/${callId}/agencies/${ICB()}?saved=1`);
  const drafted = (await submission(callId, ICB())) as SubmissionRow;
  assert.equal(drafted.status, 'draft');
  assert.equal(drafted.submittedOn, null);
  assert.deepEqual(await figuresOf(drafted.id), [
    ['CDOP_REVIEWED', '2015-01-01', 4, false],
    ['CLA_HEALTH', '2015-01-01', 77.7, false],
    ['TRAINED', '2015-01-01', 12, false],
  ]);
  assert.equal(await count('data_figures'), figuresBefore + 3);
  assert.equal(await logged('data-submission.saved', drafted.id), 1);
  // A draft is not on the dashboard for anyone: not the business unit, not the data lead who wrote it.
  for (const who of ['admin', 'data-lead', 'member']) {
    const row = await dashboardRow('CLA_HEALTH', '2015-01-01', who);
    assert.notEqual(row.period, '2015-01-01', who);
    assert.notEqual(row.value, 77.7, who);
  }
  const dashboardPage = await as('admin').get('/data?quarter=2015-01-01&limit=200');
  assert.equal(dashboardPage.statusCode, 200);
  assert.doesNotMatch(dashboardPageRow(dashboardPage.body, idOf('CLA_HEALTH')), /77\.7/);
  const indicatorPage = await as('admin').get(`/data/indicators/${idOf('CLA_HEALTH')}?quarter=2015-01-01`);
  assert.equal(indicatorPage.statusCode, 200);
  assert.doesNotMatch(indicatorPage.body, /77\.7/);
  assert.equal(complianceOf(await compliance(callId), ICB()).compliance, 'draft');

  const submitted = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: '88.8', CDOP_REVIEWED: '4', TRAINED: '12' },
    'submit',
    'Health assessments recovered after the winter',
  );
  assert.equal(submitted.statusCode, 303, submitted.body);
  assert.equal(submitted.headers.location, `/data/calls/${callId}/agencies/${ICB()}?submitted=1`);
  const sent = (await submission(callId, ICB())) as SubmissionRow;
  assert.equal(sent.id, drafted.id, 'the draft is what is submitted');
  assert.deepEqual(
    [sent.status, sent.submittedOn, sent.late, sent.narrative],
    ['submitted', today, false, 'Health assessments recovered after the winter'],
  );
  assert.deepEqual(await figuresOf(sent.id), [
    ['CDOP_REVIEWED', '2015-01-01', 4, true],
    ['CLA_HEALTH', '2015-01-01', 88.8, true],
    ['TRAINED', '2015-01-01', 12, true],
  ]);
  for (const who of ['admin', 'member', 'scrutineer']) {
    const row = await dashboardRow('CLA_HEALTH', '2015-01-01', who);
    assert.deepEqual([row.value, row.period, row.stale], [88.8, '2015-01-01', false], who);
  }
  assert.match(
    (await as('member').get(`/data/indicators/${idOf('CLA_HEALTH')}?quarter=2015-01-01`)).body,
    /88\.8%/,
  );
  const state = complianceOf(await compliance(callId), ICB());
  assert.deepEqual(
    [state.compliance, state.submittedOn, state.asked, state.forQuarter, state.olderOnly, state.missing],
    ['on-time', today, 3, 3, 0, 0],
  );
  assert.equal(await logged('data-submission.submitted', sent.id), 1);

  // Changed after submitting: shared at once, dated as an amendment, still on time.
  const amended = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: '89.9', CDOP_REVIEWED: '4', TRAINED: '12' },
    'submit',
    'Health assessments recovered after the winter',
  );
  assert.equal(amended.statusCode, 303, amended.body);
  assert.equal((await dashboardRow('CLA_HEALTH', '2015-01-01')).value, 89.9);
  const changed = (await submission(callId, ICB())) as SubmissionRow;
  assert.deepEqual([changed.amendedOn, changed.submittedOn, changed.late], [today, today, false]);
  assert.equal(await logged('data-submission.amended', sent.id), 1);
  const shown = await lead.get(`/data/calls/${callId}/agencies/${ICB()}?submitted=1`);
  assert.match(shown.body, /Figures submitted to the partnership/);
  assert.match(shown.body, new RegExp(`name="v_${idOf('CLA_HEALTH')}"[^>]*value="89.9"`));

  // Wrong figures: the page names each, and nothing changes.
  const figuresNow = await count('data_figures');
  const wrong = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: 'lots', CDOP_REVIEWED: '-2', TRAINED: '12' },
    'submit',
  );
  assert.equal(wrong.statusCode, 400);
  assert.deepEqual(
    errorSummary(wrong.body).sort((a, b) => a.href.localeCompare(b.href)),
    [
      {
        href: `#v_${idOf('CDOP_REVIEWED')}`,
        text: 'Child deaths reviewed: A figure cannot be negative',
      },
      {
        href: `#v_${idOf('CLA_HEALTH')}`,
        text: 'Children looked after who had their annual health assessment: Enter a number, not “lots”',
      },
    ].sort((a, b) => a.href.localeCompare(b.href)),
  );
  assert.equal(await count('data_figures'), figuresNow);
  assert.equal((await dashboardRow('CLA_HEALTH', '2015-01-01')).value, 89.9);
  assert.equal((await submission(callId, ICB()))?.narrative, 'Health assessments recovered after the winter');

  // A call whose deadline has passed: the submission is marked late.
  const lateCall = await openCall('2014-10-01', '2015-01-31');
  const late = await sendForm(
    'data-lead',
    lateCall,
    ICB(),
    { CLA_HEALTH: '86', CDOP_REVIEWED: '2', TRAINED: '10' },
    'submit',
  );
  assert.equal(late.statusCode, 303, late.body);
  const lateSubmission = (await submission(lateCall, ICB())) as SubmissionRow;
  assert.deepEqual([lateSubmission.status, lateSubmission.late], ['submitted', true]);
  assert.equal(complianceOf(await compliance(lateCall), ICB()).compliance, 'late');
  assert.match((await lead.get(`/data/calls/${lateCall}/agencies/${ICB()}`)).body, /\(after the deadline\)/);
});

test('saving figures waits while an indicator change counts every submission’s answers again', async () => {
  const callId = await openCall('2013-10-01', '2099-12-31');
  const [partnership] = await t.db.query<{ id: string }>('SELECT id FROM partnerships WHERE slug = $1', [
    DEMO_SLUG,
  ]);
  assert.ok(partnership);
  let locked!: () => void;
  let release!: () => void;
  const holding = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  // What an indicator change does first: its recount must not interleave with a save's.
  const change = t.db.transaction(async (tx) => {
    await lockAnswers(tx, partnership.id, 'exclusive');
    locked();
    await released;
  });
  await holding;
  let answered = false;
  const saving = sendForm('data-lead', callId, ICB(), { TRAINED: '4' }, 'submit').then((response) => {
    answered = true;
    return response;
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(answered, false, 'the save waits for the change to finish');
  } finally {
    release();
    await change;
  }
  const saved = await saving;
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal(complianceOf(await compliance(callId, 'admin'), ICB()).forQuarter, 1);
});

test('a figure given for an older quarter is flagged out of period in the compliance return', async () => {
  const callId = await openCall('2014-07-01', '2099-12-31');
  const draft = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: '80.5', CDOP_REVIEWED: '3', TRAINED: '9' },
    'draft',
  );
  assert.equal(draft.statusCode, 303, draft.body);
  // On second thoughts the health figure is the quarter before's: it moves, it is not copied.
  const sent = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: ['80.5', '2014-04-01'], CDOP_REVIEWED: '3', TRAINED: '9' },
    'submit',
  );
  assert.equal(sent.statusCode, 303, sent.body);
  const icb = (await submission(callId, ICB())) as SubmissionRow;
  assert.deepEqual(await figuresOf(icb.id), [
    ['CDOP_REVIEWED', '2014-07-01', 3, true],
    ['CLA_HEALTH', '2014-04-01', 80.5, true],
    ['TRAINED', '2014-07-01', 9, true],
  ]);
  const found = await compliance(callId, 'scrutineer');
  const state = complianceOf(found, ICB());
  assert.deepEqual(
    [state.compliance, state.asked, state.forQuarter, state.olderOnly, state.missing],
    ['partly', 3, 2, 1, 0],
  );
  assert.deepEqual(found.outOfPeriod, [
    {
      agencyName: ICB_NAME,
      indicatorId: idOf('CLA_HEALTH'),
      indicatorCode: 'CLA_HEALTH',
      indicatorName: 'Children looked after who had their annual health assessment',
      periodStartsOn: '2014-04-01',
    },
  ]);
  const page = await as('member').get(`/data/calls/${callId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Figures not for 2014-15 Q2/);
  assert.match(page.body, /<strong class="govuk-tag govuk-tag--orange">2014-15 Q1<\/strong>/);
  assert.match(page.body, /Partly submitted/);
  // The dashboard shows it with its own quarter, never as the call's.
  const row = await dashboardRow('CLA_HEALTH', '2014-07-01');
  assert.deepEqual([row.value, row.period, row.stale], [80.5, '2014-04-01', true]);
  const own = await dashboardRow('CLA_HEALTH', '2014-04-01');
  assert.deepEqual([own.value, own.period, own.stale], [80.5, '2014-04-01', false]);

  // A figure left blank is taken out, from the submission and the dashboard.
  const blanked = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CLA_HEALTH: ['80.5', '2014-04-01'], CDOP_REVIEWED: '', TRAINED: '9' },
    'submit',
  );
  assert.equal(blanked.statusCode, 303, blanked.body);
  assert.deepEqual(await figuresOf(icb.id), [
    ['CLA_HEALTH', '2014-04-01', 80.5, true],
    ['TRAINED', '2014-07-01', 9, true],
  ]);
  assert.notEqual((await dashboardRow('CDOP_REVIEWED', '2014-07-01')).period, '2014-07-01');
  const now = complianceOf(await compliance(callId), ICB());
  assert.deepEqual([now.compliance, now.forQuarter, now.olderOnly, now.missing], ['partly', 1, 1, 1]);
});

test('the compliance return: on time, partly, late, partly late, a draft, awaited and missing', async () => {
  const open = await openCall('2011-04-01', '2099-12-31');
  const closed = await openCall('2011-07-01', '2011-10-31');
  const put = (who: string, callId: string, agency: string, body: unknown) =>
    api(who, 'PUT', `/api/v1/data-calls/${callId}/submissions/${agency}`, body);
  for (const [callId, quarter] of [
    [open, '2011-04-01'],
    [closed, '2011-07-01'],
  ] as const) {
    const icb = await put('data-lead', callId, ICB(), {
      figures: [
        { indicator: 'CLA_HEALTH', period: quarter, value: 85 },
        { indicator: 'CDOP_REVIEWED', period: quarter, value: 2 },
        { indicator: 'TRAINED', period: quarter, value: 14 },
      ],
      submit: true,
    });
    assert.equal(icb.statusCode, 200, icb.body);
    // The council sends one of the many figures asked of it.
    const la = await put('admin', callId, LA(), {
      figures: [{ indicator: 'CLA', period: quarter, value: 820 }],
      submit: true,
    });
    assert.equal(la.statusCode, 200, la.body);
  }
  const barts = await put('admin', closed, agencyId(BARTS_NAME), {
    figures: [{ indicator: 'TRAINED', period: '2011-07-01', value: 5 }],
  });
  assert.equal(barts.statusCode, 200, barts.body);
  assert.equal(barts.json().status, 'draft');

  const laAsked = indicators.filter(
    (i) => !i.retired && (i.agencyId === LA() || i.askedOf === 'every-partner'),
  ).length;
  const onTime = await compliance(open);
  const summary = (c: Compliance, agency: string) => {
    const a = complianceOf(c, agency);
    return [a.compliance, a.asked, a.forQuarter, a.missing];
  };
  assert.deepEqual(summary(onTime, ICB()), ['on-time', 3, 3, 0]);
  assert.deepEqual(summary(onTime, LA()), ['partly', laAsked, 1, laAsked - 1]);
  assert.deepEqual(summary(onTime, POLICE()), ['awaited', 3, 0, 3], 'not due until the deadline');
  const closedReturn = await compliance(closed);
  assert.deepEqual(summary(closedReturn, ICB()), ['late', 3, 3, 0]);
  assert.deepEqual(summary(closedReturn, LA()), ['partly-late', laAsked, 1, laAsked - 1]);
  assert.deepEqual(summary(closedReturn, POLICE()), ['missing', 3, 0, 3]);
  // A draft is started, but what it holds counts for nothing until it is submitted (nor is it shown).
  assert.deepEqual(summary(closedReturn, agencyId(BARTS_NAME)), ['draft', 1, 0, 1]);
  // Every agency asked for anything has a row: the relevant agencies are asked for training figures.
  assert.ok(
    closedReturn.agencies.some((a) => a.agencyName === 'London Fire Brigade' && a.compliance === 'missing'),
  );
  const page = await as('admin').get(`/data/calls/${closed}`);
  assert.equal(page.statusCode, 200);
  const policeRow = [...page.body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].find((m) =>
    (m[1] as string).includes(POLICE()),
  )?.[1];
  assert.match(policeRow ?? '', /govuk-tag--red">Not submitted</);
});

test('figures are uploaded as CSV or Excel: all rows or none, each problem named by row and column', async () => {
  const callId = await openCall('2013-04-01', '2099-12-31');
  const ownUrl = `/data/calls/${callId}/agencies/${ICB()}/upload`;
  const callUrl = `/data/calls/${callId}/upload`;
  const lead = as('data-lead');
  await lead.get(`/data/calls/${callId}/agencies/${ICB()}`);

  // The data lead fills in the Excel template and adds a figure for an earlier quarter.
  const template = await lead.get(`/data/calls/${callId}/agencies/${ICB()}/template.xlsx`);
  assert.equal(template.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const templateRows: string[][] = [];
  sheet.eachRow((row) => {
    templateRows.push([1, 2, 3, 4].map((n) => String(row.getCell(n).value ?? '')));
  });
  assert.deepEqual(templateRows, [
    ['agency', 'indicator', 'period', 'value'],
    [ICB_NAME, 'CDOP_REVIEWED', '2013-14 Q1', ''],
    [ICB_NAME, 'CLA_HEALTH', '2013-14 Q1', ''],
    [ICB_NAME, 'TRAINED', '2013-14 Q1', ''],
  ]);
  const values: Record<string, number> = { CDOP_REVIEWED: 3, CLA_HEALTH: 91.5, TRAINED: 1234 };
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(4).value = values[String(row.getCell(2).value)] as number;
  });
  sheet.addRow([ICB_NAME, 'CLA_HEALTH', '2012-13 Q2', 90.1]);
  const filled = { name: 'template.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) };
  const before = await count('data_figures');
  const saved = await upload('data-lead', ownUrl, filled);
  assert.equal(saved.statusCode, 303, saved.body);
  assert.equal(saved.headers.location, `/data/calls/${callId}/agencies/${ICB()}?uploaded=4`);
  assert.equal(await count('data_figures'), before + 4);
  const icb = (await submission(callId, ICB())) as SubmissionRow;
  assert.equal(icb.status, 'draft', 'an upload is a draft until submitted');
  assert.deepEqual(await figuresOf(icb.id), [
    ['CDOP_REVIEWED', '2013-04-01', 3, false],
    ['CLA_HEALTH', '2012-07-01', 90.1, false],
    ['CLA_HEALTH', '2013-04-01', 91.5, false],
    ['TRAINED', '2013-04-01', 1234, false],
  ]);
  assert.equal(await logged('data-submission.saved', icb.id), 1);
  assert.match(
    (await lead.get(`/data/calls/${callId}/agencies/${ICB()}?uploaded=4`)).body,
    /4 figures saved/,
  );

  // Submitted with the page's button, as the page says to: the form sends the figures it shows (the
  // call's quarter), and every uploaded figure is submitted, the earlier quarter's too.
  const form = (await lead.get(`/data/calls/${callId}/agencies/${ICB()}`)).body;
  const shown = (code: string) => new RegExp(`name="v_${idOf(code)}"[^>]*value="([^"]*)"`).exec(form)?.[1];
  assert.deepEqual(['CDOP_REVIEWED', 'CLA_HEALTH', 'TRAINED'].map(shown), ['3', '91.5', '1234']);
  const submitted = await sendForm(
    'data-lead',
    callId,
    ICB(),
    { CDOP_REVIEWED: '3', CLA_HEALTH: '91.5', TRAINED: '1234' },
    'submit',
  );
  assert.equal(submitted.statusCode, 303, submitted.body);
  assert.deepEqual(await figuresOf(icb.id), [
    ['CDOP_REVIEWED', '2013-04-01', 3, true],
    ['CLA_HEALTH', '2012-07-01', 90.1, true],
    ['CLA_HEALTH', '2013-04-01', 91.5, true],
    ['TRAINED', '2013-04-01', 1234, true],
  ]);
  assert.equal((await dashboardRow('CLA_HEALTH', '2012-07-01')).value, 90.1);

  // The business unit uploads a CSV for several agencies: each agency's rows go to its own draft.
  const submissionsBefore = await count('data_submissions');
  const figuresBefore = await count('data_figures');
  await as('admin').get(`/data/calls/${callId}`);
  const good = await upload(
    'admin',
    callUrl,
    csvFile([
      [LA_NAME, 'CLA', '2013-14 Q1', '1,050'],
      [POLICE_NAME, 'DA_NOTIFY', '2013-04-01', '400'],
      [POLICE_NAME.toUpperCase(), 'missing', 'Q1 2013-14', '35'],
      [BARTS_NAME, 'TRAINED', '2013/14 Q1', '7'],
    ]),
  );
  assert.equal(good.statusCode, 303, good.body);
  assert.equal(good.headers.location, `/data/calls/${callId}?uploaded=4`);
  assert.equal(await count('data_figures'), figuresBefore + 4);
  assert.equal(await count('data_submissions'), submissionsBefore + 3);
  const police = (await submission(callId, POLICE())) as SubmissionRow;
  assert.deepEqual(await figuresOf(police.id), [
    ['DA_NOTIFY', '2013-04-01', 400, false],
    ['MISSING', '2013-04-01', 35, false],
  ]);
  assert.deepEqual(await figuresOf((await submission(callId, LA()))?.id as string), [
    ['CLA', '2013-04-01', 1050, false],
  ]);
  assert.equal(complianceOf(await compliance(callId), POLICE()).compliance, 'draft');
  assert.equal(await logged('data-submission.saved', police.id), 1);

  // Bad files: refused with the row and column named, and nothing saved.
  const goodRow = [LA_NAME, 'CIN', '2013-14 Q1', '900'];
  const bad: { what: string; file: { name: string; data: Buffer }; message: string }[] = [
    {
      what: 'text in a number field',
      file: csvFile([goodRow, [LA_NAME, 'CLA', '2013-14 Q1', 'about 40']]),
      message: 'Row 3, column D (value): Enter a number, not “about 40”',
    },
    {
      what: 'a negative count',
      file: csvFile([goodRow, [LA_NAME, 'S47', '2013-04-01', '-5']]),
      message: 'Row 3, column D (value): A figure cannot be negative',
    },
    {
      what: 'a count with a fraction',
      file: csvFile([goodRow, [LA_NAME, 'S47', '2013-04-01', '5.5']]),
      message: 'Row 3, column D (value): A count must be a whole number',
    },
    {
      what: 'a percentage over 100',
      file: csvFile([goodRow, [ICB_NAME, 'CLA_HEALTH', '2013-04-01', '100.5']]),
      message: 'Row 3, column D (value): A percentage cannot be more than 100',
    },
    {
      what: 'a quarter after the call’s',
      file: csvFile([goodRow, [LA_NAME, 'CLA', '2013-14 Q2', '1000']]),
      message: 'Row 3, column C (period): 2013-14 Q2 is after the call’s quarter, 2013-14 Q1',
    },
    {
      what: 'a quarter that is not one',
      file: csvFile([goodRow, [LA_NAME, 'CLA', '2013-05-01', '1000']]),
      message:
        'Row 3, column C (period): Enter the quarter like 2025-26 Q2, or its first day like 2025-07-01',
    },
    {
      what: 'an unknown indicator',
      file: csvFile([goodRow, [LA_NAME, 'NOT_A_CODE', '2013-14 Q1', '1']]),
      message: 'Row 3, column B (indicator): “NOT_A_CODE” is not an indicator code of the catalogue',
    },
    {
      what: 'an indicator not asked of the agency',
      file: csvFile([goodRow, [POLICE_NAME, 'CLA', '2013-14 Q1', '1']]),
      message: `Row 3, column B (indicator): CLA is not asked of ${POLICE_NAME}`,
    },
    {
      what: 'a wrong column header',
      file: csvFile([goodRow], 'agency,indicator,quarter,value'),
      message: "Row 1, column C: Column C should be headed 'period', not 'quarter'",
    },
    {
      what: 'a duplicate row',
      file: csvFile([goodRow, [LA_NAME, 'cin', '2013-04-01', '901']]),
      message: 'Row 3, column B (indicator): Repeats row 2: the same agency, indicator and quarter',
    },
    {
      what: 'an Excel file with text in a number field',
      file: await xlsxFile([
        [LA_NAME, 'CIN', '2013-14 Q1', 900],
        [LA_NAME, 'CLA', '2013-14 Q1', 'forty'],
      ]),
      message: 'Row 3, column D (value): Enter a number, not “forty”',
    },
    {
      what: 'an Excel file with a percentage over 100',
      file: await xlsxFile([
        [LA_NAME, 'CIN', '2013-04-01', 900],
        [ICB_NAME, 'CLA_HEALTH', '2013-04-01', 104],
      ]),
      message: 'Row 3, column D (value): A percentage cannot be more than 100',
    },
    {
      what: 'an empty file',
      file: { name: 'empty.csv', data: Buffer.alloc(0) },
      message: 'Choose a CSV or Excel file to upload',
    },
    {
      what: 'a file that is not a table',
      file: { name: 'figures.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
      message: 'The file must be a CSV file or an Excel workbook (.xlsx)',
    },
  ];
  const unchanged = { figures: await count('data_figures'), submissions: await count('data_submissions') };
  for (const { what, file, message } of bad) {
    const response = await upload('admin', callUrl, file);
    assert.equal(response.statusCode, 400, what);
    assert.deepEqual(errorSummary(response.body), [{ href: '#file', text: message }], what);
    assert.equal(await count('data_figures'), unchanged.figures, `${what}: nothing saved`);
    assert.equal(await count('data_submissions'), unchanged.submissions, `${what}: no submission made`);
  }
  // The same checks on the data lead's own upload.
  const ownBad = await upload(
    'data-lead',
    ownUrl,
    await xlsxFile([
      [ICB_NAME, 'CDOP_REVIEWED', '2013-14 Q1', 4],
      [ICB_NAME, 'CLA_HEALTH', '2013-14 Q1', 'ninety'],
    ]),
  );
  assert.equal(ownBad.statusCode, 400);
  assert.deepEqual(summaryTexts(ownBad.body), ['Row 3, column D (value): Enter a number, not “ninety”']);
  assert.equal(await count('data_figures'), unchanged.figures);

  // A data lead may not send another agency's figures, in a file or to its page.
  const otherAgency = await upload(
    'data-lead',
    ownUrl,
    csvFile([
      [ICB_NAME, 'CDOP_REVIEWED', '2013-14 Q1', '4'],
      [LA_NAME, 'CLA', '2013-14 Q1', '1000'],
    ]),
  );
  assert.equal(otherAgency.statusCode, 400);
  assert.deepEqual(summaryTexts(otherAgency.body), [
    `Row 3, column A (agency): You cannot submit figures for ${LA_NAME}`,
  ]);
  const toOtherPage = await upload(
    'data-lead',
    `/data/calls/${callId}/agencies/${LA()}/upload`,
    csvFile([[LA_NAME, 'CLA', '2013-14 Q1', '1000']]),
  );
  assert.equal(toOtherPage.statusCode, 403);
  assert.equal(
    (await upload('data-lead', callUrl, csvFile([[ICB_NAME, 'CDOP_REVIEWED', '2013-14 Q1', '4']])))
      .statusCode,
    403,
    'only the business unit uploads for several agencies',
  );
  assert.equal(await count('data_figures'), unchanged.figures);

  // More than 100,000 rows is refused before anything is checked or saved.
  const huge = Buffer.from(`${HEADER}\n${'x,y,z,1\n'.repeat(100_001)}`);
  const tooMany = await upload('admin', callUrl, { name: 'huge.csv', data: huge });
  assert.equal(tooMany.statusCode, 400);
  assert.deepEqual(summaryTexts(tooMany.body), [
    'Row 100002: The file has more than 100,000 rows: split it into files of 100,000 rows or fewer',
  ]);
  assert.equal(await count('data_figures'), unchanged.figures);
  assert.equal(await count('data_submissions'), unchanged.submissions);
});

test('figures are pushed through the API: all saved or none, problems as field errors', async () => {
  const callId = await openCall('2013-01-01', '2099-12-31');
  const url = (agency: string) => `/api/v1/data-calls/${callId}/submissions/${agency}`;
  const before = await count('data_figures');
  const pushed = await api('data-lead', 'PUT', url(ICB()), {
    figures: [
      { indicator: 'CLA_HEALTH', period: '2012-13 Q4', value: 92.4 },
      { indicator: 'cdop_reviewed', period: '2013-01-01', value: '5' },
    ],
    narrative: 'Sent from the ICB’s reporting system',
    submit: true,
  });
  assert.equal(pushed.statusCode, 200, pushed.body);
  assert.deepEqual(pushed.json(), { status: 'submitted', submittedOn: today, late: false, figures: 2 });
  assert.equal(await count('data_figures'), before + 2);
  const icb = (await submission(callId, ICB())) as SubmissionRow;
  assert.equal(icb.narrative, 'Sent from the ICB’s reporting system');
  assert.equal(await logged('data-submission.submitted', icb.id), 1);
  assert.equal((await dashboardRow('CLA_HEALTH', '2013-01-01', 'member')).value, 92.4);

  // Bad figures: 422 problem+json naming each figure's field; nothing saved.
  const wrong = await api('data-lead', 'PUT', url(ICB()), {
    figures: [
      { indicator: 'CLA_HEALTH', period: '2013-01-01', value: 101 },
      { indicator: 'CDOP_REVIEWED', period: '2013-01-01', value: -1 },
      { indicator: 'NOPE', period: '2013-01-01', value: 1 },
      { indicator: 'TRAINED', period: '2013-14 Q1', value: 3 },
    ],
    submit: true,
  });
  assert.equal(wrong.statusCode, 422);
  assert.match(String(wrong.headers['content-type']), /^application\/problem\+json/);
  assert.deepEqual(wrong.json().errors, [
    { field: 'figures.0.value', message: 'A percentage cannot be more than 100' },
    { field: 'figures.1.value', message: 'A figure cannot be negative' },
    { field: 'figures.2.indicator', message: '“NOPE” is not an indicator code of the catalogue' },
    { field: 'figures.3.period', message: '2013-14 Q1 is after the call’s quarter, 2012-13 Q4' },
  ]);
  assert.equal(await count('data_figures'), before + 2);
  assert.equal((await dashboardRow('CLA_HEALTH', '2013-01-01')).value, 92.4);
  // Fields the API does not take are refused, in the body and in each figure.
  const extra = await api('data-lead', 'PUT', url(ICB()), { figures: [], submit: true, status: 'submitted' });
  assert.equal(extra.statusCode, 422);
  assert.deepEqual(extra.json().errors, [{ field: 'status', message: 'status is not a field we accept' }]);
  const extraInFigure = await api('data-lead', 'PUT', url(ICB()), {
    figures: [{ indicator: 'CLA_HEALTH', period: '2013-01-01', value: 90, agency: 'Police' }],
  });
  assert.equal(extraInFigure.statusCode, 422);
  assert.deepEqual(
    extraInFigure.json().errors.map((e: { field: string }) => e.field),
    ['agency'],
  );
  // A data lead may not push another agency's figures.
  const forCouncil = await api('data-lead', 'PUT', url(LA()), {
    figures: [{ indicator: 'CLA', period: '2013-01-01', value: 1 }],
    submit: true,
  });
  assert.equal(forCouncil.statusCode, 403);
  assert.equal(await submission(callId, LA()), null);
  assert.equal(await count('data_figures'), before + 2);
  for (const who of ['member', 'scrutineer'])
    assert.equal((await api(who, 'PUT', url(ICB()), { figures: [] })).statusCode, 403, who);

  // Rates per 10,000 children from the population, and stale figures for an older quarter.
  const population = await as('admin').post('/data/settings/populations', {
    year: '2012',
    children: '71234',
    source: 'Test estimate',
  });
  assert.equal(population.statusCode, 303, population.body);
  assert.equal(await loggedAll('child-population.saved'), 1);
  const council = await api('admin', 'PUT', url(LA()), {
    figures: [
      { indicator: 'CLA', period: '2013-01-01', value: 1234 },
      { indicator: 'CIN', period: '2012-13 Q3', value: 3000 },
      { indicator: 'CLA_FOSTER', period: '2013-01-01', value: 70.5 },
    ],
    submit: true,
  });
  assert.equal(council.statusCode, 200, council.body);
  const rows = await dashboard('2013-01-01', 'member');
  const cla = rows.find((r) => r.code === 'CLA') as DashboardRow;
  assert.deepEqual([cla.value, cla.period, cla.stale], [1234, '2013-01-01', false]);
  assert.equal(cla.rate, 173.2, '1,234 of 71,234 children is 173.2 per 10,000');
  assert.equal(cla.rate, Math.round((1234 / 71234) * 100_000) / 10);
  const cin = rows.find((r) => r.code === 'CIN') as DashboardRow;
  assert.deepEqual([cin.value, cin.period, cin.stale], [3000, '2012-10-01', true]);
  assert.equal(cin.rate, Math.round((3000 / 71234) * 100_000) / 10);
  const foster = rows.find((r) => r.code === 'CLA_FOSTER') as DashboardRow;
  assert.deepEqual([foster.value, foster.rate], [70.5, null], 'a percentage has no rate');
  const page = await as('member').get('/data?quarter=2013-01-01&limit=200');
  assert.match(dashboardPageRow(page.body, idOf('CIN')), /For 2012-13 Q3, not 2012-13 Q4/);
  assert.match(dashboardPageRow(page.body, idOf('CLA')), /173\.2 per 10,000/);
  assert.equal((await api('member', 'GET', '/api/v1/dashboard?quarter=2013-02-01')).statusCode, 422);

  // The catalogue and the calls.
  const catalogue = (await api('data-lead', 'GET', '/api/v1/indicators?q=health')).json().items;
  assert.deepEqual(
    catalogue.map((i: Indicator) => i.code),
    ['CLA_HEALTH'],
  );
  const byCode = (await api('data-lead', 'GET', '/api/v1/indicators?q=CLA_HE')).json().items;
  assert.deepEqual(
    byCode.map((i: Indicator) => i.code),
    ['CLA_HEALTH'],
    'a code is searched from its start',
  );
  assert.deepEqual(
    (await api('data-lead', 'GET', '/api/v1/indicators?q=CL_')).json().items,
    [],
    '"_" is searched for as itself, not as any one character (CLA, CLA_HEALTH)',
  );
  assert.deepEqual(
    (await api('data-lead', 'GET', '/api/v1/indicators?q=%25')).json().items,
    [],
    '"%" is searched for as itself',
  );
  assert.deepEqual(
    [catalogue[0].unit, catalogue[0].agencyName, catalogue[0].published],
    ['percentage', ICB_NAME, true],
  );
  const one = await api('scrutineer', 'GET', `/api/v1/indicators/${idOf('CPP_SEXUAL')}`);
  assert.equal(one.statusCode, 200);
  assert.equal(one.json().partOfId, idOf('CPP'));
  const calls = (await api('member', 'GET', '/api/v1/data-calls')).json();
  const quarters = calls.items.map((c: { quarterStartsOn: string }) => c.quarterStartsOn);
  assert.deepEqual(quarters, [...quarters].sort().reverse(), 'newest first');
  assert.ok(
    calls.items.some((c: { id: string }) => c.id === callId),
    'a page of 50 holds the demo’s calls and this one',
  );
  const before2013Q1 = (await api('member', 'GET', '/api/v1/data-calls?before=2013-04-01')).json();
  assert.deepEqual(before2013Q1.items[0], {
    id: callId,
    quarterStartsOn: '2013-01-01',
    deadline: '2099-12-31',
    note: '',
    openedOn: today,
  });
  assert.ok(before2013Q1.items.every((c: { quarterStartsOn: string }) => c.quarterStartsOn < '2013-04-01'));
  for (const who of ['practitioner', 'young-scrutineer']) {
    const token = await apiToken(t.app, `${who}@demo.example`);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/dashboard',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(refused.statusCode, 403, who);
  }
});

test('the published view: published indicators only, small counts as c with secondary suppression, drafts never', async () => {
  const latest = (await api('admin', 'GET', '/api/v1/data-calls')).json().items[0];
  const counts = await dashboard(undefined, 'admin');
  const latestValue = (code: string) => (counts.find((r) => r.code === code) as DashboardRow).value;
  assert.equal(latestValue('CPP_SEXUAL'), 3, 'the demo’s latest quarter has 3 plans for sexual abuse');
  // Secondary suppression hides the smallest other part that is not zero: the plans by category.
  const parts = ['CPP_NEGLECT', 'CPP_PHYSICAL', 'CPP_EMOTIONAL', 'CPP_MULTIPLE'];
  const [secondary, ...shownParts] = parts
    .filter((code) => (latestValue(code) as number) > 0)
    .sort((a, b) => (latestValue(a) as number) - (latestValue(b) as number));
  assert.ok(secondary && shownParts.length > 0);
  const secondaryValue = latestValue(secondary) as number;
  assert.ok(secondaryValue > 5, 'the next smallest part is not small itself');
  assert.equal(latestValue('CPP_MULTIPLE'), 0);
  const number = (code: string) => (latestValue(code) as number).toLocaleString('en-GB');

  const anonymous = new Browser(t.app);
  const view = await anonymous.get(`/p/${DEMO_SLUG}/data`);
  assert.equal(view.statusCode, 200, view.body);
  const cell = (code: string) => publishedCell(view.body, idOf(code));
  assert.equal(cell('CPP_SEXUAL'), 'c');
  assert.equal(
    cell(secondary),
    'c',
    `${secondary} is hidden too, or the 3 could be worked out from the total`,
  );
  for (const code of shownParts) assert.equal(cell(code), number(code), code);
  assert.equal(cell('CPP_MULTIPLE'), '0', 'a true zero is shown');
  assert.equal(cell('CPP'), number('CPP'));
  for (const i of indicators) {
    const shown = view.body.includes(`data-indicator="${i.id}"`);
    assert.equal(shown, i.published && !i.retired, `${i.code} ${i.published ? 'is' : 'is not'} published`);
    if (!i.published) assert.ok(!view.body.includes(i.name), `${i.name} is not on the public page`);
  }
  assert.match(view.body, /counts from 1 to 5 are shown as <strong>c<\/strong>/);
  assert.equal((await anonymous.get('/p/no-such-partnership/data')).statusCode, 404);

  // The business unit changes what is suppressed.
  const admin = as('admin');
  await admin.get('/data/settings');
  const settingsBefore = await loggedAll('data-settings.updated');
  const settle = (suppressUpTo: string) =>
    admin.post('/data/settings', { suppressUpTo, areaCode: 'E09000030', regionName: 'London' });
  const tooHigh = await settle('21');
  assert.equal(tooHigh.statusCode, 400);
  assert.deepEqual(summaryTexts(tooHigh.body), ['Enter a whole number from 0 to 20']);
  assert.equal((await settle('2')).statusCode, 303);
  const upToTwo = (await anonymous.get(`/p/${DEMO_SLUG}/data`)).body;
  assert.equal(publishedCell(upToTwo, idOf('CPP_SEXUAL')), '3');
  for (const code of [secondary, ...shownParts])
    assert.equal(publishedCell(upToTwo, idOf(code)), number(code));
  assert.match(upToTwo, /counts from 1 to 2 are shown/);
  assert.equal((await settle('5')).statusCode, 303);
  const backToFive = (await anonymous.get(`/p/${DEMO_SLUG}/data`)).body;
  assert.equal(publishedCell(backToFive, idOf('CPP_SEXUAL')), 'c');
  assert.equal(publishedCell(backToFive, idOf(secondary)), 'c');
  assert.equal(await loggedAll('data-settings.updated'), settingsBefore + 2);

  // A draft in the latest call is not published, nor on the dashboard, for anyone.
  const police = POLICE();
  assert.equal(await submission(latest.id, police), null, 'the demo police have not answered');
  const drafted = await sendForm('admin', latest.id, police, { DA_NOTIFY: '98765' }, 'draft');
  assert.equal(drafted.statusCode, 303, drafted.body);
  const published = (await anonymous.get(`/p/${DEMO_SLUG}/data`)).body;
  assert.notEqual(publishedCell(published, idOf('DA_NOTIFY')), '98,765');
  assert.doesNotMatch(published, /98,765/);
  assert.doesNotMatch((await admin.get('/data/published')).body, /98,765/);
  assert.doesNotMatch((await admin.get('/data?limit=200')).body, /98,765/);
  for (const who of ['admin', 'member']) {
    const row = await dashboardRow('DA_NOTIFY', undefined, who);
    assert.notEqual(row.value, 98765, who);
    assert.equal(row.stale, true, `${who}: the police’s latest submitted figure is the quarter before`);
  }
});

test('the published view pages: a total keeps its parts on its page, and the pages show what the whole view shows', async () => {
  const anonymous = new Browser(t.app);
  const cells = (html: string) =>
    [...html.matchAll(/data-indicator="([0-9a-f-]{36})">([^<]*)</g)].map(
      (m) => [m[1] as string, m[2] as string] as const,
    );
  const whole = await anonymous.get(`/p/${DEMO_SLUG}/data?limit=200`);
  assert.equal(whole.statusCode, 200);
  assert.doesNotMatch(whole.body, /rel="next"/, 'the demo’s published figures fit on one page of 200');
  const expected = new Map(cells(whole.body));
  assert.ok(expected.size > 6, 'the demo publishes enough figures to page through');
  const plans = ['CPP', 'CPP_NEGLECT', 'CPP_PHYSICAL', 'CPP_EMOTIONAL', 'CPP_SEXUAL', 'CPP_MULTIPLE'].map(
    idOf,
  );
  for (const id of plans) assert.ok(expected.has(id), 'the plans by category are published');

  const seen = new Map<string, string>();
  let address: string | null = `/p/${DEMO_SLUG}/data?limit=2`;
  let pages = 0;
  while (address) {
    const shown = await anonymous.get(address);
    assert.equal(shown.statusCode, 200, shown.body);
    pages += 1;
    const onPage = cells(shown.body);
    const heads = [...shown.body.matchAll(/<th scope="row" class="govuk-table__header">/g)].length;
    assert.ok(heads <= 2, `page ${pages} lists ${heads} figures at its top level`);
    for (const [id, value] of onPage) {
      assert.ok(!seen.has(id), `${id} is on one page only`);
      seen.set(id, value);
    }
    const onThisPage = plans.filter((id) => onPage.some(([shownId]) => shownId === id));
    assert.ok(
      onThisPage.length === 0 || onThisPage.length === plans.length,
      'the plans are on their total’s page',
    );
    const next = /href="([^"]+)" rel="next"/.exec(shown.body)?.[1];
    address = next ? next.replaceAll('&amp;', '&') : null;
  }
  assert.ok(pages > 2, `${pages} pages`);
  assert.deepEqual(seen, expected, 'each figure is shown, and suppressed, as on the whole view');
  assert.equal(publishedCell(whole.body, idOf('CPP_SEXUAL')), 'c');

  const refused = await anonymous.get(`/p/${DEMO_SLUG}/data?after=not-a-cursor`);
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /after is not a cursor we issued/);
  const tooMany = await anonymous.get(`/p/${DEMO_SLUG}/data?limit=201`);
  assert.equal(tooMany.statusCode, 422);
  assert.match(tooMany.body, /limit must be 200 or fewer/);
  const forged = Buffer.from(JSON.stringify(['A name', 'not-an-id'])).toString('base64url');
  assert.equal((await anonymous.get(`/p/${DEMO_SLUG}/data?after=${forged}`)).statusCode, 400);
});

test('benchmarks: the real Trafford file is imported, and the dashboard compares with England and the neighbours', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const trafford = rows.find((r) => r.area_name === 'Trafford')?.area_code as string;
  assert.equal(trafford, 'E08000009');
  const admin = as('admin');
  await admin.get('/data/settings');
  const set = await admin.post('/data/settings', {
    suppressUpTo: '5',
    areaCode: trafford.toLowerCase(),
    regionName: 'North West',
  });
  assert.equal(set.statusCode, 303, set.body);
  assert.match((await admin.get('/data/settings?saved=settings')).body, /value="E08000009"/);

  const before = await count('benchmark_values');
  const imported = await upload('admin', '/data/settings/benchmarks', {
    name: 'cla_health_assessment_trafford_neighbours.csv',
    data: Buffer.from(text),
  });
  assert.equal(imported.statusCode, 303, imported.body);
  // The file is Trafford's with its ten DfE statistical neighbours: being the first, it lists them.
  assert.equal(
    imported.headers.location,
    `/data/settings?imported=${rows.length}&skipped=0&others=0&listed=10`,
  );
  assert.equal(await count('benchmark_values'), before + rows.length);
  const listed = (await admin.get('/data/settings')).body;
  assert.match(listed, /Statistical neighbours: Bromley \(E09000006\), Buckinghamshire/);
  // Only the listed neighbours' figures are kept: another area's rows are passed over, not refused.
  const other = await upload('admin', '/data/settings/benchmarks', {
    name: 'other.csv',
    data: Buffer.from(
      `${text.split('\n')[0]}\nE09000030,Tower Hamlets,2023/24,CLA_HEALTH,Percentage,Persons,90\n`,
    ),
  });
  assert.equal(other.statusCode, 303, other.body);
  assert.equal(other.headers.location, '/data/settings?imported=0&skipped=0&others=1&listed=0');
  assert.equal(await count('benchmark_values'), before + rows.length);
  assert.equal(await loggedAll('benchmarks.imported'), 2);

  // The expected comparators, worked out from the file itself.
  const neighboursOf = (period: string) =>
    rows.filter((r) => r.period === period && r.area_code !== 'E92000001' && r.area_code !== trafford);
  const averageOf = (period: string) => {
    const values = neighboursOf(period).map((r) => Number(r.value));
    return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10_000) / 10_000;
  };
  const englandIn = (period: string) =>
    Number(rows.find((r) => r.period === period && r.area_code === 'E92000001')?.value);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const last = periods[periods.length - 1] as string;
  assert.equal(last, '2023/24');
  assert.equal(englandIn('2023/24'), 89, 'England 2023/24 as published');
  assert.equal(neighboursOf(last).length, 10);

  const row = await dashboardRow('CLA_HEALTH', undefined, 'member');
  assert.deepEqual(row.england, { value: englandIn(last), period: last });
  assert.deepEqual(row.neighbours, { value: averageOf(last), period: last, areas: 10 });
  assert.equal(row.neighbours?.value, 91.3);
  assert.equal(row.region, null, 'the file has no region');
  // For an older quarter, the benchmarks published by its end: 2018-19 Q4 ends on 31 March 2019.
  const older = await dashboardRow('CLA_HEALTH', '2019-01-01');
  assert.deepEqual(older.england, { value: englandIn('2018/19'), period: '2018/19' });
  assert.deepEqual(older.neighbours, { value: averageOf('2018/19'), period: '2018/19', areas: 10 });

  const page = await as('member').get(`/data/indicators/${idOf('CLA_HEALTH')}`);
  assert.equal(page.statusCode, 200);
  const benchmark = (name: string) =>
    new RegExp(
      `<th scope="row" class="govuk-table__header">${name}</th><td class="govuk-table__cell">([^<]*)</td><td class="govuk-table__cell">([^<]*)</td><td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)</td>`,
    )
      .exec(page.body)
      ?.slice(1);
  assert.deepEqual(benchmark('England'), ['England', '2023/24', '89.0%']);
  const ownRow = rows.find((r) => r.area_code === trafford && r.period === last) as Record<string, string>;
  assert.deepEqual(benchmark('Trafford'), ['This area', '2023/24', `${Number(ownRow.value).toFixed(1)}%`]);
  for (const neighbour of neighboursOf(last))
    assert.deepEqual(benchmark(neighbour.area_name as string), [
      'Statistical neighbours',
      '2023/24',
      `${Number(neighbour.value).toFixed(1)}%`,
    ]);
  const dashboardPage = await as('member').get('/data?limit=200');
  const shown = dashboardPageRow(dashboardPage.body, idOf('CLA_HEALTH'));
  assert.match(shown, new RegExp(`>${averageOf(last)}<br><span class="govuk-body-s">average of 10, 2023/24`));
  assert.match(shown, />89<br><span class="govuk-body-s">2023\/24/);

  // A file with a wrong value is refused whole: not even its good changes are kept.
  const lines = text.trimEnd().split('\n');
  const changed = lines.map((line) => {
    if (line.startsWith('E92000001,England,2023/24,')) return line.replace(/,89$/, ',50');
    if (line.startsWith('E08000029,Solihull,2023/24,')) return line.replace(/,88$/, ',eighty');
    return line;
  });
  assert.notDeepEqual(changed, lines);
  const badRow = changed.findIndex((l) => l.includes('eighty')) + 1;
  const refused = await upload('admin', '/data/settings/benchmarks', {
    name: 'bad.csv',
    data: Buffer.from(`${changed.join('\n')}\n`),
  });
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(summaryTexts(refused.body), [`Row ${badRow}, column value: Enter a number, not “eighty”`]);
  const over = lines.map((line) =>
    line.startsWith('E09000006,Bromley,2023/24,') ? line.replace(/,97$/, ',107') : line,
  );
  const overRefused = await upload('admin', '/data/settings/benchmarks', {
    name: 'over.csv',
    data: Buffer.from(over.join('\n')),
  });
  assert.equal(overRefused.statusCode, 400);
  assert.match(summaryTexts(overRefused.body).join(), /column value: A percentage cannot be more than 100/);
  assert.equal(await count('benchmark_values'), before + rows.length);
  assert.deepEqual((await dashboardRow('CLA_HEALTH')).england, { value: 89, period: '2023/24' });
  assert.equal(await loggedAll('benchmarks.imported'), 2);
  const noArea = await upload('admin', '/data/settings/benchmarks', {
    name: 'x.csv',
    data: Buffer.from('area_name,period,indicator,value\nTrafford,2023/24,CLA_HEALTH,83\n'),
  });
  assert.equal(noArea.statusCode, 400);
  assert.deepEqual(summaryTexts(noArea.body), ["Row 1: The file has no column headed 'area_code'"]);
  assert.equal(
    (
      await upload('data-lead', '/data/settings/benchmarks', {
        name: 'b.csv',
        data: Buffer.from(text),
      })
    ).statusCode,
    403,
  );
});

test('a figure changing beyond its threshold is an exception, escalated to the executive once', async () => {
  const callId = await openCall('2012-04-01', '2099-12-31');
  const sent = await api('admin', 'PUT', `/api/v1/data-calls/${callId}/submissions/${ICB()}`, {
    figures: [
      { indicator: 'CLA_HEALTH', period: '2012-01-01', value: 90 },
      { indicator: 'CLA_HEALTH', period: '2012-04-01', value: 60 },
    ],
    submit: true,
  });
  assert.equal(sent.statusCode, 200, sent.body);
  const council = await api('admin', 'PUT', `/api/v1/data-calls/${callId}/submissions/${LA()}`, {
    figures: [
      { indicator: 'CIN', period: '2012-01-01', value: 1000 },
      { indicator: 'CIN', period: '2012-04-01', value: 1050 },
    ],
    submit: true,
  });
  assert.equal(council.statusCode, 200, council.body);
  const row = await dashboardRow('CLA_HEALTH', '2012-04-01');
  assert.deepEqual(row.exception, ['Fell 33.3% from the previous quarter (threshold 10%)']);
  assert.deepEqual((await dashboardRow('CIN', '2012-04-01')).exception, [], '5% is within CIN’s 10%');

  const list = await as('member').get('/data/exceptions?quarter=2012-04-01');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /id="exception-CLA_HEALTH"/);
  assert.doesNotMatch(list.body, /id="exception-CIN"/);
  assert.match(list.body, /Fell 33\.3% from the previous quarter \(threshold 10%\)/);
  assert.doesNotMatch(
    (await as('data-lead').get('/data/exceptions?quarter=2012-04-01')).body,
    /Escalate to the executive/,
    'a data lead may not escalate',
  );

  const chair = as('chair');
  await chair.get('/data/exceptions?quarter=2012-04-01');
  const escalationsBefore = await count('escalations');
  const linksBefore = await count('data_exception_escalations');
  const escalate = (indicatorId: string, who = chair) =>
    who.post('/data/exceptions/escalate', { indicatorId, quarter: '2012-04-01' });
  const first = await escalate(idOf('CLA_HEALTH'));
  assert.equal(first.statusCode, 303, first.body);
  const number = /^\/data\/exceptions\?quarter=2012-04-01&escalated=(\d+)$/.exec(
    String(first.headers.location),
  )?.[1];
  assert.ok(number, String(first.headers.location));
  assert.equal(await count('escalations'), escalationsBefore + 1);
  assert.equal(await count('data_exception_escalations'), linksBefore + 1);
  const [link] = await t.db.query<{ escalationId: string }>(
    'SELECT escalation_id AS "escalationId" FROM data_exception_escalations WHERE indicator_id = $1',
    [idOf('CLA_HEALTH')],
  );
  const escalationId = link?.escalationId as string;
  const escalation = (await api('member', 'GET', `/api/v1/escalations/${escalationId}`)).json();
  assert.equal(escalation.number, Number(number));
  assert.equal(
    escalation.title,
    'Data exception: Children looked after who had their annual health assessment',
  );
  assert.match(escalation.issue, /2012-13 Q1 is 60\.0%/);
  assert.equal(await logged('data-exception.escalated', idOf('CLA_HEALTH')), 1);
  const escalatedPage = await as('member').get(`/data/exceptions?quarter=2012-04-01&escalated=${number}`);
  assert.match(escalatedPage.body, new RegExp(`Escalated to the executive as ESC-${number}`));
  assert.match(escalatedPage.body, new RegExp(`href="/escalations/${escalationId}">ESC-${number}</a>`));

  const again = await escalate(idOf('CLA_HEALTH'));
  assert.equal(again.statusCode, 409);
  assert.deepEqual(summaryTexts(again.body), [
    'Children looked after who had their annual health assessment is already escalated for 2012-13 Q1',
  ]);
  const notException = await escalate(idOf('CIN'));
  assert.equal(notException.statusCode, 409);
  assert.deepEqual(summaryTexts(notException.body), ['Children in need is not an exception for 2012-13 Q1']);
  const lead = as('data-lead');
  await lead.get('/data/exceptions?quarter=2012-04-01');
  assert.equal((await escalate(idOf('CLA_HEALTH'), lead)).statusCode, 403);
  assert.equal(await count('escalations'), escalationsBefore + 1);
  assert.equal(await count('data_exception_escalations'), linksBefore + 1);
  assert.equal(await logged('data-exception.escalated', idOf('CLA_HEALTH')), 1);
});

test('exports: the dashboard as CSV and Excel, the quarter’s pack as Word and PDF', async () => {
  const callId = await openCall('2010-04-01', '2099-12-31');
  const sent = await api('admin', 'PUT', `/api/v1/data-calls/${callId}/submissions/${LA()}`, {
    figures: [
      { indicator: 'CLA', period: '2010-01-01', value: 1000 },
      { indicator: 'CLA', period: '2010-04-01', value: 1111 },
      { indicator: 'CLA_FOSTER', period: '2010-04-01', value: 71.5 },
    ],
    narrative: 'More children came into care after two sibling groups were placed.',
    submit: true,
  });
  assert.equal(sent.statusCode, 200, sent.body);
  const member = as('member');

  const csv = await member.get('/data/dashboard.csv?quarter=2010-04-01');
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(String(csv.headers['content-disposition']), /data-dashboard-2010-11-Q1\.csv/);
  const table = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
  assert.equal(
    table.length,
    indicators.filter((i) => !i.retired).length,
    'every indicator, published or not',
  );
  const cla = table.find((r) => r.Code === 'CLA') as Record<string, string>;
  assert.equal(cla.Indicator, 'Children looked after');
  assert.equal(cla['Quarter of the figure'], '2010-11 Q1');
  assert.equal(cla['Not for the quarter asked'], 'no');
  assert.equal(cla.Figure, '1111');
  assert.equal(cla['Previous quarter'], '1000');
  assert.equal(cla['Change since previous quarter'], "'+111 (+11.1%)", 'a leading + is never a formula');
  assert.equal((table.find((r) => r.Code === 'CLA_FOSTER') as Record<string, string>).Figure, '71.5');

  const xlsx = await member.get('/data/dashboard.xlsx?quarter=2010-04-01');
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  assert.equal(sheet.name, 'Dashboard 2010-11 Q1');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 8), [
    'Code',
    'Indicator',
    'Owner',
    'Unit',
    'Quarter of the figure',
    'Not for the quarter asked',
    'Figure',
    'Rate per 10,000',
  ]);
  const column = (name: string) => header.indexOf(name) + 1;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === 'CLA') found = row;
  });
  assert.ok(found, 'the CLA row');
  assert.equal(found.getCell(column('Figure')).value, 1111);
  assert.equal(found.getCell(column('Previous quarter')).value, 1000);
  assert.equal(found.getCell(column('Change since previous quarter')).value, '+111 (+11.1%)');
  assert.equal(found.getCell(column('Owner')).value, LA_NAME);

  const docx = await member.get(`/data/calls/${callId}/pack.docx`);
  assert.equal(docx.statusCode, 200);
  assert.match(String(docx.headers['content-disposition']), /data-pack-for-2010-11-q1\.docx/);
  const word = docxText(docx.rawPayload);
  for (const text of [
    'Data pack for 2010-11 Q1',
    'Compliance return',
    LA_NAME,
    'Partly submitted',
    'Exceptions',
    'Rose 11.1% from the previous quarter (threshold 10%)',
    'Children looked after',
    '1,111',
    'More children came into care after two sibling groups were placed.',
  ])
    assert.ok(word.includes(text), `the Word pack has “${text}”`);
  const pdf = await member.get(`/data/calls/${callId}/pack.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const { text, pages } = await pdfText(pdf.rawPayload);
  assert.ok(pages >= 1);
  for (const expected of [
    'Data pack for 2010-11 Q1',
    'Compliance return',
    'Rose 11.1% from the previous quarter',
    'More children came into care after two sibling groups were placed.',
  ])
    assert.ok(text.includes(expected), `the PDF pack has “${expected}”`);
  assert.equal((await as('data-lead').get(`/data/calls/${callId}/pack.pdf`)).statusCode, 200);

  // The compliance return and the published view as spreadsheets.
  const returned = await member.get(`/data/calls/${callId}/compliance.csv`);
  assert.equal(returned.statusCode, 200);
  const agencies = parse(returned.body, { bom: true, columns: true }) as Record<string, string>[];
  const la = agencies.find((a) => a.Agency === LA_NAME);
  assert.equal(la?.Status, 'Partly submitted');
  assert.equal(la?.['For the quarter'], '2');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await member.get(`/data/calls/${callId}/compliance.xlsx`)).rawPayload as never);
  assert.equal(workbook.worksheets[0]?.getRow(1).getCell(1).value, 'Agency');
  const published = await member.get('/data/published.csv');
  assert.equal(published.statusCode, 200);
  const publicRows = parse(published.body, { bom: true, columns: true }) as Record<string, string>[];
  const sexual = publicRows.find((r) => r.Indicator === 'Child protection plans: sexual abuse');
  assert.equal(sexual?.Figure, 'c');
});

test('another partnership’s calls and indicators are not found', async () => {
  const otherCall = (await api('otherAdmin', 'GET', '/api/v1/data-calls')).json().items[0].id as string;
  const otherIndicator = (await api('otherAdmin', 'GET', '/api/v1/indicators?q=CLA_HEALTH')).json().items[0]
    .id as string;
  const otherAgency = (await api('otherAdmin', 'GET', '/api/v1/partners')).json().items[0].id as string;
  assert.notEqual(otherIndicator, idOf('CLA_HEALTH'));
  const before = await count('data_figures');
  assert.equal((await api('admin', 'GET', `/api/v1/data-calls/${otherCall}/compliance`)).statusCode, 404);
  assert.equal((await api('admin', 'GET', `/api/v1/indicators/${otherIndicator}`)).statusCode, 404);
  const pushed = await api('admin', 'PUT', `/api/v1/data-calls/${otherCall}/submissions/${ICB()}`, {
    figures: [{ indicator: 'CLA_HEALTH', period: '2020-01-01', value: 80 }],
    submit: true,
  });
  assert.equal(pushed.statusCode, 404);
  const ownCall = (await api('admin', 'GET', '/api/v1/data-calls')).json().items[0].id as string;
  const toOtherAgency = await api(
    'admin',
    'PUT',
    `/api/v1/data-calls/${ownCall}/submissions/${otherAgency}`,
    {
      figures: [{ indicator: 'CLA_HEALTH', period: '2020-01-01', value: 80 }],
    },
  );
  assert.equal(toOtherAgency.statusCode, 404);
  const admin = as('admin');
  for (const url of [
    `/data/calls/${otherCall}`,
    `/data/calls/${otherCall}/pack.pdf`,
    `/data/calls/${otherCall}/agencies/${ICB()}`,
    `/data/indicators/${otherIndicator}`,
    `/data/indicators/${otherIndicator}/edit`,
  ])
    assert.equal((await admin.get(url)).statusCode, 404, url);
  await admin.get('/data/exceptions');
  assert.equal(
    (await admin.post('/data/exceptions/escalate', { indicatorId: otherIndicator, quarter: '2020-01-01' }))
      .statusCode,
    404,
  );
  const uploaded = await upload(
    'admin',
    `/data/calls/${otherCall}/upload`,
    csvFile([[ICB_NAME, 'CLA_HEALTH', '2020-01-01', '80']]),
  );
  assert.equal(uploaded.statusCode, 404);
  assert.equal(await count('data_figures'), before);
});

test('the headline figure: every partner’s counts add up, and a removed figure gives way to the one submitted before it', async () => {
  const first = await openCall('2009-04-01', '2099-12-31');
  const second = await openCall('2009-07-01', '2099-12-31');
  const push = async (who: string, callId: string, agency: string, figures: object[]) => {
    const response = await api(who, 'PUT', `/api/v1/data-calls/${callId}/submissions/${agency}`, {
      figures,
      submit: true,
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  await push('data-lead', first, ICB(), [{ indicator: 'CLA_HEALTH', period: '2009-10 Q1', value: 70 }]);
  assert.equal((await dashboardRow('CLA_HEALTH', '2009-04-01')).value, 70);
  // The next call corrects the quarter before: the correction is shown.
  await push('data-lead', second, ICB(), [{ indicator: 'CLA_HEALTH', period: '2009-10 Q1', value: 75 }]);
  assert.equal((await dashboardRow('CLA_HEALTH', '2009-04-01')).value, 75);
  // The correction is taken back on the form: the figure submitted before it is shown again.
  const blanked = await sendForm('data-lead', second, ICB(), { CLA_HEALTH: ['', '2009-04-01'] }, 'submit');
  assert.equal(blanked.statusCode, 303, blanked.body);
  assert.equal((await dashboardRow('CLA_HEALTH', '2009-04-01')).value, 70);
  // Amendments of submitted submissions, by the API: the figure written last is the one shown, and
  // only one figure is ever current for an indicator, agency and quarter.
  await push('data-lead', second, ICB(), [{ indicator: 'CLA_HEALTH', period: '2009-10 Q1', value: 76 }]);
  assert.equal((await dashboardRow('CLA_HEALTH', '2009-04-01')).value, 76);
  await push('data-lead', first, ICB(), [{ indicator: 'CLA_HEALTH', period: '2009-10 Q1', value: 72 }]);
  assert.equal((await dashboardRow('CLA_HEALTH', '2009-04-01')).value, 72);
  const current = await t.db.query<{ value: number }>(
    `SELECT f.value::float8 AS value FROM data_figures f JOIN indicators i ON i.id = f.indicator_id
      WHERE i.code = 'CLA_HEALTH' AND f.agency_id = $1 AND f.period_starts_on = '2009-04-01' AND f.current
        AND i.partnership_id = (SELECT partnership_id FROM data_calls WHERE id = $2)`,
    [ICB(), first],
  );
  assert.deepEqual(
    current.map((c) => c.value),
    [72],
  );

  // A count asked of every partner is the sum of every agency's submitted figure.
  await push('data-lead', first, ICB(), [{ indicator: 'TRAINED', period: '2009-10 Q1', value: 5 }]);
  await push('admin', first, LA(), [{ indicator: 'TRAINED', period: '2009-10 Q1', value: 10 }]);
  assert.equal((await dashboardRow('TRAINED', '2009-04-01')).value, 15);
  // A draft adds nothing until it is submitted.
  const draft = await api('admin', 'PUT', `/api/v1/data-calls/${first}/submissions/${POLICE()}`, {
    figures: [{ indicator: 'TRAINED', period: '2009-10 Q1', value: 100 }],
  });
  assert.equal(draft.statusCode, 200, draft.body);
  assert.equal((await dashboardRow('TRAINED', '2009-04-01')).value, 15);

  // The return by indicator counts submitted answers only: the police's draft is not one.
  const byIndicator = (await api('admin', 'GET', `/api/v1/data-calls/${first}/compliance`)).json()
    .indicators as {
    code: string;
    asked: number;
    forQuarter: number;
    olderOnly: number;
    missing: number;
  }[];
  const partners = (
    await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM agencies WHERE partnership_id = (SELECT partnership_id FROM data_calls WHERE id = $1) AND is_active',
      [first],
    )
  )[0]?.n as number;
  const trained = byIndicator.find((i) => i.code === 'TRAINED');
  assert.deepEqual(trained && { ...trained }, {
    ...trained,
    asked: partners,
    forQuarter: 2,
    olderOnly: 0,
    missing: partners - 2,
  });
  const health = byIndicator.find((i) => i.code === 'CLA_HEALTH');
  assert.deepEqual(health && [health.asked, health.forQuarter, health.missing], [1, 1, 0]);
});

test('a narrative that looks like a child’s date of birth or postcode is held back until confirmed', async () => {
  const callId = await openCall('2009-10-01', '2099-12-31');
  const before = await count('data_submissions');
  const narrative = 'Rise driven by one family at E1 6AN';
  const held = await sendForm('data-lead', callId, ICB(), { CDOP_REVIEWED: '4' }, 'submit', narrative);
  assert.equal(held.statusCode, 400);
  assert.match(summaryTexts(held.body).join('\n'), /The narrative seems to contain a postcode \(“E1 6AN”\)/);
  assert.match(held.body, /name="confirmNoPersonalData"/);
  assert.equal(await count('data_submissions'), before);
  const api422 = await api('data-lead', 'PUT', `/api/v1/data-calls/${callId}/submissions/${ICB()}`, {
    figures: [],
    narrative,
  });
  assert.equal(api422.statusCode, 422, api422.body);
  assert.equal(await count('data_submissions'), before);
  const confirmed = await api('data-lead', 'PUT', `/api/v1/data-calls/${callId}/submissions/${ICB()}`, {
    figures: [],
    narrative,
    confirmNoPersonalData: true,
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
});
