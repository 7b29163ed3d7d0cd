import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { apiToken, Browser, bearer, type TestApp, testApp } from '../helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('an operator adds a partnership; its first admin sets a password and sees only its own records', async () => {
  const operator = new Browser(t.app);
  await operator.signIn('operator@demo.example');
  await operator.get('/partnerships/new');
  const bad = await operator.post('/partnerships', {
    name: 'Leeds Safeguarding Children Partnership',
    slug: 'Leeds SCP',
    areaName: '',
    localAuthorityName: 'Leeds City Council',
    adminName: 'Sam Okafor',
    adminEmail: 'sam.okafor@leeds.example',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#slug">Short name must be lower-case/);
  assert.match(bad.body, /href="#areaName">Enter the area/);

  const created = await operator.post('/partnerships', {
    name: 'Leeds Safeguarding Children Partnership',
    slug: 'leeds-scp',
    areaName: 'Leeds',
    localAuthorityName: 'Leeds City Council',
    adminName: 'Sam Okafor',
    adminEmail: 'sam.okafor@leeds.example',
  });
  assert.equal(created.statusCode, 201);
  const link = new URL(/<code id="invitation-link">([^<]+)<\/code>/.exec(created.body)?.[1] ?? '').pathname;
  assert.ok(link.startsWith('/invitations/'));

  await operator.get('/partnerships/new');
  const again = await operator.post('/partnerships', {
    name: 'Leeds again',
    slug: 'leeds-scp',
    areaName: 'Leeds',
    localAuthorityName: 'Leeds City Council',
    adminName: 'Other Person',
    adminEmail: 'other.person@leeds.example',
  });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /A partnership with this short name already exists/);
  const sameEmail = await operator.post('/partnerships', {
    name: 'Leeds again',
    slug: 'leeds-two',
    areaName: 'Leeds',
    localAuthorityName: 'Leeds City Council',
    adminName: 'Other Person',
    adminEmail: 'admin@demo.example',
  });
  assert.equal(sameEmail.statusCode, 400);
  assert.match(sameEmail.body, /An account with this email address already exists/);
  const count = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM partnerships WHERE slug IN ('leeds-scp', 'leeds-two')",
  );
  assert.equal(count[0]?.n, 1, 'refused attempts saved nothing');

  const sam = new Browser(t.app);
  await sam.get(link);
  assert.equal(
    (await sam.post(link, { password: 'granite harbour lantern', confirm: 'granite harbour lantern' }))
      .statusCode,
    303,
  );
  const token = await apiToken(t.app, 'sam.okafor@leeds.example', 'granite harbour lantern');
  const partners = (await t.app.inject({ url: '/api/v1/partners', headers: bearer(token) })).json().items as {
    name: string;
    kind: string;
  }[];
  assert.deepEqual(
    partners.map((p) => [p.name, p.kind]),
    [['Leeds City Council', 'local-authority']],
  );

  const list = (
    await t.app.inject({
      url: '/api/v1/partnerships',
      headers: bearer(await apiToken(t.app, 'operator@demo.example')),
    })
  ).json();
  assert.ok(list.items.some((p: { slug: string; users: number }) => p.slug === 'leeds-scp' && p.users === 1));
  const audit = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'partnership.created' AND partnership_id IS NULL",
  );
  assert.equal(audit[0]?.n, 1, 'recorded in the installation chain');
});
