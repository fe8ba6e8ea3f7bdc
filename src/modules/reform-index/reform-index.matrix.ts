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
  type ScoreIssue,
  type ScoreMatrix,
  scoreByRule,
  toMilli,
} from './domain/index.ts';

const NONE = -2147483648;
/** a not-applicable cell (only sent where the criterion allows it) */
const NA = -2147483647;
/** bytes of one packed cell: leaf int2, final milli-points int4 */
const REC = 6;

interface PackedRow {
  unit_code: string;
  cells: Uint8Array | null;
}
interface ComputedRow {
  unit_code: string;
  idx: number;
  self: number | null;
  appraised: number | null;
  measured: number | null;
  na: boolean;
}

const view = (b: Uint8Array | null) => (b ? new DataView(b.buffer, b.byteOffset, b.byteLength) : null);
const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

export async function loadScoreMatrix(
  db: DbOrTx,
  cycleId: string,
  plan: FrameworkPlan,
  unitCodes: readonly string[],
): Promise<{ matrix: ScoreMatrix; issues: ScoreIssue[] }> {
  const L = plan.leaves.length;
  const U = unitCodes.length;
  const codes = plan.leaves.map((l) => l.code);
  const kinds = plan.leaves.map((l) => (l.method === 'survey' ? 1 : l.method === 'computed' ? 2 : 0));
  const allowNa = plan.leaves.map((l) => l.allowNotApplicable);
  // One int4 per cell, final by the domain's precedence; no ordering inside the aggregate (each
  // cell carries its leaf index). Computed leaves come separately: their rule runs in the domain.
  // The plan's leaves are matched to the framework's ri_criteria rows in a subquery kept apart by
  // `offset 0`: joined to the scores straight from the unnested parameter (no statistics), the
  // planner hashed all the scores (875,000 rows at 3,500 units) instead of the 250 criteria, which
  // took two to three times as long. Units are named after aggregating (3,500 rows go through that
  // join, not 875,000). Enough memory to aggregate every unit in one in-memory hash table (the
  // default 4 MB spills); no JIT (compiling the expressions costs more than it saves here).
  const leaves = sql`(select c.code, x.kind, x.allow_na, x.idx
      from ri_cycles y join ri_criteria c on c.framework_id = y.framework_id
        join unnest(${sql.param(codes)}::text[], ${sql.param(kinds)}::int[], ${sql.param(allowNa)}::bool[])
          with ordinality as x(code, kind, allow_na, idx) on x.code = c.code
      where y.id = ${cycleId} offset 0)`;
  const res = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '128MB'`);
    await tx.execute(sql`set local jit = off`);
    return tx.execute(sql`
    select u.code as unit_code, p.cells from (
      select a.unit_id, string_agg(int2send((c.idx - 1)::int2) || int4send(case
          when s.not_applicable and c.allow_na then ${NA}
          when c.kind = 1 then coalesce((s.survey_points * 1000)::int, ${NONE})
          else coalesce((coalesce(s.appraised_score, s.self_score) * 1000)::int, ${NONE}) end), ''::bytea) as cells
      from ri_scores s
        join ri_assessments a on a.id = s.assessment_id
        join ${leaves} c on c.code = s.criterion_code
      where a.cycle_id = ${cycleId} and c.kind <> 2
      group by a.unit_id) p join units u on u.id = p.unit_id`);
  });
  const computed = kinds.includes(2)
    ? rowsOf<ComputedRow>(
        await db.execute(sql`
          select u.code as unit_code, (c.idx - 1)::int as idx, s.self_score::float8 as self,
            s.appraised_score::float8 as appraised, s.computed_value as measured, s.not_applicable as na
          from ri_scores s
            join ri_assessments a on a.id = s.assessment_id
            join units u on u.id = a.unit_id
            join ${leaves} c on c.code = s.criterion_code
          where a.cycle_id = ${cycleId} and c.kind = 2`),
      )
    : [];

  const unitIndex = new Map(unitCodes.map((c, i) => [c, i]));
  const cells = U * L;
  const value = new Int32Array(cells).fill(NONE);
  for (const r of rowsOf<PackedRow>(res)) {
    const u = unitIndex.get(r.unit_code);
    const v = view(r.cells);
    if (u === undefined || !v) continue;
    const base = u * L;
    for (let o = 0; o + REC <= v.byteLength; o += REC) value[base + v.getInt16(o)] = v.getInt32(o + 2);
  }
  for (const r of computed) {
    const u = unitIndex.get(r.unit_code);
    if (u === undefined) continue;
    const leaf = plan.leaves[r.idx]!;
    let v = NONE;
    if (r.na && leaf.allowNotApplicable) v = NA;
    else if (r.appraised !== null) v = toMilli(r.appraised);
    else if (r.measured !== null) {
      const outcome = scoreByRule(leaf.rule, leaf.maxPoints, leaf.rule.kind === 'yesNo' ? r.measured > 0 : r.measured);
      if (outcome.ok) v = toMilli(outcome.points);
    }
    if (v === NONE && r.self !== null) v = toMilli(r.self);
    value[u * L + r.idx] = v;
  }

  const points = new Int32Array(cells);
  const state = new Uint8Array(cells).fill(CELL_MISSING);
  const issues: ScoreIssue[] = [];
  for (let u = 0; u < U; u++) {
    const base = u * L;
    for (let l = 0; l < L; l++) {
      const cell = base + l;
      const v = value[cell]!;
      if (v === NA) state[cell] = CELL_NOT_APPLICABLE;
      else if (v === NONE) {
        issues.push({
          code: 'SCORE_MISSING',
          unitCode: unitCodes[u]!,
          criterionCode: plan.leaves[l]!.code,
          params: {},
        });
      } else {
        state[cell] = 0;
        points[cell] = Math.min(Math.max(v, 0), plan.leafMaxMilli[l]!);
      }
    }
  }
  return { matrix: { unitCount: U, leafCount: L, points, state }, issues };
}
