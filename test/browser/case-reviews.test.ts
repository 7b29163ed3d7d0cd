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
 * One incident from record to published 7-minute briefing: the business unit records it and its
 * rapid review, the executive decides on an LCSPR, the reviewer (from an agency not involved)
 * records the review and writes the briefing, the business unit publishes it, and a member of
 * the public reads it. Each page is scanned with axe on the way.
 */
let hub: Hub;
let admin: Page;
let caseUrl = '';
before(async () => {
  hub = await startHub();
  admin = await hub.newPage();
  await signIn(admin, 'admin@demo.example');
});
after(() => hub?.close());

const clockRow = (page: Page, name: string) =>
  text(
    page
      .getByRole('table', { name: 'The case’s clocks, in order' })
      .getByRole('row', { name: new RegExp(`^${name}`) }),
  );

test('the business unit records an incident: errors first, then its clocks', async () => {
  await admin.goto('/cases');
  await admin.getByRole('button', { name: 'Record a serious incident' }).click();
  assert.equal(await heading(admin), 'Record a serious incident');
  await assertAccessible(admin, 'record a serious incident');
  await admin.getByLabel('Pseudonym').fill('Child M');
  await admin.getByLabel('Summary (optional)').fill('Seen at home near E1 6AN by the health visitor.');
  await admin.getByRole('button', { name: 'Save case' }).click();
  await admin.waitForLoadState();
  assert.deepEqual(await admin.locator('.govuk-error-summary a').allTextContents(), [
    'Enter the date the partnership became aware',
    'Select whether the child died or was seriously harmed',
    'Select the category of harm',
    'Select the child’s age band',
    'The summary seems to contain a postcode (“E1 6AN”). Remove it, or confirm it is not a child’s personal data',
  ]);
  assert.equal(await admin.getByLabel('Pseudonym').inputValue(), 'Child M', 'what was typed is kept');
  await assertAccessible(admin, 'record a serious incident, errors');

  await admin.getByLabel('Summary (optional)').fill('Seen at home by the health visitor; injuries noted.');
  await fillDate(admin, 'Date the partnership became aware', '3', '3', '2025');
  await admin.getByLabel('The child was seriously harmed').check();
  await admin.getByLabel('Category of harm').selectOption({ label: 'Physical abuse' });
  await admin.getByLabel('Age band').selectOption({ label: '1 to 4' });
  await admin.getByLabel('London Borough of Tower Hamlets').check();
  await admin.getByLabel('Barts Health NHS Trust').check();
  await admin.getByRole('button', { name: 'Save case' }).click();
  await admin.waitForURL(/\/cases\/[0-9a-f-]{36}\?saved=1$/);
  caseUrl = admin.url().split('?')[0] as string;
  assert.equal(await heading(admin), 'Child M');
  // Aware Monday 3 March 2025: notify by Monday 10 March (5 working days), rapid review by
  // Monday 24 March (15 working days). Both dates have passed with nothing recorded.
  assert.match(await clockRow(admin, 'Notify the national panel'), /10 March 2025 Overdue/);
  assert.match(await clockRow(admin, 'Rapid review'), /24 March 2025 Overdue/);
  await assertAccessible(admin, 'a case');
});

test('the rapid review is recorded, and the executive decides on an LCSPR after the panel met', async () => {
  await admin.getByRole('link', { name: 'Record the rapid review' }).click();
  assert.equal(await heading(admin), 'Rapid review');
  await fillDate(admin, 'Date the rapid review panel met', '14', '3', '2025');
  await admin
    .getByLabel('Immediate learning and safety action')
    .fill('Siblings seen and safe; GP records linked.');
  await admin
    .getByLabel('The panel’s recommendation')
    .selectOption({ label: 'Local child safeguarding practice review (LCSPR)' });
  await admin.getByLabel('Reasons for the recommendation').fill('Agencies did not share what each knew.');
  await fillDate(admin, 'Date the rapid review was sent to the national panel (optional)', '20', '3', '2025');
  await assertAccessible(admin, 'rapid review form');
  await admin.getByRole('button', { name: 'Save rapid review' }).click();
  await admin.waitForURL(/saved=1/);
  assert.match(await clockRow(admin, 'Rapid review'), /24 March 2025 Met on 20 March 2025/);

  const executive = await hub.newPage();
  await signIn(executive, 'executive@demo.example');
  await executive.goto(`${caseUrl}/decision`);
  assert.equal(await heading(executive), 'The executive’s decision');
  await fillDate(executive, 'Date of the decision', '13', '3', '2025');
  await executive.getByLabel('Reasons').fill('The case meets the criteria for a local review.');
  await executive.getByRole('button', { name: 'Record the decision' }).click();
  await executive.waitForLoadState();
  assert.equal(
    await text(executive.locator('.govuk-error-summary a')),
    'The executive’s decision can’t be before the rapid review panel met',
  );
  await assertAccessible(executive, 'the executive’s decision, errors');
  await fillDate(executive, 'Date of the decision', '25', '3', '2025');
  await executive.getByRole('button', { name: 'Record the decision' }).click();
  await executive.waitForURL(/saved=1/);
  assert.match(await clockRow(executive, 'Complete and publish the LCSPR'), /25 September 2025/);
});

