import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Browser, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('GET /health names the database engine', async () => {
  const response = await t.app.inject('/health');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    status: 'ok',
    database: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
  });
});

test('pages carry a strict Content-Security-Policy with a nonce for the one inline script', async () => {
  const response = await t.app.inject('/sign-in');
  const csp = String(response.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'nonce-[^']+'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce && response.body.includes(`nonce="${nonce}"`));
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.ok(response.headers['x-request-id']);
  const again = await t.app.inject('/sign-in');
  const next = /script-src 'self' 'nonce-([0-9a-f]{32})'/.exec(
    String(again.headers['content-security-policy']),
  )?.[1];
  assert.ok(next && next !== nonce, 'a new nonce for every response');
  assert.ok(again.body.includes(`nonce="${next}"`));
  const api = await t.app.inject('/api/v1/partners');
  assert.match(String(api.headers['content-security-policy']), /default-src 'self'/, 'API responses too');
  assert.equal(api.headers['x-frame-options'], 'SAMEORIGIN');
});

test('an unknown page is a GOV.UK style 404 page; an unknown API path is problem JSON', async () => {
  const page = await t.app.inject('/no-such-page');
  assert.equal(page.statusCode, 404);
  assert.match(page.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
  const api = await t.app.inject('/api/v1/no-such-thing');
  assert.equal(api.statusCode, 404);
  assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(api.json().status, 404);
});

test('malformed JSON is a 400 problem, not a 500', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    headers: { 'content-type': 'application/json' },
    payload: '{"email": ',
  });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().title, 'The request could not be read');
});

test('pages need sign-in: a page redirects to sign in, keeping where you were going', async () => {
  const response = await t.app.inject('/groups?type=forum');
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, '/sign-in?next=%2Fgroups%3Ftype%3Dforum');
});

test('the start page is public and the home page greets a signed-in user', async () => {
  const anonymous = await t.app.inject('/');
  assert.equal(anonymous.statusCode, 200);
  assert.match(anonymous.body, /Sign in/);
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const home = await browser.get('/');
  assert.match(home.body, /Tower Hamlets Safeguarding Children Partnership \(demo\)/);
});

test('the OpenAPI document describes every /api/v1 endpoint', async () => {
  const doc = (await t.app.inject('/api/openapi.json')).json() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    ),
  );
  const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api/v1/'));
  assert.ok(apiRoutes.length > 10);
  for (const route of apiRoutes) {
    assert.ok(
      documented.has(`${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`),
      `${route.method} ${route.url}`,
    );
  }
  const docsPage = await t.app.inject('/api/docs');
  assert.equal(docsPage.statusCode, 200);
  assert.match(docsPage.body, /\/api\/v1\/groups/);
});
