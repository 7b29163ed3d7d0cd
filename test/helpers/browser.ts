import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, testApp } from './app.ts';

/**
 * Browser tests drive Debian's chromium (never a downloaded browser) against the real app, started in
 * the test process on a random loopback port over testApp()'s database: PGlite, or the PostgreSQL
 * server named by DATABASE_URL.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = '/tmp/sph-screens';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Hub = {
  baseUrl: string;
  /** A page in a fresh context (its own cookies); closed with the hub. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
};

export async function startHub(): Promise<Hub> {
  // Fail, never skip: a missing browser must not pass as "no accessibility problems".
  assert.ok(
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium fonts-liberation; .ci/run does)`,
  );
  const t = await testApp();
  let baseUrl: string;
  let running: Browser;
  try {
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    running = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await t.close();
    throw error;
  }
  return {
    baseUrl,
    async newPage(options = {}) {
      const context = await running.newContext({ baseURL: baseUrl, ...options });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    async close() {
      await running.close();
      await t.close();
    },
  };
}

/** Signs in through the sign-in form, as a person would, and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** An element's text, with runs of white space made single. */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The main heading's text. */
export const heading = (page: Page) => text(page.locator('h1').first());

/** What axe finds against WCAG 2.2 A and AA on the page: one line per rule and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown'}): ${n.target.join(' ')} – ${v.help}`),
  );
}

/**
 * GOV.UK error summaries must link each message to its field, so that following the link puts the
 * cursor in it (for a date, its first box). One line per link whose target is missing or not a field.
 */
export async function errorSummaryProblems(page: Page): Promise<string[]> {
  return page.locator('.govuk-error-summary a').evaluateAll((links) =>
    links.flatMap((a) => {
      const href = a.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return [];
      const found = target ? `a <${target.tagName.toLowerCase()}>, not a field` : 'nothing';
      return [`error-summary-link: "${a.textContent?.trim()}" links to ${href}, which is ${found}`];
    }),
  );
}

/** Asserts axe finds no violation and every error summary link reaches its field; names each problem. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const problems = [...(await axeViolations(page)), ...(await errorSummaryProblems(page))];
  assert.deepEqual(
    problems,
    [],
    `${label} (${page.url()}) has ${problems.length} accessibility problem(s):\n  ${problems.join('\n  ')}`,
  );
}

/** A full-page PNG in /tmp/sph-screens (outside the repository), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fills a GOV.UK date input, found by its legend. */
export async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}
