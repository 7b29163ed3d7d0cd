import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export class DataDirLockedError extends Error {}

/**
 * Opens the configured database. The embedded engine does not lock its own files, and two processes
 * on one folder silently lose committed data, so we hold an exclusive lock on DATA_DIR while open.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);

  mkdirSync(config.dataDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(config.dataDir, {
      lockfilePath: path.join(config.dataDir, 'service.lock'),
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (error) => {
        throw error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `Another process is already using the embedded database in ${config.dataDir}. ` +
          'Stop it first, or set DATA_DIR to another folder (or DATABASE_URL to use a PostgreSQL server).',
      );
    }
    throw error;
  }
  const db = await openPglite({ dataDir: path.join(config.dataDir, 'pgdata') });
  return {
    ...db,
    async close() {
      await db.close();
      await release();
    },
  };
}
