import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
import { pdfText } from '../helpers/documents.ts';

let hub: Hub;
let page: Page;
before(async () => {
  hub = await startHub();
  page = await hub.newPage();
  await signIn(page, 'admin@demo.example');
});
after(() => hub?.close());

const EXEC = 'THSCP Executive';

test('the business unit arranges an executive meeting from the group page', async () => {
  await page.goto('/groups');
  await page.getByRole('link', { name: EXEC }).click();
  await page.getByRole('link', { name: 'Arrange a meeting of this group' }).click();
  assert.equal(await heading(page), 'Arrange a meeting');
  assert.equal(await page.getByLabel('Group').inputValue(), await page.url().split('groupId=')[1]);
  const date = page.getByRole('group', { name: 'Date' });
  await date.getByLabel('Day').fill('14');
  await date.getByLabel('Month').fill('10');
  await date.getByLabel('Year').fill('2025');
  await page.getByLabel('Starts').fill('10:00');
  await page.getByLabel('Ends').fill('9:00');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.waitForLoadState();
  assert.equal(
    await text(page.locator('.govuk-error-summary a')),
    'The end time must be after the start time',
  );
  await page.getByLabel('Ends').fill('12:00');
  await page.getByLabel('Place (optional)').fill('Mulberry Place, room 3');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}\?saved=1$/);
  assert.equal(await heading(page), 'Meeting on 14 October 2025');
  assert.ok(await page.getByText('Meeting saved').isVisible());
  assert.equal(await text(page.locator('.hub-agenda li')), 'Escalations to the executive Standing item');
});