test('a reviewer from an involved agency is refused; an independent one is put on the case', async () => {
  await admin.goto(caseUrl);
  // Bethany Cole is not a user; the LA chair is, and the LA was involved.
  await admin
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Aaliyah Rahman (London Borough of Tower Hamlets)' });
  await admin.getByLabel('Their part in the case').selectOption({ label: 'Reviewer' });
  await admin.getByRole('button', { name: 'Add to the case' }).click();
  await admin.waitForLoadState();
  assert.match(
    await text(admin.locator('.govuk-error-summary a')),
    /agency, London Borough of Tower Hamlets, was involved in this case/,
  );
  await assertAccessible(admin, 'a case, team errors');
  await admin
    .getByLabel('User', { exact: true })
    .selectOption({ label: 'Samuel Osei (NHS North East London Integrated Care Board)' });
  await admin.getByLabel('Their part in the case').selectOption({ label: 'Report author' });
  await admin.getByRole('button', { name: 'Add to the case' }).click();
  await admin.waitForURL(/saved=1#team/);
  assert.match(
    await text(admin.getByRole('table', { name: /panel, reviewers and author/ })),
    /Samuel Osei Report author/,
  );
});

test('the author records the review and its publication, and writes the 7-minute briefing', async () => {
  const reviewer = await hub.newPage();
  await signIn(reviewer, 'reviewer@demo.example');
  await reviewer.goto(caseUrl);
  assert.equal(await heading(reviewer), 'Child M');
  await reviewer.getByRole('link', { name: 'Record the review’s methods, progress and publication' }).click();
  assert.equal(await heading(reviewer), 'The review');
  await reviewer.getByLabel('Partner authored report').check();
  await reviewer.getByLabel('Family and/or child engagement').check();
  await reviewer.getByLabel('Themes').fill('Physical abuse\nInformation sharing');
  await fillDate(reviewer, 'Date the review was completed (optional)', '15', '9', '2025');
  await fillDate(reviewer, 'Date the report was published (optional)', '30', '9', '2025');
  await reviewer.getByRole('button', { name: 'Save the review' }).click();
  await reviewer.waitForLoadState();
  assert.match(
    await text(reviewer.locator('.govuk-error-summary a')),
    /Record when the final report was sent to the national panel/,
  );
  await assertAccessible(reviewer, 'the review, errors');
  await fillDate(
    reviewer,
    'Date the final report was sent to the national panel and the Secretary of State (optional)',
    '19',
    '9',
    '2025',
  );
  await reviewer.getByRole('button', { name: 'Save the review' }).click();
  await reviewer.waitForURL(/saved=1#review/);
  // Published Tuesday 30 September: the report was due by Friday 19 September (7 working days).
  assert.match(
    await clockRow(reviewer, 'Final report to the national panel'),
    /19 September 2025 Met on 19 September 2025/,
  );

  await reviewer.getByRole('link', { name: 'Write the briefing' }).click();
  assert.equal(await heading(reviewer), '7-minute briefing');
  await reviewer.getByLabel('Title').fill('Learning from Child M');
  await reviewer
    .getByLabel('The case in brief')
    .fill('A young child was hurt at home; agencies each knew part of the story.');
  await reviewer
    .getByLabel('What we learnt')
    .fill('Information held by one agency did not reach the others.');
  await reviewer
    .getByLabel('What to do differently')
    .fill('Share concerns at the first sign; check who else knows the family.');
  await reviewer.getByLabel('Questions for practice').fill('Who else should know what you know?');
  await assertAccessible(reviewer, 'the 7-minute briefing form');
  await reviewer.getByRole('button', { name: 'Save the briefing' }).click();
  await reviewer.waitForURL(/saved=1#briefing/);
  assert.match(await text(reviewer.locator('#briefing + p')), /Learning from Child M.*Draft/);
  await assertAccessible(reviewer, 'a case, seen by its author');
});

test('the business unit publishes the briefing, and the public reads it without signing in', async () => {
  await admin.goto(caseUrl);
  await admin.getByRole('button', { name: 'Publish to practitioners and the public' }).click();
  await admin.waitForURL(/saved=1#briefing/);
  await screenshot(admin, 'case');
  const visitor = await hub.newPage();
  await visitor.goto('/p/tower-hamlets-demo/briefings');
  assert.equal(await heading(visitor), 'Learning from reviews');
  await assertAccessible(visitor, 'published learning, public');
  await visitor.getByRole('link', { name: 'Learning from Child M' }).click();
  assert.equal(await heading(visitor), 'Learning from Child M');
  assert.ok(await visitor.getByText('Who else should know what you know?').isVisible());
  assert.doesNotMatch(await visitor.content(), /Bethany|SI-\d|E1 6AN/);
  await assertAccessible(visitor, 'a published briefing, public');
});
