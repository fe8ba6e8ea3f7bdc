/**
 * One-stop shop benchmarks on PostgreSQL (a fresh database each, dropped afterwards):
 * 1. online intake without files at 50 connections (target ≥ 1,500 dossiers/s, p99 < 100 ms), one
 *    citizen filing round robin at the district's 13 wards (as many wards file at once; each ward has
 *    its own gap-free daily code sequence). Also printed: the server's CPU per request (less
 *    sensitive to a shared, loaded machine than the rate) and the dossiers per transaction (group commit);
 * 2. public lookup by code + last 4 phone digits (target ≥ 5,000 req/s);
 * 3. a year's statistics of a district over 10⁵ / 10⁶ (/ 10⁷ with BENCH_DOSSIERS_MAX=10000000)
 *    dossiers (target ≤ 200 ms at 10⁶).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { dossierStats, rebuildDailyStats } from '../../src/modules/dossiers/stats/stats.ts';
import { freePort, runCchc, waitHealthy } from '../../test/process.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../harness.ts';

interface AcResult {
  '2xx': number;
  non2xx: number;
  requests: { average: number };
  latency: { p50: number; p99: number };
}

async function freshDb(ctx: BenchContext, tag: string) {
  const name = `cchc_bench_${tag}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ctx.postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(ctx.postgresUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function login(base: string, who: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: who, password: 'demo1234' }),
  });
  if (!r.ok) throw new Error(`login ${who} failed ${r.status}`);
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: String(r.headers.get('set-cookie')).split(';')[0]!, csrf: body.csrfToken };
}

async function httpSuites(ctx: BenchContext, out: BenchResult[]) {
  const db = await freshDb(ctx, 'ds_http');
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-bench-ds-'));
  const port = await freePort();
  const p = runCchc(['serve'], {
    CCHC_DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    PORT: String(port),
    CCHC_JOBS: 'false',
    LOG_LEVEL: 'warn',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(`${base}/health`, 600_000);
    const admin = await login(base, 'admin@cchc.local');
    // a procedure whose components are all optional: online intake "without files"
    const proc = await fetch(`${base}/api/v1/procedures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({
        code: '9.000001',
        name: 'Thủ tục đo hiệu năng (không tệp)',
        field: 'Thử nghiệm',
        level: 'ward',
        receivingKinds: ['ward'],
        processingDays: 3,
        fees: [],
        components: [{ key: 'don', name: 'Đơn', form: 'original', count: 1, mandatory: false, fileTypes: ['pdf'] }],
        onlineLevel: 'full',
        legalBasis: ['Thủ tục giả định để đo hiệu năng'],
        workflow: [
          { key: 'receive', name: 'Tiếp nhận', role: 'one_stop_officer', unit: 'receiving', days: 0 },
          { key: 'sign', name: 'Ký', role: 'leader', unit: 'receiving', days: 2 },
          { key: 'return', name: 'Trả', role: 'one_stop_officer', unit: 'receiving', days: 1 },
        ],
      }),
    });
    if (!proc.ok) throw new Error(`creating the bench procedure failed: ${proc.status} ${await proc.text()}`);
    const procedure = (await proc.json()) as { id: string };
    const wards = (await (await fetch(`${base}/api/v1/procedures/${procedure.id}/receiving-units`)).json()) as {
      id: string;
    }[];
    const citizen = await login(base, '0912345678');
    let i = 0;
    const run = (seconds: number) =>
      autocannon({
        url: `${base}/api/v1/dossiers`,
        connections: 50,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: citizen.cookie, 'x-csrf-token': citizen.csrf },
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const n = i++;
              return {
                ...req,
                body: JSON.stringify({
                  procedureId: procedure.id,
                  receivingUnitId: wards[n % wards.length]!.id,
                  applicant: { name: `Người nộp ${n}`, phone: `09${String(n).padStart(8, '0')}` },
                }),
              };
            },
          },
        ],
      } as never) as unknown as Promise<AcResult>;
    ctx.log(`intake spread over ${wards.length} receiving units (wards), round robin`);
    await run(2);
    const cpu0 = cpuSeconds(p.child.pid);
    const r = await run(ctx.quick ? 5 : 10);
    const ok = r['2xx'];
    const perSec = ok / (ctx.quick ? 5 : 10);
    const intakeCpuMs = ((cpuSeconds(p.child.pid) - cpu0) * 1000) / Math.max(1, ok + r.non2xx);
    ctx.log(
      `intake: ${perSec.toFixed(0)} dossiers/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, server CPU ${intakeCpuMs.toFixed(2)} ms/request`,
    );
    out.push({
      suite: 'dossiers',
      name: 'online intake (no files) @50 conns',
      db: 'postgres',
      value: perSec,
      unit: 'dossiers/s',
      target: { op: '>=', value: 1500 },
      extra: {
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        created: ok,
        serverCpuMsPerRequest: intakeCpuMs,
      },
    });
    out.push({
      suite: 'dossiers',
      name: 'online intake p99 @50 conns',
      db: 'postgres',
      value: r.latency.p99,
      unit: 'ms',
      target: { op: '<=', value: 100 },
    });

    const pgc = new pg.Client({ connectionString: db.url });
    await pgc.connect();
    const codes = (
      await pgc.query<{ code: string; phone: string }>(
        `select code, applicant_phone as phone from dossiers order by random() limit 200`,
      )
    ).rows;
    const [{ n }] = (
      await pgc.query<{ n: number }>(
        `select count(*)::int as n from (select receiving_unit_id, submitted_at::date, count(*) c, max(right(code,4)::int) m from dossiers group by 1,2) x where c <> m`,
      )
    ).rows as [{ n: number }];
    ctx.log(`codes with gaps after the intake burst: ${n}`);
    // dossiers written by one transaction share its xmin: dossiers per commit = the group-commit batch
    const [{ per }] = (
      await pgc.query<{ per: number }>(
        `select (count(*)::float / count(distinct xmin::text))::float as per from dossiers where procedure_id = $1`,
        [procedure.id],
      )
    ).rows as [{ per: number }];
    ctx.log(`dossiers per intake transaction (average): ${per.toFixed(2)}`);
    await pgc.end();
    let k = 0;
    const look = (seconds: number) =>
      autocannon({
        url: base,
        connections: 50,
        duration: seconds,
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const c = codes[k++ % codes.length]!;
              return {
                ...req,
                path: `/api/v1/public/dossiers/lookup?code=${encodeURIComponent(c.code)}&phone4=${c.phone.slice(-4)}`,
              };
            },
          },
        ],
      } as never) as unknown as Promise<AcResult>;
    await look(2);
    const lcpu0 = cpuSeconds(p.child.pid);
    const l = await look(ctx.quick ? 5 : 10);
    const lookupCpuMs =
      ((cpuSeconds(p.child.pid) - lcpu0) * 1000) / Math.max(1, l.requests.average * (ctx.quick ? 5 : 10));
    ctx.log(
      `lookup: ${l.requests.average.toFixed(0)} req/s, p50 ${l.latency.p50} ms, p99 ${l.latency.p99} ms, non-2xx ${l.non2xx}, server CPU ${lookupCpuMs.toFixed(2)} ms/request`,
    );
    out.push({
      suite: 'dossiers',
      name: 'public lookup @50 conns',
      db: 'postgres',
      value: l.requests.average,
      unit: 'req/s',
      target: { op: '>=', value: 5000 },
      extra: { p50: l.latency.p50, p99: l.latency.p99, non2xx: l.non2xx, serverCpuMsPerRequest: lookupCpuMs },
    });
  } finally {
    p.child.kill('SIGTERM');
    await p.exited;
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
}

/** Bulk-generates n dossiers of one district (13 wards + departments) spread over 2023. */
async function generate(sqlRun: (t: string) => Promise<unknown>, n: number, from: number) {
  await sqlRun(`
    insert into dossiers (code, procedure_id, receiving_unit_id, receiving_unit_path, holder_unit_id, holder_unit_path, unit_paths, status, channel,
      applicant_name, applicant_phone, submitted_at, received_at, due_date, finished_at, digitised, has_e_result, rating)
    select 'B-' || g, p.id, u.id, u.path, u.id, u.path, array[u.path],
      case when g % 100 = 0 then 'processing' else 'returned' end, 1 + (g % 3 = 0)::int,
      'Người nộp', '0900000000', t, t, (t + interval '10 days')::date,
      case when g % 100 = 0 then null else t + ((g % 13) || ' days')::interval end,
      g % 4 <> 0, g % 4 <> 0, case when g % 3 = 0 then 1 + g % 5 end
    from generate_series(${from}, ${from + n - 1}) g
    cross join lateral (select timestamptz '2023-01-01 00:00+07' + ((g::bigint * 7919) % 31536000) * interval '1 second' as t) tt
    cross join lateral (select id, path from units where kind = 'ward' order by code offset (g % 13) limit 1) u
    cross join lateral (select id from procedures limit 1) p`);
}

