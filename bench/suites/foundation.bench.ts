import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, runCchc, waitHealthy } from '../../test/process.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../harness.ts';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  return kb / 1024;
}

async function login(base: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin@cchc.local', password: 'demo1234' }),
  });
  if (!r.ok) throw new Error(`login failed ${r.status}`);
  return String(r.headers.get('set-cookie')).split(';')[0]!;
}

export async function loadTest(url: string, headers: Record<string, string>, seconds: number, connections = 50) {
  const r = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50, non2xx: r.non2xx, errors: r.errors };
}

const suite: BenchSuite = {
  name: 'foundation',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const out: BenchResult[] = [];
    // Measure what `npm start` runs: the pre-built server bundle.
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--quiet'], { stdio: 'inherit' });
    // 1. Cold start on an existing embedded database, and memory after start.
    const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
    try {
      const port = await freePort();
      const env = { CCHC_DATA_DIR: dir, PORT: String(port) };
      const first = runCchc(['serve'], env, { bundle: true });
      await waitHealthy(`http://127.0.0.1:${port}/health`, 300_000);
      first.child.kill('SIGTERM');
      await first.exited;
      const times: number[] = [];
      let rss = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const p = runCchc(['serve'], env, { bundle: true });
        await waitHealthy(`http://127.0.0.1:${port}/health`, 60_000);
        times.push(Date.now() - t0);
        // Memory once settled: the job worker starts 1.5 s after the server answers.
        await new Promise((r) => setTimeout(r, 5000));
        rss = Math.max(rss, rssMb(p.child.pid!));
        p.child.kill('SIGTERM');
        await p.exited;
      }
      ctx.log(`cold starts (ms): ${times.join(', ')}`);
      out.push({
        suite: 'foundation',
        name: 'cold start to healthy (existing db)',
        db: 'pglite',
        value: Math.min(...times) / 1000,
        unit: 's',
        target: { op: '<=', value: 2 },
        extra: { runsMs: times },
      });
      out.push({
        suite: 'foundation',
        name: 'resident memory 5 s after start',
        db: 'pglite',
        value: rss,
        unit: 'MB',
        target: { op: '<=', value: 250 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // 2. GET /api/v1/units at 50 connections, on PostgreSQL and on the embedded database.
    for (const kind of ['postgres', 'pglite'] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
      const name = `cchc_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: ctx.postgresUrl });
      const env: NodeJS.ProcessEnv = { CCHC_DATA_DIR: dataDir, CCHC_JOBS: 'false', LOG_LEVEL: 'warn' };
      if (kind === 'postgres') {
        await admin.connect();
        await admin.query(`create database ${name}`);
        const u = new URL(ctx.postgresUrl);
        u.pathname = `/${name}`;
        env.DATABASE_URL = u.toString();
      }
      const port = await freePort();
      env.PORT = String(port);
      const p = runCchc(['serve'], env, { bundle: true });
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitHealthy(`${base}/health`, 300_000);
        const cookie = await login(base);
        await loadTest(`${base}/api/v1/units`, { cookie }, 2); // warm-up
        const r = await loadTest(`${base}/api/v1/units`, { cookie }, ctx.quick ? 5 : 10);
        ctx.log(`${kind} GET /units: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`);
        out.push({
          suite: 'foundation',
          name: 'GET /api/v1/units @50 conns',
          db: kind,
          value: r.rps,
          unit: 'req/s',
          target: kind === 'postgres' ? { op: '>=', value: 5000 } : undefined,
          extra: r,
        });
        out.push({
          suite: 'foundation',
          name: 'GET /api/v1/units p99 @50 conns',
          db: kind,
          value: r.p99,
          unit: 'ms',
          target: kind === 'postgres' ? { op: '<=', value: 50 } : undefined,
        });
      } finally {
        p.child.kill('SIGTERM');
        await p.exited;
        rmSync(dataDir, { recursive: true, force: true });
        if (kind === 'postgres') {
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.end();
        }
      }
    }
    return out;
  },
};
export default suite;
