/**
 * Citizens' feedback benchmarks (fresh PostgreSQL database, dropped afterwards):
 * 1. public intake (JSON, no photos) at 50 connections on PostgreSQL (target ≥ 2,000 items/s,
 *    p99 < 50 ms), and the same on the embedded PGlite (reported, no target);
 * 2. Open311 GET requests at 50 connections (target ≥ 3,000 req/s);
 * 3. public search of published answers over 1,000,000 items (target p95 < 100 ms).
 * Each intake request comes from its own address (X-Forwarded-For, TRUST_PROXY=true) and contact,
 * so the per-IP and per-contact limits do not throttle the measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, runCchc, waitHealthy } from '../../test/process.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../harness.ts';

type Result = { '2xx': number; non2xx: number; latency: { p50: number; p99: number }; requests: { average: number } };

async function freshDb(ctx: BenchContext, tag: string) {
  const name = `cchc_fbbench_${tag}_${Date.now()}`;
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

async function startServer(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-bench-fb-'));
  const port = await freePort();
  const p = runCchc(['serve'], {
    CCHC_DATA_DIR: dataDir,
    PORT: String(port),
    CCHC_JOBS: 'false',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(`${base}/health`, 600_000);
  return {
    base,
    stop: async () => {
      p.child.kill('SIGTERM');
      await p.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
async function intake(base: string, seconds: number): Promise<Result> {
  const areas = (await (await fetch(`${base}/api/v1/feedback/areas`)).json()) as { id: string }[];
  const cats = ['trat-tu-xay-dung', 'moi-truong', 'giao-thong', 'cap-phep-xay-dung', 'dat-dai', 'thu-tuc-hanh-chinh'];
  return autocannon({
    url: `${base}/api/v1/feedback/items`,
    connections: 50,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const n = counter++;
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: JSON.stringify({
              categoryCode: cats[n % cats.length],
              title: `Phản ánh thử ${n}`,
              content: `Nội dung phản ánh số ${n} tại phường, quận Bắc Từ Liêm: vỉa hè bị lấn chiếm, rác thải tồn đọng.`,
              areaUnitId: areas[n % areas.length]!.id,
              address: `Số ${n % 200} đường Phạm Văn Đồng`,
              reporterName: `Người gửi ${n}`,
              reporterAddress: 'Bắc Từ Liêm, Hà Nội',
              reporterPhone: `09${String(n).padStart(8, '0')}`,
            }),
          };
        },
      },
    ],
  } as never) as unknown as Promise<Result>;
}

async function intakeSuite(ctx: BenchContext, base: string, db: 'postgres' | 'pglite', out: BenchResult[]) {
  await intake(base, 2);
  const secs = ctx.quick ? 5 : 10;
  const r = await intake(base, secs);
  const perSec = r['2xx'] / secs;
  ctx.log(
    `intake on ${db}: ${perSec.toFixed(0)} items/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`,
  );
  out.push({
    suite: 'feedback',
    name: 'public intake @50 conns',
    db,
    value: perSec,
    unit: 'items/s',
    ...(db === 'postgres' ? { target: { op: '>=' as const, value: 2000 } } : {}),
    extra: { p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, created: r['2xx'] },
  });
  out.push({
    suite: 'feedback',
    name: 'public intake p99 @50 conns',
    db,
    value: r.latency.p99,
    unit: 'ms',
    ...(db === 'postgres' ? { target: { op: '<=' as const, value: 50 } } : {}),
  });
}

async function open311Suite(ctx: BenchContext, base: string, url: string, out: BenchResult[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const codes = (
    await c.query<{ code: string }>(
      `select code from feedback_items where code like 'PAKN-2023-%' order by random() limit 300`,
    )
  ).rows.map((r) => r.code);
  await c.end();
  const paths = [
    ...codes.map((code) => `/open311/v2/requests.json?service_request_id=${code}`),
    '/open311/v2/requests.json?start_date=2023-03-01T00:00:00%2B07:00&end_date=2023-04-01T00:00:00%2B07:00&service_code=trat-tu-xay-dung&status=closed&page_size=20',
    '/open311/v2/requests.xml?start_date=2023-06-01T00:00:00%2B07:00&end_date=2023-07-01T00:00:00%2B07:00&page_size=20',
  ];
  let k = 0;
  const run = (seconds: number) =>
    autocannon({
      url: base,
      connections: 50,
      duration: seconds,
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[k++ % paths.length] }) }],
    } as never) as unknown as Promise<Result>;
  await run(2);
  const r = await run(ctx.quick ? 5 : 10);
  ctx.log(
    `open311 GET requests: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`,
  );
  out.push({
    suite: 'feedback',
    name: 'Open311 GET requests @50 conns',
    db: 'postgres',
    value: r.requests.average,
    unit: 'req/s',
    target: { op: '>=', value: 3000 },
    extra: { p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx },
  });
}

/** Bulk-generates n published items spread over 2023 and the wards, with varied searchable text. */
async function generate(c: pg.Client, n: number, from: number) {
  await c.query(`
    insert into feedback_items (code, category_code, channel, status, title, content, search_text, area_unit_id, address,
      reporter_name, reporter_address, reporter_phone, tracking_hash, responsible_unit_id, responsible_unit_path,
      received_at, effective_receipt_date, reject_due, info_due, answer_due, answer_text, sent_at, on_time, published_at)
    select 'B-' || g, (array['trat-tu-xay-dung','moi-truong','giao-thong','cap-phep-xay-dung','dat-dai','thu-tuc-hanh-chinh'])[1 + g % 6], 'web', 'published',
      w.t || ' ' || s.t, 'Nội dung ' || w.t || ' tại đường ' || s.t || ', phường ' || u.short_name, lower(w.a || ' ' || s.a || ' ' || u.a || ' bac tu liem so ' || g), u.id, 'Đường ' || s.t,
      'Người gửi', 'Hà Nội', '0900000000', 'x', u.id, u.path,
      tt.ts, tt.ts::date, tt.ts::date, tt.ts::date, (tt.ts + interval '20 days')::date, 'Đã xử lý', tt.ts + interval '10 days', true, tt.ts + interval '11 days'
    from generate_series(${from}, ${from + n - 1}) g
    cross join lateral (select timestamptz '2023-01-01 00:00+07' + ((g::bigint * 7919) % 31536000) * interval '1 second' as ts) tt
    cross join lateral (select (array['Lấn chiếm vỉa hè','Rác thải tồn đọng','Xây dựng không phép','Đèn chiếu sáng hỏng','Cấp giấy chứng nhận','Tiếng ồn karaoke','Nước thải','Cây xanh gãy đổ'])[1 + (g / 7) % 8] as t,
                               (array['lan chiem via he','rac thai ton dong','xay dung khong phep','den chieu sang hong','cap giay chung nhan','tieng on karaoke','nuoc thai','cay xanh gay do'])[1 + (g / 7) % 8] as a) w
    cross join lateral (select (array['Phạm Văn Đồng','Hoàng Quốc Việt','Cổ Nhuế','Đông Ngạc','Tân Xuân','Văn Tiến Dũng','Kỳ Vũ','Trần Cung','Liên Mạc','Hồ Tùng Mậu','Nguyễn Hoàng Tôn'])[1 + (g / 3) % 11] as t,
                               (array['pham van dong','hoang quoc viet','co nhue','dong ngac','tan xuan','van tien dung','ky vu','tran cung','lien mac','ho tung mau','nguyen hoang ton'])[1 + (g / 3) % 11] as a) s
    cross join lateral (select id, path, short_name, lower(code) as a from units where kind = 'ward' order by code offset (g % 13) limit 1) u`);
}

