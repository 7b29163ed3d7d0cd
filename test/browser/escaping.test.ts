import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Hub, heading, signIn, startHub } from '../helpers/browser.ts';

const NAME = '<script>alert(1)</script>';

let hub: Hub;
let page: Page;
const dialogs: string[] = [];
before(async () => {
  hub = await startHub();
  page = await hub.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, 'admin@demo.example');
});
after(() => hub?.close());

/** No script ran and none was written into the page: the name is only ever text. */
async function assertInert(where: string) {
  assert.deepEqual(dialogs, [], `a dialog fired on ${where}`);
  assert.equal(
    await page.locator('script', { hasText: 'alert(1)' }).count(),
    0,
    `a script element on ${where}`,
  );
}

test('a partner named <script>alert(1)</script> is saved and shown as text', async () => {
  await page.goto('/partners/new');
  await page.getByLabel('Name').fill(NAME);
  await page.getByRole('radio', { name: 'Relevant agency' }).check();
  await page.getByLabel('Sector').selectOption({ label: 'Voluntary and community sector' });
  await page.getByRole('button', { name: 'Save partner' }).click();
  await page.waitForURL(/\/partners\/[0-9a-f-]{36}\?saved=1$/);
  assert.equal(await heading(page), NAME);
  assert.equal(await page.title(), `${NAME} – Safeguarding Partnership Hub`);
  await assertInert('the partner page');
});

test('the name is text in the partners list and the audit log', async () => {
  await page.goto(`/partners?q=${encodeURIComponent('alert(1)')}`);
  assert.ok(await page.getByRole('link', { name: NAME, exact: true }).isVisible());
  await assertInert('the partners list');
  await page.goto('/audit');
  assert.ok(await page.getByText(`"name":"${NAME}"`).first().isVisible());
  await assertInert('the audit log');
});

test('the name is text where a person’s page links to their agency', async () => {
  await page.goto('/people/new');
  await page.getByLabel('Name').fill('Esca Ping');
  await page.getByLabel('Job title').fill('Tester');
  await page.getByLabel('Agency').selectOption({ label: NAME });
  await page.getByRole('button', { name: 'Save person' }).click();
  await page.waitForURL(/\/people\/[0-9a-f-]{36}/);
  assert.equal(await heading(page), 'Esca Ping');
  assert.ok(await page.getByRole('link', { name: NAME, exact: true }).isVisible());
  await assertInert('the person page');
});
