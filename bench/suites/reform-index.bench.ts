/**
 * Reform index, stored scores → stored results: `recomputeCycle` on N units × 250 criteria
 * (8 areas; one peer group, 35 blocks) on PostgreSQL (a fresh database created for the run and
 * dropped after) and on the embedded PGlite; growth 350 → 3,500 → 35,000 units. And the import
 * of a 250-criterion framework xlsx (parse + validate + store). Scores are generated set-based in
 * SQL (setup, not measured; it includes the triggers packing each assessment's scores into
 * ri_score_packs). Each value is the median of the runs (one run at 35,000), printed with the
 * median of each phase of `recomputeCycle` (measure, framework, loadScores, previous, compute,
 * store) and, per database, the growth from 350 to 3,500 to 35,000 units.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, type Db, openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Criterion } from '../../src/modules/reform-index/domain/index.ts';
import * as repo from '../../src/modules/reform-index/reform-index.repository.ts';
import { type RecomputePhases, recomputeCycle } from '../../src/modules/reform-index/reform-index.results.ts';
import { frameworkXlsx, parseFrameworkXlsx } from '../../src/modules/reform-index/reform-index.xlsx.ts';
import type { BenchContext, BenchResult, BenchSuite } from '../harness.ts';

const AREAS = 8;
/** BENCH_RI_SIZES=3500,35000 measures only those sizes (on both databases) */
const ONLY_SIZES = process.env.BENCH_RI_SIZES?.split(',').map(Number);
const rows = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;
const LEAVES = 250;
const LEVELS = [2, 1.5, 1, 0];

function criteria(): Criterion[] {
  const out: Criterion[] = [];
  const base = { method: 'appraisal' as const, evidenceRequired: false, name: 'Tiêu chí' };
  for (let a = 0; a < AREAS; a++) {
    const n = Math.floor(LEAVES / AREAS) + (a < LEAVES % AREAS ? 1 : 0);
    out.push({
      ...base,
      code: `${a + 1}`,
      parentCode: null,
      name: `Lĩnh vực ${a + 1}`,
      maxPoints: 2 * n,
      rule: { kind: 'sum' },
      allowNotApplicable: false,
    });
    for (let l = 0; l < n; l++) {
      out.push({
        ...base,
        code: `${a + 1}.${l + 1}`,
        parentCode: `${a + 1}`,
        maxPoints: 2,
        allowNotApplicable: true,
        rule: { kind: 'tiered', levels: LEVELS.map((points) => ({ label: `Mức ${points}`, points })) },
      });
    }
  }
  return out;
}

