import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addQuarters, quarterStart, shortQuarterLabel } from '../../src/platform/calendar/quarters.ts';
import { todayInLondon } from '../../src/platform/calendar/today.ts';
import {
  assertAccessible,
  fillDate,
  type Hub,
  heading,
  screenshot,
  signIn,
  startHub,
  text,
} from '../helpers/browser.ts';

/**
 * The data dashboard as issue 7's "done when" tells it: the business unit opens a quarter's call; the
 * ICB's data lead answers it by the form (one figure only for the quarter before) and by uploading a
 * file; the business unit sees the compliance return, with the police missing from the last call and
 * the ICB's figure out of period; the dashboard compares and charts the figures with tables beside;
 * the public view shows a count of 3 as c. Every page is scanned with axe on the way.
 */
const ICB = 'NHS North East London Integrated Care Board';
const POLICE = 'Metropolitan Police Service, Central East BCU';
const today = todayInLondon();
const quarter = quarterStart(today);
const previous = addQuarters(quarter, -1);
let hub: Hub;
let admin: Page;
let lead: Page;
let callUrl = '';

before(async () => {
  hub = await startHub();
  admin = await hub.newPage();
  lead = await hub.newPage();
  await signIn(admin, 'admin@demo.example');
  await signIn(lead, 'data-lead@demo.example');
});
after(() => hub?.close());

test('the business unit opens the call for this quarter', async () => {
  await admin.goto('/data/calls');
  await admin.getByRole('button', { name: 'Open a data call' }).click();
  await admin.getByLabel('Quarter the figures are for').selectOption(quarter);
  const [year, month, day] = today.split('-') as [string, string, string];
  await fillDate(admin, 'Deadline', day, month, year);
  await admin.getByRole('button', { name: 'Open the call' }).click();
  await admin.waitForURL(/\/data\/calls\/[0-9a-f-]+\?opened=1$/);
  callUrl = admin.url().replace(/\?.*$/, '');
  assert.equal(await heading(admin), `Figures for ${shortQuarterLabel(quarter)}`);
  const icb = admin.getByRole('row', { name: new RegExp(`^${ICB}`) });
  assert.match(await text(icb), /Not yet submitted/);
  await assertAccessible(admin, 'a new call');
});

test('the ICB’s data lead answers by the form, with one figure for the quarter before', async () => {
  await lead.goto('/data');
  await lead.getByRole('link', { name: 'Data calls' }).click();
  await lead.getByRole('link', { name: shortQuarterLabel(quarter) }).click();
  await lead.getByRole('link', { name: 'Enter or upload your agency’s figures' }).click();
  assert.equal(await heading(lead), `Figures for ${shortQuarterLabel(quarter)}`);
  await assertAccessible(lead, 'the submission form');

  const deaths = lead.getByRole('group', { name: /^Child deaths reviewed/ });
  const health = lead.getByRole('group', {
    name: /^Children looked after who had their annual health assessment/,
  });
  await deaths.getByLabel('Figure', { exact: true }).fill('lots');
  await health.getByLabel('Figure', { exact: true }).fill('87.5');
  await health.getByLabel('Quarter of the figure').selectOption(previous);
  await lead
    .getByLabel('Narrative')
    .fill('Two more reviews finished than last quarter; the health figure lags a quarter.');
  await lead.getByRole('button', { name: 'Submit to the partnership' }).click();
  await lead.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await lead.locator('.govuk-error-summary a').allTextContents(), [
    'Child deaths reviewed: Enter a number, not “lots”',
  ]);
  // Nothing was lost, and the summary's link puts the cursor in the field.
  assert.equal(await health.getByLabel('Figure', { exact: true }).inputValue(), '87.5');
  await assertAccessible(lead, 'the submission form, errors');
  await lead.locator('.govuk-error-summary a').click();
  assert.equal(
    await lead.evaluate(() =>
      document.activeElement
        ?.closest('fieldset')
        ?.querySelector('legend')
        ?.textContent?.trim()
        .startsWith('Child deaths reviewed'),
    ),
    true,
  );

  await deaths.getByLabel('Figure', { exact: true }).fill('9');
  await lead.getByRole('button', { name: 'Save as draft' }).click();
  await lead.waitForURL(/\?saved=1$/);
  assert.match(await text(lead.locator('.govuk-notification-banner, .hub-flash').first()), /Draft saved/);
  await lead.getByRole('button', { name: 'Submit to the partnership' }).click();
  await lead.waitForURL(/\?submitted=1$/);
  assert.match(await text(lead.locator('.govuk-inset-text').first()), /^Submitted on /);
});

