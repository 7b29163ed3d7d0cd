import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'sph-config-'));

test('defaults: port 3000, embedded database with demo data, secret generated and kept', () => {
  const dataDir = dir();
  const config = loadConfig({ DATA_DIR: dataDir });
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.seedDemo, true);
  assert.equal(config.sessionSecret, readFileSync(path.join(dataDir, 'session-secret'), 'utf8'));
  assert.equal(loadConfig({ DATA_DIR: dataDir }).sessionSecret, config.sessionSecret);
});

test('demo data is not loaded by default on a server database', () => {
  const config = loadConfig({ DATA_DIR: dir(), DATABASE_URL: 'postgres://localhost/x' });
  assert.equal(config.seedDemo, false);
});

test('every bad setting is listed at once, by name', () => {
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe', NODE_ENV: 'staging' });
    assert.fail('should have thrown');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const text = error.problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SEED_DEMO', 'NODE_ENV'])
      assert.match(text, new RegExp(name));
  }
});

test('production needs a session secret and refuses demo data', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir() }), /SESSION_SECRET is required/);
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), SEED_DEMO: 'true' }),
    /SEED_DEMO=true is not allowed/,
  );
  const ok = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), DATA_DIR: dir() });
  assert.equal(ok.seedDemo, false);
});

test('the PostgreSQL pool has 4 connections unless DATABASE_POOL_SIZE says otherwise, from 1 to 100', () => {
  assert.equal(loadConfig({ DATA_DIR: dir() }).databasePoolSize, 4);
  assert.equal(loadConfig({ DATA_DIR: dir(), DATABASE_POOL_SIZE: '12' }).databasePoolSize, 12);
  for (const bad of ['0', '101', 'four', '2.5'])
    assert.throws(
      () => loadConfig({ DATA_DIR: dir(), DATABASE_POOL_SIZE: bad }),
      (error: unknown) =>
        error instanceof ConfigError && /DATABASE_POOL_SIZE must be/.test(error.problems.join()),
    );
});
