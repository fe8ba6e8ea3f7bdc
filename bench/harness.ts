/**
 * Benchmark harness. Every suite in bench/suites/*.bench.ts default-exports a BenchSuite;
 * `npm run bench` runs them all (or those named on the command line), prints one table and writes
 * bench/results/<timestamp>.json and bench/results/latest.json.
 */
export type BenchTarget = { op: '>=' | '<='; value: number };

export interface BenchResult {
  suite: string;
  name: string;
  /** where it ran: real PostgreSQL, the embedded PGlite, or pure in-process code */
  db: 'postgres' | 'pglite' | 'in-process';
  value: number;
  unit: string;
  target?: BenchTarget;
  /** anything else worth keeping (p50/p99, counts, growth series …) */
  extra?: Record<string, unknown>;
}

export interface BenchContext {
  /** PostgreSQL URL to measure on (BENCH_DATABASE_URL, default the local server's `postgres` db) */
  postgresUrl: string;
  /** smaller sizes for a quick run (BENCH_QUICK=1) */
  quick: boolean;
  log(msg: string): void;
}

export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function meets(r: BenchResult): boolean | undefined {
  if (!r.target) return undefined;
  return r.target.op === '>=' ? r.value >= r.target.value : r.value <= r.target.value;
}

/** Runs fn repeatedly for about `ms` milliseconds and returns operations per second. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 1000): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 1000; k++) fn(n++);
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}
