import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much of the machine's CPU something else used while a page was measured, from /proc (Linux):
 * all busy time minus the benchmark's own processes (this one, the service, its PostgreSQL server).
 * Another program busy on a 2-core machine changes the figures a great deal, so each row says so.
 */
export type CpuSample = { busy: number; total: number; ours: number };

const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | null {
  const text = readOr(`/proc/${pid}/stat`);
  if (!text) return null;
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time of a process and of its children that have exited (PostgreSQL's parallel workers), in
 * clock ticks; 0 once it has gone.
 */
function processTicks(pid: number): number {
  const fields = statFields(pid);
  // After the name: state (0), ppid (1), … utime (11), stime (12), cutime (13), cstime (14).
  return fields ? [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) : 0;
}

/** A process and its children (PostgreSQL's postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields && Number(fields[1]) === pid) pids.push(Number(name));
  }
  return pids;
}

/** CPU time of some processes (with their exited children), in milliseconds. */
export function cpuMs(pids: number[]): number {
  return (pids.reduce((sum, pid) => sum + processTicks(pid), 0) * 1000) / TICKS_PER_SECOND;
}

/** Clock ticks a second of /proc's times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function sampleCpu(ours: number[]): CpuSample | null {
  const stat = readOr('/proc/stat');
  const line = stat?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  const total = busy + (idle ?? 0) + (iowait ?? 0);
  return { busy, total, ours: ours.reduce((sum, pid) => sum + processTicks(pid), 0) };
}

/** CPU used by other processes between two samples, in cores (0.5 = half of one core, on average). */
export function otherCores(before: CpuSample | null, after: CpuSample | null, cores: number): number | null {
  if (!before || !after || after.total <= before.total) return null;
  const other = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, (other / (after.total - before.total)) * cores);
}
