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
  };

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
  generated: Generated;
  auditChain: string | null;
  results: TargetResult[];
  /** Issue 7: one upload of a 100,000-row figures file to a data call, checked and stored, timed. */
  upload?: { rows: number; ms: number; status: number };
};

/** Results by scale, then engine; a run replaces only the (scale, engine) pairs it ran. */
export type Stored = { version: 1; scales: Record<string, Partial<Record<Engine, EngineResult>>> };

export const emptyStore = (): Stored => ({ version: 1, scales: {} });
