import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework } from './framework.ts';
import { computeResults } from './results.ts';
import type { LeafScore, ResultsInput } from './results.types.ts';
import { crit, smallFramework, sum } from './test-fixtures.ts';

/** One free 100-point leaf: the score is the index. */
const single: Framework = { code: 'S', name: 'S', year: 2023, criteria: [crit('X', null, 100)] };
const unitsOf = (n: number, extra: Partial<ResultsInput['units'][number]> = {}) =>
  Array.from({ length: n }, (_, i) => ({ code: `U${i + 1}`, ...extra }));
const scored = (values: number[]): LeafScore[] =>
  values.map((v, i) => ({ unitCode: `U${i + 1}`, criterionCode: 'X', selfScore: v }));
const run = (values: number[], extra: Partial<ResultsInput> = {}) =>
  computeResults({ framework: single, units: unitsOf(values.length), scores: scored(values), ...extra });

describe('index % and rounding', () => {
  it('rounds half up on the decimal value (94.265 → 94.27)', () => {
    const out = run([94.265, 0.005, 99.995, 94.264]);
    expect(out.units.map((u) => u.indexPct)).toEqual([94.27, 0.01, 100, 94.26]);
  });
  it('normalises to the applicable maximum', () => {
    const fw: Framework = { code: 'F', name: 'F', year: 2023, criteria: [crit('A', null, 8, sum), crit('A1', 'A', 8)] };
    const out = computeResults({
      framework: fw,
      units: unitsOf(1),
      scores: [{ unitCode: 'U1', criterionCode: 'A1', selfScore: 7.3 }],
    });
    expect(out.units[0]).toMatchObject({ points: 7.3, applicableMax: 8, maxPoints: 8, indexPct: 91.25 });
  });
});