test('the data lead uploads a file: a bad one changes nothing, a good one is saved', async () => {
  const upload = async (csv: string) => {
    await lead.setInputFiles('#file', {
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await lead.getByRole('button', { name: 'Upload figures' }).click();
  };
  const q = shortQuarterLabel(quarter);
  await upload(`agency,indicator,period,value\n${ICB},TRAINED,${q},-4\n${ICB},TRAINED,${q},12\n`);
  await lead.locator('.govuk-error-summary').waitFor();
  assert.deepEqual(await lead.locator('.govuk-error-summary a').allTextContents(), [
    'Row 2, column D (value): A figure cannot be negative',
  ]);
  await assertAccessible(lead, 'an upload with errors');
  await upload(`agency,indicator,period,value\n${ICB},TRAINED,${q},31\n`);
  await lead.waitForURL(/\?uploaded=1$/);
  assert.match(await text(lead.locator('main')), /1 figure saved from the upload/);
  assert.equal(
    await lead
      .getByRole('group', { name: /^Practitioners trained/ })
      .getByLabel('Figure', { exact: true })
      .inputValue(),
    '31',
  );
  await screenshot(lead, 'data-submission-after-upload');
});

test('the business unit sees the compliance return: the ICB partly, with its figure out of period', async () => {
  await admin.goto(callUrl);
  const compliance = admin.getByRole('table', { name: /^Who has answered/ });
  const icb = compliance.getByRole('row', { name: new RegExp(`^${ICB}`) });
  assert.match(await text(icb), /Partly submitted/);
  const outOfPeriod = admin.getByRole('table', { name: 'Figures for an older quarter' });
  const cells = await outOfPeriod.getByRole('row').nth(1).getByRole('cell').allTextContents();
  assert.deepEqual(
    cells.map((c) => c.replace(/\s+/g, ' ').trim()),
    [
      ICB,
      'Children looked after who had their annual health assessment (CLA_HEALTH)',
      shortQuarterLabel(previous),
    ],
  );
  await assertAccessible(admin, 'the compliance return');
  await screenshot(admin, 'data-compliance');

  // The quarter before's call: its deadline has passed and the police never answered it.
  await admin.goto('/data/calls');
  await admin.getByRole('link', { name: shortQuarterLabel(previous), exact: true }).click();
  const previousReturn = admin.getByRole('table', { name: /^Who has answered/ });
  assert.match(
    await text(previousReturn.getByRole('row', { name: new RegExp(`^${POLICE}`) })),
    /Not submitted/,
  );
  assert.match(await text(admin.getByRole('table', { name: 'Figures for an older quarter' })), /CLA_HEALTH/);
});

test('the dashboard compares the figures and charts them beside their tables', async () => {
  await admin.goto(`/data?quarter=${quarter}`);
  const latest = (name: RegExp) => text(admin.getByRole('row', { name }).getByRole('cell').first());
  assert.equal(await latest(/^Child deaths reviewed/), '9');
  assert.match(
    await latest(/^Children looked after who had their annual health assessment/),
    new RegExp(`^87\\.5%\\s*For ${shortQuarterLabel(previous)}, not ${shortQuarterLabel(quarter)}$`),
  );
  await assertAccessible(admin, 'the dashboard');

  await admin.goto(`/data?quarter=${previous}`);
  const looked = admin.getByRole('row', { name: /^Children looked after\s*London/ }).getByRole('cell');
  assert.match(await text(looked.nth(0)), /^[\d,]+\s*[\d.]+ per 10,000$/);
  assert.match(await text(looked.nth(1)), /^(No change|▲ \+|▼ −)/);
  await admin.getByRole('link', { name: 'Children looked after', exact: true }).click();
  const chart = admin.locator('figure svg[role="img"]').first();
  assert.match((await chart.getAttribute('aria-label')) ?? '', /Children looked after, quarter by quarter/);
  const table = admin.getByRole('table', { name: 'Children looked after by quarter' });
  assert.ok((await table.getByRole('row').count()) > 10);
  assert.equal(
    await admin.locator('figure svg[role="img"]').count(),
    2,
    'a line over time and bars against benchmarks',
  );
  await assertAccessible(admin, 'an indicator page');
  await screenshot(admin, 'data-indicator-charts');
});

test('the public view shows a count of 3 as c, and hides one more figure of its group', async () => {
  const visitor = await hub.newPage();
  await visitor.goto('/p/tower-hamlets-demo/data');
  const sexual = visitor.getByRole('row', { name: /^Child protection plans: sexual abuse/ });
  assert.match(await text(sexual), /^Child protection plans: sexual abuse c /);
  const physical = visitor.getByRole('row', { name: /^Child protection plans: physical abuse/ });
  assert.match(await text(physical), /^Child protection plans: physical abuse c /);
  assert.doesNotMatch(await text(visitor.locator('main')), /Re-referrals/);
  await assertAccessible(visitor, 'the public figures');
});
