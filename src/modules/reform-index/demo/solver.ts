/**
 * Generates one unit's criterion-level scores so that the results engine computes exactly the
 * target index. Appraised criteria take tier levels (spread by a seeded PRNG), measured criteria
 * follow the unit's rates, and the survey (XHH) points, which have 2 decimals, absorb the
 * remainder — the only fine-grained part of a real score sheet too. Works in centi-points.
 */
import { pctHundredths } from '../domain/decimal.ts';
import type { FrameworkPlan } from '../domain/framework-plan.ts';
import type { ComputedInput, LeafScore, SurveyScore } from '../domain/results.types.ts';
import { scoreByRule } from '../domain/scoring-rules.ts';
import { mulberry32, shuffled } from './prng.ts';

export interface UnitTarget {
  unitCode: string;
  /** the index % (2 decimals) the engine must compute from the generated scores */
  indexPct: number;
  /** leaf codes marked "không áp dụng" */
  notApplicable?: readonly string[];
  /** measured rates by metric key (computed criteria, or hand-scored ones before they were computed) */
  rates?: Readonly<Record<string, number>>;
  /** leaves whose final points are fixed */
  pinned?: Readonly<Record<string, number>>;
  /** areas whose appraised criteria all keep full marks */
  fullAreas?: readonly string[];
  /** inclusive bounds on an area's points */
  areaBounds?: Readonly<Record<string, { min?: number; max?: number }>>;
}

export interface SolveOptions {
  seed: number;
  /** range of the unit's survey points as a share of the survey maximum, before balancing */
  surveyRate: readonly [number, number];
  /** share of appraised criteria the unit scored one level too high (corrected by the appraisal) */
  overScoreChance?: number;
}

export interface UnitScores {
  scores: LeafScore[];
  surveyScores: SurveyScore[];
  computedInputs: ComputedInput[];
}

type Kind = 'na' | 'fixed' | 'app' | 'survey' | 'computed';
const centi = (x: number) => Math.round(x * 100);

/** Points (centi) of a leaf whose score follows a measured rate. */
function measuredPoints(rule: FrameworkPlan['leaves'][number]['rule'], max: number, rate: number): number {
  const outcome = scoreByRule(rule.kind === 'free' ? { kind: 'proportional' } : rule, max, rate);
  if (!outcome.ok) throw new Error(`rate ${rate}: ${outcome.error.code}`);
  return centi(outcome.points);
}

/** Centi-points P with round2(100 × P ÷ max) = target, or undefined when the maximum cannot give it. */
export function pointsFor(targetPct: number, maxCenti: number): number | undefined {
  const t = centi(targetPct);
  const guess = Math.floor((t * maxCenti) / 10_000);
  for (let p = guess - 2; p <= guess + 2; p++) if (pctHundredths(p * 10, maxCenti * 10) === t) return p;
  return undefined;
}