describe('final leaf score', () => {
  const fw = smallFramework();
  const base = (scores: LeafScore[], extra: Partial<ResultsInput> = {}) =>
    computeResults({ framework: fw, units: unitsOf(1), scores, ...extra }).units[0]!;
  const full: LeafScore[] = [
    { unitCode: 'U1', criterionCode: 'A1', selfScore: 4, appraisedScore: 2 },
    { unitCode: 'U1', criterionCode: 'A2', selfScore: 1.5 },
    { unitCode: 'U1', criterionCode: 'B2', selfScore: 1 },
  ];
  const surveyScores = [{ unitCode: 'U1', criterionCode: 'B1a', points: 0.85 }];
  const computedInputs = [{ unitCode: 'U1', metricKey: 'dossiers.onTimeRate', value: 0.81 }];

  it('takes appraised over self, survey points, and the rule on the measured rate', () => {
    const u = base(full, { surveyScores, computedInputs });
    // A1 2 (appraised) + A2 1.5 + B1a 0.85 + B1b 0.81 × 2 ÷ 0.9 = 1.8 + B2 1 = 7.15
    expect(u.points).toBe(7.15);
    expect(u.indexPct).toBe(71.5);
    expect(u.areas.map((a) => [a.code, a.points, a.applicableMax, a.pct])).toEqual([
      ['A', 3.5, 6, 58.33],
      ['B', 3.65, 4, 91.25],
    ]);
  });
  it('lets an appraised score override a computed criterion', () => {
    const u = base([...full, { unitCode: 'U1', criterionCode: 'B1b', appraisedScore: 2 }], {
      surveyScores,
      computedInputs,
    });
    expect(u.points).toBe(7.35);
  });
  it('drops not-applicable leaves from the denominator', () => {
    const scores = full.map((s) => (s.criterionCode === 'A2' ? { ...s, notApplicable: true } : s));
    const u = base(scores, { surveyScores, computedInputs });
    expect(u).toMatchObject({ points: 5.65, applicableMax: 8, maxPoints: 10, indexPct: 70.63, notApplicableLeaves: 1 });
    expect(u.areas[0]).toMatchObject({ points: 2, applicableMax: 4, pct: 50 });
  });
  it('gives an area with nothing applicable no % and no rank', () => {
    const fw2: Framework = {
      code: 'F',
      name: 'F',
      year: 2023,
      criteria: [
        crit('A', null, 2, sum),
        crit('A1', 'A', 2, { allowNotApplicable: true }),
        crit('B', null, 1, sum),
        crit('B1', 'B', 1),
      ],
    };
    const out = computeResults({
      framework: fw2,
      units: unitsOf(1),
      scores: [
        { unitCode: 'U1', criterionCode: 'A1', notApplicable: true },
        { unitCode: 'U1', criterionCode: 'B1', selfScore: 1 },
      ],
    });
    expect(out.units[0]!.areas[0]).toMatchObject({ pct: null, rank: null });
    expect(out.units[0]!.indexPct).toBe(100);
  });
  it('counts missing scores as 0 and reports every data problem', () => {
    const out = computeResults({
      framework: fw,
      units: unitsOf(1),
      scores: [
        { unitCode: 'U1', criterionCode: 'A1', selfScore: 3 }, // not a level
        { unitCode: 'U1', criterionCode: 'B2', selfScore: 1, notApplicable: true }, // N/A not allowed
        { unitCode: 'U1', criterionCode: 'B2', selfScore: 1 }, // duplicate
        { unitCode: 'U9', criterionCode: 'A1', selfScore: 4 },
        { unitCode: 'U1', criterionCode: 'A', selfScore: 4 }, // not a leaf
      ],
      computedInputs: [{ unitCode: 'U1', metricKey: 'dossiers.onTimeRate', value: 1.5 }],
    });
    expect(out.issues.map((i) => [i.code, i.criterionCode])).toEqual([
      ['SCORE_DUPLICATE', 'B2'],
      ['SCORE_UNKNOWN_UNIT', 'A1'],
      ['SCORE_UNKNOWN_CRITERION', 'A'],
      ['SCORE_INVALID', 'A1'],
      ['SCORE_MISSING', 'A2'],
      ['SCORE_MISSING', 'B1a'],
      ['SCORE_INVALID', 'B1b'],
      ['SCORE_NA_NOT_ALLOWED', 'B2'],
    ]);
    expect(out.units[0]).toMatchObject({ points: 4, missingLeaves: 3 });
  });
});

