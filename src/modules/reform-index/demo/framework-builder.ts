/**
 * A compact way to write demo frameworks: a parent's maximum is the sum of its children, so the
 * data cannot contradict the framework rules it illustrates.
 */
import type { Criterion, CriterionMethod } from '../domain/framework.ts';
import type { ScoringRule, TierLevel } from '../domain/scoring-rules.ts';

export interface NodeSpec {
  code: string;
  name: string;
  nameEn?: string;
  children?: NodeSpec[];
  max?: number;
  method?: CriterionMethod;
  rule?: ScoringRule;
  evidenceRequired?: boolean;
  allowNotApplicable?: boolean;
  metricKey?: string;
}

const LABELS: Record<number, [string, string][]> = {
  2: [
    ['Thực hiện đầy đủ', 'Fully done'],
    ['Không thực hiện', 'Not done'],
  ],
  3: [
    ['Thực hiện đầy đủ, đúng thời hạn', 'Fully done, on time'],
    ['Thực hiện chưa đầy đủ hoặc chậm', 'Partly done or late'],
    ['Không thực hiện', 'Not done'],
  ],
  4: [
    ['Thực hiện tốt', 'Done well'],
    ['Thực hiện đầy đủ', 'Fully done'],
    ['Thực hiện chưa đầy đủ', 'Partly done'],
    ['Không thực hiện', 'Not done'],
  ],
  5: [
    ['Hoàn thành xuất sắc', 'Excellent'],
    ['Hoàn thành tốt', 'Good'],
    ['Hoàn thành', 'Done'],
    ['Hoàn thành một phần', 'Partly done'],
    ['Không hoàn thành', 'Not done'],
  ],
};

/** Tiered rule from the levels' points, best first: tiers(2, 1, 0). */
export function tiers(...points: number[]): ScoringRule {
  const labels = LABELS[points.length];
  if (!labels) throw new RangeError(`no labels for ${points.length} levels`);
  const levels: TierLevel[] = points.map((p, i) => ({ label: labels[i]![0], labelEn: labels[i]![1], points: p }));
  return { kind: 'tiered', levels };
}

/** An appraised leaf scored on tier levels; its maximum is the highest level. */
export function tiered(code: string, name: string, nameEn: string, ...points: number[]): NodeSpec {
  return { code, name, nameEn, max: points[0], method: 'appraisal', rule: tiers(...points), evidenceRequired: true };
}

/** A survey (điều tra XHH) leaf: any value 0..max, 2 decimals. */
export function survey(code: string, name: string, nameEn: string, max: number): NodeSpec {
  return { code, name, nameEn, max, method: 'survey', rule: { kind: 'free' } };
}

export function group(code: string, name: string, nameEn: string, children: NodeSpec[]): NodeSpec {
  return { code, name, nameEn, children };
}

function maxOf(s: NodeSpec): number {
  if (!s.children) return s.max ?? 0;
  return Math.round(s.children.reduce((t, c) => t + maxOf(c), 0) * 1000) / 1000;
}

/** Flatten specs into criteria, parents first. */
export function flatten(specs: NodeSpec[], parentCode: string | null = null): Criterion[] {
  return specs.flatMap((s) => {
    const node: Criterion = {
      code: s.code,
      parentCode,
      name: s.name,
      nameEn: s.nameEn,
      maxPoints: maxOf(s),
      method: s.children ? 'appraisal' : (s.method ?? 'appraisal'),
      rule: s.children ? { kind: 'sum' } : (s.rule ?? { kind: 'free' }),
      evidenceRequired: s.evidenceRequired ?? false,
      allowNotApplicable: s.allowNotApplicable ?? false,
      ...(s.metricKey ? { metricKey: s.metricKey } : {}),
    };
    return [node, ...(s.children ? flatten(s.children, s.code) : [])];
  });
}
