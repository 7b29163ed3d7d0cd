import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEFAULT_POOL_SIZE } from '../src/db/pool-size.ts';
import { addQuarters, quarterStart, shortQuarterLabel } from '../src/platform/calendar/quarters.ts';
import { cpuMs, otherCores, sampleCpu, withChildren } from './cpu.ts';
import type { Generated } from './generate.ts';
import { load } from './load.ts';
import { findPostgresBin, type PostgresServer, SERVER_SETTINGS, startPostgres } from './postgres-server.ts';
import type { ChildRequest, ChildSetup, Engine, ParentMessage, TracedQuery } from './protocol.ts';
import { referenceMs } from './reference.ts';
import { FLAGS, readStore, render } from './report.ts';
import type { Alone, EngineResult, Machine, Plan, RoundRun, Target, TargetResult } from './results.ts';
import { combineRounds, PLAN_FROM_MS, TARGET_P95_MS, targetOf } from './results.ts';

/**
 * `npm run bench`: for each engine, a fresh database filled by generate.ts, the service started on it
 * (server.ts, a child process), a signed-in admin, and autocannon against each page and API list.
 * Writes BENCHMARKS.md; exits 1 if any request failed.
 */
const ROOT = path.resolve(import.meta.dirname, '..');

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    engines: { type: 'string', default: 'postgresql,pglite' },
    duration: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    small: { type: 'string', default: '50' },
    only: { type: 'string' },
    'verify-audit': { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(`npm run bench -- [flags]\n\n${FLAGS.join('\n')}`);
  process.exit(0);
}

const positive = (name: string, text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of 1 or more`);
  return n;
};
const options = {
  scale: positive('scale', flags.scale),
  duration: positive('duration', flags.duration),
  rounds: positive('rounds', flags.rounds),
  warmup: Number(flags.warmup),
  connections: positive('connections', flags.connections),
  small: Number(flags.small),
  engines: flags.engines.split(',').map((e) => e.trim()) as Engine[],
  only: flags.only,
  verifyAudit: flags['verify-audit'],
  out: path.resolve(ROOT, flags.out),
  profile: flags.profile ? path.resolve(flags.profile) : undefined,
};
for (const engine of options.engines) {
  if (engine !== 'postgresql' && engine !== 'pglite') throw new Error(`Unknown engine "${engine}"`);
}

const say = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Things to undo however the run ends. */
const cleanups: (() => void)[] = [];
function cleanUp() {
  for (const undo of cleanups.splice(0).reverse()) {
    try {
      undo();
    } catch (error) {
      console.error(error);
    }
  }
}
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});

function machine(): Machine {
  const debian = existsSync('/etc/debian_version')
    ? ` (Debian ${readFileSync('/etc/debian_version', 'utf8').trim()})`
    : '';
  const pglite = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}${debian}`,
    node: process.version,
    pglite: pglite.version,
  };
}

type Started = Extract<ParentMessage, { type: 'generated' | 'ready' }>;

/** A child process (server.ts) in one of its phases, and request/reply over its IPC channel. */
class Service<S extends Started = Started> {
  readonly child: ChildProcess;
  readonly #waiting = new Map<string, (message: ParentMessage) => void>();
  #ready: Promise<S>;
  readonly exited: Promise<number | null>;

