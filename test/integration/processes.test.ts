import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

/** The service and its commands as real processes on the embedded database. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const baseEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return env;
};

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: Promise<{ code: number | null; text: string }>; sofar: () => string } {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (d) => {
    text += d;
  });
  child.stderr?.on('data', (d) => {
    text += d;
  });
  const output = new Promise<{ code: number | null; text: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, text })),
  );
  return { child, output, sofar: () => text };
}

async function waitForHealth(port: number, said: () => string, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return (await response.json()) as { status: string; database: string };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the service did not start within ${timeoutMs / 1000} s; it said:\n${said()}`);
}

test('npm start’s server: loads the demo, holds DATA_DIR so a second process refuses clearly, stops on SIGTERM', {
  timeout: 120_000,
}, async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sph-data-'));
  const port = 3400 + Math.floor(Math.random() * 500);
  const first = run(['src/server.ts'], {
    ...baseEnv(),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  try {
    assert.deepEqual(await waitForHealth(port, first.sofar), { status: 'ok', database: 'pglite' });
    const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.example', password: 'demo-password-only' }),
    });
    assert.equal(signIn.status, 201, 'the demo admin can sign in');

    const second = run(['src/server.ts'], { ...baseEnv(), DATA_DIR: dataDir, PORT: String(port + 1) });
    const { code, text } = await second.output;
    assert.equal(code, 1);
    assert.match(text, /Another process \(pid \d+\) is already using the embedded database/);
  } finally {
    first.child.kill('SIGTERM');
  }
  assert.equal((await first.output).code, 0, 'graceful shutdown exits cleanly');

  const verify = run(['src/platform/audit/verify-cli.ts'], { ...baseEnv(), DATA_DIR: dataDir });
  const verified = await verify.output;
  assert.equal(verified.code, 0, verified.text);
  assert.match(verified.text, /The audit log is intact/);

  const production = run(['src/server.ts'], {
    ...baseEnv(),
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SESSION_SECRET: 'p'.repeat(40),
    PORT: String(port + 2),
  });
  const refused = await production.output;
  assert.equal(refused.code, 1);
  assert.match(refused.text, /Refusing to start in production: demo accounts/);
});

test('bad settings stop the service with one line per problem', async () => {
  const { code, text } = await run(['src/server.ts'], {
    ...baseEnv(),
    PORT: 'eighty',
    DATABASE_URL: 'mysql://x',
  }).output;
  assert.equal(code, 1);
  assert.match(text, /PORT must be a whole number/);
  assert.match(text, /DATABASE_URL must start with postgres:\/\//);
});
