/**
 * Stored score records → one dense matrix of final leaf points (unit-major, milli-points), the
 * form the engine aggregates without allocating per cell. Final score of a leaf:
 *   survey   → its survey points;
 *   computed → appraised override, else the rule applied to the measured input, else self-score;
 *   appraisal→ appraised if present, else self-score.
 * Not applicable (where allowed) leaves the denominator; no score at all counts 0 and is reported.
 */
import { toMilli } from './decimal.ts';
import { type FrameworkPlan, METHOD_COMPUTED, METHOD_SURVEY } from './framework-plan.ts';
import type { ComputedInput, LeafScore, ScoreIssue, SurveyScore } from './results.types.ts';
import { scoreByRule, validateScore } from './scoring-rules.ts';

export const CELL_SCORED = 0;
export const CELL_NOT_APPLICABLE = 1;
export const CELL_MISSING = 2;

export interface ScoreMatrix {
  unitCount: number;
  leafCount: number;
  /** final points in milli-points at [unit × leafCount + leaf] */
  points: Int32Array;
  /** CELL_SCORED | CELL_NOT_APPLICABLE | CELL_MISSING */
  state: Uint8Array;
}

export interface ScoreRecords {
  scores: readonly LeafScore[];
  surveyScores?: readonly SurveyScore[];
  computedInputs?: readonly ComputedInput[];
}

const NONE = -1;

export function buildScoreMatrix(
  plan: FrameworkPlan,
  unitCodes: readonly string[],
  records: ScoreRecords,
): { matrix: ScoreMatrix; issues: ScoreIssue[] } {
  const U = unitCodes.length;
  const L = plan.leaves.length;
  const cells = U * L;
  const issues: ScoreIssue[] = [];
  const unitIndex = new Map<string, number>();
  unitCodes.forEach((c, i) => {
    unitIndex.set(c, i);
  });
  // NaN = no value; notApplicable flags separately
  const self = new Float64Array(cells).fill(Number.NaN);
  const appraised = new Float64Array(cells).fill(Number.NaN);
  const survey = new Float64Array(cells).fill(Number.NaN);
  const na = new Uint8Array(cells);
  const seen = new Uint8Array(cells);

  const locate = (unitCode: string, criterionCode: string): number => {
    const u = unitIndex.get(unitCode);
    const l = plan.leafIndex.get(criterionCode);
    if (u === undefined) issues.push({ code: 'SCORE_UNKNOWN_UNIT', unitCode, criterionCode, params: {} });
    else if (l === undefined) issues.push({ code: 'SCORE_UNKNOWN_CRITERION', unitCode, criterionCode, params: {} });
    else return u * L + l;
    return NONE;
  };
  const markSeen = (cell: number, bit: number, r: { unitCode: string; criterionCode: string }) => {
    if (seen[cell]! & bit)
      issues.push({ code: 'SCORE_DUPLICATE', unitCode: r.unitCode, criterionCode: r.criterionCode, params: {} });
    seen[cell]! |= bit;
  };

  for (const r of records.scores) {
    const cell = locate(r.unitCode, r.criterionCode);
    if (cell === NONE) continue;
    markSeen(cell, 1, r);
    if (r.selfScore != null) self[cell] = r.selfScore;
    if (r.appraisedScore != null) appraised[cell] = r.appraisedScore;
    if (r.notApplicable) na[cell] = 1;
  }
  for (const r of records.surveyScores ?? []) {
    const cell = locate(r.unitCode, r.criterionCode);
    if (cell === NONE) continue;
    markSeen(cell, 2, r);
    survey[cell] = r.points;
  }
  const metrics = new Map<string, number | boolean>();
  for (const m of records.computedInputs ?? []) metrics.set(`${m.unitCode}\u0000${m.metricKey}`, m.value);

  const points = new Int32Array(cells);
  const state = new Uint8Array(cells);
  for (let u = 0; u < U; u++) {
    const unitCode = unitCodes[u]!;
    for (let l = 0; l < L; l++) {
      const cell = u * L + l;
      const leaf = plan.leaves[l]!;
      if (na[cell]) {
        if (leaf.allowNotApplicable) {
          state[cell] = CELL_NOT_APPLICABLE;
          continue;
        }
        issues.push({ code: 'SCORE_NA_NOT_ALLOWED', unitCode, criterionCode: leaf.code, params: {} });
      }
      let value = Number.NaN;
      let reported = false;
      const method = plan.leafMethod[l];
      const metricKey = method === METHOD_COMPUTED ? `${unitCode}\u0000${leaf.metricKey}` : '';
      if (method === METHOD_SURVEY) value = survey[cell]!;
      else if (!Number.isNaN(appraised[cell]!)) value = appraised[cell]!;
      else if (method === METHOD_COMPUTED && metrics.has(metricKey)) {
        const outcome = scoreByRule(leaf.rule, leaf.maxPoints, metrics.get(metricKey)!);
        if (outcome.ok) value = outcome.points;
        else {
          issues.push({ code: 'SCORE_INVALID', unitCode, criterionCode: leaf.code, params: { ...outcome.error } });
          reported = true;
        }
      } else value = self[cell]!;

      if (Number.isNaN(value)) {
        state[cell] = CELL_MISSING;
        if (!reported) issues.push({ code: 'SCORE_MISSING', unitCode, criterionCode: leaf.code, params: {} });
        continue;
      }
      const error = validateScore(leaf.rule, leaf.maxPoints, value);
      if (error) {
        // keep going with the value clamped into 0..max; the issue tells the service to refuse publication
        issues.push({ code: 'SCORE_INVALID', unitCode, criterionCode: leaf.code, params: { ...error } });
      }
      points[cell] = Math.min(Math.max(toMilli(value), 0), plan.leafMaxMilli[l]!);
    }
  }
  return { matrix: { unitCount: U, leafCount: L, points, state }, issues };
}
