/**
 * Stored scores → the engine's dense score matrix without one JavaScript object per score: the
 * database packs each unit's cells (in the plan's leaf order) into binary strings — milli-points
 * as big-endian int4, measured values as float8 — so 875,000 scores travel as 3,500 rows.
 *
 * The final score of a cell follows the domain's rule (score-matrix.ts): survey → survey points;
 * appraised score if any; computed → the rule applied to the measured value; else the self-score;
 * "không áp dụng" only where the criterion allows it; values are clamped into 0..max.
 * Scores were validated when written; cells without any score are reported as SCORE_MISSING.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  CELL_MISSING,
  CELL_NOT_APPLICABLE,
  type FrameworkPlan,
  METHOD_COMPUTED,
  METHOD_SURVEY,
  type ScoreIssue,
  type ScoreMatrix,
  scoreByRule,
  toMilli,
} from './domain/index.ts';

const NONE = -2147483648;

interface PackedRow {
  unit_code: string;
  self: Uint8Array | null;
  appraised: Uint8Array | null;
  survey: Uint8Array | null;
  na: string | null;
  measured: Uint8Array | null;
}

const view = (b: Uint8Array | null) => (b ? new DataView(b.buffer, b.byteOffset, b.byteLength) : null);

export async function loadScoreMatrix(
  db: DbOrTx,
  cycleId: string,
  plan: FrameworkPlan,
  unitCodes: readonly string[],
): Promise<{ matrix: ScoreMatrix; issues: ScoreIssue[] }> {
  const L = plan.leaves.length;
  const U = unitCodes.length;
  const codes = plan.leaves.map((l) => l.code);
  const hasComputed = plan.leafMethod.some((m) => m === METHOD_COMPUTED);
  const milli = (col: string) =>
    sql.raw(`string_agg(int4send(coalesce(round(s.${col} * 1000)::int, ${NONE})), ''::bytea order by c.idx)`);
  const res = await db.execute(sql`
    select u.code as unit_code,
      ${milli('self_score')} as self,
      ${milli('appraised_score')} as appraised,
      ${milli('survey_points')} as survey,
      string_agg(case when s.not_applicable then '1' else '0' end, '' order by c.idx) as na,
      ${hasComputed ? sql.raw(`string_agg(float8send(coalesce(s.computed_value, 'NaN'::float8)), ''::bytea order by c.idx)`) : sql.raw('null::bytea')} as measured
    from ri_assessments a
      join units u on u.id = a.unit_id
      cross join unnest(${sql.param(codes)}::text[]) with ordinality as c(code, idx)
      left join ri_scores s on s.assessment_id = a.id and s.criterion_code = c.code
    where a.cycle_id = ${cycleId}
    group by u.code`);
  const rows = ((res as { rows?: PackedRow[] }).rows ?? (res as unknown as PackedRow[])) as PackedRow[];

  const unitIndex = new Map(unitCodes.map((c, i) => [c, i]));
  const points = new Int32Array(U * L);
  const state = new Uint8Array(U * L).fill(CELL_MISSING);
  const issues: ScoreIssue[] = [];
  const seen = new Uint8Array(U);
  for (const r of rows) {
    const u = unitIndex.get(r.unit_code);
    if (u === undefined) continue;
    seen[u] = 1;
    const self = view(r.self);
    const appraised = view(r.appraised);
    const survey = view(r.survey);
    const measured = view(r.measured);
    const na = r.na ?? '';
    const base = u * L;
    for (let l = 0; l < L; l++) {
      const leaf = plan.leaves[l]!;
      const cell = base + l;
      if (na.charCodeAt(l) === 49 /* '1' */) {
        if (leaf.allowNotApplicable) {
          state[cell] = CELL_NOT_APPLICABLE;
          continue;
        }
        issues.push({ code: 'SCORE_NA_NOT_ALLOWED', unitCode: r.unit_code, criterionCode: leaf.code, params: {} });
      }
      const method = plan.leafMethod[l];
      let v = NONE;
      if (method === METHOD_SURVEY) v = survey ? survey.getInt32(l * 4) : NONE;
      else {
        v = appraised ? appraised.getInt32(l * 4) : NONE;
        if (v === NONE && method === METHOD_COMPUTED && measured) {
          const m = measured.getFloat64(l * 8);
          if (!Number.isNaN(m)) {
            const outcome = scoreByRule(leaf.rule, leaf.maxPoints, leaf.rule.kind === 'yesNo' ? m > 0 : m);
            if (outcome.ok) v = toMilli(outcome.points);
          }
        }
        if (v === NONE && self) v = self.getInt32(l * 4);
      }
      if (v === NONE) {
        issues.push({ code: 'SCORE_MISSING', unitCode: r.unit_code, criterionCode: leaf.code, params: {} });
        continue;
      }
      state[cell] = 0;
      points[cell] = Math.min(Math.max(v, 0), plan.leafMaxMilli[l]!);
    }
  }
  unitCodes.forEach((code, u) => {
    if (!seen[u]) issues.push({ code: 'SCORE_MISSING', unitCode: code, params: { assessment: 'none' } });
  });
  return { matrix: { unitCount: U, leafCount: L, points, state }, issues };
}
