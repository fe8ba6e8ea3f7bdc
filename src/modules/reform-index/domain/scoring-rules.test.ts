import { describe, expect, it } from 'vitest';
import { type ScoringRule, scoreByRule, validateScore } from './scoring-rules.ts';

const tiered: ScoringRule = {
  kind: 'tiered',
  levels: [
    { label: 'Thực hiện tốt', points: 2.5 },
    { label: 'Đầy đủ', points: 2 },
    { label: 'Chưa đầy đủ', points: 1 },
    { label: 'Không thực hiện', points: 0 },
  ],
};
const points = (o: ReturnType<typeof scoreByRule>) => (o.ok ? o.points : o.error.code);

describe('scoreByRule', () => {
  it('proportional: rate × max, 2 decimals', () => {
    expect(points(scoreByRule({ kind: 'proportional' }, 2, 0.95))).toBe(1.9);
    expect(points(scoreByRule({ kind: 'proportional' }, 3, 2 / 3))).toBe(2);
    expect(points(scoreByRule({ kind: 'proportional' }, 2, 1))).toBe(2);
    expect(points(scoreByRule({ kind: 'proportional' }, 2, 0))).toBe(0);
    expect(points(scoreByRule({ kind: 'proportional' }, 2, 1.2))).toBe('RULE_INPUT_INVALID');
    expect(points(scoreByRule({ kind: 'proportional' }, 2, -0.1))).toBe('RULE_INPUT_INVALID');
    expect(points(scoreByRule({ kind: 'proportional' }, 2, true))).toBe('RULE_INPUT_INVALID');
  });
  it('threshold: full at or above the threshold, else rate × max ÷ threshold', () => {
    const r: ScoringRule = { kind: 'threshold', threshold: 0.95 };
    expect(points(scoreByRule(r, 3, 0.95))).toBe(3);
    expect(points(scoreByRule(r, 3, 0.99))).toBe(3);
    expect(points(scoreByRule(r, 3, 0.9))).toBe(2.84); // 2.8421…
    expect(points(scoreByRule(r, 3, 0.5))).toBe(1.58); // 1.5789…
    expect(points(scoreByRule(r, 3, 0))).toBe(0);
    expect(points(scoreByRule(r, 3, Number.NaN))).toBe('RULE_INPUT_INVALID');
  });
  it('yes/no: max or 0', () => {
    expect(points(scoreByRule({ kind: 'yesNo' }, 1.5, true))).toBe(1.5);
    expect(points(scoreByRule({ kind: 'yesNo' }, 1.5, false))).toBe(0);
    expect(points(scoreByRule({ kind: 'yesNo' }, 1.5, 1))).toBe('RULE_INPUT_INVALID');
  });
  it('deduction: max minus deductions, floored at 0', () => {
    expect(points(scoreByRule({ kind: 'deduction' }, 3, 0.5))).toBe(2.5);
    expect(points(scoreByRule({ kind: 'deduction' }, 3, 4))).toBe(0);
    expect(points(scoreByRule({ kind: 'deduction', pointsPerItem: 0.25 }, 3, 3))).toBe(2.25);
    expect(points(scoreByRule({ kind: 'deduction', pointsPerItem: 0.25 }, 3, 20))).toBe(0);
    expect(points(scoreByRule({ kind: 'deduction' }, 3, -1))).toBe('RULE_INPUT_INVALID');
  });
  it('refuses rules that need a judgement', () => {
    expect(points(scoreByRule(tiered, 2.5, 1))).toBe('RULE_NOT_COMPUTABLE');
    expect(points(scoreByRule({ kind: 'free' }, 2, 1))).toBe('RULE_NOT_COMPUTABLE');
    expect(points(scoreByRule({ kind: 'sum' }, 2, 1))).toBe('RULE_NOT_COMPUTABLE');
  });
});

describe('validateScore', () => {
  const code = (e: ReturnType<typeof validateScore>) => e?.code ?? null;
  it('accepts tier levels and refuses anything else', () => {
    expect(code(validateScore(tiered, 2.5, 2))).toBeNull();
    expect(code(validateScore(tiered, 2.5, 0))).toBeNull();
    expect(code(validateScore(tiered, 2.5, 1.5))).toBe('SCORE_NOT_A_LEVEL');
  });
  it('bounds every rule to 0..max', () => {
    expect(code(validateScore({ kind: 'free' }, 3, 3))).toBeNull();
    expect(code(validateScore({ kind: 'free' }, 3, 2.72))).toBeNull();
    expect(code(validateScore({ kind: 'free' }, 3, 3.01))).toBe('SCORE_ABOVE_MAX');
    expect(code(validateScore({ kind: 'free' }, 3, -0.01))).toBe('SCORE_NEGATIVE');
    expect(code(validateScore({ kind: 'free' }, 3, Number.NaN))).toBe('SCORE_NOT_A_NUMBER');
    expect(code(validateScore({ kind: 'proportional' }, 2, 1.37))).toBeNull();
    expect(code(validateScore(tiered, 2.5, 3))).toBe('SCORE_ABOVE_MAX');
  });
  it('yes/no accepts only 0 or max', () => {
    expect(code(validateScore({ kind: 'yesNo' }, 1, 1))).toBeNull();
    expect(code(validateScore({ kind: 'yesNo' }, 1, 0))).toBeNull();
    expect(code(validateScore({ kind: 'yesNo' }, 1, 0.5))).toBe('SCORE_NOT_YES_NO');
  });
  it('refuses more precision than the engine keeps', () => {
    expect(code(validateScore({ kind: 'free' }, 3, 1.234))).toBeNull();
    expect(code(validateScore({ kind: 'free' }, 3, 1.2345))).toBe('SCORE_TOO_PRECISE');
  });
});