  constructor(setup: ChildSetup) {
    const profiling =
      options.profile && setup.phase === 'serve' ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [];
    this.child = spawn(process.execPath, [...profiling, path.join(import.meta.dirname, 'server.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, SPH_BENCH_CHILD: JSON.stringify(setup), NODE_ENV: 'test' },
    });
    this.#ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: ParentMessage) => {
        if (message.type === 'log') say(`  ${setup.engine}: ${message.line}`);
        else if (message.type === (setup.phase === 'generate' ? 'generated' : 'ready')) resolve(message as S);
        else if (message.type === 'failed' && !message.id)
          reject(new Error(`service failed: ${message.error}`));
        else if ('id' in message && message.id) this.#waiting.get(message.id)?.(message);
      });
      this.child.on('exit', (code) => {
        const gone = { type: 'failed', error: `the ${setup.phase} process exited (${code})` } as const;
        for (const answer of [...this.#waiting.values()]) answer(gone);
        reject(new Error(`the ${setup.phase} process exited (${code}) before it was ready`));
      });
    });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
  }

  ready() {
    return this.#ready;
  }

  ask(request: ChildRequest & { id: string }): Promise<ParentMessage> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(request.id, (message) => {
        this.#waiting.delete(request.id);
        if (message.type === 'failed') reject(new Error(message.error));
        else resolve(message);
      });
      this.child.send(request);
    });
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = this.exited;
    this.child.send({ type: 'stop' } satisfies ChildRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Signs in through the pages as a browser would: the sign-in form, its CSRF token and cookies. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/sign-in`, { redirect: 'manual' });
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (form.status !== 200 || !csrf) throw new Error(`GET /sign-in: ${form.status}, no CSRF token`);
  const posted = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  keep(posted);
  if (posted.status !== 303 || !cookies.has('sph_session')) {
    throw new Error(`POST /sign-in as ${email}: ${posted.status} ${await posted.text()}`);
  }
  return header();
}

async function apiToken(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/v1/auth/token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** The pages and API lists measured, in order; /health first as the ceiling. */
async function targetsFor(base: string, bearer: Record<string, string>, g: Generated): Promise<Target[]> {
  const people = await fetch(`${base}/api/v1/people`, { headers: bearer });
  const next = ((await people.json()) as { next: string | null }).next;
  if (!next) throw new Error('GET /api/v1/people gave no next cursor: the data is too small');
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const page = (name: string, p: string, list = true): Target => ({ name, kind: 'page', path: p, list });
  const api = (name: string, p: string): Target => ({ name, kind: 'api', path: p, list: true });
  return [
    { name: 'Health check (ceiling)', kind: 'health' as const, path: '/health', list: false },
    page('Home', '/', false),
    page('Structure', '/structure'),
    page('Partners', '/partners'),
    page('People', '/people'),
    page('People, page 2', `/people?${q({ after: next })}`),
    page('People, search', `/people?${q({ q: g.searchTerm })}`),
    page('People of one partner', `/people?${q({ agencyId: g.agencyId })}`),
    page('Groups', '/groups'),
    page('A group (300 members)', `/groups/${g.largestGroupId}`),
    page('Users', '/users'),
    page('Audit log', '/audit'),
    page(
      'Audit log, one record',
      `/audit?${q({ entityType: g.sampleEntity.type, entityId: g.sampleEntity.id })}`,
    ),
    page('Audit log, one user', `/audit?${q({ actor: g.rareActor })}`),
    page('Audit log, one action', `/audit?${q({ action: g.rareAction })}`),
    page('Audit log, one month', `/audit?${q({ from: g.auditWindow.from, to: g.auditWindow.to })}`),
    api('API partners', '/api/v1/partners'),
    api('API people', '/api/v1/people'),
    api('API people, page 2', `/api/v1/people?${q({ after: next })}`),
    api('API groups', '/api/v1/groups'),
    api('API users', '/api/v1/users'),
    api('API audit log', '/api/v1/audit'),
    page('Escalation tracker', '/escalations'),
    page('Escalation tracker, unanswered', `/escalations?${q({ status: 'unanswered' })}`),
    page('An executive meeting', `/meetings/${g.executiveMeetingId}`, false),
    api('API escalations', '/api/v1/escalations'),
    api('API a meeting’s actions', `/api/v1/meetings/${g.executiveMeetingId}/actions`),
    page('Case reviews', '/cases'),
    page('Statutory clocks', '/clocks'),
    page('Statutory clocks, overdue', `/clocks?${q({ status: 'overdue' })}`),
    api('API incidents', '/api/v1/incidents'),
    api('API clocks', '/api/v1/clocks'),
    {
      name: 'API one incident',
      kind: 'record' as const,
      path: `/api/v1/incidents/${g.sampleIncidentId}`,
      list: true,
    },
    page('Learning action plan', '/actions'),
    page('Action plan, one theme', `/actions?${q({ themeId: g.planThemeId })}`),
    page('Action plan, overdue', `/actions?${q({ due: 'overdue' })}`),
    page('Themes at a glance', '/actions/themes'),
    api('API actions', '/api/v1/actions'),
    // Issue 6: "the similarity suggestion answers in under 100 ms". A suggestion is asked for when one
    // person raises an action, so its target is measured one request at a time, like the meeting pack;
    // the same request under the 20 connections is shown beside it, without a target.
    {
      name: 'API similar actions',
      kind: 'api' as const,
      path: `/api/v1/actions/similar?${q({ text: g.similarQuery })}`,
      list: true,
      targetMs: 100,
      connections: 1,
    },
    {
      name: 'API similar actions, 20 at once',
      kind: 'api' as const,
      path: `/api/v1/actions/similar?${q({ text: g.similarQuery })}`,
      list: false,
    },
    { ...page('Data dashboard', '/data'), targetMs: 100 },
    { ...page('Data dashboard, one theme', `/data?${q({ themeId: g.planThemeId })}`), targetMs: 100 },
    {
      ...page('Data dashboard, page 2', `/data?${q({ after: await dashboardCursor(base, bearer) })}`),
      targetMs: 100,
    },
    { ...api('API dashboard', '/api/v1/dashboard'), targetMs: 100 },
    { ...page('A data call’s compliance return', `/data/calls/${g.dataCallId}`), targetMs: 100 },
    { ...page('An indicator, with charts', `/data/indicators/${g.indicatorId}`, false), targetMs: 100 },
    { ...page('Published figures', '/data/published'), targetMs: 100 },
    {
      name: 'Executive meeting pack (PDF)',
      kind: 'document' as const,
      path: `/meetings/${g.executiveMeetingId}/pack.pdf`,
      list: false,
      targetMs: 1000,
      connections: 1,
    },
  ].filter((t) => !options.only || options.only.split(',').some((part) => t.path.includes(part)));
}

/**
 * Issue 7's upload target: a 100,000-row template (every agency's figure for every indicator, for the
 * latest call's quarter and those before it) sent as the business unit would, through the page's form.
 */
async function timeUpload(base: string, cookie: string, bearer: Record<string, string>, g: Generated) {
  const ROWS = 100_000;
  const page = await (await fetch(`${base}/data/calls/${g.dataCallId}`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('The data call page has no form to upload to');
  const partners = (await (await fetch(`${base}/api/v1/partners?limit=200`, { headers: bearer })).json()) as {
    items: { name: string }[];
  };
  const latest = addQuarters(quarterStart(new Date().toISOString().slice(0, 10)), -1);
  const lines = ['agency,indicator,period,value'];
  for (let back = 0; lines.length <= ROWS; back += 1)
    for (const agency of partners.items)
      for (let i = 1; i <= g.big.indicators && lines.length <= ROWS; i += 1)
        lines.push(
          `"${agency.name.replace(/"/g, '""')}",IND_${i},${shortQuarterLabel(addQuarters(latest, -back))},${(i * 7 + back) % 90}`,
        );
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('file', new Blob([`${lines.join('\n')}\n`], { type: 'text/csv' }), 'figures.csv');
  const started = performance.now();
  const response = await fetch(`${base}/data/calls/${g.dataCallId}/upload`, {
    method: 'POST',
    headers: { cookie },
    body: form,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { rows: lines.length - 1, ms: performance.now() - started, status: response.status };
}

/** The dashboard's second page, by the cursor its API gives. */
async function dashboardCursor(base: string, bearer: Record<string, string>) {
  const response = await fetch(`${base}/api/v1/dashboard`, { headers: bearer });
  const next = ((await response.json()) as { next: string | null }).next;
  if (!next) throw new Error('GET /api/v1/dashboard gave no next cursor: the data is too small');
  return next;
}

/** How many rows an API answer holds: a page's items, or a plain list (similar actions). */
const listLength = (body: unknown) =>
  Array.isArray(body) ? body.length : ((body as { items?: unknown[] }).items?.length ?? 0);

/** One request must work before it is loaded: a 200 with the page or a non-empty list. */
async function check(base: string, target: Target, headers: Record<string, string>) {
  const response = await fetch(`${base}${target.path}`, { headers, redirect: 'manual' });
  const body = await response.text();
  const ok =
    response.status === 200 &&
    (target.kind !== 'api' || listLength(JSON.parse(body)) > 0) &&
    (target.kind !== 'record' || typeof (JSON.parse(body) as { id?: unknown }).id === 'string') &&
    (target.kind !== 'page' || body.includes('hub-header__who')) && // signed in
    (target.kind !== 'document' || body.startsWith('%PDF-'));
  if (!ok)
    throw new Error(
      `${target.name}: GET ${target.path} gave ${response.status}; expected a 200 ${target.kind}`,
    );
}

/**
 * Waits until the service has finished the requests a load left behind (autocannon stops waiting for
 * them when its time is up): /health queues behind them for the database, PGlite's lock included.
 */
async function drain(base: string) {
  for (let i = 0; i < 3; i++) await fetch(`${base}/health`).then((r) => r.arrayBuffer());
}

let idCounter = 0;
const nextId = () => `q${++idCounter}`;

async function measureEngine(engine: Engine): Promise<EngineResult | null> {
  let url: string | undefined;
  let pgliteDir: string | undefined;
  let server = '';
  let postmaster: number | null = null;
  if (engine === 'postgresql') {
    const given = process.env.DATABASE_URL;
    if (given) {
      url = await createBenchDatabase(given);
      server = 'the server at DATABASE_URL (a database created for the run)';
    } else {
      const bin = findPostgresBin();
      if (!bin) {
        say('PostgreSQL: no DATABASE_URL and no server in /usr/lib/postgresql: skipped');
        return null;
      }
      say(`PostgreSQL: starting a throwaway server from ${bin}`);
      const started: PostgresServer = await startPostgres(bin);
      cleanups.push(started.stop);
      postmaster = started.pid();
      url = started.url;
      server = `throwaway server on 127.0.0.1, defaults but ${SERVER_SETTINGS.map(code).join(', ')}; the service's pool has ${DEFAULT_POOL_SIZE} connections`;
    }
  } else {
    pgliteDir = mkdtempSync(path.join(os.tmpdir(), 'sph-bench-pglite-'));
    const dir = pgliteDir;
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    server = 'in the service process, files in a temp folder; one connection, so queries take turns';
  }

  say(`${engine}: migrating and generating ${options.scale}× data`);
  const setup = {
    engine,
    url,
    pgliteDir,
    scale: options.scale,
    small: options.small,
    verifyAudit: options.verifyAudit,
  };
  const generating = new Service<Extract<Started, { type: 'generated' }>>({ ...setup, phase: 'generate' });
  cleanups.push(() => generating.child.kill('SIGKILL'));
  const { generated: g, verified } = await generating.ready();
  await generating.exited;
  const service = new Service<Extract<Started, { type: 'ready' }>>({ ...setup, phase: 'serve' });
  cleanups.push(() => service.child.kill('SIGKILL'));
  const ready = await service.ready();
  say(
    `${engine} ${ready.version}: ${g.rows.audit_log?.all.toLocaleString('en-GB')} audit entries, ${(g.databaseBytes / 1_048_576).toFixed(0)} MiB, generated in ${g.seconds.total.toFixed(1)} s; served by a fresh process`,
  );

  const base = `http://127.0.0.1:${ready.port}`;
  const cookie = await signIn(base, g.adminEmail, g.password);
  const bearer = { authorization: `Bearer ${await apiToken(base, g.adminEmail, g.password)}` };
  const targets = await targetsFor(base, bearer, g);
  const headersOf = (target: Target): Record<string, string> =>
    target.kind === 'api' || target.kind === 'record'
      ? bearer
      : target.kind === 'page' || target.kind === 'document'
        ? { cookie }
        : {};
  for (const target of targets) await check(base, target, headersOf(target));
  // The rounds take turns over all the pages, so a slower minute of the machine falls on one round of
  // several pages rather than on every round of one page; each page is judged by its rounds' median.
  const rounds = targets.map((): RoundRun[] => []);
  const reference: number[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    reference.push(referenceMs());
    say(
      `${engine} round ${round}/${options.rounds}: the reference work took ${reference.at(-1)?.toFixed(1)} ms`,
    );
    for (const [i, target] of targets.entries()) {
      const measured = await measureRound(base, target, headersOf(target), service, postmaster);
      rounds[i]?.push(measured);
      say(
        `${engine} round ${round}/${options.rounds} ${target.name.padEnd(28)} p50 ${measured.p50.toFixed(1).padStart(7)}  p95 ${measured.p95.toFixed(1).padStart(7)}  p99 ${measured.p99.toFixed(1).padStart(7)} ms  ${measured.rps.toFixed(0).padStart(6)} req/s${measured.serviceCpuMs === null ? '' : `  CPU ${measured.serviceCpuMs.toFixed(2)} ms/req`}${failures(measured)}${busy(measured.otherCores)}`,
      );
    }
  }
  const results: TargetResult[] = [];
  for (const [i, target] of targets.entries()) {
    const combined = combineRounds(rounds[i] ?? []);
    const { alone, plan } = await traceAndExplain(service, engine, target, headersOf(target), combined.p95);
    if (plan && options.only)
      say(`slowest query of ${target.name} (${plan.ms.toFixed(1)} ms):\n${plan.sql}\n${plan.explain}`);
    results.push({ ...target, ...combined, alone, plan });
    say(
      `${engine} ${target.name.padEnd(28)} median of ${options.rounds}: p95 ${combined.p95.toFixed(1).padStart(7)} ms (rounds ${(combined.rounds ?? []).map((r) => r.p95.toFixed(0)).join(' / ')})  ${combined.rps.toFixed(0).padStart(6)} req/s${combined.serviceCpuMs == null ? '' : `  CPU ${combined.serviceCpuMs.toFixed(2)} ms/req`}${alone ? `  alone ${alone.totalMs.toFixed(1)} ms (DB ${alone.dbMs.toFixed(1)} ms, ${alone.queries} queries)` : ''}`,
    );
  }
  const upload =
    options.only && !'/data/calls'.includes(options.only)
      ? undefined
      : await timeUpload(base, cookie, bearer, g);
  if (upload)
    say(
      `${engine} upload of ${upload.rows.toLocaleString('en-GB')} figures: ${(upload.ms / 1000).toFixed(2)} s, HTTP ${upload.status}`,
    );
  await service.stop();
  if (engine === 'postgresql' && process.env.DATABASE_URL && url)
    await dropBenchDatabase(process.env.DATABASE_URL, url);

  return {
    engine,
    version: ready.version,
    server,
    ranAt: new Date().toISOString(),
    machine: machine(),
    connections: options.connections,
    duration: options.duration,
    warmup: options.warmup,
    rounds: options.rounds,
    reference,
    generated: g,
    auditChain: verified,
    results,
    ...(upload ? { upload } : {}),
  };
}

/** One round of load on a page after its warm-up: latencies, and the CPU the service spent on it. */
async function measureRound(
  base: string,
  target: Target,
  headers: Record<string, string>,
  service: Service,
  postmaster: number | null,
): Promise<RoundRun> {
  const run = {
    url: `${base}${target.path}`,
    headers,
    connections: target.connections ?? options.connections,
  };
  if (options.warmup > 0) {
    await load({ ...run, duration: options.warmup });
    await drain(base);
  }
  const servicePids = [service.child.pid ?? 0, ...(postmaster ? withChildren(postmaster) : [])];
  const ours = [process.pid, ...servicePids];
  const before = sampleCpu(ours);
  const serviceBefore = cpuMs(servicePids);
  const measured = await load({ ...run, duration: options.duration });
  const serviceCpuMs =
    measured.requests > 0 ? (cpuMs(servicePids) - serviceBefore) / measured.requests : null;
  const other = otherCores(before, sampleCpu(ours), os.availableParallelism());
  await drain(base);
  return { ...measured, serviceCpuMs, otherCores: other };
}

const failures = (r: RoundRun) =>
  r.non2xx + r.errors + r.timeouts + (r.requests === 0 ? 1 : 0) > 0
    ? `  FAILED: ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.timeouts} timeouts`
    : '';
const busy = (cores: number | null) =>
  cores !== null && cores >= 0.1 ? `  OTHER PROGRAMS USED ${cores.toFixed(2)} CPU CORES` : '';

const code = (text: string) => `\`${text}\``;

/** One warm request alone, with its queries; on PostgreSQL, EXPLAIN ANALYZE of a miss's slowest query. */
async function traceAndExplain(
  service: Service,
  engine: Engine,
  target: Target,
  headers: Record<string, string>,
  p95: number,
): Promise<{ alone: Alone | null; plan: Plan | null }> {
  if (target.kind === 'health') return { alone: null, plan: null };
  const traced = await service.ask({ type: 'trace', id: nextId(), url: target.path, headers });
  if (traced.type !== 'traced') return { alone: null, plan: null };
  const queries: TracedQuery[] = traced.queries;
  const slowest = [...queries].sort((a, b) => b.ms - a.ms)[0];
  const alone: Alone = {
    status: traced.status,
    totalMs: traced.totalMs,
    dbMs: busyTime(queries),
    queries: queries.length,
    slowestMs: slowest?.ms ?? 0,
  };
  // A plan only where the database is a real part of the time: on PostgreSQL, for a miss whose
  // slowest query took PLAN_FROM_MS or more.
  if (
    engine !== 'postgresql' ||
    !target.list ||
    p95 < (targetOf(target) ?? TARGET_P95_MS) ||
    !slowest ||
    slowest.ms < PLAN_FROM_MS
  ) {
    return { alone, plan: null };
  }
  const explained = await service.ask({
    type: 'explain',
    id: nextId(),
    sql: slowest.sql,
    params: slowest.params,
  });
  const explain = explained.type === 'explained' ? explained.plan : '(EXPLAIN failed)';
  return { alone, plan: { sql: slowest.sql, params: slowest.params, ms: slowest.ms, explain } };
}

/** How long at least one query was running: queries run side by side count once. */
function busyTime(queries: TracedQuery[]): number {
  const spans = queries.map((q) => [q.startedAt, q.startedAt + q.ms] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/** On the server at DATABASE_URL, a database of the run's own, dropped at the end. */
async function createBenchDatabase(given: string): Promise<string> {
  const name = `sph_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(given);
  url.pathname = `/${name}`;
  cleanups.push(() => {
    void dropBenchDatabase(given, url.toString());
  });
  return url.toString();
}

async function dropBenchDatabase(given: string, url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: given });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function main() {
  const started = performance.now();
  const store = readStore(existsSync(options.out) ? readFileSync(options.out, 'utf8') : null);
  const scaleKey = String(options.scale);
  const measured: EngineResult[] = [];
  try {
    for (const engine of options.engines) {
      const result = await measureEngine(engine);
      if (result) measured.push(result);
      cleanUp();
    }
  } finally {
    cleanUp();
  }
  if (!options.only) {
    store.scales[scaleKey] = { ...(store.scales[scaleKey] ?? {}) };
    for (const result of measured) {
      const slot = store.scales[scaleKey];
      if (slot) slot[result.engine] = result;
    }
    writeFileSync(options.out, render(store));
    say(`wrote ${path.relative(ROOT, options.out)}`);
  } else {
    say('--only: results not written');
  }
  const failures = measured.flatMap((run) =>
    run.results
      .filter((r) => r.non2xx + r.errors + r.timeouts > 0 || r.requests === 0)
      .map(
        (r) =>
          `${run.engine} ${r.name} (${r.path}): ${JSON.stringify(r.statuses)}, ${r.errors} errors, ${r.timeouts} timeouts`,
      ),
  );
  say(`finished in ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
  if (failures.length > 0) {
    console.error(`\nBENCHMARK FAILED: requests failed under load:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
  const misses = measured
    .filter((run) => run.engine === 'postgresql')
    .flatMap((run) =>
      run.results
        .filter((r) => {
          const target = targetOf(r);
          return target !== null && !(r.p95 < target);
        })
        .map((r) => `${r.name} p95 ${r.p95.toFixed(1)} ms (target ${targetOf(r)} ms)`),
    );
  if (misses.length > 0) say(`PostgreSQL missed its p95 targets: ${misses.join('; ')}`);
}

main().catch((error: unknown) => {
  cleanUp();
  console.error('\nBENCHMARK FAILED:', error instanceof Error ? error.message : error);
  process.exit(1);
});
