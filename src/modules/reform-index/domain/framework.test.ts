import { describe, expect, it } from 'vitest';
import { type Framework, validateFramework } from './framework.ts';
import { compileFramework, FrameworkInvalidError, rollUp } from './framework-plan.ts';
import { crit, smallFramework, sum } from './test-fixtures.ts';

const fw = (criteria: Framework['criteria']): Framework => ({ code: 'F', name: 'F', year: 2023, criteria });
const codes = (f: Framework) => validateFramework(f).map((p) => [p.code, p.criterionCode ?? null]);

describe('validateFramework', () => {
  it('accepts a well-formed tree', () => {
    expect(validateFramework(smallFramework())).toEqual([]);
  });
  it('reports an empty framework', () => {
    expect(codes(fw([]))).toEqual([['FRAMEWORK_EMPTY', null]]);
  });
  it('reports duplicate codes and unknown parents', () => {
    expect(codes(fw([crit('A', null, 2), crit('A', null, 2), crit('B', 'X', 1)]))).toEqual([
      ['FRAMEWORK_DUPLICATE_CODE', 'A'],
      ['FRAMEWORK_UNKNOWN_PARENT', 'B'],
    ]);
  });
  it('reports each cycle once with its path', () => {
    const problems = validateFramework(
      fw([
        crit('R', null, 1),
        crit('C', 'A', 1, sum),
        crit('A', 'B', 1, sum),
        crit('B', 'C', 1, sum),
        crit('S', 'S', 1),
      ]),
    );
    const cycles = problems.filter((p) => p.code === 'FRAMEWORK_CYCLE');
    expect(cycles.map((c) => c.path)).toEqual([['A', 'B', 'C'], ['S']]);
  });
  it('reports a framework without any root', () => {
    expect(codes(fw([crit('A', 'B', 1, sum), crit('B', 'A', 1, sum)]))).toContainEqual(['FRAMEWORK_EMPTY', null]);
  });
  it("requires children's maxima to sum exactly to the parent's", () => {
    const over = fw([crit('A', null, 5, sum), crit('A1', 'A', 3), crit('A2', 'A', 3)]);
    const under = fw([crit('A', null, 5, sum), crit('A1', 'A', 3)]);
    expect(validateFramework(over)).toEqual([
      { code: 'FRAMEWORK_CHILDREN_MAX_MISMATCH', criterionCode: 'A', params: { maxPoints: 5, childrenSum: 6 } },
    ]);
    expect(codes(under)).toEqual([['FRAMEWORK_CHILDREN_MAX_MISMATCH', 'A']]);
    // decimals add up exactly: 0.1 + 0.2 = 0.3
    expect(codes(fw([crit('A', null, 0.3, sum), crit('A1', 'A', 0.1), crit('A2', 'A', 0.2)]))).toEqual([]);
  });
  it('refuses non-positive or over-precise maxima', () => {
    expect(codes(fw([crit('A', null, 0), crit('B', null, -1), crit('C', null, 1.0005)]))).toEqual([
      ['FRAMEWORK_NON_POSITIVE_MAX', 'A'],
      ['FRAMEWORK_NON_POSITIVE_MAX', 'B'],
      ['FRAMEWORK_TOO_PRECISE', 'C'],
    ]);
  });
  it('checks rules against the node kind and maximum', () => {
    const problems = codes(
      fw([
        crit('P', null, 3),
        crit('P1', 'P', 3),
        crit('L', null, 2, sum),
        crit('T', null, 2, { rule: { kind: 'tiered', levels: [{ label: 'x', points: 1 }] } }),
        crit('T2', null, 2, { rule: { kind: 'tiered', levels: [{ label: 'x', points: 3 }] } }),
        crit('H', null, 2, { rule: { kind: 'threshold', threshold: 95 } }),
        crit('K', null, 2, { method: 'computed', rule: { kind: 'free' } }),
      ]),
    );
    expect(problems).toEqual([
      ['FRAMEWORK_PARENT_RULE', 'P'],
      ['FRAMEWORK_LEAF_RULE', 'L'],
      ['FRAMEWORK_RULE_INVALID', 'T'],
      ['FRAMEWORK_RULE_INVALID', 'T2'],
      ['FRAMEWORK_RULE_INVALID', 'T2'],
      ['FRAMEWORK_RULE_INVALID', 'H'],
      ['FRAMEWORK_METRIC_MISSING', 'K'],
      ['FRAMEWORK_RULE_NOT_COMPUTABLE', 'K'],
    ]);
  });
});

describe('compileFramework', () => {
  it('flattens leaves in tree order with their area', () => {
    const plan = compileFramework(smallFramework());
    expect(plan.areas.map((a) => a.code)).toEqual(['A', 'B']);
    expect(plan.leaves.map((l) => l.code)).toEqual(['A1', 'A2', 'B1a', 'B1b', 'B2']);
    expect([...plan.leafArea]).toEqual([0, 0, 1, 1, 1]);
    expect([...plan.leafMaxMilli]).toEqual([4000, 2000, 1000, 2000, 1000]);
    expect(plan.totalMaxMilli).toBe(10_000);
  });
  it('throws every problem of an invalid framework', () => {
    expect(() => compileFramework(fw([crit('A', null, 0)]))).toThrow(FrameworkInvalidError);
  });
});

describe('rollUp', () => {
  it('sums children and drops not-applicable leaves from the maxima', () => {
    const totals = rollUp(
      smallFramework(),
      new Map<string, number | null>([
        ['A1', 2],
        ['A2', null],
        ['B1a', 0.85],
        ['B1b', 1.5],
        ['B2', 1],
      ]),
    );
    expect(totals.get('A')).toEqual({ points: 2, applicableMax: 4, notApplicable: false });
    expect(totals.get('A2')).toEqual({ points: 0, applicableMax: 0, notApplicable: true });
    expect(totals.get('B1')).toEqual({ points: 2.35, applicableMax: 3, notApplicable: false });
    expect(totals.get('B')).toEqual({ points: 3.35, applicableMax: 4, notApplicable: false });
  });
});
