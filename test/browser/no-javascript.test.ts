import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Hub, heading, signIn, startHub } from '../helpers/browser.ts';

/** Everything a user must do works as plain HTML forms, with JavaScript turned off. */
let hub: Hub;
let page: Page;
before(async () => {
  hub = await startHub();
  page = await hub.newPage({ javaScriptEnabled: false });
});
after(() => hub?.close());

test('without JavaScript a user signs in', async () => {
  await signIn(page, 'admin@demo.example');
  // GOV.UK's template marks the body from an inline script: unmarked, no script ran.
  assert.equal(await page.locator('body.govuk-frontend-supported').count(), 0, 'JavaScript is off');
  assert.equal(await heading(page), 'Tower Hamlets Safeguarding Children Partnership (demo)');
});

test('without JavaScript the partner form shows its errors, then saves a partner', async () => {
  await page.goto('/partners/new');
  await page.getByRole('button', { name: 'Save partner' }).click();
  await page.waitForLoadState();
  assert.match(await page.title(), /^Error: /);
  assert.ok(await page.locator('.govuk-error-summary').isVisible());
  assert.ok(await page.locator('.govuk-error-summary a[href="#name"]').isVisible());

  await page.getByLabel('Name').fill('Tower Hamlets Early Help Hub');
  await page.getByRole('radio', { name: 'Relevant agency' }).check();
  await page.getByLabel('Sector').selectOption({ label: 'Early years' });
  await page.getByRole('button', { name: 'Save partner' }).click();
  await page.waitForURL(/\/partners\/[0-9a-f-]{36}\?saved=1$/);
  assert.equal(await heading(page), 'Tower Hamlets Early Help Hub');
  assert.ok(await page.getByText('Partner saved').isVisible());
  assert.ok(await page.getByText('Early years').isVisible());
});
