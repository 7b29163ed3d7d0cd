import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { DEMO_PASSWORD } from '../helpers/app.ts';
import {
  assertAccessible,
  type Hub,
  heading,
  screenshot,
  signIn,
  startHub,
  text,
} from '../helpers/browser.ts';

/**
 * An axe scan (WCAG 2.2 A and AA) of every page a user can reach. Each row names a page, how to
 * reach it (as a signed-out visitor or as the admin), and the heading that proves it is that page.
 */
type Tabs = { visitor: Page; admin: Page };
type Reach = (tabs: Tabs) => Promise<Page>;
type Row = { page: string; reach: Reach; h1: string | RegExp; status?: number; screenshot?: string };

const LA = 'London Borough of Tower Hamlets';
const AGENCY = "Barnardo's";
const PERSON = 'Nasreen Chowdhury';
const USER = 'Aaliyah Rahman';
const EXEC = 'THSCP Executive';
const SET = 'Set your password';
const ROTA = '/structure/chair-rota/new';
const TURN = 'Add a turn as executive chair';
const BOARD = '/structure/boards/new';
const CHANGE = /^Change /;
const RISK = 'Fewer children seen face to face by universal services';
const ACTION = 'Record the child’s own words in every multi-agency plan';
const AUDIT = 'Neglect of children under five';
const INDICATOR = 'Children looked after';

/** Opens a path, then follows links (or links styled as buttons) by their accessible names. */
const go =
  (who: keyof Tabs, path: string, ...links: (string | RegExp)[]): Reach =>
  async (tabs) => {
    const page = tabs[who];
    await page.goto(path);
    for (const name of links) {
      const main = page.getByRole('main');
      await main.getByRole('link', { name }).or(main.getByRole('button', { name })).first().click();
      await page.waitForLoadState();
    }
    return page;
  };

/** The latest data call (the demo's, for the last complete quarter), and one agency's answer to it. */
const lastCall: Reach = async (tabs) => {
  const page = tabs.admin;
  await page.goto('/data/calls');
  await page.getByRole('main').getByRole('table').getByRole('link').first().click();
  await page.waitForLoadState();
  return page;
};
const lastCallAgency =
  (agency: string): Reach =>
  async (tabs) => {
    const page = await lastCall(tabs);
    await page.getByRole('main').getByRole('link', { name: agency, exact: true }).click();
    await page.waitForLoadState();
    return page;
  };

/** Reaches a form, then sends it as it is, so that it shows its errors. */
const sendEmpty =
  (reach: Reach, button: string): Reach =>
  async (tabs) => {
    const page = await reach(tabs);
    await page.getByRole('button', { name: button }).click();
    await page.locator('.govuk-error-summary').waitFor();
    return page;
  };

/** Opens a "details" section of the page by its summary. */
const open =
  (reach: Reach, summary: string): Reach =>
  async (tabs) => {
    const page = await reach(tabs);
    await page.locator('summary', { hasText: summary }).click();
    return page;
  };

/** Searches a group page's "find a person to add" box. */
const find =
  (reach: Reach, text: string): Reach =>
  async (tabs) => {
    const page = await reach(tabs);
    await page.getByLabel('Find a person by name or job title').fill(text);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForURL(/find=/);
    return page;
  };

/** Invites a new user as the admin: the user's page shows the invitation link. */
let invited = 0;
const invite: Reach = async ({ admin }) => {
  invited += 1;
  await admin.goto('/users/new');
  await admin.getByLabel('Name').fill(`Invited Person ${invited}`);
  await admin.getByLabel('Email address').fill(`invited-${invited}@demo.example`);
  await admin.getByLabel('Agency').selectOption({ label: LA });
  await admin.getByRole('radio', { name: 'Practitioner' }).check();
  await admin.getByRole('button', { name: 'Invite user' }).click();
  await admin.locator('#invitation-link').waitFor();
  return admin;
};

/** Opens the link of a new invitation, signed out. */
const invitation: Reach = async (tabs) => {
  const admin = await invite(tabs);
  await tabs.visitor.goto(await text(admin.locator('#invitation-link')));
  return tabs.visitor;
};

/** The admin's account page once the admin holds an API token. */
const withToken: Reach = async ({ admin }) => {
  const response = await admin.request.post('/api/v1/auth/token', {
    data: { email: 'admin@demo.example', password: DEMO_PASSWORD },
  });
  assert.equal(response.status(), 201, await response.text());
  await admin.goto('/account');
  return admin;
};

