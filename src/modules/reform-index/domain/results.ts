/**
 * The results engine: framework + scores → every unit's index %, rank, area results, changes
 * against last year, band and top-N, and group/block summaries. Pure and rerunnable: a correction
 * after publication is the same call on corrected scores.
 *
 * Decisions (domain/README.md explains each):
 * - index % = round2(100 × points ÷ applicable max), half up, computed on integer milli-points;
 * - ranks are standard competition ranks within the peer group, on the published (rounded) %,
 *   so two units published with the same % share a rank;
 * - changes are differences of the rounded, published figures.
 */

import { pctHundredths } from './decimal.ts';
import { compileFramework, type FrameworkPlan } from './framework-plan.ts';
import { summarise } from './group-summary.ts';
import { rankMembers } from './ranking.ts';
import type {
  AreaResult,
  PreviousResults,
  ResultsInput,
  ResultsOptions,
  ResultsOutput,
  ResultUnit,
  UnitResult,
} from './results.types.ts';
import { buildScoreMatrix, CELL_MISSING, CELL_NOT_APPLICABLE, CELL_SCORED, type ScoreMatrix } from './score-matrix.ts';

export function computeResults(input: ResultsInput): ResultsOutput {
  const plan = compileFramework(input.framework);
  const { matrix, issues } = buildScoreMatrix(
    plan,
    input.units.map((u) => u.code),
    input,
  );
  const output = computeResultsFromMatrix(plan, input.units, matrix, input);
  output.issues = issues;
  return output;
}

/** Index structure of the per-unit totals, all in flat typed arrays. */
interface Totals {
  pts: Float64Array;
  max: Float64Array;
  pctH: Float64Array; // NaN when nothing applies
  areaPts: Float64Array; // [u × A + a]
  areaMax: Float64Array;
  areaPctH: Float64Array;
  missing: Int32Array;
  na: Int32Array;
}

function aggregate(plan: FrameworkPlan, m: ScoreMatrix): Totals {
  const U = m.unitCount;
  const L = m.leafCount;
  const A = plan.areas.length;
  const t: Totals = {
    pts: new Float64Array(U),
    max: new Float64Array(U),
    pctH: new Float64Array(U),
    areaPts: new Float64Array(U * A),
    areaMax: new Float64Array(U * A),
    areaPctH: new Float64Array(U * A),
    missing: new Int32Array(U),
    na: new Int32Array(U),
  };
  const { leafArea, leafMaxMilli } = plan;
  const { points, state } = m;
  const { areaPts, areaMax, areaPctH } = t;
  for (let u = 0; u < U; u++) {
    const base = u * L;
    const abase = u * A;
    let missing = 0;
    let na = 0;
    for (let l = 0; l < L; l++) {
      const s = state[base + l]!;
      if (s !== CELL_SCORED) {
        if (s === CELL_NOT_APPLICABLE) {
          na++;
          continue;
        }
        if (s === CELL_MISSING) missing++;
      }
      const a = abase + leafArea[l]!;
      areaPts[a] = areaPts[a]! + points[base + l]!;
      areaMax[a] = areaMax[a]! + leafMaxMilli[l]!;
    }
    let p = 0;
    let mx = 0;
    for (let a = abase; a < abase + A; a++) {
      const ap = areaPts[a]!;
      const am = areaMax[a]!;
      p += ap;
      mx += am;
      areaPctH[a] = am > 0 ? pctHundredths(ap, am) : Number.NaN;
    }
    t.pts[u] = p;
    t.max[u] = mx;
    t.pctH[u] = mx > 0 ? pctHundredths(p, mx) : Number.NaN;
    t.missing[u] = missing;
    t.na[u] = na;
  }
  return t;
}

/** Groups of unit indexes by a key; in first-seen order. */
function groupBy(
  units: readonly ResultUnit[],
  key: (u: ResultUnit) => string,
): { code: string; members: Int32Array }[] {
  const map = new Map<string, number[]>();
  units.forEach((u, i) => {
    const k = key(u);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  });
  return [...map].map(([code, list]) => ({ code, members: Int32Array.from(list) }));
}

type PrevArea = NonNullable<PreviousResults['units'][number]['areas']>[number];

const orNull = (h: number): number | null => (Number.isNaN(h) ? null : h / 100);
const diff = (now: number | null, before: number | null): number | null =>
  now === null || before === null ? null : (Math.round(now * 100) - Math.round(before * 100)) / 100;

