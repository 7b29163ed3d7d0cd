import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
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
 * The single learning action plan, as PRODUCT §4 and issue 6 describe it: a practice review's
 * recommendation and an audit's finding on the same theme become one action with two sources; its
 * owner completes it, the QA and Performance group marks it embedded with evidence, and the themes
 * page shows it. Each page is scanned with axe on the way.
 */
let hub: Hub;
let admin: Page;
let actionUrl = '';
const TEXT = 'Use the Graded Care Profile 2 in every neglect assessment';
before(async () => {
  hub = await startHub();
  admin = await hub.newPage();
  await signIn(admin, 'admin@demo.example');
});
after(() => hub?.close());

test('a practice review’s recommendation goes into the plan as an action', async () => {
  await admin.goto('/cases');
  await admin.getByRole('link', { name: 'Child C' }).click();
  await admin.getByText('Add a theme or recommendation').click();
  await admin.getByLabel('Theme', { exact: true }).fill('Neglect');
  await admin
    .getByLabel('Recommendation (optional)')
    .fill('Assess neglect with the Graded Care Profile 2 in every case');
  await admin.getByRole('button', { name: 'Add', exact: true }).click();
  await admin.waitForLoadState();
  await admin.getByRole('button', { name: /^Add to the action plan\W+Neglect$/ }).click();
  await admin.waitForURL(/\/actions\/new\?source=/);
  assert.equal(await heading(admin), 'Add an action to the plan');
  assert.match(await text(admin.locator('.govuk-caption-l')), /Practice review: Child C/);
  await assertAccessible(admin, 'add an action');

  // Nothing chosen: the errors say what is missing, and the words are kept.
  await admin.getByLabel('The action', { exact: true }).fill(TEXT);
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForLoadState();
  assert.deepEqual(await admin.locator('.govuk-error-summary a').allTextContents(), [
    'Select the agency that owns the action',
    'Enter the date the action is due',
  ]);
  assert.equal(await admin.getByLabel('The action', { exact: true }).inputValue(), TEXT);
  await assertAccessible(admin, 'add an action, errors');

  await admin.getByRole('checkbox', { name: 'Neglect' }).check();
  await admin
    .getByLabel('Owning agency', { exact: true })
    .selectOption({ label: 'East London NHS Foundation Trust' });
  await fillDate(admin, 'Due date', '31', '3', '2027');
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForURL(/\/actions\/[0-9a-f-]{36}\?added=1/);
  actionUrl = admin.url().split('?')[0] as string;
  assert.equal(await heading(admin), TEXT);
  assert.match(await text(admin.locator('.govuk-notification-banner')), /Action added to the plan/);
  await assertAccessible(admin, 'an action');
  await screenshot(admin, 'action-plan-action');
});

test('an audit’s finding on the same theme is offered as the same action: one action, two sources', async () => {
  assert.ok(actionUrl, 'the first test made the action');
  await admin.goto('/audits');
  await assertAccessible(admin, 'the audit programme');
  await admin.getByRole('button', { name: 'Add an audit' }).click();
  await assertAccessible(admin, 'add an audit');
  await admin.getByLabel('Multi-agency case audit').check();
  await admin.getByLabel('Title').fill('Neglect of babies and toddlers');
  await admin.getByLabel('Theme (optional)').selectOption({ label: 'Neglect' });
  await admin.getByLabel('Planned quarter').selectOption({ index: 1 });
  await admin
    .getByLabel('Lead or submitting agency')
    .selectOption({ label: 'London Borough of Tower Hamlets' });
  await admin.getByRole('radio', { name: 'Completed' }).check();
  await fillDate(admin, 'Workshop date (multi-agency and themed audits)', '31', '3', '2026');
  await admin.getByRole('button', { name: 'Save audit' }).click();
  await admin.waitForURL(/\/audits\/[0-9a-f-]{36}/);
  assert.match(
    await text(admin.locator('main')),
    /30 September 2026/,
    'the follow-up learning session, six months on',
  );
  await admin
    .getByLabel('Add a finding')
    .fill('The graded care profile was not used to assess neglect in four of six cases');
  await admin.getByRole('button', { name: 'Add finding' }).click();
  await admin.waitForLoadState();
  await assertAccessible(admin, 'an audit');
  await screenshot(admin, 'action-plan-audit');
  await admin.getByRole('button', { name: 'Raise an action from finding 1' }).click();
  await admin.waitForURL(/\/actions\/new\?source=/);
  assert.match(
    await text(admin.locator('.govuk-caption-l')),
    /Audit: AUD-\d+: Neglect of babies and toddlers/,
  );
  await admin
    .getByLabel('The action', { exact: true })
    .fill('Use the Graded Care Profile 2 in all neglect assessments');
  await admin.getByRole('checkbox', { name: 'Neglect' }).check();
  await admin
    .getByLabel('Owning agency', { exact: true })
    .selectOption({ label: 'East London NHS Foundation Trust' });
  await fillDate(admin, 'Due date', '30', '6', '2027');
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForLoadState();
  assert.equal(await heading(admin), 'Is this the same as an action already in the plan?');
  assert.equal(
    await text(admin.locator('.govuk-inset-text')),
    'Your action: Use the Graded Care Profile 2 in all neglect assessments',
  );
  const current = await admin.locator('.govuk-service-navigation__item--active').allTextContents();
  assert.deepEqual(
    current.map((x) => x.trim()),
    ['Action plan'],
    'the plan’s section, not the audit log',
  );
  await assertAccessible(admin, 'similar actions');
  await screenshot(admin, 'action-plan-similar');
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForLoadState();
  assert.deepEqual(await admin.locator('.govuk-error-summary a').allTextContents(), [
    'Select the action it is the same as, or add it as a new action',
  ]);
  await assertAccessible(admin, 'similar actions, error');
  await admin.getByRole('radio', { name: new RegExp(TEXT) }).check();
  await admin.getByRole('button', { name: 'Continue' }).click();
  await admin.waitForURL(/\?linked=1/);
  assert.equal(admin.url().split('?')[0], actionUrl);
  const sources = await admin.locator('#sources + ul li').allTextContents();
  assert.equal(sources.length, 2);
  assert.match(sources.join(' '), /Practice review: Child C/);
  assert.match(sources.join(' '), /Audit: AUD-\d+: Neglect of babies and toddlers/);
  assert.match(sources.join(' '), /four of six cases/, 'the finding it answers');
});

