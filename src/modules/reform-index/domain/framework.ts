/**
 * The index framework (Bộ chỉ số / Khung chỉ số CCHC): a tree nội dung (area) → tiêu chí
 * (criterion) → tiêu chí thành phần (sub-criterion). Leaves are scored; a parent's points are the
 * sum of its children, and its maximum must equal the sum of its children's maxima.
 */
import { toMilli } from './decimal.ts';
import type { ScoringRule } from './scoring-rules.ts';

/** How a leaf gets its points: thẩm định tự chấm, điều tra xã hội học (XHH), or measured data. */
export type CriterionMethod = 'appraisal' | 'survey' | 'computed';

/** Tiêu chí (any level of the tree). Codes are unique within one framework. */
export interface Criterion {
  code: string;
  parentCode: string | null;
  name: string;
  nameEn?: string;
  maxPoints: number;
  method: CriterionMethod;
  rule: ScoringRule;
  /** tài liệu kiểm chứng required for a self-score */
  evidenceRequired: boolean;
  /** may be marked "không áp dụng"; then it leaves the denominator */
  allowNotApplicable: boolean;
  /** for method 'computed': which measured rate feeds it, e.g. 'dossiers.onTimeRate' */
  metricKey?: string;
}

/** Bộ chỉ số CCHC of one year for one kind of unit. Criteria are listed parents-first or in any order. */
export interface Framework {
  code: string;
  name: string;
  nameEn?: string;
  year: number;
  criteria: readonly Criterion[];
}

export type FrameworkProblemCode =
  | 'FRAMEWORK_EMPTY'
  | 'FRAMEWORK_DUPLICATE_CODE'
  | 'FRAMEWORK_UNKNOWN_PARENT'
  | 'FRAMEWORK_CYCLE'
  | 'FRAMEWORK_NON_POSITIVE_MAX'
  | 'FRAMEWORK_TOO_PRECISE'
  | 'FRAMEWORK_CHILDREN_MAX_MISMATCH'
  | 'FRAMEWORK_PARENT_RULE'
  | 'FRAMEWORK_LEAF_RULE'
  | 'FRAMEWORK_RULE_INVALID'
  | 'FRAMEWORK_METRIC_MISSING'
  | 'FRAMEWORK_RULE_NOT_COMPUTABLE';

export interface FrameworkProblem {
  code: FrameworkProblemCode;
  criterionCode?: string;
  /** for cycles: the codes on the cycle, starting from the smallest */
  path?: string[];
  params: Record<string, unknown>;
}

const COMPUTABLE = new Set(['proportional', 'threshold', 'yesNo', 'deduction']);

/** Every problem of the framework (empty list = valid). */
export function validateFramework(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const criteria = framework.criteria;
  if (criteria.length === 0) return [{ code: 'FRAMEWORK_EMPTY', params: { framework: framework.code } }];

  const byCode = new Map<string, Criterion>();
  for (const c of criteria) {
    if (byCode.has(c.code)) problems.push({ code: 'FRAMEWORK_DUPLICATE_CODE', criterionCode: c.code, params: {} });
    else byCode.set(c.code, c);
  }
  const children = new Map<string, Criterion[]>();
  for (const c of byCode.values()) {
    if (c.parentCode === null) continue;
    if (!byCode.has(c.parentCode)) {
      problems.push({ code: 'FRAMEWORK_UNKNOWN_PARENT', criterionCode: c.code, params: { parentCode: c.parentCode } });
      continue;
    }
    const list = children.get(c.parentCode) ?? [];
    list.push(c);
    children.set(c.parentCode, list);
  }
  if (![...byCode.values()].some((c) => c.parentCode === null)) {
    problems.push({ code: 'FRAMEWORK_EMPTY', params: { framework: framework.code, reason: 'no root' } });
  }
  problems.push(...findCycles(byCode));

  for (const c of byCode.values()) {
    if (!(c.maxPoints > 0)) {
      problems.push({ code: 'FRAMEWORK_NON_POSITIVE_MAX', criterionCode: c.code, params: { maxPoints: c.maxPoints } });
    } else if (Math.abs(c.maxPoints * 1000 - toMilli(c.maxPoints)) > 1e-6) {
      problems.push({ code: 'FRAMEWORK_TOO_PRECISE', criterionCode: c.code, params: { maxPoints: c.maxPoints } });
    }
    const kids = children.get(c.code);
    if (kids) {
      const sum = kids.reduce((s, k) => s + toMilli(k.maxPoints), 0);
      if (sum !== toMilli(c.maxPoints)) {
        problems.push({
          code: 'FRAMEWORK_CHILDREN_MAX_MISMATCH',
          criterionCode: c.code,
          params: { maxPoints: c.maxPoints, childrenSum: sum / 1000 },
        });
      }
      if (c.rule.kind !== 'sum') {
        problems.push({ code: 'FRAMEWORK_PARENT_RULE', criterionCode: c.code, params: { rule: c.rule.kind } });
      }
    } else {
      problems.push(...leafProblems(c));
    }
  }
  return problems;
}

