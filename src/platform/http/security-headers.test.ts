import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { installSecurityHeaders } from './security-headers.ts';

async function headersOf(production: boolean) {
  const app = Fastify();
  installSecurityHeaders(app, { production });
  app.get('/', async (_request, reply) => ({ nonce: reply.cspNonce?.script }));
  const [first, second] = [await app.inject('/'), await app.inject('/')];
  await app.close();
  return { first, second };
}

test('each response has its own nonces, given to the page and named in the policy', async () => {
  const { first, second } = await headersOf(false);
  const csp = String(first.headers['content-security-policy']);
  const { nonce } = first.json() as { nonce: string };
  assert.match(nonce, /^[0-9a-f]{32}$/);
  assert.ok(csp.includes(`script-src 'self' 'nonce-${nonce}'`), csp);
  assert.match(csp, /style-src 'self' 'nonce-[0-9a-f]{32}'/);
  assert.notEqual((second.json() as { nonce: string }).nonce, nonce);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|upgrade-insecure-requests/);
  assert.equal(first.headers['strict-transport-security'], undefined, 'no HSTS off production');
});

test('in production, HSTS is sent and insecure requests are upgraded', async () => {
  const { first } = await headersOf(true);
  assert.match(String(first.headers['strict-transport-security']), /max-age=\d+/);
  assert.match(String(first.headers['content-security-policy']), /upgrade-insecure-requests/);
  assert.equal(first.headers['x-content-type-options'], 'nosniff');
});
