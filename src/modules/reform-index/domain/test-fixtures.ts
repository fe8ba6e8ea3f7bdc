/** Small builders shared by the domain tests (not used by production code). */
import type { Criterion, Framework } from './framework.ts';

export function crit(
  code: string,
  parentCode: string | null,
  maxPoints: number,
  extra: Partial<Criterion> = {},
): Criterion {
  return {
    code,
    parentCode,
    name: `Tiêu chí ${code}`,
    maxPoints,
    method: 'appraisal',
    rule: { kind: 'free' },
    evidenceRequired: false,
    allowNotApplicable: false,
    ...extra,
  };
}

export const sum = { rule: { kind: 'sum' } } as const;

/** A criterion as the API takes it in tests: areas (no parent) add up their children. */
export const apiCrit = (code: string, parentCode: string | null, maxPoints: number, extra: Partial<Criterion> = {}) =>
  crit(code, parentCode, maxPoints, { ...(parentCode === null ? sum : {}), ...extra });

/**
 * Two areas, 10 points:
 *   A (6) → A1 (4, tiered 4/2/0), A2 (2, allows N/A)
 *   B (4) → B1 (3) → B1a (1, survey), B1b (2, computed threshold 0.9 on 'dossiers.onTimeRate'); B2 (1, yes/no)
 */
export function smallFramework(): Framework {
  return {
    code: 'T',
    name: 'Bộ chỉ số thử',
    year: 2023,
    criteria: [
      crit('A', null, 6, sum),
      crit('A1', 'A', 4, {
        rule: {
          kind: 'tiered',
          levels: [
            { label: 'Tốt', points: 4 },
            { label: 'Đạt', points: 2 },
            { label: 'Không', points: 0 },
          ],
        },
      }),
      crit('A2', 'A', 2, { allowNotApplicable: true }),
      crit('B', null, 4, sum),
      crit('B1', 'B', 3, sum),
      crit('B1a', 'B1', 1, { method: 'survey' }),
      crit('B1b', 'B1', 2, {
        method: 'computed',
        metricKey: 'dossiers.onTimeRate',
        rule: { kind: 'threshold', threshold: 0.9 },
      }),
      crit('B2', 'B', 1, { rule: { kind: 'yesNo' } }),
    ],
  };
}
