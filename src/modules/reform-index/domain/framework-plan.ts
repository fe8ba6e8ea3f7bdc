/**
 * A validated framework flattened into arrays for the results engine: leaves in tree order, each
 * with its area (top-level nội dung) index and maximum in milli-points.
 */
import { toMilli } from './decimal.ts';
import { type Criterion, type Framework, type FrameworkProblem, validateFramework } from './framework.ts';

export const METHOD_APPRAISAL = 0;
export const METHOD_SURVEY = 1;
export const METHOD_COMPUTED = 2;

export interface FrameworkPlan {
  framework: Framework;
  /** top-level nodes (nội dung), in the order given */
  areas: readonly Criterion[];
  /** scored nodes, depth-first in the order given, so each area's leaves are contiguous */
  leaves: readonly Criterion[];
  leafIndex: ReadonlyMap<string, number>;
  leafArea: Int32Array;
  leafMaxMilli: Int32Array;
  /** METHOD_APPRAISAL | METHOD_SURVEY | METHOD_COMPUTED */
  leafMethod: Uint8Array;
  areaMaxMilli: Int32Array;
  totalMaxMilli: number;
}

/** Raised when an invalid framework is compiled; carries every problem. */
export class FrameworkInvalidError extends Error {
  readonly code = 'REFORM_INDEX_FRAMEWORK_INVALID';
  constructor(readonly problems: FrameworkProblem[]) {
    super(`framework invalid: ${problems.map((p) => `${p.code}(${p.criterionCode ?? ''})`).join(', ')}`);
  }
}

export function compileFramework(framework: Framework): FrameworkPlan {
  const problems = validateFramework(framework);
  if (problems.length > 0) throw new FrameworkInvalidError(problems);

  const children = new Map<string | null, Criterion[]>();
  for (const c of framework.criteria) {
    const list = children.get(c.parentCode) ?? [];
    list.push(c);
    children.set(c.parentCode, list);
  }
  const areas = children.get(null) ?? [];
  const leaves: Criterion[] = [];
  const leafAreaList: number[] = [];
  const visit = (node: Criterion, area: number) => {
    const kids = children.get(node.code);
    if (!kids) {
      leaves.push(node);
      leafAreaList.push(area);
    } else for (const k of kids) visit(k, area);
  };
  areas.forEach((a, i) => {
    visit(a, i);
  });

  const n = leaves.length;
  const leafMaxMilli = new Int32Array(n);
  const leafMethod = new Uint8Array(n);
  const leafIndex = new Map<string, number>();
  leaves.forEach((l, i) => {
    leafIndex.set(l.code, i);
    leafMaxMilli[i] = toMilli(l.maxPoints);
    leafMethod[i] =
      l.method === 'survey' ? METHOD_SURVEY : l.method === 'computed' ? METHOD_COMPUTED : METHOD_APPRAISAL;
  });
  const areaMaxMilli = Int32Array.from(areas, (a) => toMilli(a.maxPoints));
  return {
    framework,
    areas,
    leaves,
    leafIndex,
    leafArea: Int32Array.from(leafAreaList),
    leafMaxMilli,
    leafMethod,
    areaMaxMilli,
    totalMaxMilli: areaMaxMilli.reduce((s, m) => s + m, 0),
  };
}

export interface NodeTotal {
  points: number;
  applicableMax: number;
  /** true when every leaf under the node is not applicable */
  notApplicable: boolean;
}

/**
 * Points of every node of one unit (for the detail view: nội dung, tiêu chí, tiêu chí thành phần).
 * `leafPoints` gives each leaf's final points, or null when not applicable.
 */
export function rollUp(framework: Framework, leafPoints: ReadonlyMap<string, number | null>): Map<string, NodeTotal> {
  const plan = compileFramework(framework);
  const acc = new Map<string, { p: number; m: number; leaves: number; na: number }>();
  const byCode = new Map(framework.criteria.map((c) => [c.code, c]));
  plan.leaves.forEach((leaf, i) => {
    const pts = leafPoints.get(leaf.code);
    const na = pts === null;
    let code: string | null = leaf.code;
    while (code !== null) {
      const a = acc.get(code) ?? { p: 0, m: 0, leaves: 0, na: 0 };
      a.leaves++;
      if (na) a.na++;
      else {
        a.p += toMilli(pts ?? 0);
        a.m += plan.leafMaxMilli[i]!;
      }
      acc.set(code, a);
      code = byCode.get(code)?.parentCode ?? null;
    }
  });
  const out = new Map<string, NodeTotal>();
  for (const [code, a] of acc) {
    out.set(code, { points: a.p / 1000, applicableMax: a.m / 1000, notApplicable: a.na === a.leaves });
  }
  return out;
}
