import autocannon from 'autocannon';

/** One load run: `connections` keep-alive connections for `duration` seconds, every latency kept. */
export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    // Generous, so a slow engine shows as slow rather than as errors; any timeout still fails the run.
    timeout: 60,
    headers: options.headers,
  });
  // autocannon's own histogram has whole-millisecond buckets and no p95: keep every latency instead.
  instance.on('response', (_client: unknown, status: number, resBytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const non2xx = Object.entries(statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: sorted.length,
    seconds: result.duration,
    rps: sorted.length / result.duration,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    bytesPerResponse: sorted.length > 0 ? Math.round(bytes / sorted.length) : 0,
  };
}