async function searchSuite(ctx: BenchContext, base: string, url: string, out: BenchResult[]) {
  const n = ctx.quick ? 100_000 : 1_000_000;
  const c = new pg.Client({ connectionString: url });
  c.on('error', (e) => ctx.log(`generator connection: ${e.message}`));
  await c.connect();
  const t0 = performance.now();
  const [{ have }] = (
    await c.query<{ have: number }>(`select count(*)::int as have from feedback_items where code like 'B-%'`)
  ).rows as [{ have: number }];
  for (let done = have; done < n; done += 100_000) await generate(c, Math.min(100_000, n - done), done + 1);
  // as autovacuum leaves a table that has grown over months: hint bits set, visibility map, the
  // full-text index's pending list merged (right after a bulk load the first searches pay for
  // those, and a GIN pending list of new entries is scanned in full by every text search)
  if (have < n) await c.query('vacuum (analyze) feedback_items');
  else await c.query('analyze feedback_items');
  ctx.log(
    `generated ${Math.max(0, n - have)} published items in ${((performance.now() - t0) / 1000).toFixed(0)} s (${have} were there)`,
  );
  const [{ total }] = (
    await c.query<{ total: number }>('select count(*)::int as total from feedback_items where published_at is not null')
  ).rows as [{ total: number }];
  await c.end();
  const areas = (await (await fetch(`${base}/api/v1/feedback/areas`)).json()) as { id: string }[];
  const queries = [
    'q=bac%20tu%20liem',
    'q=lan%20chiem%20via%20he',
    'q=pham%20van%20dong',
    'q=Xây%20dựng%20không%20phép',
    'q=den%20chieu%20sang&categoryCode=giao-thong',
    `q=rac%20thai&areaUnitId=${areas[0]!.id}`,
    'q=karaoke&from=2023-06-01&to=2023-06-30',
    `areaUnitId=${areas[3]!.id}&categoryCode=dat-dai`,
    'categoryCode=moi-truong&from=2023-03-01&to=2023-03-31',
    'q=cay%20xanh%20gay%20do%20tran%20cung',
    'q=khong%20co%20ket%20qua%20nao',
    'q=nuoc%20thai&offset=100',
  ];
  const times: number[] = [];
  for (let i = 0; i < 30; i++)
    await fetch(`${base}/api/v1/feedback/public?${queries[i % queries.length]}`).then((r) => r.text());
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    const r = await fetch(`${base}/api/v1/feedback/public?${queries[i % queries.length]}`);
    await r.text();
    if (!r.ok) throw new Error(`search ${queries[i % queries.length]}: ${r.status}`);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  ctx.log(
    `public search over ${total} published items: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${p(1).toFixed(1)} ms`,
  );
  out.push({
    suite: 'feedback',
    name: `public search p95 over ${total} published`,
    db: 'postgres',
    value: p(0.95),
    unit: 'ms',
    target: { op: '<=', value: 100 },
    extra: { p50: p(0.5), max: p(1), queries: times.length },
  });
}

