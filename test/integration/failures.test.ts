import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiToken, Browser, bearer, testApp } from '../helpers/app.ts';

test('when the database fails: a GOV.UK 500 page, a 500 problem, a 503 health check, and no detail leaked', async () => {
  const t = await testApp();
  try {
    const browser = new Browser(t.app);
    await browser.signIn('admin@demo.example');
    const token = await apiToken(t.app, 'admin@demo.example');
    // Break the database under the running service: the groups table disappears.
    await t.db.query('ALTER TABLE groups RENAME TO groups_gone');
    const page = await browser.get('/groups');
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(page.body, /groups_gone|relation|stack|at .*\.ts/);
    const api = await t.app.inject({ url: '/api/v1/groups', headers: bearer(token) });
    assert.equal(api.statusCode, 500);
    assert.deepEqual(api.json(), { type: 'about:blank', title: 'Internal server error', status: 500 });
    await t.db.query('ALTER TABLE groups_gone RENAME TO groups');
  } finally {
    await t.close();
  }
});

test('the health check answers 503 when the database does not', async () => {
  const t = await testApp();
  await t.db.destroy();
  const response = await t.app.inject('/health');
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().status, 'error');
  await t.app.close();
});
