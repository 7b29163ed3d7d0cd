import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiAs, apiToken, auditEntries, Browser, type TestApp, testApp } from '../helpers/app.ts';

/**
 * The dashboard's views on the demo partnership's own series (a call every quarter since April 2016):
 * its 2020-21 figures are the published ones, each figure is compared with the quarter and the year
 * before, and an indicator's themes and priorities decide which views show it.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
let partnershipId = '';

before(async () => {
  t = await testApp();
  for (const who of ['admin', 'data-lead']) tokens[who] = await apiToken(t.app, `${who}@demo.example`);
  const [row] = await t.db.query<{ id: string }>(
    "SELECT partnership_id AS id FROM users WHERE email = 'admin@demo.example'",
  );
  partnershipId = row?.id ?? '';
});
after(() => t.close());

const api = apiAs(() => t.app, tokens);

type Row = { code: string; period: string | null; value: number | null; rate: number | null };
type Compared = Row & { previous: number | null; lastYear: number | null };

async function dashboard(query: string): Promise<Compared[]> {
  const response = await api('admin', 'GET', `/api/v1/dashboard?limit=200&${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items;
}
const byCode = (rows: Row[]) => new Map(rows.map((r) => [r.code, r]));

test('the demo’s March 2021 quarter holds the published figures, with the rate per 10,000 worked out', async () => {
  const rows = byCode(await dashboard('quarter=2021-01-01'));
  assert.equal(rows.get('CIN')?.value, 2944, 'children in need at 31 March 2021');
  assert.equal(rows.get('CIN')?.rate, 407.0, '2,944 in a 0-17 population of 72,334');
  assert.equal(rows.get('CPP')?.value, 235, 'children on protection plans');
  assert.equal(rows.get('CLA')?.value, 306, 'children looked after');
});

test('each figure is compared with the quarter before and with the same quarter a year before', async () => {
  const quarter = byCode(await dashboard('quarter=2023-01-01'));
  const before = byCode(await dashboard('quarter=2022-10-01'));
  const yearBefore = byCode(await dashboard('quarter=2022-01-01'));
  let compared = 0;
  for (const [code, row] of quarter as Map<string, Compared>) {
    if (row.value === null || row.period !== '2023-01-01') continue;
    const previous = before.get(code);
    const lastYear = yearBefore.get(code);
    if (previous?.period === '2022-10-01')
      assert.equal(row.previous, previous.value, `${code}: quarter before`);
    if (lastYear?.period === '2022-01-01') {
      assert.equal(row.lastYear, lastYear.value, `${code}: a year before`);
      compared += 1;
    }
  }
  assert.ok(compared >= 20, `most indicators have a figure a year before (${compared})`);

  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const csv = await admin.get('/data/dashboard.csv?quarter=2023-01-01');
  assert.equal(csv.statusCode, 200, csv.body);
  const records = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
  const cin = records.find((r) => r.Code === 'CIN');
  assert.ok(cin, `children in need is in the export: ${Object.keys(records[0] ?? {}).join(', ')}`);
  const apiCin = quarter.get('CIN') as Compared;
  assert.equal(Number(cin['Same quarter last year']), apiCin.lastYear, 'the export has the same comparison');
});

test('an indicator’s themes and priorities decide which views show it, and a change moves it', async () => {
  const themes = await t.db.query<{ id: string }>(
    'SELECT id FROM plan_themes WHERE partnership_id = $1 ORDER BY name LIMIT 2',
    [partnershipId],
  );
  const [priority] = await t.db.query<{ id: string }>(
    'SELECT id FROM priorities WHERE partnership_id = $1 ORDER BY name LIMIT 1',
    [partnershipId],
  );
  const [agency] = await t.db.query<{ id: string }>(
    "SELECT id FROM agencies WHERE partnership_id = $1 AND kind = 'icb'",
    [partnershipId],
  );
  const [first, second] = themes;
  assert.ok(first && second && priority && agency, 'the demo has themes, priorities and an ICB');
  const codesIn = async (query: string) => (await dashboard(query)).map((r) => r.code);

  const fields = {
    code: 'VIEWS_TEST',
    name: 'Children seen within a week of referral',
    unit: 'count',
    polarity: 'higher',
    agencyId: agency.id,
    askedOf: 'owner',
  };
  const created = await api('admin', 'POST', '/api/v1/indicators', {
    ...fields,
    themeIds: [first.id],
    priorityIds: [priority.id],
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  assert.equal(await auditEntries(t.db, 'indicator.created', id), 1);
  assert.ok((await codesIn(`themeId=${first.id}`)).includes('VIEWS_TEST'));
  assert.ok(!(await codesIn(`themeId=${second.id}`)).includes('VIEWS_TEST'));
  assert.ok((await codesIn(`priorityId=${priority.id}`)).includes('VIEWS_TEST'));

  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  await admin.get(`/data/indicators/${id}/edit`);
  const form = { ...fields, themeIds: second.id, priorityIds: '' };
  const edited = await admin.post(`/data/indicators/${id}`, form);
  assert.equal(edited.statusCode, 303, edited.body);
  assert.equal(await auditEntries(t.db, 'indicator.updated', id), 1);
  assert.ok(!(await codesIn(`themeId=${first.id}`)).includes('VIEWS_TEST'));
  assert.ok((await codesIn(`themeId=${second.id}`)).includes('VIEWS_TEST'));
  assert.ok(!(await codesIn(`priorityId=${priority.id}`)).includes('VIEWS_TEST'));

  const [foreign] = await t.db.query<{ id: string }>(
    'SELECT id FROM plan_themes WHERE partnership_id <> $1 LIMIT 1',
    [partnershipId],
  );
  assert.ok(foreign, 'another partnership has a theme');
  const refused = await admin.post(`/data/indicators/${id}`, { ...form, themeIds: foreign.id });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary[\s\S]*Select themes from the list/);
  assert.ok((await codesIn(`themeId=${second.id}`)).includes('VIEWS_TEST'), 'nothing half-saved');
  assert.equal(await auditEntries(t.db, 'indicator.updated', id), 1);
});

test('the indicator page and the exceptions list download as CSV and Excel, as the pages show them', async () => {
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const [cin] = await t.db.query<{ id: string }>(
    "SELECT id FROM indicators WHERE partnership_id = $1 AND code = 'CIN'",
    [partnershipId],
  );
  assert.ok(cin);
  const page = await admin.get(`/data/indicators/${cin.id}?quarter=2021-01-01`);
  assert.match(page.body, new RegExp(`href="/data/indicators/${cin.id}/figures.csv\\?quarter=2021-01-01"`));
  const csv = await admin.get(`/data/indicators/${cin.id}/figures.csv?quarter=2021-01-01`);
  assert.equal(csv.statusCode, 200, csv.body);
  assert.match(String(csv.headers['content-disposition']), /attachment; filename="cin-to-2020-21-Q4.csv"/);
  const records = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
  const march2021 = records.find((r) => r.Table === 'By quarter' && r['Quarter or period'] === '2020-21 Q4');
  assert.ok(march2021, csv.body.slice(0, 300));
  assert.equal(march2021.Figure, '2944');
  assert.equal(march2021['Rate per 10,000'], '407');
  const pageRows = (page.body.match(/<tr class="govuk-table__row"><th scope="row"/g) ?? []).length;
  assert.equal(
    records.filter((r) => r.Table === 'By quarter').length,
    pageRows,
    'the quarters the page shows',
  );
  const xlsx = await admin.get(`/data/indicators/${cin.id}/figures.xlsx?quarter=2021-01-01`);
  assert.equal(xlsx.statusCode, 200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  assert.equal(sheet?.getRow(1).getCell(1).value, 'Table');
  assert.equal(sheet?.rowCount, records.length + 1, 'the same rows as the CSV');

  // Any change in children in need since the quarter before is now beyond its threshold.
  await t.db.query(
    "UPDATE indicators SET change_threshold = 0.001 WHERE partnership_id = $1 AND code = 'CIN'",
    [partnershipId],
  );
  const exceptions = await admin.get('/data/exceptions?quarter=2023-01-01');
  assert.equal(exceptions.statusCode, 200);
  assert.match(exceptions.body, /id="exception-CIN"/);
  assert.match(exceptions.body, /href="\/data\/exceptions.csv\?quarter=2023-01-01"/);
  const listed = (exceptions.body.match(/class="govuk-summary-card" id="exception-/g) ?? []).length;
  const download = await admin.get('/data/exceptions.csv?quarter=2023-01-01');
  assert.equal(download.statusCode, 200);
  const rows = parse(download.body, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(rows.length, listed, 'one row an exception on the page');
  const row = rows.find((r) => r.Code === 'CIN');
  assert.ok(row);
  assert.match(row['Why it is an exception'] ?? '', /threshold/i);
  const bad = await admin.get('/data/exceptions.csv?quarter=2023-02-30');
  assert.equal(bad.statusCode, 422, 'a quarter that is not one is the asker’s error');
});

test('a small part left unpublished cannot be worked out from its published total and the other parts', async () => {
  const latest = byCode(await dashboard(''));
  const value = (code: string) => latest.get(code)?.value as number;
  assert.equal(value('CPP_SEXUAL'), 3, 'the demo’s latest quarter has 3 plans for sexual abuse');
  const others = ['CPP_NEGLECT', 'CPP_PHYSICAL', 'CPP_EMOTIONAL']
    .filter((code) => value(code) > 5)
    .sort((a, b) => value(a) - value(b));
  const [smallest, ...rest] = others;
  assert.ok(smallest && rest.length > 0);
  const ids = new Map(
    (
      await t.db.query<{ code: string; id: string }>(
        'SELECT code, id FROM indicators WHERE partnership_id = $1',
        [partnershipId],
      )
    ).map((r) => [r.code, r.id]),
  );
  // The business unit stops publishing the plans for sexual abuse (a setting of the indicator).
  await t.db.query(
    "UPDATE indicators SET published = false WHERE partnership_id = $1 AND code = 'CPP_SEXUAL'",
    [partnershipId],
  );
  const cellOf = (html: string, code: string) =>
    new RegExp(`data-indicator="${ids.get(code)}">([^<]*)<`).exec(html)?.[1] ?? null;
  const page = (await new Browser(t.app).get('/p/tower-hamlets-demo/data')).body;
  assert.equal(cellOf(page, 'CPP_SEXUAL'), null, 'not published, not shown');
  assert.equal(cellOf(page, 'CPP'), value('CPP').toLocaleString('en-GB'));
  assert.equal(cellOf(page, smallest), 'c', `${smallest} is hidden, or the 3 is the total less the parts`);
  for (const code of rest) assert.equal(cellOf(page, code), value(code).toLocaleString('en-GB'), code);

  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const csv = parse((await admin.get('/data/published.csv')).body, { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  const names = new Map(
    (
      await t.db.query<{ code: string; name: string }>(
        'SELECT code, name FROM indicators WHERE partnership_id = $1',
        [partnershipId],
      )
    ).map((r) => [r.code, r.name]),
  );
  assert.ok(!csv.some((r) => r.Indicator === names.get('CPP_SEXUAL')));
  assert.equal(csv.find((r) => r.Indicator === names.get(smallest))?.Figure, 'c');
});

test('a call’s return by indicator downloads as CSV and Excel, with the figures of the API', async () => {
  const call = (await api('admin', 'GET', '/api/v1/data-calls')).json().items[0];
  assert.ok(call, 'the demo has calls');
  const returned = (await api('admin', 'GET', `/api/v1/data-calls/${call.id}/compliance`)).json()
    .indicators as {
    code: string;
    asked: number;
    forQuarter: number;
    olderOnly: number;
  }[];
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const page = await admin.get(`/data/calls/${call.id}/indicators`);
  assert.match(page.body, new RegExp(`href="/data/calls/${call.id}/indicators.xlsx"`));
  const csv = await admin.get(`/data/calls/${call.id}/indicators.csv`);
  assert.equal(csv.statusCode, 200);
  const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(rows.length, returned.length);
  for (const r of returned) {
    const row = rows.find((x) => x.Code === r.code);
    assert.ok(row, r.code);
    assert.deepEqual(
      [row['Agencies asked'], row['For the quarter'], row['Older quarter only']].map(Number),
      [r.asked, r.forQuarter, r.olderOnly],
      r.code,
    );
  }
  const xlsx = await admin.get(`/data/calls/${call.id}/indicators.xlsx`);
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
});