describe('ranking', () => {
  it('uses competition ranking on the published %', () => {
    // 95.704 and 95.696 are both published as 95.70 and so share 2nd place
    const out = run([96.3, 95.704, 95.696, 95.22, 91.61]);
    expect(out.units.map((u) => u.rank)).toEqual([1, 2, 2, 4, 5]);
    expect(out.units.every((u) => u.rankOf === 5)).toBe(true);
  });
  it('ranks within each peer group and each area', () => {
    const units = [
      { code: 'U1', peerGroup: 'wards' },
      { code: 'U2', peerGroup: 'departments' },
      { code: 'U3', peerGroup: 'wards' },
    ];
    const out = computeResults({ framework: single, units, scores: scored([80, 70, 90]) });
    expect(out.units.map((u) => [u.rank, u.rankOf])).toEqual([
      [2, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(out.units.map((u) => u.areas[0]!.rank)).toEqual([2, 1, 1]);
    expect(out.groups.map((g) => [g.code, g.count, g.averagePct])).toEqual([
      ['wards', 2, 85],
      ['departments', 1, 70],
    ]);
  });
});

describe('bands and top-N', () => {
  const bands = [
    { code: 'B', min: 80 },
    { code: 'A', min: 90 },
    { code: 'C', min: 0 },
  ];
  it('puts a unit in the highest band whose minimum it reaches (exactly 90 → A)', () => {
    const out = run([90, 89.995, 89.99, 80, 79.99], { bands });
    expect(out.units.map((u) => [u.indexPct, u.band])).toEqual([
      [90, 'A'],
      [90, 'A'],
      [89.99, 'B'],
      [80, 'B'],
      [79.99, 'C'],
    ]);
    expect(out.groups[0]!.bandCounts).toEqual({ A: 2, B: 2, C: 1 });
  });
  it('includes ties at rank N in the top N', () => {
    const out = run([96, 95, 95, 94], { topN: 2 });
    expect(out.units.map((u) => u.inTopN)).toEqual([true, true, true, false]);
    expect(run([96]).units[0]!.inTopN).toBeNull();
  });
});

describe('changes against last year and averages', () => {
  it('computes changes from the rounded figures and keeps null without a previous year', () => {
    const last = run([93.63, 96.08, 90]);
    const now = run([94.27, 95.7, 91.5, 88], { previous: last, topN: 1 });
    expect(now.units.map((u) => [u.indexChange, u.previousRank, u.rank, u.rankChange])).toEqual([
      [0.64, 2, 2, 0],
      [-0.38, 1, 1, 0],
      [1.5, 3, 3, 0],
      [null, null, 4, null],
    ]);
    expect(now.units[1]).toMatchObject({ inTopN: true, previousInTopN: true });
    expect(now.units[0]!.areas[0]).toMatchObject({ pctChange: 0.64, previousRank: 2, rankChange: 0 });
    expect(run([94]).units[0]).toMatchObject({ previousIndexPct: null, indexChange: null, rankChange: null });
  });
  it('averages the rounded unit % per block and compares with last year', () => {
    const units = [
      { code: 'U1', peerGroup: 'all', block: 'departments' },
      { code: 'U2', peerGroup: 'all', block: 'departments' },
      { code: 'U3', peerGroup: 'all', block: 'wards' },
    ];
    // 94.265 → 94.27 and 94.284 → 94.28: the mean of the published figures is 94.275 → 94.28,
    // while the mean of the raw values (94.2745) would give 94.27
    const scores = scored([94.265, 94.284, 80]);
    const last = computeResults({ framework: single, units, scores: scored([90, 91, 82]) });
    const out = computeResults({ framework: single, units, scores, previous: last });
    const block = out.blocks.find((b) => b.code === 'departments')!;
    expect(block).toMatchObject({ count: 2, averagePct: 94.28, previousAveragePct: 90.5, averageChange: 3.78 });
    expect(block.highestUnitCodes).toEqual(['U2']);
    expect(block.lowestUnitCodes).toEqual(['U1']);
    expect(out.groups[0]).toMatchObject({
      code: 'all',
      averagePct: 89.52,
      highestPct: 94.28,
      lowestPct: 80,
      aboveAverageCount: 2,
    });
    expect(out.groups[0]!.areaAveragePct).toEqual([89.52]);
    const first = computeResults({ framework: single, units, scores });
    expect(first.blocks[0]).toMatchObject({ previousAveragePct: null, averageChange: null });
  });
  it('refuses duplicate unit codes', () => {
    expect(() => computeResults({ framework: single, units: [{ code: 'U1' }, { code: 'U1' }], scores: [] })).toThrow(
      'duplicate unit codes',
    );
  });
  it('is a pure function: the same input gives the same output', () => {
    const input = { framework: single, units: unitsOf(3), scores: scored([1, 2, 3]) };
    expect(computeResults(input)).toEqual(computeResults(input));
  });
});

describe('ranking property through the engine', () => {
  it('ranks are in 1..n, equal published % ⇒ equal rank, higher % ⇒ better rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 }), (milli) => {
        const out = run(milli.map((m) => m / 1000));
        const n = out.units.length;
        for (const a of out.units) {
          expect(a.rank).toBeGreaterThanOrEqual(1);
          expect(a.rank).toBeLessThanOrEqual(n);
          for (const b of out.units) {
            if (a.indexPct === b.indexPct) expect(a.rank).toBe(b.rank);
            if (a.indexPct! > b.indexPct!) expect(a.rank!).toBeLessThan(b.rank!);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