function leafProblems(c: Criterion): FrameworkProblem[] {
  const out: FrameworkProblem[] = [];
  const invalid = (reason: string, params: Record<string, unknown> = {}) =>
    out.push({ code: 'FRAMEWORK_RULE_INVALID', criterionCode: c.code, params: { reason, ...params } });
  const rule = c.rule;
  if (rule.kind === 'sum') out.push({ code: 'FRAMEWORK_LEAF_RULE', criterionCode: c.code, params: {} });
  if (rule.kind === 'tiered') {
    const pts = rule.levels.map((l) => toMilli(l.points));
    if (pts.length === 0) invalid('no levels');
    if (pts.some((p) => p < 0 || p > toMilli(c.maxPoints))) invalid('level outside 0..max', { levels: rule.levels });
    if (new Set(pts).size !== pts.length) invalid('duplicate level points');
    if (pts.length > 0 && Math.max(...pts) !== toMilli(c.maxPoints)) invalid('highest level is not the maximum');
  }
  if (rule.kind === 'threshold' && !(rule.threshold > 0 && rule.threshold <= 1)) {
    invalid('threshold must be a rate in (0, 1]', { threshold: rule.threshold });
  }
  if (rule.kind === 'deduction' && rule.pointsPerItem !== undefined && !(rule.pointsPerItem > 0)) {
    invalid('pointsPerItem must be positive', { pointsPerItem: rule.pointsPerItem });
  }
  if (c.method === 'computed') {
    if (!c.metricKey) out.push({ code: 'FRAMEWORK_METRIC_MISSING', criterionCode: c.code, params: {} });
    if (!COMPUTABLE.has(rule.kind)) {
      out.push({ code: 'FRAMEWORK_RULE_NOT_COMPUTABLE', criterionCode: c.code, params: { rule: rule.kind } });
    }
  }
  return out;
}

/** Each cycle of parent links once, as the list of codes starting from its smallest code. */
function findCycles(byCode: Map<string, Criterion>): FrameworkProblem[] {
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = done
  const problems: FrameworkProblem[] = [];
  for (const start of byCode.keys()) {
    const walk: string[] = [];
    let code: string | null = start;
    while (code !== null && byCode.has(code) && !state.has(code)) {
      state.set(code, 1);
      walk.push(code);
      code = byCode.get(code)?.parentCode ?? null;
    }
    if (code !== null && state.get(code) === 1) {
      const cycle = walk.slice(walk.indexOf(code));
      const min = cycle.indexOf([...cycle].sort()[0]!);
      const path = [...cycle.slice(min), ...cycle.slice(0, min)];
      problems.push({ code: 'FRAMEWORK_CYCLE', criterionCode: path[0], path, params: { length: path.length } });
    }
    for (const c of walk) state.set(c, 2);
  }
  return problems;
}
