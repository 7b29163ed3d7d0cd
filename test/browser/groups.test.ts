import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  type Hub,
  heading,
  screenshot,
  signIn,
  startHub,
  text,
} from '../helpers/browser.ts';

let hub: Hub;
let page: Page;
before(async () => {
  hub = await startHub();
  page = await hub.newPage();
});
after(() => hub?.close());

const NAME = 'Online safety task and finish group';
const TERMS = 'Reviews how partners respond to online harm.';

test('an admin signs in through the form and lands on the home page', async () => {
  await signIn(page, 'admin@demo.example');
  assert.equal(await heading(page), 'Tower Hamlets Safeguarding Children Partnership (demo)');
  assert.ok(await page.getByRole('link', { name: 'Groups' }).first().isVisible());
});

test('the group form shows its errors GOV.UK style and keeps what was typed', async () => {
  await page.goto('/groups/new');
  await page.getByLabel('Terms of reference').fill(TERMS);
  await page.getByLabel('How often it meets').selectOption('quarterly');
  const start = page.getByRole('group', { name: 'Start date' });
  await start.getByLabel('Day').fill('31');
  await start.getByLabel('Month').fill('2');
  await start.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Save group' }).click();
  await page.waitForLoadState();

  assert.match(await page.title(), /^Error: Add a group/);
  const summary = page.locator('.govuk-error-summary');
  assert.ok(await summary.isVisible(), 'the error summary is shown');
  assert.equal(await heading(page), 'Add a group');
  assert.ok(
    await summary.evaluate((el) => el === document.activeElement),
    'the error summary has the focus, so a screen reader reads it first',
  );
  const links = await summary
    .getByRole('link')
    .evaluateAll((els) =>
      els.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
    );
  const hrefs = links.map((l) => l.href);
  assert.equal(links.length, 3, `one message per wrong field: ${JSON.stringify(links)}`);
  for (const field of ['#name', '#type']) assert.ok(hrefs.includes(field), `a link to ${field}: ${hrefs}`);
  assert.ok(
    hrefs.some((h) => h.startsWith('#startsOn')),
    `a link to the start date: ${hrefs}`,
  );
  assert.equal(await page.getByLabel('Terms of reference').inputValue(), TERMS);
  assert.equal(await page.getByLabel('How often it meets').inputValue(), 'quarterly');
  assert.equal(await start.getByLabel('Day').inputValue(), '31');
  assert.equal(await start.getByLabel('Month').inputValue(), '2');
  assert.equal(await start.getByLabel('Year').inputValue(), '2025');
  await screenshot(page, 'group-form-with-errors');
});

test('each message in the error summary puts the cursor in the field it is about', async () => {
  const summary = page.locator('.govuk-error-summary');
  const links = await summary
    .getByRole('link')
    .evaluateAll((els) =>
      els.map((a) => ({ text: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
    );
  assert.ok(links.length >= 3);
  const problems: string[] = [];
  for (const link of links) {
    await summary.getByRole('link', { name: link.text }).click();
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)
        ? `#${el.id}`
        : `not a field (${el?.tagName})`;
    });
    if (!focused.startsWith(link.href))
      problems.push(`"${link.text}" links to ${link.href}; focus: ${focused}`);
  }
  assert.deepEqual(problems, [], `error summary links that do not reach a field:\n${problems.join('\n')}`);
});

test('once corrected, the group is saved and shown on its own page', async () => {
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Type of group').selectOption({ label: 'Task and finish group' });
  const start = page.getByRole('group', { name: 'Start date' });
  await start.getByLabel('Day').fill('1');
  await start.getByLabel('Month').fill('4');
  await page.getByRole('button', { name: 'Save group' }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}\?saved=1$/);

  assert.equal(await heading(page), NAME);
  assert.equal(await page.title(), `${NAME} – Safeguarding Partnership Hub`);
  assert.ok(await page.getByText('Group saved').isVisible());
  assert.ok(await page.getByText('Task and finish group', { exact: true }).isVisible());
  assert.ok(await page.getByText('1 April 2025').isVisible());
  assert.ok(await page.getByText(TERMS).isVisible());
  assert.equal(await text(page.locator('#members')), 'Members (0)');
});

test('a member is added from the group page', async () => {
  await page.getByLabel('Find a person by name or job title').fill('chowdhury');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.waitForURL(/find=chowdhury#add-member$/);
  const found = page.getByRole('table', { name: /People matching “chowdhury”/ });
  assert.ok(await found.getByText('Nasreen Chowdhury').isVisible());
  await found.getByRole('button', { name: 'Add Nasreen Chowdhury' }).click();
  await page.waitForURL(/\?added=1#members$/);

  assert.ok(await page.getByText('Member added').isVisible());
  assert.equal(await text(page.locator('#members')), 'Members (1)');
  const row = page
    .getByRole('table', { name: `Members of ${NAME}` })
    .getByRole('row')
    .nth(1);
  assert.ok(await row.getByRole('link', { name: 'Nasreen Chowdhury', exact: true }).isVisible());
  assert.ok(await row.getByText("Director of Children's Services").isVisible());
  assert.ok(await row.getByRole('link', { name: 'Remove Nasreen Chowdhury' }).isVisible());
  // A member is no longer offered.
  await page.getByLabel('Find a person by name or job title').fill('chowdhury');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.waitForURL(/find=chowdhury/);
  assert.ok(await page.getByText('Nobody who is not already a member matches “chowdhury”.').isVisible());
  await screenshot(page, 'group');
});

test('removing a member asks first, then removes them', async () => {
  await page.getByRole('link', { name: 'Remove Nasreen Chowdhury' }).click();
  await page.waitForLoadState();
  assert.equal(await heading(page), `Remove Nasreen Chowdhury from ${NAME}?`);
  await assertAccessible(page, 'remove a member');
  await page.getByRole('link', { name: 'Cancel' }).click();
  await page.waitForURL(/#members$/);
  assert.equal(await text(page.locator('#members')), 'Members (1)');

  await page.getByRole('link', { name: 'Remove Nasreen Chowdhury' }).click();
  await page.getByRole('button', { name: 'Remove member' }).click();
  await page.waitForURL(/\?removed=1#members$/);
  assert.ok(await page.getByText('Member removed').isVisible());
  assert.equal(await text(page.locator('#members')), 'Members (0)');
});
