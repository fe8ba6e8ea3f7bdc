/**
 * Reform-index results engine, in-process: ranking and aggregation of U units × 250 criteria
 * (8 areas, peer groups of 100) from a prebuilt score matrix — the pure part the brief bounds at
 * 200 ms for 3,500 units — and, for reference, the full run from score records (matrix building,
 * validation of every score) at 350 and 3,500 units. Each value is the median of several runs.
 */

import type { Criterion, Framework } from '../../src/modules/reform-index/domain/framework.ts';
import { compileFramework } from '../../src/modules/reform-index/domain/framework-plan.ts';
import { computeResults, computeResultsFromMatrix } from '../../src/modules/reform-index/domain/results.ts';
import type { LeafScore, ResultUnit } from '../../src/modules/reform-index/domain/results.types.ts';
import { CELL_NOT_APPLICABLE, type ScoreMatrix } from '../../src/modules/reform-index/domain/score-matrix.ts';
import type { BenchResult, BenchSuite } from '../harness.ts';

const AREAS = 8;
const LEAVES = 250;
const LEVELS = [2, 1.5, 1, 0];

function framework(): Framework {
  const criteria: Criterion[] = [];
  const base = { method: 'appraisal' as const, evidenceRequired: false, allowNotApplicable: true, name: 'x' };
  for (let a = 0; a < AREAS; a++) {
    const n = Math.floor(LEAVES / AREAS) + (a < LEAVES % AREAS ? 1 : 0);
    criteria.push({ ...base, code: `${a}`, parentCode: null, maxPoints: 2 * n, rule: { kind: 'sum' } });
    for (let l = 0; l < n; l++) {
      criteria.push({
        ...base,
        code: `${a}.${l}`,
        parentCode: `${a}`,
        maxPoints: 2,
        rule: { kind: 'tiered', levels: LEVELS.map((points) => ({ label: String(points), points })) },
      });
    }
  }
  return { code: 'BENCH', name: 'bench', year: 2023, criteria };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function units(n: number): ResultUnit[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `U${i}`,
    peerGroup: `G${Math.floor(i / 100)}`,
    block: `B${i % 7}`,
  }));
}

function matrix(unitCount: number, seed: number): ScoreMatrix {
  const rnd = rng(seed);
  const cells = unitCount * LEAVES;
  const points = new Int32Array(cells);
  const state = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) {
    const r = rnd();
    if (r < 0.01) state[c] = CELL_NOT_APPLICABLE;
    else points[c] = r < 0.8 ? 2000 : r < 0.93 ? 1500 : r < 0.98 ? 1000 : 0;
  }
  return { unitCount, leafCount: LEAVES, points, state };
}

function records(fw: Framework, unitCount: number, seed: number): LeafScore[] {
  const rnd = rng(seed);
  const leaves = fw.criteria.filter((c) => c.parentCode !== null);
  const out: LeafScore[] = [];
  for (let u = 0; u < unitCount; u++) {
    for (const leaf of leaves) {
      const r = rnd();
      if (r < 0.01) out.push({ unitCode: `U${u}`, criterionCode: leaf.code, notApplicable: true });
      else out.push({ unitCode: `U${u}`, criterionCode: leaf.code, selfScore: r < 0.8 ? 2 : r < 0.93 ? 1.5 : 1 });
    }
  }
  return out;
}

function median(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const suite: BenchSuite = {
  name: 'reform-index-pure',
  async run(ctx) {
    const fw = framework();
    const plan = compileFramework(fw);
    const results: BenchResult[] = [];
    const sizes = ctx.quick ? [350, 3_500] : [350, 3_500, 35_000];
    for (const n of sizes) {
      const us = units(n);
      const previous = computeResultsFromMatrix(plan, us, matrix(n, 1));
      const m = matrix(n, 2);
      const runs = n >= 35_000 ? 5 : 15;
      const ms = median(
        () => computeResultsFromMatrix(plan, us, m, { previous, topN: 10, bands: [{ code: 'A', min: 90 }] }),
        runs,
      );
      ctx.log(`ranking + aggregation, ${n} units × ${LEAVES} criteria: ${ms.toFixed(1)} ms`);
      results.push({
        suite: 'reform-index-pure',
        name: `rank+aggregate ${n} units × ${LEAVES} criteria`,
        db: 'in-process',
        value: ms,
        unit: 'ms',
        ...(n === 3_500 ? { target: { op: '<=', value: 200 } as const } : {}),
        extra: { units: n, criteria: LEAVES, areas: AREAS, peerGroupSize: 100, runs },
      });
    }
    for (const n of [350, 3_500]) {
      const us = units(n);
      const scores = records(fw, n, 3);
      const ms = median(() => computeResults({ framework: fw, units: us, scores, topN: 10 }), n >= 3_500 ? 5 : 15);
      ctx.log(`full run from ${scores.length} score records: ${ms.toFixed(1)} ms`);
      results.push({
        suite: 'reform-index-pure',
        name: `full run from records ${n} units × ${LEAVES} criteria`,
        db: 'in-process',
        value: ms,
        unit: 'ms',
        extra: { units: n, records: scores.length },
      });
    }
    return results;
  },
};

export default suite;
