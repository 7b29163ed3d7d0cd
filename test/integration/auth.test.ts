import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('sign in sets a signed, HttpOnly, SameSite=Lax session cookie and lands where asked', async () => {
  const browser = new Browser(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', {
    email: 'member@demo.example',
    password: 'demo-password-only',
    next: '/groups',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/groups');
  const cookie = String(
    ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('sph_session=')),
  );
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.doesNotMatch(cookie, /Secure/); // only in production
  assert.equal((await browser.get('/groups')).statusCode, 200);
});

test('sign in never sends you to another site', async () => {
  const browser = new Browser(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', {
    email: 'member@demo.example',
    password: 'demo-password-only',
    next: '//evil.example/',
  });
  assert.equal(response.headers.location, '/');
});

test('a wrong password or unknown e-mail shows one message, and keeps the e-mail typed', async () => {
  const browser = new Browser(t.app);
  await browser.get('/sign-in');
  for (const email of ['chair@demo.example', 'nobody@demo.example']) {
    const response = await browser.post('/sign-in', { email, password: 'not-the-password' });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /Enter a correct email address and password/);
    assert.match(response.body, new RegExp(`value="${email}"`));
    assert.match(response.body, /<title>Error: /);
  }
});

test('an empty form names each missing field', async () => {
  const browser = new Browser(t.app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: '', password: '' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /href="#email">Enter your email address/);
  assert.match(response.body, /href="#password">Enter your password/);
});

test('a form without its CSRF token is refused and changes nothing', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  const response = await browser.post(
    '/partners',
    { name: 'Forged partner', kind: 'relevant-agency', sector: 'other' },
    'wrong-token',
  );
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /This form has expired/);
  const list = await browser.get('/partners?q=Forged');
  assert.doesNotMatch(list.body, /Forged partner/);
});

test('sign out ends the session on the server', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('executive@demo.example');
  const stolen = new Map(browser.cookies);
  await browser.get('/sign-out');
  const out = await browser.post('/sign-out');
  assert.equal(out.statusCode, 303);
  const replay = new Browser(t.app);
  for (const [k, v] of stolen) replay.cookies.set(k, v);
  assert.equal((await replay.get('/structure')).statusCode, 302);
});

test('repeated failures are refused for a while with a clear message, even with the right password', async () => {
  const browser = new Browser(t.app);
  await browser.get('/sign-in');
  for (let i = 0; i < 10; i++)
    await browser.post('/sign-in', { email: 'reviewer@demo.example', password: `wrong-${i}-password` });
  const response = await browser.post('/sign-in', {
    email: 'reviewer@demo.example',
    password: 'demo-password-only',
  });
  assert.equal(response.statusCode, 429);
  assert.match(response.body, /too many attempts to sign in. Wait 15 minutes/);
  const api = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email: 'reviewer@demo.example', password: 'demo-password-only' },
  });
  assert.equal(api.statusCode, 429);
  assert.equal(api.headers['retry-after'], '900');
});

test('API tokens: issued for the right password, used as Bearer, revoked from the account page', async () => {
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email: 'data-lead@demo.example', password: 'nope-nope-nope' },
  });
  assert.equal(bad.statusCode, 401);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');

  const issued = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email: 'data-lead@demo.example', password: 'demo-password-only' },
  });
  assert.equal(issued.statusCode, 201);
  const { token, expiresAt } = issued.json() as { token: string; expiresAt: string };
  assert.ok(new Date(expiresAt) > new Date());
  assert.equal((await t.app.inject({ url: '/api/v1/partners', headers: bearer(token) })).statusCode, 200);
  const stored = await t.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM api_tokens WHERE token_hash = $1',
    [token],
  );
  assert.equal(stored[0]?.n, 0, 'tokens are stored hashed, never as issued');

  const browser = new Browser(t.app);
  await browser.signIn('data-lead@demo.example');
  const account = await browser.get('/account');
  const tokenId = /\/account\/tokens\/([0-9a-f-]+)\/revoke/.exec(account.body)?.[1];
  assert.ok(tokenId);
  assert.equal((await browser.post(`/account/tokens/${tokenId}/revoke`)).statusCode, 303);
  const after = await t.app.inject({ url: '/api/v1/partners', headers: bearer(token) });
  assert.equal(after.statusCode, 401);
  assert.equal(after.headers['www-authenticate'], 'Bearer');
});