/** Units, group, framework, cycle, assessments and every score of `n` units; returns the cycle id. */
export async function setup(db: Db, n: number, tag: string): Promise<string> {
  const owner = `BENCH-${tag}`;
  await db.execute(sql`insert into units (id, code, name, short_name, kind, path, depth)
    select id, ${owner}, 'Bench root', 'Bench', 'province', '/' || id || '/', 0 from (select gen_random_uuid() as id) s`);
  await db.execute(sql`insert into units (id, code, name, short_name, kind, parent_id, path, depth, sort_order)
    select s.id, ${owner} || '-' || i, 'UBND xã ' || i, 'Xã ' || i, 'commune', r.id, r.path || s.id || '/', 1, i
    from (select gen_random_uuid() as id, i from generate_series(1, ${n}) i) s, units r where r.code = ${owner}`);
  const [root] = rows<{ id: string }>(await db.execute(sql`select id from units where code = ${owner}`));
  const group = await repo.insertGroup(db, {
    code: owner,
    year: 2023,
    name: 'Bench',
    labelVi: 'xã',
    ownerUnitId: root!.id,
  });
  await db.execute(sql`insert into ri_peer_group_units (group_id, unit_id, block, sort_order)
    select ${group.id}, id, 'P' || (sort_order % 35), sort_order from units where parent_id = ${root!.id}`);
  const fw = await repo.insertFramework(db, {
    groupId: group.id,
    year: 2023,
    code: owner,
    name: 'Bench',
    status: 'frozen',
    bands: [
      { code: 'A', min: 90 },
      { code: 'B', min: 80 },
    ],
    topN: 10,
  });
  await repo.replaceCriteria(db, fw.id, criteria());
  const cycle = await repo.insertCycle(db, {
    frameworkId: fw.id,
    name: 'Bench',
    deadline: '2023-12-31',
    periodFrom: '2023-01-01',
    periodTo: '2023-12-31',
    status: 'closed',
  });
  await db.execute(sql`insert into ri_assessments (cycle_id, unit_id, status)
    select ${cycle.id}, unit_id, 'APPROVED' from ri_peer_group_units where group_id = ${group.id}`);
  // 1 % not applicable; self-scores on the tier levels; a third appraised one level lower
  await db.execute(sql`insert into ri_scores (assessment_id, criterion_code, self_score, appraised_score, not_applicable)
    select id, code, self, case when r2 < 0.33 then greatest(self - 0.5, 0) end, r1 < 0.01
    from (select a.id, c.code, random() as r1, random() as r2,
        (array[2, 2, 2, 1.5, 1.5, 1, 0])[1 + floor(random() * 7)::int]::numeric as self
      from ri_assessments a cross join ri_criteria c
      where a.cycle_id = ${cycle.id} and c.framework_id = ${fw.id} and c.parent_code is not null) x`);
  await db.execute(sql`analyze`);
  return cycle.id;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Median total and median of each phase over `runs` recomputes. */
async function timeRecompute(db: Db, cycleId: string, runs: number) {
  const totals: number[] = [];
  const each: RecomputePhases[] = [];
  for (let i = 0; i < runs; i++) {
    const p = {} as RecomputePhases;
    const t = performance.now();
    await recomputeCycle(db, cycleId, p);
    totals.push(performance.now() - t);
    each.push(p);
  }
  const keys = Object.keys(each[0]!) as (keyof RecomputePhases)[];
  const phases = Object.fromEntries(keys.map((k) => [k, Math.round(median(each.map((p) => p[k])))])) as Record<
    keyof RecomputePhases,
    number
  >;
  return { ms: median(totals), phases };
}

async function withDatabase<T>(
  ctx: BenchContext,
  kind: 'postgres' | 'pglite',
  fn: (d: Database) => Promise<T>,
): Promise<T> {
  if (kind === 'pglite') {
    const d = await openDatabase({});
    try {
      await migrate(d);
      return await fn(d);
    } finally {
      await d.close();
    }
  }
  const name = `cchc_bench_ri_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ctx.postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ctx.postgresUrl);
  url.pathname = `/${name}`;
  try {
    const d = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    try {
      await migrate(d);
      return await fn(d);
    } finally {
      await d.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const suite: BenchSuite = {
  name: 'reform-index',
  async run(ctx) {
    const out: BenchResult[] = [];
    const xlsxBuf = await frameworkXlsx(criteria());
    for (const kind of ['postgres', 'pglite'] as const) {
      const sizes =
        ONLY_SIZES ?? (ctx.quick ? [350, 3_500] : kind === 'postgres' ? [350, 3_500, 35_000] : [350, 3_500]);
      const growth: Record<string, number> = {};
      const phasesBySize: Record<string, Record<string, number>> = {};
      for (const n of sizes) {
        await withDatabase(ctx, kind, async (d) => {
          const t0 = performance.now();
          const cycleId = await setup(d.db, n, String(n));
          ctx.log(
            `${kind}: ${n} units × ${LEAVES} criteria stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
          );
          // first compute: no stored results yet (measured apart); the timed runs replace them
          const first = {} as RecomputePhases;
          const t1 = performance.now();
          await recomputeCycle(d.db, cycleId, first);
          const firstMs = performance.now() - t1;
          ctx.log(`${kind}: first compute ${n} units: ${firstMs.toFixed(0)} ms (store ${first.store.toFixed(0)} ms)`);
          const { ms, phases } = await timeRecompute(d.db, cycleId, n >= 35_000 ? 1 : 3);
          const [check] = rows<{ n: number; ranked: number }>(
            await d.db.execute(
              sql`select count(*)::int as n, count(rank)::int as ranked from ri_results where cycle_id = ${cycleId}`,
            ),
          );
          if (check!.n !== n) throw new Error(`expected ${n} stored results, found ${check!.n}`);
          growth[n] = Math.round(ms);
          phasesBySize[n] = phases;
          const split = Object.entries(phases)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ');
          ctx.log(`${kind}: recompute ${n} units: ${ms.toFixed(0)} ms (${split} ms)`);
          out.push({
            suite: 'reform-index',
            name: `recompute stored scores → stored results, ${n} units × ${LEAVES} criteria`,
            db: kind,
            value: ms,
            unit: 'ms',
            ...(n === 3_500 ? { target: { op: '<=', value: kind === 'postgres' ? 2000 : 5000 } as const } : {}),
            extra: {
              units: n,
              criteria: LEAVES,
              scores: n * LEAVES,
              areas: AREAS,
              blocks: 35,
              storedResults: check!.n,
              areaResults: n * AREAS,
              phasesMs: phases,
              firstComputeMs: Math.round(firstMs),
              firstStoreMs: Math.round(first.store),
            },
          });
        });
      }
      const measured = sizes.filter((n) => growth[n] !== undefined);
      ctx.log(
        `${kind}: growth ${measured
          .map((n, i) => {
            const prev = measured[i - 1];
            const x = prev ? ` (×${(growth[n]! / growth[prev]!).toFixed(1)} for ×${n / prev} units)` : '';
            return `${n.toLocaleString('en')} units ${growth[n]} ms${x}`;
          })
          .join(' → ')}`,
      );
      if (kind === 'pglite' && !ctx.quick)
        ctx.log('pglite: 35,000 units skipped (8.75 M score rows in the in-process WASM database)');
      out.push({
        suite: 'reform-index',
        name: 'recompute growth (ms by units)',
        db: kind,
        value: growth[3_500] ?? Number.NaN,
        unit: 'ms @3,500',
        extra: { growth, phasesMs: phasesBySize, skipped: kind === 'pglite' ? [35_000] : [] },
      });

      await withDatabase(ctx, kind, async (d) => {
        await setup(d.db, 1, 'xlsx');
        const [fw] = rows<{ id: string }>(await d.db.execute(sql`select id from ri_frameworks limit 1`));
        const ms = await time(async () => {
          const { criteria: parsed, errors } = await parseFrameworkXlsx(xlsxBuf);
          if (errors.length) throw new Error(`import errors: ${JSON.stringify(errors.slice(0, 3))}`);
          await d.db.transaction(async (tx) => repo.replaceCriteria(tx, fw!.id, parsed));
        }, 5);
        ctx.log(`${kind}: import of a ${LEAVES}-criterion framework xlsx: ${ms.toFixed(0)} ms`);
        out.push({
          suite: 'reform-index',
          name: `import framework xlsx (${LEAVES} criteria + ${AREAS} areas)`,
          db: kind,
          value: ms,
          unit: 'ms',
          target: { op: '<=', value: 2000 },
          extra: { bytes: xlsxBuf.length },
        });
      });
    }
    return out;
  },
};

export default suite;