async function statsSuite(ctx: BenchContext, out: BenchResult[]) {
  const db = await freshDb(ctx, 'ds_stats');
  const database = await openDatabase({ databaseUrl: db.url, poolSize: 4 });
  try {
    await migrate(database);
    const { seedUnits } = await import('../../src/db/seed/demo.ts');
    const { DEMO_UNITS } = await import('../../src/modules/org/demo/demo-units.ts');
    await database.db.transaction(async (tx) => seedUnits(tx as never, DEMO_UNITS));
    const { seedProcedures } = await import('../../src/modules/procedures/demo/seed-procedures.ts');
    await seedProcedures(database.db);
    const btl = (await database.sql.query<{ path: string }>(`select path from units where code = 'HN-BTL'`)).rows[0]!
      .path;
    const max = Number(process.env.BENCH_DOSSIERS_MAX ?? (ctx.quick ? 100_000 : 1_000_000));
    const sizes = [100_000, 1_000_000, 10_000_000].filter((s) => s <= max);
    let have = 0;
    const series: Record<string, number> = {};
    for (const size of sizes) {
      const t0 = Date.now();
      // bulk load with the roll-up trigger off, then one rebuild (what an operator would do for an import)
      await database.sql.exec('alter table dossiers disable trigger dossiers_stats_insert');
      for (let start = have; start < size; start += 250_000)
        await generate((t) => database.sql.exec(t), Math.min(250_000, size - start), start + 1);
      await database.sql.exec('alter table dossiers enable trigger dossiers_stats_insert');
      await rebuildDailyStats(database.db);
      have = size;
      await database.sql.exec('vacuum analyze dossiers');
      await database.sql.exec('vacuum analyze dossier_daily_stats');
      ctx.log(`generated ${size} dossiers in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const times: number[] = [];
      for (let k = 0; k < 6; k++) {
        const s0 = performance.now();
        const rows = await dossierStats(database.db, {
          unitPath: btl,
          from: '2023-01-01',
          to: '2023-12-31',
          asOf: '2023-12-31',
          groupBy: 'unit',
        });
        times.push(performance.now() - s0);
        if (k === 0) ctx.log(`  ${rows.length} units, ${rows.reduce((a, r) => a + r.received, 0)} dossiers counted`);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      series[String(size)] = Math.round(median);
      ctx.log(`stats over ${size}: median ${median.toFixed(0)} ms (runs ${times.map((x) => x.toFixed(0)).join(', ')})`);
      out.push({
        suite: 'dossiers',
        name: `district year statistics over ${size.toLocaleString('en')} dossiers`,
        db: 'postgres',
        value: median,
        unit: 'ms',
        target: size === 1_000_000 ? { op: '<=', value: 200 } : undefined,
        extra: { runs: times },
      });
    }
    ctx.log(`growth: ${JSON.stringify(series)}`);
  } finally {
    await database.close();
    await db.drop();
  }
}

const suite: BenchSuite = {
  name: 'dossiers',
  async run(ctx) {
    const out: BenchResult[] = [];
    if (process.env.BENCH_DOSSIERS_SKIP_HTTP !== '1') await httpSuites(ctx, out);
    if (process.env.BENCH_DOSSIERS_SKIP_STATS !== '1') await statsSuite(ctx, out);
    return out;
  },
};
export default suite;
