import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the benchmark: the newest /usr/lib/postgresql/<version>/bin,
 * a cluster in a temp folder, listening on 127.0.0.1 only, stopped and deleted by `stop()`. As root
 * the server runs as the `postgres` user. Durability is off (fsync, synchronous commit, full-page
 * writes): the benchmark measures reads, and the data is thrown away.
 */
export type PostgresServer = {
  url: string;
  version: string;
  settings: string[];
  /** The postmaster's process id, for counting the server's CPU time. */
  pid(): number | null;
  stop(): void;
};

export const SERVER_SETTINGS = [
  'shared_buffers=256MB',
  'max_connections=100',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_wal_size=4GB',
  'checkpoint_timeout=30min',
];

export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function startPostgres(bin: string, firstPort = 54410): Promise<PostgresServer> {
  let port = firstPort;
  while (!(await portIsFree(port))) {
    port += 1;
    if (port > firstPort + 50) throw new Error(`No free port from ${firstPort} to ${port}`);
  }
  const root = mkdtempSync(path.join(tmpdir(), 'sph-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(root, 0o755);
    execFileSync('chown', ['postgres:postgres', root]);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  const data = path.join(root, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run(pgCtl, ['-D', data, '-m', 'fast', 'stop']);
      } catch {
        // already stopped
      }
      started = false;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'sph',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${root}`,
      ...SERVER_SETTINGS.map((s) => `-c ${s}`),
    ].join(' ');
    run(pgCtl, ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-o', options, 'start']);
    started = true;
    const url = `postgres://sph@127.0.0.1:${port}/postgres`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const version =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    await client.end();
    const pid = () => {
      try {
        return Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
      } catch {
        return null;
      }
    };
    return { url, version, settings: SERVER_SETTINGS, pid, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