// One row a page: adding a page to the scan is adding a row here.
const PAGES: Row[] = [
  { page: 'start page', reach: go('visitor', '/'), h1: 'Safeguarding Partnership Hub' },
  { page: 'sign in', reach: go('visitor', '/sign-in'), h1: 'Sign in' },
  {
    page: 'sign in, errors',
    reach: sendEmpty(go('visitor', '/sign-in'), 'Sign in'),
    h1: 'Sign in',
    status: 400,
  },
  { page: 'signed out', reach: go('visitor', '/signed-out'), h1: 'You have signed out' },
  { page: 'API documentation', reach: go('visitor', '/api/docs'), h1: 'API documentation' },
  { page: 'page not found', reach: go('visitor', '/no-such-page'), h1: 'Page not found', status: 404 },
  { page: 'set password', reach: invitation, h1: SET },
  { page: 'set password, errors', reach: sendEmpty(invitation, 'Set password'), h1: SET, status: 400 },
  {
    page: 'home',
    reach: go('admin', '/'),
    h1: 'Tower Hamlets Safeguarding Children Partnership (demo)',
    screenshot: 'home',
  },
  {
    page: 'structure',
    reach: go('admin', '/structure'),
    h1: 'Partnership structure',
    screenshot: 'structure',
  },
  { page: 'partners', reach: go('admin', '/partners'), h1: 'Partners' },
  { page: 'statutory partner', reach: go('admin', '/partners', LA), h1: LA },
  {
    page: 'statutory partner, errors',
    reach: sendEmpty(go('admin', '/partners', LA), 'Name safeguarding partner'),
    h1: LA,
    status: 400,
  },
  { page: 'relevant agency', reach: go('admin', '/partners', AGENCY), h1: AGENCY },
  { page: 'add a partner', reach: go('admin', '/partners/new'), h1: 'Add a partner' },
  {
    page: 'add a partner, errors',
    reach: sendEmpty(go('admin', '/partners/new'), 'Save partner'),
    h1: 'Add a partner',
    status: 400,
  },
  { page: 'change a partner', reach: go('admin', '/partners', LA, `Change ${LA}`), h1: `Change ${LA}` },
  { page: 'people', reach: go('admin', '/people'), h1: 'People' },
  { page: 'a person', reach: go('admin', '/people', PERSON), h1: PERSON },
  {
    page: 'change a person',
    reach: go('admin', '/people', PERSON, `Change ${PERSON}`),
    h1: `Change ${PERSON}`,
  },
  { page: 'add a person', reach: go('admin', '/people/new'), h1: 'Add a person' },
  {
    page: 'add a person, errors',
    reach: sendEmpty(go('admin', '/people/new'), 'Save person'),
    h1: 'Add a person',
    status: 400,
  },
  { page: 'groups', reach: go('admin', '/groups'), h1: 'Groups', screenshot: 'groups' },
  { page: 'a group', reach: go('admin', '/groups', EXEC), h1: EXEC },
  {
    page: 'groups that report to a group',
    reach: go('admin', '/groups', EXEC, /^\d+ groups$/),
    h1: `Groups that report to ${EXEC}`,
  },
  { page: 'groups not yet started', reach: go('admin', '/groups?status=not-started'), h1: 'Groups' },
  { page: 'a group, people found to add', reach: find(go('admin', '/groups', EXEC), 'a'), h1: EXEC },
  {
    page: 'a group, errors',
    reach: find(go('admin', '/groups', EXEC), 'x'.repeat(101)),
    h1: EXEC,
    status: 400,
  },
  {
    page: 'remove a member, asked first',
    reach: go('admin', '/groups', EXEC, /^Remove /),
    h1: new RegExp(`^Remove .+ from ${EXEC}\\?$`),
    screenshot: 'member-remove',
  },
  { page: 'add a group', reach: go('admin', '/groups/new'), h1: 'Add a group' },
  {
    page: 'add a group, errors',
    reach: sendEmpty(go('admin', '/groups/new'), 'Save group'),
    h1: 'Add a group',
    status: 400,
  },
  { page: 'change a group', reach: go('admin', '/groups', EXEC, CHANGE), h1: `Change ${EXEC}` },
  { page: 'add a chair turn', reach: go('admin', ROTA), h1: TURN },
  {
    page: 'add a chair turn, errors',
    reach: sendEmpty(go('admin', ROTA), 'Save turn'),
    h1: TURN,
    status: 400,
  },
  { page: 'link a board', reach: go('admin', BOARD), h1: 'Link to another board' },
  {
    page: 'link a board, errors',
    reach: sendEmpty(go('admin', BOARD), 'Save'),
    h1: 'Link to another board',
    status: 400,
  },
  { page: 'change a board', reach: go('admin', '/structure', CHANGE), h1: /^Change the link to / },
  { page: 'meetings', reach: go('admin', '/meetings'), h1: 'Meetings' },
  { page: 'arrange a meeting', reach: go('admin', '/meetings/new'), h1: 'Arrange a meeting' },
  {
    page: 'arrange a meeting, errors',
    reach: sendEmpty(go('admin', '/meetings/new'), 'Save meeting'),
    h1: 'Arrange a meeting',
    status: 400,
  },
  { page: 'escalation tracker', reach: go('admin', '/escalations'), h1: 'Escalation tracker' },
  {
    page: 'escalation tracker, those one group raised',
    reach: go('admin', '/groups', 'Quality Assurance and Performance Subgroup', 'Escalations it has raised'),
    h1: 'Escalation tracker',
  },
  {
    page: 'raise an escalation',
    reach: go('admin', '/escalations/new'),
    h1: 'Raise an escalation to the executive',
  },
  {
    page: 'an escalation, answered and closed',
    reach: go('admin', '/escalations', 'School attendance officers and the neglect strategy'),
    h1: /^School attendance officers and the neglect strategy Closed$/,
  },
  { page: 'emerging risks', reach: go('admin', '/risks'), h1: 'Emerging risks' },
  { page: 'record a risk', reach: go('admin', '/risks/new'), h1: 'Record an emerging risk' },
  {
    page: 'record a risk, errors',
    reach: sendEmpty(go('admin', '/risks/new'), 'Save risk'),
    h1: 'Record an emerging risk',
    status: 400,
  },
  { page: 'a risk', reach: go('admin', '/risks', RISK), h1: RISK },
  {
    page: 'a risk, escalation errors',
    reach: sendEmpty(go('admin', '/risks', RISK), 'Escalate'),
    h1: RISK,
    status: 400,
  },
  { page: 'change a risk', reach: go('admin', '/risks', RISK, 'Change the risk'), h1: 'Change RISK-1' },
  { page: 'case reviews', reach: go('admin', '/cases'), h1: 'Case reviews' },
  { page: 'statutory clocks', reach: go('admin', '/clocks'), h1: 'Statutory clocks' },
  {
    page: 'clock settings',
    reach: go('admin', '/cases', 'Clock settings'),
    h1: 'Clock settings',
    screenshot: 'clock-settings',
  },
  {
    page: 'clock settings, errors',
    reach: async (tabs) => {
      const page = await go('admin', '/cases/settings')(tabs);
      await page.getByLabel('Learning session, after the review is completed').fill('0');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      return page;
    },
    h1: 'Clock settings',
    status: 400,
  },
  { page: 'an open LCSPR', reach: go('admin', '/cases', 'Child C'), h1: 'Child C', screenshot: 'case-lcspr' },
  {
    page: 'an open LCSPR, learning event errors',
    reach: sendEmpty(open(go('admin', '/cases', 'Child C'), 'Record a learning event'), 'Record event'),
    h1: 'Child C',
    status: 400,
  },
  {
    page: 'an open LCSPR, action errors',
    reach: sendEmpty(open(go('admin', '/cases', 'Child C'), 'Add an immediate action'), 'Add action'),
    h1: 'Child C',
    status: 400,
  },
  {
    page: 'an open LCSPR, people found to add',
    reach: async (tabs) => {
      const page = await go('admin', '/cases', 'Child C')(tabs);
      await page.getByLabel('Find a person involved, by name or job title').fill('Nurse');
      await page.getByRole('button', { name: 'Find', exact: true }).first().click();
      await page.waitForURL(/findPerson=Nurse/);
      return page;
    },
    h1: 'Child C',
  },
  { page: 'a legacy serious case review', reach: go('admin', '/cases', 'Ollie'), h1: 'Ollie' },
  {
    page: 'change an incident',
    reach: go('admin', '/cases', 'Child C', 'Change the incident’s details'),
    h1: 'Change SI-5',
  },
  {
    page: 'a rapid review',
    reach: go('admin', '/cases', 'Child D', 'Record the rapid review'),
    h1: 'Rapid review',
  },
  {
    page: 'the executive’s decision, errors',
    reach: sendEmpty(
      go('admin', '/cases', 'Child D', 'Record the executive’s decision'),
      'Record the decision',
    ),
    h1: 'The executive’s decision',
    status: 400,
  },
  {
    page: 'the review of an LCSPR',
    reach: go('admin', '/cases', 'Child C', 'Record the review’s methods, progress and publication'),
    h1: 'The review',
  },
  {
    page: 'a 7-minute briefing, errors',
    reach: sendEmpty(go('admin', '/cases', 'Child C', 'Write the briefing'), 'Save the briefing'),
    h1: '7-minute briefing',
    status: 400,
  },
  {
    page: 'the learning action plan',
    reach: go('admin', '/actions'),
    h1: 'Learning action plan',
    screenshot: 'action-plan',
  },
  {
    page: 'the action plan, filtered',
    reach: go('admin', '/actions?status=open&due=overdue'),
    h1: 'Learning action plan',
  },
  {
    page: 'themes at a glance',
    reach: go('admin', '/actions', 'Themes at a glance'),
    h1: 'Themes at a glance',
  },
  { page: 'sources of actions', reach: go('admin', '/actions', 'Sources'), h1: 'Sources of actions' },
  { page: 'a case review’s source', reach: go('admin', '/actions/sources', 'Ollie'), h1: 'Ollie' },
  { page: 'an action', reach: go('admin', '/actions', ACTION), h1: ACTION, screenshot: 'plan-action' },
  {
    page: 'an action, progress errors',
    reach: sendEmpty(go('admin', '/actions', ACTION), 'Save progress'),
    h1: ACTION,
    status: 400,
  },
  {
    page: 'an action, a postcode held back for confirming',
    reach: async (tabs) => {
      const page = await go('admin', '/actions', ACTION)(tabs);
      await page.getByLabel('Progress update').fill('Met the family at E1 6AN');
      await page.getByRole('button', { name: 'Save progress' }).click();
      await page.getByLabel('I have checked: nothing here is a child’s date of birth or address').waitFor();
      return page;
    },
    h1: ACTION,
    status: 400,
  },
  {
    page: 'change an action',
    reach: go('admin', '/actions', ACTION, 'Change the action, owner, themes or due date'),
    h1: /^Change ACT-\d+$/,
  },
  { page: 'themes and priorities', reach: go('admin', '/actions/settings'), h1: 'Themes and priorities' },
  {
    page: 'the audit programme',
    reach: go('admin', '/actions', 'Audit programme'),
    h1: 'Audit programme',
    screenshot: 'audit-programme',
  },
  { page: 'an audit', reach: go('admin', '/audits', AUDIT), h1: AUDIT, screenshot: 'audit' },
  {
    page: 'add an audit, errors',
    reach: sendEmpty(go('admin', '/audits/new'), 'Save audit'),
    h1: /audit/i,
    status: 400,
  },
  {
    page: 'change an audit',
    reach: go('admin', '/audits', AUDIT, /^Change the audit/),
    h1: /^Change AUD-\d+$/,
  },
  { page: 'audit follow-up setting', reach: go('admin', '/audits/settings'), h1: 'Audit programme settings' },
  {
    page: 'data dashboard',
    reach: go('admin', '/data'),
    h1: /^Figures for \d{4}-\d{2} Q\d$/,
    screenshot: 'data-dashboard',
  },
  {
    page: 'an indicator, with charts',
    reach: go('admin', '/data', INDICATOR),
    h1: INDICATOR,
    screenshot: 'data-indicator',
  },
  { page: 'data exceptions', reach: go('admin', '/data', 'Exceptions'), h1: /^Exceptions, / },
  { page: 'data calls', reach: go('admin', '/data', 'Data calls'), h1: 'Data calls' },
  { page: 'a data call’s compliance return', reach: lastCall, h1: /^Figures for /, screenshot: 'data-call' },
  {
    page: 'a data call’s return by indicator',
    reach: async (tabs) => {
      const page = await lastCall(tabs);
      await page.getByRole('link', { name: 'The return by indicator' }).click();
      await page.waitForLoadState();
      return page;
    },
    h1: 'The return by indicator',
  },
  {
    page: 'an agency’s submission',
    reach: lastCallAgency('NHS North East London Integrated Care Board'),
    h1: /^Figures for /,
    screenshot: 'data-submission',
  },
  {
    page: 'an agency’s submission, upload errors',
    reach: sendEmpty(lastCallAgency('NHS North East London Integrated Care Board'), 'Upload figures'),
    h1: /^Figures for /,
    status: 400,
  },
  { page: 'open a data call', reach: go('admin', '/data/calls/new'), h1: 'Open a data call' },
  {
    page: 'open a data call, errors',
    reach: sendEmpty(go('admin', '/data/calls/new'), 'Open the call'),
    h1: 'Open a data call',
    status: 400,
  },
  { page: 'indicators', reach: go('admin', '/data/indicators'), h1: 'Indicators' },
  {
    page: 'add an indicator, errors',
    reach: sendEmpty(go('admin', '/data/indicators/new'), 'Save indicator'),
    h1: 'Add an indicator',
    status: 400,
  },
  {
    page: 'change an indicator',
    reach: go('admin', '/data', INDICATOR, 'Change the indicator'),
    h1: `Change ${INDICATOR}`,
  },
  { page: 'dashboard settings', reach: go('admin', '/data/settings'), h1: 'Settings' },
  { page: 'published figures', reach: go('admin', '/data/published'), h1: /^Figures for / },
  {
    page: 'published figures, public',
    reach: go('visitor', '/p/tower-hamlets-demo/data'),
    h1: /^Figures for /,
    screenshot: 'data-public',
  },
  { page: 'published learning', reach: go('admin', '/briefings'), h1: 'Learning from reviews' },
  {
    page: 'a published briefing',
    reach: go('admin', '/briefings', 'Learning from the review of Ollie'),
    h1: 'Learning from the review of Ollie',
  },
  {
    page: 'published learning, public',
    reach: go('visitor', '/p/tower-hamlets-demo/briefings', 'Learning from the review of Ollie'),
    h1: 'Learning from the review of Ollie',
  },
  { page: 'key points', reach: go('admin', '/key-points'), h1: 'Key points from the Executive' },
  { page: 'e-mails', reach: go('admin', '/emails'), h1: 'E-mails' },
  { page: 'users', reach: go('admin', '/users'), h1: 'Users' },
  { page: 'invite a user', reach: go('admin', '/users/new'), h1: 'Invite a user' },
  {
    page: 'invite a user, errors',
    reach: sendEmpty(go('admin', '/users/new'), 'Invite user'),
    h1: 'Invite a user',
    status: 400,
  },
  { page: 'a user, just invited', reach: invite, h1: /^Invited Person \d+$/, status: 201 },
  { page: 'a user', reach: go('admin', '/users', USER), h1: USER },
  { page: 'change a user', reach: go('admin', '/users', USER, 'Change details'), h1: `Change ${USER}` },
  { page: 'audit log', reach: go('admin', '/audit'), h1: 'Audit log' },
  { page: 'your account', reach: go('admin', '/account'), h1: 'Your account' },
  { page: 'your account, with a token', reach: withToken, h1: 'Your account' },
  { page: 'sign out', reach: go('admin', '/sign-out'), h1: 'Sign out' },
];

let hub: Hub;
let tabs: Tabs;
before(async () => {
  hub = await startHub();
  tabs = { visitor: await hub.newPage(), admin: await hub.newPage() };
  await signIn(tabs.admin, 'admin@demo.example');
});
after(() => hub?.close());

for (const row of PAGES) {
  test(`${row.page}: no axe WCAG 2.2 AA violations, error links reach fields`, async () => {
    const statuses: number[] = [];
    const collect = (response: Response) => {
      if (response.request().isNavigationRequest()) statuses.push(response.status());
    };
    tabs.visitor.on('response', collect);
    tabs.admin.on('response', collect);
    try {
      const page = await row.reach(tabs);
      const h1 = await heading(page);
      if (typeof row.h1 === 'string') assert.equal(h1, row.h1, `on ${page.url()}`);
      else assert.match(h1, row.h1, `on ${page.url()}`);
      assert.equal(statuses.at(-1), row.status ?? 200, `the status of ${page.url()}`);
      if (row.screenshot) await screenshot(page, row.screenshot);
      await assertAccessible(page, row.page);
    } finally {
      tabs.visitor.off('response', collect);
      tabs.admin.off('response', collect);
    }
  });
}