test('the token endpoint rejects unknown fields and says which', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email: 'admin@demo.example', password: 'demo-password-only', remember: true },
  });
  assert.equal(response.statusCode, 422);
  assert.deepEqual(response.json().errors, [
    { field: 'remember', message: 'remember is not a field we accept' },
  ]);
});

test('a session cookie does not authorise the API, and a token does not authorise pages', async () => {
  const browser = new Browser(t.app);
  await browser.signIn('admin@demo.example');
  assert.equal((await browser.get('/api/v1/partners')).statusCode, 401);
  const token = await apiToken(t.app, 'admin@demo.example');
  const page = await t.app.inject({ url: '/partners', headers: bearer(token) });
  assert.equal(page.statusCode, 302);
});

test('invite a user, who sets a password by the link once, then signs in; a deactivated user cannot', async () => {
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const form = await admin.get('/users/new');
  const agencyId = /<option value="([0-9a-f-]{36})">/.exec(form.body)?.[1];
  assert.ok(agencyId);
  const invited = await admin.post('/users', {
    name: 'Priya Invited',
    email: 'priya.invited@example.org',
    role: 'member',
    agencyId,
  });
  assert.equal(invited.statusCode, 201);
  const link = new URL(/<code id="invitation-link">([^<]+)<\/code>/.exec(invited.body)?.[1] ?? '').pathname;
  assert.ok(link.startsWith('/invitations/'));
  const userId = /action="\/users\/([0-9a-f-]+)\/deactivate"/.exec(invited.body)?.[1];

  const priya = new Browser(t.app);
  await priya.get(link);
  const weak = await priya.post(link, { password: 'password1234', confirm: 'password1234' });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /too common/);
  const mismatch = await priya.post(link, { password: 'kettle maple orbit', confirm: 'kettle maple orbi' });
  assert.match(mismatch.body, /The passwords do not match/);
  assert.equal(
    (await priya.post(link, { password: 'kettle maple orbit', confirm: 'kettle maple orbit' })).statusCode,
    303,
  );
  assert.equal((await priya.get(link)).statusCode, 404, 'the link works once');
  await priya.signIn('priya.invited@example.org', 'kettle maple orbit');
  assert.equal((await priya.get('/structure')).statusCode, 200);

  await admin.get(`/users/${userId}`);
  assert.equal((await admin.post(`/users/${userId}/deactivate`)).statusCode, 303);
  assert.equal((await priya.get('/structure')).statusCode, 302, 'sessions end at once');
  await priya.get('/sign-in');
  const again = await priya.post('/sign-in', {
    email: 'priya.invited@example.org',
    password: 'kettle maple orbit',
  });
  assert.equal(again.statusCode, 401);
});

test('an admin cannot deactivate their own account or make an operator', async () => {
  const admin = new Browser(t.app);
  await admin.signIn('admin@demo.example');
  const token = await apiToken(t.app, 'admin@demo.example');
  const me = (await t.app.inject({ url: '/api/v1/users?q=admin%40demo', headers: bearer(token) })).json()
    .items[0];
  const self = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${me.id}`,
    headers: bearer(token),
    payload: { isActive: false },
  });
  assert.equal(self.statusCode, 422);
  assert.equal(self.json().errors[0].field, 'isActive');
  const op = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${me.id}`,
    headers: bearer(token),
    payload: { role: 'operator' },
  });
  assert.equal(op.statusCode, 422);
});