test('agenda, attendance with quoracy, a decision and the action list are kept on the meeting page', async () => {
  await page.getByText('Add an agenda item').click();
  await page.getByLabel('Item', { exact: true }).fill('Rapid review decisions this quarter');
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.waitForURL(/item=1#agenda$/);
  const items = await page.locator('.hub-agenda li').allTextContents();
  assert.equal(items.length, 2);
  assert.match(items[0] as string, /^\s*Rapid review decisions this quarter/);
  assert.match(items[1] as string, /Escalations to the executive/, 'the standing item stays last');

  for (const name of ['Nasreen Chowdhury', 'Tariq Mahmood']) {
    await page
      .getByRole('group', { name: `Attendance of ${name}` })
      .getByLabel('Present')
      .check();
  }
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await page.waitForURL(/attendance=1#attendance$/);
  assert.ok(await page.getByText('Attendance recorded').isVisible());
  // The demo Executive needs three people including each statutory partner.
  assert.equal(
    await text(page.locator('.govuk-inset-text').first()),
    'Not quorate. 2 people present; the quorum is 3. No one present from the integrated care board. ' +
      'No one present from the police.',
  );

  await page.getByLabel('Record a decision').fill('Agreed the neglect strategy for consultation');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.waitForURL(/decision=1#decisions$/);
  assert.ok(await page.getByText('Agreed the neglect strategy for consultation').isVisible());

  await page.getByText('Add an action', { exact: true }).click();
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.waitForLoadState();
  const summary = page.locator('.govuk-error-summary');
  assert.deepEqual(await summary.getByRole('link').allTextContents(), [
    'Enter the action',
    'Select who owns the action',
    'Enter the due date',
  ]);
  await assertAccessible(page, 'a meeting, action errors');
  await page.getByLabel('Action', { exact: true }).fill('Circulate the key points to every partner');
  await page.getByLabel('Owner').selectOption({ label: 'Tariq Mahmood (London Borough of Tower Hamlets)' });
  const due = page.getByRole('group', { name: 'Due' });
  await due.getByLabel('Day').fill('21');
  await due.getByLabel('Month').fill('10');
  await due.getByLabel('Year').fill('2025');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.waitForURL(/action=1#actions$/);
  const row = page.getByRole('table', { name: 'Actions agreed at this meeting' }).getByRole('row').nth(1);
  assert.match(
    await text(row),
    /Circulate the key points to every partner.*Tariq Mahmood.*21 October 2025.*Open/,
  );
  await screenshot(page, 'meeting');
  await assertAccessible(page, 'a meeting');

  await row.getByRole('link', { name: 'Circulate the key points to every partner' }).click();
  assert.equal(await heading(page), 'Circulate the key points to every partner');
  await page.getByLabel('Done').check();
  await page.getByLabel('Progress', { exact: true }).fill('Sent on 15 October');
  await assertAccessible(page, 'an action');
  await page.getByRole('button', { name: 'Save action' }).click();
  await page.waitForURL(/actionSaved=1#actions$/);
  assert.match(await text(row), /Sent on 15 October.*Done/);
});

test('a paper is uploaded to an agenda item; a wrong file is refused on the page', async () => {
  await page.goto('/meetings?when=past');
  await page.getByRole('link', { name: '14 October 2025, 10:00 to 12:00' }).click();
  await page.getByText('Upload a paper').click();
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a document'),
  });
  await page.getByRole('button', { name: 'Upload paper' }).click();
  await page.waitForLoadState();
  assert.match(await text(page.locator('.govuk-error-summary a')), /^The file must be one of these: PDF/);
  await assertAccessible(page, 'a meeting, paper errors');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Neglect strategy draft.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n'),
  });
  await page
    .getByLabel('For agenda item (optional)')
    .selectOption({ label: 'Rapid review decisions this quarter' });
  await page.getByRole('button', { name: 'Upload paper' }).click();
  await page.waitForURL(/paper=1#papers$/);
  assert.match(
    await text(page.locator('#papers + ul li').first()),
    /^Neglect strategy draft\.pdf \(1 KB, for “Rapid review decisions this quarter”\)/,
  );
});

test('the business unit drafts the key points; the chair approves and sends them', async () => {
  await page.goto('/meetings?when=past');
  await page.getByRole('link', { name: '14 October 2025, 10:00 to 12:00' }).click();
  await page.getByLabel('Key points (draft)').fill('Agreed the neglect strategy for consultation.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/keyPoints=1#key-points$/);
  assert.equal(await page.getByRole('button', { name: 'Approve and send to the partners' }).count(), 0);

  const chair = await hub.newPage();
  await signIn(chair, 'executive@demo.example');
  await chair.goto(page.url().split('?')[0] as string);
  await chair.getByRole('button', { name: 'Approve and send to the partners' }).click();
  await chair.waitForURL(/approved=1#key-points$/);
  assert.ok(await chair.getByText('Key points approved and sent to the partners').isVisible());
  assert.match(await text(chair.locator('#key-points + .govuk-inset-text')), /^Agreed the neglect strategy/);
  await assertAccessible(chair, 'a meeting with approved key points');
  await chair.goto('/key-points');
  assert.ok(await chair.getByText('Agreed the neglect strategy for consultation.').isVisible());
  await chair.close();
});

test('the meeting can be changed, and cancelled', async () => {
  await page.goto('/meetings?when=past');
  await page.getByRole('link', { name: '14 October 2025, 10:00 to 12:00' }).click();
  await page.getByRole('link', { name: 'Change the meeting' }).click();
  assert.equal(await heading(page), 'Change the meeting');
  await assertAccessible(page, 'change a meeting');
  await page.getByLabel('Status').selectOption('held');
  await page.getByRole('button', { name: 'Save meeting' }).click();
  await page.waitForURL(/saved=1$/);
  assert.equal(await heading(page), 'Meeting on 14 October 2025 Held');
});

test('the meetings list shows past and coming meetings, and the group page its open actions', async () => {
  await page.goto('/meetings?when=past');
  assert.equal(await heading(page), 'Meetings');
  assert.ok(await page.getByRole('link', { name: '14 October 2025, 10:00 to 12:00' }).isVisible());
  await assertAccessible(page, 'past meetings');
  await page.getByRole('link', { name: 'Coming', exact: true }).click();
  const coming = await text(page.getByRole('table', { name: 'Coming meetings' }));
  assert.match(coming, /THSCP Executive/, 'the demo’s next Executive');
  assert.doesNotMatch(coming, /14 October 2025/);
  await assertAccessible(page, 'coming meetings');
});

test('a subgroup raises an escalation from its meeting; the executive answers it on the tracker', async () => {
  await page.goto('/meetings?when=past');
  await page
    .getByRole('row', { name: /Quality Assurance and Performance Subgroup/ })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: 'Raise an escalation from this meeting' }).click();
  assert.equal(await heading(page), 'Raise an escalation to the executive');
  await page.getByRole('button', { name: 'Raise escalation' }).click();
  await page.waitForLoadState();
  await assertAccessible(page, 'raise an escalation, errors');
  await page.getByLabel('The issue, in a few words').fill('Neglect audit tool differs between agencies');
  await page.getByLabel('Describe the issue').fill('Three agencies use three different neglect tools.');
  await page
    .getByLabel('What is the executive asked to decide?')
    .fill('Agree one neglect tool for every agency.');
  await page.getByRole('button', { name: 'Raise escalation' }).click();
  await page.waitForURL(/\/escalations\/[0-9a-f-]{36}\?raised=1$/);
  assert.match(await heading(page), /^Neglect audit tool differs between agencies Open$/);
  await assertAccessible(page, 'an escalation');

  // The business unit records the executive's response on the executive's behalf.
  await page.getByLabel('Responded').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState();
  assert.deepEqual(await page.locator('.govuk-error-summary').getByRole('link').allTextContents(), [
    'Enter the executive’s response',
    'Enter what the executive decided',
  ]);
  await page.getByLabel('Response', { exact: true }).fill('The QA subgroup will propose one tool.');
  await page.getByLabel('Decision', { exact: true }).fill('One tool from April.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/moved=1$/);
  assert.match(await heading(page), / Responded$/);
  assert.ok(await page.getByText('One tool from April.').first().isVisible());
  await screenshot(page, 'escalation');

  await page.getByRole('link', { name: 'Escalation tracker' }).first().click();
  await page.getByLabel('Status').selectOption('responded');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/status=responded/);
  assert.ok(
    await page.getByRole('link', { name: 'Neglect audit tool differs between agencies' }).isVisible(),
  );
  await screenshot(page, 'escalation-tracker');
  await assertAccessible(page, 'escalation tracker');
});

test('the next executive meeting’s pack, downloaded as PDF, lists the escalation just answered', async () => {
  await page.goto('/meetings');
  await page
    .getByRole('row', { name: /THSCP Executive/ })
    .getByRole('link')
    .first()
    .click();
  assert.match(await heading(page), /^Meeting on /);
  const answered = await text(page.locator('#answered-escalations + ul'));
  assert.match(answered, /Neglect audit tool differs between agencies/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Meeting pack (PDF)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^THSCP-Executive-\d{4}-\d\d-\d\d-pack\.pdf$/);
  const file = await download.path();
  const { text: pdf } = await pdfText(readFileSync(file));
  assert.match(pdf, /Escalations to the executive/);
  assert.match(pdf, /Neglect audit tool differs between agencies/);
  assert.match(pdf, /Agency figures not for the latest quarter/, 'the demo’s open escalation');
});
