import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

/**
 * An exclusive lock on a data folder: a lock file made with O_EXCL holding our process id. A lock
 * left by a process that no longer runs is taken over. Nothing needs refreshing while we run, so a
 * long synchronous stretch in the embedded database cannot make us lose the lock.
 */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'service.lock');
  if (!tryCreate(file)) {
    const holder = readHolder(file);
    if (holder !== null && holder !== process.pid && isRunning(holder)) {
      throw new DataDirLockedError(
        `Another process (pid ${holder}) is already using the embedded database in ${dir}. ` +
          'Stop it first, or set DATA_DIR to another folder (or DATABASE_URL to use a PostgreSQL server).',
      );
    }
    // A stale lock: its process is gone. Remove it and try once more; if another process starting at
    // the same moment wins that race, it holds the folder and we refuse.
    try {
      unlinkSync(file);
    } catch {
      // already removed by the other process
    }
    if (!tryCreate(file)) {
      throw new DataDirLockedError(`Another process has just taken the embedded database in ${dir}.`);
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (readHolder(file) === process.pid) unlinkSync(file);
  };
}

function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