const suite: BenchSuite = {
  name: 'feedback',
  async run(ctx) {
    const out: BenchResult[] = [];
    // BENCH_FEEDBACK_PARTS=search (comma list) runs a part alone
    const parts = new Set((process.env.BENCH_FEEDBACK_PARTS ?? 'intake,open311,search,pglite').split(','));
    // BENCH_FEEDBACK_DB_URL: measure on an existing database (kept), e.g. one already holding 10⁶ items
    const reuse = process.env.BENCH_FEEDBACK_DB_URL;
    const db = reuse ? { url: reuse, drop: async () => {} } : await freshDb(ctx, 'fb');
    try {
      const s = await startServer({ DATABASE_URL: db.url });
      try {
        if (parts.has('intake')) await intakeSuite(ctx, s.base, 'postgres', out);
        if (parts.has('open311')) await open311Suite(ctx, s.base, db.url, out);
        if (parts.has('search')) await searchSuite(ctx, s.base, db.url, out);
      } finally {
        await s.stop();
      }
    } finally {
      await db.drop();
    }
    if (!parts.has('pglite')) return out;
    const lite = await startServer({});
    try {
      await intakeSuite(ctx, lite.base, 'pglite', out);
    } finally {
      await lite.stop();
    }
    return out;
  },
};
export default suite;
