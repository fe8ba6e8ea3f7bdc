/**
 * Scoring rules (cách tính điểm) of a criterion. `scoreByRule` scores computed criteria from a
 * measured input; `validateScore` checks a manually entered score (tự chấm, thẩm định, XHH).
 */
import { MILLI, roundHalfUp, toMilli } from './decimal.ts';

/** One level of a tiered rule, e.g. "Thực hiện tốt" 2.5 / "đầy đủ" 2 / "chưa đầy đủ" 1 / "không" 0. */
export interface TierLevel {
  label: string;
  labelEn?: string;
  points: number;
}

export type ScoringRule =
  /** the score must be one of the levels (mức điểm) */
  | { kind: 'tiered'; levels: readonly TierLevel[] }
  /** points = rate × max (Điểm = Tỷ lệ × Điểm tối đa) */
  | { kind: 'proportional' }
  /** full marks when rate ≥ threshold, else rate × max ÷ threshold (rates are fractions 0..1) */
  | { kind: 'threshold'; threshold: number }
  /** max when yes, 0 when no */
  | { kind: 'yesNo' }
  /** max minus deductions, floored at 0; with `pointsPerItem` the input counts items (lỗi, vi phạm) */
  | { kind: 'deduction'; pointsPerItem?: number }
  /** any value in 0..max (appraisal judgement, survey points) */
  | { kind: 'free' }
  /** a parent node: its points are the sum of its children */
  | { kind: 'sum' };

export type RuleKind = ScoringRule['kind'];

/** Input of a computed criterion: a rate (0..1), a yes/no answer, or a deduction amount / count. */
export type RuleInput = number | boolean;

export type ScoreErrorCode =
  | 'SCORE_NOT_A_NUMBER'
  | 'SCORE_NEGATIVE'
  | 'SCORE_ABOVE_MAX'
  | 'SCORE_NOT_A_LEVEL'
  | 'SCORE_NOT_YES_NO'
  | 'SCORE_TOO_PRECISE'
  | 'RULE_INPUT_INVALID'
  | 'RULE_NOT_COMPUTABLE';

export interface ScoreError {
  code: ScoreErrorCode;
  params: Record<string, unknown>;
}

export type ScoreOutcome = { ok: true; points: number } | { ok: false; error: ScoreError };

const fail = (code: ScoreErrorCode, params: Record<string, unknown> = {}): ScoreOutcome => ({
  ok: false,
  error: { code, params },
});

/** Computed points are published like manual ones: 2 decimals, half up. */
const points2 = (x: number): ScoreOutcome => ({ ok: true, points: roundHalfUp(x, 2) });

function rateOf(input: RuleInput): number | undefined {
  return typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 1 ? input : undefined;
}

/** Score a computed criterion from its measured input. Results are rounded to 2 decimals. */
export function scoreByRule(rule: ScoringRule, maxPoints: number, input: RuleInput): ScoreOutcome {
  switch (rule.kind) {
    case 'proportional': {
      const rate = rateOf(input);
      if (rate === undefined) return fail('RULE_INPUT_INVALID', { rule: rule.kind, input });
      return points2(rate * maxPoints);
    }
    case 'threshold': {
      const rate = rateOf(input);
      if (rate === undefined) return fail('RULE_INPUT_INVALID', { rule: rule.kind, input });
      if (rate >= rule.threshold) return { ok: true, points: maxPoints };
      return points2((rate * maxPoints) / rule.threshold);
    }
    case 'yesNo':
      if (typeof input !== 'boolean') return fail('RULE_INPUT_INVALID', { rule: rule.kind, input });
      return { ok: true, points: input ? maxPoints : 0 };
    case 'deduction': {
      if (typeof input !== 'number' || !Number.isFinite(input) || input < 0) {
        return fail('RULE_INPUT_INVALID', { rule: rule.kind, input });
      }
      const deducted = rule.pointsPerItem === undefined ? input : input * rule.pointsPerItem;
      return points2(Math.max(0, maxPoints - deducted));
    }
    default:
      return fail('RULE_NOT_COMPUTABLE', { rule: rule.kind });
  }
}

/**
 * Check a manually entered score against the rule and the maximum. Returns null when valid.
 * Scores may carry at most 3 decimals (the engine works in milli-points).
 */
export function validateScore(rule: ScoringRule, maxPoints: number, value: number): ScoreError | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'SCORE_NOT_A_NUMBER', params: { value } };
  if (value < 0) return { code: 'SCORE_NEGATIVE', params: { value } };
  if (toMilli(value) > toMilli(maxPoints)) return { code: 'SCORE_ABOVE_MAX', params: { value, maxPoints } };
  if (Math.abs(value * MILLI - toMilli(value)) > 1e-6)
    return { code: 'SCORE_TOO_PRECISE', params: { value, decimals: 3 } };
  if (rule.kind === 'tiered') {
    const v = toMilli(value);
    if (!rule.levels.some((l) => toMilli(l.points) === v)) {
      return { code: 'SCORE_NOT_A_LEVEL', params: { value, levels: rule.levels.map((l) => l.points) } };
    }
  }
  if (rule.kind === 'yesNo' && value !== 0 && toMilli(value) !== toMilli(maxPoints)) {
    return { code: 'SCORE_NOT_YES_NO', params: { value, maxPoints } };
  }
  return null;
}