test('a scrutiny report is added as a source by hand', async () => {
  await admin.goto('/actions/sources/new');
  await assertAccessible(admin, 'add a source');
  await admin.getByRole('button', { name: 'Add source' }).click();
  await admin.waitForLoadState();
  assert.deepEqual(await admin.locator('.govuk-error-summary a').allTextContents(), [
    'Select scrutiny, national review or other',
    'Enter the title of the report or review',
  ]);
  await assertAccessible(admin, 'add a source, errors');
  await admin.getByLabel('Scrutiny').check();
  await admin.getByLabel('Title').fill('Independent scrutineer’s review of neglect practice');
  await admin.getByRole('button', { name: 'Add source' }).click();
  await admin.waitForURL(/\/actions\/sources\/[0-9a-f-]{36}\?added=1/);
  await assertAccessible(admin, 'a source');
});

test('the owner completes it; the QA and Performance group marks it embedded with evidence', async () => {
  const member = await hub.newPage();
  await signIn(member, 'member@demo.example');
  await member.goto(actionUrl);
  await member.getByRole('radio', { name: 'Completed' }).check();
  await member.getByRole('button', { name: 'Save progress' }).click();
  await member.waitForLoadState();
  assert.deepEqual(await member.locator('.govuk-error-summary a').allTextContents(), [
    'Enter the outcome: what changed because of the action',
  ]);
  await assertAccessible(member, 'progress, errors');
  await member.getByLabel('Outcome').fill('Practitioners trained; the tool is in the assessment template');
  await member.getByRole('button', { name: 'Save progress' }).click();
  await member.waitForURL(/\?progressed=1/);
  assert.match(await text(member.locator('.govuk-summary-list')), /Completed/);

  await admin.goto(actionUrl);
  await admin.getByRole('radio', { name: 'Embedded' }).check();
  await admin.getByRole('button', { name: 'Save progress' }).click();
  await admin.waitForLoadState();
  assert.deepEqual(await admin.locator('.govuk-error-summary a').allTextContents(), [
    'Add evidence that the learning is embedded before marking the action as embedded',
  ]);
  await admin.getByRole('radio', { name: 'Audit result' }).check();
  await admin.getByLabel('What it shows').fill('Re-audit: the tool used in 9 of 10 neglect assessments');
  await admin.getByRole('button', { name: 'Add evidence' }).click();
  await admin.waitForURL(/\?evidence=1/);
  await admin.getByRole('radio', { name: 'Embedded' }).check();
  await admin.getByRole('button', { name: 'Save progress' }).click();
  await admin.waitForURL(/\?progressed=1/);
  assert.match(await text(admin.locator('.govuk-summary-list')), /Embedded/);
  await assertAccessible(admin, 'an embedded action');
  await screenshot(admin, 'action-plan-embedded');
});

test('the themes page and the plan show it', async () => {
  await admin.goto('/actions/themes');
  await assertAccessible(admin, 'themes at a glance');
  await screenshot(admin, 'action-plan-themes');
  const neglect = await text(admin.getByRole('row', { name: /^Neglect/ }));
  const [actions, sources, , , , embedded] = neglect
    .replace(/^Neglect\s*/, '')
    .split(/\s+/)
    .map(Number);
  assert.ok((actions ?? 0) >= 1 && (sources ?? 0) >= 2 && (embedded ?? 0) >= 1, neglect);
  await screenshot(admin, 'action-plan-themes');
  await admin.goto('/actions?status=embedded');
  await assertAccessible(admin, 'the plan');
  assert.match(await text(admin.locator('table')), new RegExp(TEXT));
  await screenshot(admin, 'action-plan-list');
  await admin.goto('/actions/settings');
  await assertAccessible(admin, 'themes and priorities');
  await admin.goto('/actions/sources');
  await assertAccessible(admin, 'sources');
});
