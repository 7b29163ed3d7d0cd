import type { Generated } from './generate.ts';
import type { LoadResult } from './load.ts';
import type { Engine } from './protocol.ts';

/** What one benchmark run finds, as kept (inside BENCHMARKS.md) and rendered. */
export const TARGET_P95_MS = 50;
/** A miss gets the EXPLAIN ANALYZE of its slowest query when that query took this long alone. */
export const PLAN_FROM_MS = 5;

/** A page, an API list, one API record, the health check, or a document made on demand. */
export type Kind = 'page' | 'api' | 'record' | 'health' | 'document';

export type Target = {
  name: string;
  kind: Kind;
  path: string;
  /** Whether the p95 target applies: every list page and API list (not the home page or /health). */
  list: boolean;
  /** Its own p95 target in ms (a meeting pack: 1 s), instead of the list target. */
  targetMs?: number;
  /** Its own number of connections (a document made on demand is measured one request at a time). */
  connections?: number;
};

/** The p95 a result is held to, or null when no target applies. */
export const targetOf = (t: Target): number | null => t.targetMs ?? (t.list ? TARGET_P95_MS : null);

export type Alone = { status: number; totalMs: number; dbMs: number; queries: number; slowestMs: number };

export type Plan = { sql: string; params: unknown[]; ms: number; explain: string };

export type TargetResult = Target &
  LoadResult & {
    alone: Alone | null;
    plan: Plan | null;
    /** CPU other programs used during the measurement, in cores; null where it could not be told. */
    otherCores: number | null;
    /**
     * CPU milliseconds the service and its database server (PostgreSQL's processes, or PGlite inside
     * the service) spent per request answered; absent from runs before it was measured.
     */
    serviceCpuMs?: number | null;
    /** Each round's p95, requests a second and CPU per request, in the order measured (runs with rounds). */
    rounds?: Round[];
  };

/** One round of load on one page. */
export type RoundRun = LoadResult & { serviceCpuMs: number | null; otherCores: number | null };
export type Round = { p95: number; rps: number; serviceCpuMs: number | null };

/** The middle value (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A page's rounds as one result. Its latencies, throughput, size and CPU are the medians of the
 * rounds' own, so a few seconds in which the machine ran slower move one round, not the verdict; its
 * counts (requests, failures) are the rounds' sums, and other programs' CPU the most of any round.
 */
export function combineRounds(runs: RoundRun[]): Omit<TargetResult, keyof Target | 'alone' | 'plan'> {
  const of = (pick: (r: RoundRun) => number) => median(runs.map(pick));
  const sum = (pick: (r: RoundRun) => number) => runs.reduce((total, r) => total + pick(r), 0);
  const cpu = runs.map((r) => r.serviceCpuMs).filter((v): v is number => v !== null);
  const other = runs.map((r) => r.otherCores).filter((v): v is number => v !== null);
  const statuses: Record<string, number> = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    requests: sum((r) => r.requests),
    seconds: sum((r) => r.seconds),
    rps: of((r) => r.rps),
    p50: of((r) => r.p50),
    p95: of((r) => r.p95),
    p99: of((r) => r.p99),
    max: Math.max(...runs.map((r) => r.max)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statuses,
    bytesPerResponse: of((r) => r.bytesPerResponse),
    serviceCpuMs: cpu.length > 0 ? median(cpu) : null,
    otherCores: other.length > 0 ? Math.max(...other) : null,
    rounds: runs.map((r) => ({ p95: r.p95, rps: r.rps, serviceCpuMs: r.serviceCpuMs })),
  };
}

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  pglite: string;
};

export type EngineResult = {
  engine: Engine;
  /** The engine's server_version, and where it ran. */
  version: string;
  server: string;
  ranAt: string;
  machine: Machine;
  connections: number;
  duration: number;
  warmup: number;
  /** How many rounds each page was measured in (absent: one, in runs before rounds). */
  rounds?: number;
  /** Ms the fixed reference work took at the start of each round (reference.ts; absent in older runs). */
  reference?: number[];
  generated: Generated;
  auditChain: string | null;
  results: TargetResult[];
  /** Issue 7: one upload of a 100,000-row figures file to a data call, checked and stored, timed. */
  upload?: { rows: number; ms: number; status: number };
};

/** Results by scale, then engine; a run replaces only the (scale, engine) pairs it ran. */
export type Stored = { version: 1; scales: Record<string, Partial<Record<Engine, EngineResult>>> };

export const emptyStore = (): Stored => ({ version: 1, scales: {} });