export function solveUnit(plan: FrameworkPlan, target: UnitTarget, options: SolveOptions): UnitScores {
  const rnd = mulberry32(options.seed);
  const leaves = plan.leaves;
  const n = leaves.length;
  const maxC = leaves.map((l) => centi(l.maxPoints));
  const area = (i: number) => plan.areas[plan.leafArea[i]!]!.code;
  const na = new Set(target.notApplicable ?? []);
  const kind: Kind[] = [];
  const value = new Array<number>(n).fill(0);
  const level = new Array<number>(n).fill(0);
  const levels = leaves.map((l) =>
    l.rule.kind === 'tiered' ? l.rule.levels.map((x) => centi(x.points)).sort((a, b) => b - a) : [],
  );

  leaves.forEach((leaf, i) => {
    const rate = leaf.metricKey ? target.rates?.[leaf.metricKey] : undefined;
    const pinned = target.pinned?.[leaf.code];
    if (na.has(leaf.code)) kind.push('na');
    else if (pinned !== undefined) {
      kind.push(leaf.method === 'survey' ? 'survey' : 'fixed');
      value[i] = centi(pinned);
    } else if (rate !== undefined) {
      kind.push(leaf.method === 'computed' ? 'computed' : 'fixed');
      value[i] = measuredPoints(leaf.rule, leaf.maxPoints, rate);
    } else if (leaf.method === 'survey') kind.push('survey');
    else if (leaf.method === 'computed') throw new Error(`${target.unitCode}: no rate for ${leaf.code}`);
    else if (levels[i]!.length === 0) throw new Error(`${target.unitCode}: ${leaf.code} needs a rate or a pin`);
    else {
      kind.push(target.fullAreas?.includes(area(i)) ? 'fixed' : 'app');
      value[i] = maxC[i]!;
    }
  });
  const free = (i: number) => kind[i] === 'survey' && target.pinned?.[leaves[i]!.code] === undefined;
  const applicableMax = maxC.reduce((s, m, i) => (kind[i] === 'na' ? s : s + m), 0);
  const total = pointsFor(target.indexPct, applicableMax);
  if (total === undefined)
    throw new Error(`${target.unitCode}: ${target.indexPct}% is not reachable on ${applicableMax / 100}`);

  const surveyIdx = [...Array(n).keys()].filter(free);
  const surveyMax = surveyIdx.reduce((s, i) => s + maxC[i]!, 0);
  const [lo, hi] = options.surveyRate;
  const sumOf = (pred: (i: number) => boolean) => value.reduce((s, v, i) => (pred(i) ? s + v : s), 0);
  const fixedSum = () => sumOf((i) => kind[i] !== 'na' && !free(i));

  // appraised criteria: step down tier levels, spread over the criteria, to leave the planned survey share
  const plannedSurvey = Math.round((lo + rnd() * (hi - lo)) * surveyMax);
  const appIdx = shuffled(
    [...Array(n).keys()].filter((i) => kind[i] === 'app'),
    rnd,
  );
  const step = (i: number) => (level[i]! + 1 < levels[i]!.length ? value[i]! - levels[i]![level[i]! + 1]! : Infinity);
  const down = (i: number) => {
    level[i]!++;
    value[i] = levels[i]![level[i]!]!;
  };
  const up = (i: number) => {
    level[i]!--;
    value[i] = levels[i]![level[i]!]!;
  };
  let deficit = fixedSum() + plannedSurvey - total;
  for (let moved = true; moved && deficit > 0; ) {
    moved = false;
    for (const i of appIdx) {
      if (step(i) <= deficit) {
        deficit -= step(i);
        down(i);
        moved = true;
      }
    }
  }

  // survey bounds: 55 %..100 % of each maximum, narrowed by the area bounds
  const bounds = () =>
    surveyIdx.map((i) => {
      let l = Math.ceil(0.55 * maxC[i]!);
      let h = maxC[i]!;
      const b = target.areaBounds?.[area(i)];
      if (b) {
        const others = sumOf((j) => j !== i && area(j) === area(i) && kind[j] !== 'na');
        if (b.min !== undefined) l = Math.max(l, centi(b.min) - others);
        if (b.max !== undefined) h = Math.min(h, centi(b.max) - others);
      }
      return [l, h] as const;
    });
  for (let guard = 0; ; guard++) {
    if (guard > 500) throw new Error(`${target.unitCode}: cannot balance the survey points`);
    const need = total - fixedSum();
    const b = bounds();
    const minS = b.reduce((s, x) => s + x[0], 0);
    const maxS = b.reduce((s, x) => s + x[1], 0);
    if (need >= minS && need <= maxS) break;
    if (need > maxS) {
      const i = appIdx
        .filter((j) => level[j]! > 0)
        .sort((x, y) => levels[x]![level[x]! - 1]! - value[x]! - (levels[y]![level[y]! - 1]! - value[y]!))[0];
      if (i === undefined) throw new Error(`${target.unitCode}: target too high`);
      up(i);
    } else {
      const i = appIdx.filter((j) => step(j) < Infinity).sort((x, y) => step(x) - step(y))[0];
      if (i === undefined) throw new Error(`${target.unitCode}: target too low`);
      down(i);
    }
  }
  const b = bounds();
  let rest = total - fixedSum();
  const totalW = surveyIdx.reduce((s, i) => s + maxC[i]!, 0);
  surveyIdx.forEach((i, k) => {
    const ideal = (rest * maxC[i]!) / totalW + (rnd() - 0.5) * 0.06 * maxC[i]!;
    value[i] = Math.min(Math.max(Math.round(ideal), b[k]![0]), b[k]![1]);
  });
  rest -= surveyIdx.reduce((s, i) => s + value[i]!, 0);
  for (const k of shuffled([...surveyIdx.keys()], rnd)) {
    const i = surveyIdx[k]!;
    const delta = rest > 0 ? Math.min(rest, b[k]![1] - value[i]!) : Math.max(rest, b[k]![0] - value[i]!);
    value[i]! += delta;
    rest -= delta;
  }
  if (rest !== 0 || sumOf((i) => kind[i] !== 'na') !== total) throw new Error(`${target.unitCode}: unbalanced`);

  const out: UnitScores = { scores: [], surveyScores: [], computedInputs: [] };
  const u = target.unitCode;
  leaves.forEach((leaf, i) => {
    const points = value[i]! / 100;
    switch (kind[i]) {
      case 'na':
        out.scores.push({ unitCode: u, criterionCode: leaf.code, notApplicable: true });
        break;
      case 'survey':
        out.surveyScores.push({ unitCode: u, criterionCode: leaf.code, points });
        break;
      case 'computed':
        out.computedInputs.push({ unitCode: u, metricKey: leaf.metricKey!, value: target.rates![leaf.metricKey!]! });
        break;
      default: {
        // some self-scores are one level too generous; the appraisal council corrects them
        const better = level[i]! > 0 ? levels[i]![level[i]! - 1] : undefined;
        if (better !== undefined && rnd() < (options.overScoreChance ?? 0.3)) {
          out.scores.push({ unitCode: u, criterionCode: leaf.code, selfScore: better / 100, appraisedScore: points });
        } else out.scores.push({ unitCode: u, criterionCode: leaf.code, selfScore: points, appraisedScore: null });
      }
    }
  });
  return out;
}
