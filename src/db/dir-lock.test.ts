import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './dir-lock.ts';

const dir = () => mkdtempSync(path.join(tmpdir(), 'sph-lock-'));

test('a folder locked by a running process cannot be locked again', () => {
  const d = dir();
  // Our parent (the test runner) is alive: a lock naming it is held.
  writeFileSync(path.join(d, 'service.lock'), String(process.ppid));
  assert.throws(() => lockDataDir(d), DataDirLockedError);
});

test('a lock left by a process that has ended is taken over, and released on request', () => {
  const d = dir();
  const ended = spawnSync(process.execPath, [
    '-e',
    'process.stdout.write(String(process.pid))',
  ]).stdout.toString();
  writeFileSync(path.join(d, 'service.lock'), ended);
  const release = lockDataDir(d);
  assert.equal(existsSync(path.join(d, 'service.lock')), true);
  release();
  assert.equal(existsSync(path.join(d, 'service.lock')), false);
  lockDataDir(d)();
});
