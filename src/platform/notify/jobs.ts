import type { Database, Queryable } from '../../db/database.ts';

export type Job = {
  id: number;
  partnershipId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

export type JobInput = {
  kind: string;
  partnershipId?: string | null;
  payload?: Record<string, unknown>;
  /** A job with a key already made (done or not) is not made again. */
  dedupeKey?: string;
  runAt?: Date;
};

/** Queues a job in the caller's transaction; false when its dedupe key was already used. */
export async function enqueue(tx: Queryable, job: JobInput): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO jobs (kind, partnership_id, payload, dedupe_key, run_at)
     VALUES ($1, $2, $3::jsonb, $4, coalesce($5::timestamptz, now()))
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      job.kind,
      job.partnershipId ?? null,
      JSON.stringify(job.payload ?? {}),
      job.dedupeKey ?? null,
      job.runAt ?? null,
    ],
  );
  return rows.length > 0;
}

/** After a failed attempt, wait 1, 4, 9, 16 … minutes before the next. */
export const retryDelayMs = (attempts: number) => attempts * attempts * 60_000;

/**
 * Claims up to `limit` due jobs for five minutes, so another server (or a slow run) does not take
 * them too; SKIP LOCKED lets several servers claim side by side.
 */
async function claim(db: Database, now: Date, limit: number): Promise<Job[]> {
  return db.transaction((tx) =>
    tx.query<Job>(
      `UPDATE jobs SET locked_until = $1::timestamptz + interval '5 minutes', attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
           WHERE finished_at IS NULL AND failed_at IS NULL AND run_at <= $1
             AND (locked_until IS NULL OR locked_until < $1)
           ORDER BY run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, partnership_id AS "partnershipId", kind, payload, attempts, max_attempts AS "maxAttempts"`,
      [now, limit],
    ),
  );
}

export type Handler = (job: Job, now: Date) => Promise<void>;

/**
 * Runs the jobs that are due, each by the handler for its kind: done, or retried later, or failed
 * for good after its last attempt, with the error kept. Returns how many ran.
 */
export async function runDueJobs(
  db: Database,
  handlers: Record<string, Handler>,
  now: Date,
  log: (line: string, fields?: Record<string, unknown>) => void,
  limit = 50,
): Promise<number> {
  const jobs = await claim(db, now, limit);
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}"`);
      await handler(job, now);
      await db.query(
        'UPDATE jobs SET finished_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1',
        [job.id, now],
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = job.attempts >= job.maxAttempts;
      log(last ? 'job failed for good' : 'job failed; will retry', {
        id: job.id,
        kind: job.kind,
        error: message,
      });
      await db.query(
        `UPDATE jobs SET locked_until = NULL, last_error = $2,
           failed_at = CASE WHEN $3::boolean THEN $4::timestamptz ELSE NULL END,
           run_at = CASE WHEN $3::boolean THEN run_at ELSE $4::timestamptz + make_interval(secs => $5::double precision / 1000) END
         WHERE id = $1`,
        [job.id, message.slice(0, 2000), last, now, retryDelayMs(job.attempts)],
      );
    }
  }
  return jobs.length;
}