export function computeResultsFromMatrix(
  plan: FrameworkPlan,
  units: readonly ResultUnit[],
  matrix: ScoreMatrix,
  options: ResultsOptions = {},
): ResultsOutput {
  const U = units.length;
  const A = plan.areas.length;
  if (matrix.unitCount !== U || matrix.leafCount !== plan.leaves.length) {
    throw new RangeError(
      `score matrix is ${matrix.unitCount} × ${matrix.leafCount}, expected ${U} × ${plan.leaves.length}`,
    );
  }
  if (new Set(units.map((u) => u.code)).size !== U) throw new RangeError('duplicate unit codes');
  const t = aggregate(plan, matrix);
  const peerGroup = (u: ResultUnit) => u.peerGroup ?? '';
  const groups = groupBy(units, peerGroup);
  const blocks = groupBy(units, (u) => u.block ?? peerGroup(u));

  const rank = new Int32Array(U);
  const rankOf = new Int32Array(U);
  const areaRank = new Int32Array(U * A);
  const column = new Float64Array(U);
  const colRank = new Int32Array(U);
  const unitGroup = new Int32Array(U);
  const areaRankOf = new Int32Array(groups.length * A);
  groups.forEach((g, gi) => {
    const n = rankMembers(t.pctH, g.members, rank);
    for (const m of g.members) {
      rankOf[m] = n;
      unitGroup[m] = gi;
    }
  });
  for (let a = 0; a < A; a++) {
    for (let u = 0; u < U; u++) column[u] = t.areaPctH[u * A + a]!;
    groups.forEach((g, gi) => {
      areaRankOf[gi * A + a] = rankMembers(column, g.members, colRank);
    });
    for (let u = 0; u < U; u++) areaRank[u * A + a] = colRank[u]!;
  }

  const prevByUnit = new Map((options.previous?.units ?? []).map((p) => [p.unitCode, p]));
  const bands = [...(options.bands ?? [])].sort((x, y) => y.min - x.min);
  const bandMinH = bands.map((b) => Math.round(b.min * 100));
  const topN = options.topN;
  const areaPos = new Map(plan.areas.map((a, i) => [a.code, i]));

  const results: UnitResult[] = new Array(U);
  for (let u = 0; u < U; u++) {
    const unit = units[u]!;
    const prev = prevByUnit.get(unit.code);
    const pctH = t.pctH[u]!;
    const indexPct = orNull(pctH);
    const r = rank[u] || null;
    const prevRank = prev?.rank ?? null;
    const prevAreas = new Array<PrevArea | undefined>(A);
    for (const pa of prev?.areas ?? []) {
      const a = areaPos.get(pa.code);
      if (a !== undefined) prevAreas[a] = pa;
    }
    const areas: AreaResult[] = new Array(A);
    for (let a = 0; a < A; a++) {
      const i = u * A + a;
      const code = plan.areas[a]!.code;
      const pa = prevAreas[a];
      const pct = orNull(t.areaPctH[i]!);
      const ar = areaRank[i] || null;
      areas[a] = {
        code,
        points: t.areaPts[i]! / 1000,
        applicableMax: t.areaMax[i]! / 1000,
        pct,
        rank: ar,
        rankOf: areaRankOf[unitGroup[u]! * A + a]!,
        previousPct: pa?.pct ?? null,
        pctChange: diff(pct, pa?.pct ?? null),
        previousRank: pa?.rank ?? null,
        rankChange: ar !== null && pa?.rank != null ? pa.rank - ar : null,
      };
    }
    const bandIdx = Number.isNaN(pctH) ? -1 : bandMinH.findIndex((min) => pctH >= min);
    results[u] = {
      unitCode: unit.code,
      peerGroup: peerGroup(unit),
      block: unit.block ?? peerGroup(unit),
      points: t.pts[u]! / 1000,
      maxPoints: plan.totalMaxMilli / 1000,
      applicableMax: t.max[u]! / 1000,
      indexPct,
      rank: r,
      rankOf: rankOf[u]!,
      previousIndexPct: prev?.indexPct ?? null,
      indexChange: diff(indexPct, prev?.indexPct ?? null),
      previousRank: prevRank,
      rankChange: r !== null && prevRank !== null ? prevRank - r : null,
      band: bandIdx >= 0 ? bands[bandIdx]!.code : null,
      inTopN: topN === undefined || r === null ? null : r <= topN,
      previousInTopN: topN === undefined || prevRank === null ? null : prevRank <= topN,
      areas,
      missingLeaves: t.missing[u]!,
      notApplicableLeaves: t.na[u]!,
    };
  }

  const ctx = { results, pctH: t.pctH, areaPctH: t.areaPctH, areaCount: A, bands };
  return {
    frameworkCode: plan.framework.code,
    year: plan.framework.year,
    areas: plan.areas.map((a) => ({ code: a.code, name: a.name, nameEn: a.nameEn, maxPoints: a.maxPoints })),
    units: results,
    groups: groups.map((g) => summarise(g.code, g.members, ctx, options.previous?.groups)),
    blocks: blocks.map((g) => summarise(g.code, g.members, ctx, options.previous?.blocks)),
    issues: [],
  };
}
