import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { lockDataDir } from './dir-lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export { DataDirLockedError } from './dir-lock.ts';

/**
 * Opens the configured database. The embedded engine does not lock its own files, and two processes
 * on one folder silently lose committed data, so we hold an exclusive lock on DATA_DIR while open.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>,
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize);

  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  process.once('exit', release);
  try {
    const db = await openPglite({ dataDir: path.join(config.dataDir, 'pgdata') });
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
