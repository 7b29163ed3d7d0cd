import type { Generated } from './generate.ts';

/** What run.ts and the service process (server.ts) say to each other over the IPC channel. */
export type Engine = 'pglite' | 'postgresql';

export type ChildSetup = {
  /**
   * A child either fills the database and exits, or serves it: the service is measured in a fresh
   * process, as one started on an installation's database would be, not in the one that made the data.
   */
  phase: 'generate' | 'serve';
  engine: Engine;
  /** The PostgreSQL database to fill (engine postgresql). */
  url?: string;
  /** The folder for PGlite's files (engine pglite). */
  pgliteDir?: string;
  scale: number;
  small: number;
  verifyAudit: boolean;
};

/** A query one traced request ran: when it started (ms after performance.timeOrigin) and how long it took. */
export type TracedQuery = { sql: string; params: unknown[]; startedAt: number; ms: number; rows: number };

export type ChildRequest =
  | { type: 'trace'; id: string; url: string; headers: Record<string, string> }
  | { type: 'explain'; id: string; sql: string; params: unknown[] }
  | { type: 'stop' };

export type ParentMessage =
  | { type: 'log'; line: string }
  | { type: 'generated'; generated: Generated; verified: string | null }
  | { type: 'ready'; port: number; version: string }
  | { type: 'traced'; id: string; status: number; totalMs: number; queries: TracedQuery[] }
  | { type: 'explained'; id: string; plan: string }
  | { type: 'stopped' }
  | { type: 'failed'; id?: string; error: string };
