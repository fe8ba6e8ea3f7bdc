/**
 * Stored scores → the engine's dense score matrix without one JavaScript object per score, and
 * without touching the 875,000 score rows of 3,500 units at recompute time: every assessment's
 * scores are kept packed in one `ri_score_packs` row by statement triggers on ri_scores
 * (migration 0014, in the transaction that writes the scores), so a recompute reads 3,500 rows —
 * the sorted criterion codes and, per code, a flags byte and big-endian int4 milli-points — and
 * decodes them here. Units with the same codes (nearly all) share one code → leaf lookup.
 *
 * The final score of a cell follows the domain's rule (score-matrix.ts): survey → survey points;
 * appraised score if any; computed → the rule applied to the measured value; else the self-score;
 * "không áp dụng" only where the criterion allows it; values are clamped into 0..max. Computed
 * criteria are read from ri_scores themselves (few rows; their rule runs in the domain).
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
/** a not-applicable cell (only where the criterion allows it) */
const NA = -2147483647;
/** flags byte of a packed cell */
const FLAG_NA = 1;
const FLAG_SURVEY = 2;
/** separator of the packed criterion codes (U+001F, as in migration 0014) */
const SEP = '\u001f';

interface PackRow {
  unit_code: string;
  codes: string;
  /** base64: decoded by Buffer far faster than either driver parses bytea (PGlite: 1.2 s → 0.1 s) */
  cells: string;
}
interface ComputedRow {
  unit_code: string;
  idx: number;
  self: number | null;
  appraised: number | null;
  measured: number | null;
  na: boolean;
}

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
  const packs = rowsOf<PackRow>(
    await db.execute(sql`select u.code as unit_code, p.codes, encode(p.cells, 'base64') as cells
      from ri_assessments a join ri_score_packs p on p.assessment_id = a.id join units u on u.id = a.unit_id
      where a.cycle_id = ${cycleId}`),
  );
  // Computed leaves: their rule needs the self, appraised and measured values apart. The plan's
  // leaves are matched to the framework's ri_criteria rows in a subquery kept apart by `offset 0`
  // (joined straight from the unnested parameter, which has no statistics, the planner would hash
  // the scores instead of the criteria).
  const computed = kinds.includes(2)
    ? rowsOf<ComputedRow>(
        await db.execute(sql`
          select u.code as unit_code, (c.idx - 1)::int as idx, s.self_score::float8 as self,
            s.appraised_score::float8 as appraised, s.computed_value as measured, s.not_applicable as na
          from ri_scores s
            join ri_assessments a on a.id = s.assessment_id
            join units u on u.id = a.unit_id
            join (select c.code, x.kind, x.idx
              from ri_cycles y join ri_criteria c on c.framework_id = y.framework_id
                join unnest(${sql.param(codes)}::text[], ${sql.param(kinds)}::int[])
                  with ordinality as x(code, kind, idx) on x.code = c.code
              where y.id = ${cycleId} offset 0) c on c.code = s.criterion_code
          where a.cycle_id = ${cycleId} and c.kind = 2`),
      )
    : [];

  const unitIndex = new Map(unitCodes.map((c, i) => [c, i]));
  const cells = U * L;
  const value = new Int32Array(cells).fill(NONE);
  // packed code list → leaf index per position (-1: not a leaf of the plan, or computed)
  const leavesOf = new Map<string, Int32Array>();
  for (const r of packs) {
    const u = unitIndex.get(r.unit_code);
    if (u === undefined || !r.codes) continue;
    let leafAt = leavesOf.get(r.codes);
    if (!leafAt) {
      const list = r.codes.split(SEP);
      leafAt = new Int32Array(list.length);
      for (let j = 0; j < list.length; j++) {
        const l = plan.leafIndex.get(list[j]!);
        leafAt[j] = l === undefined || kinds[l] === 2 ? -1 : l;
      }
      leavesOf.set(r.codes, leafAt);
    }
    const b = Buffer.from(r.cells, 'base64');
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const base = u * L;
    let o = 0;
    for (let j = 0; j < leafAt.length; j++) {
      const flags = b[o]!;
      const main = v.getInt32(o + 1);
      let survey = NONE;
      o += 5;
      if (flags & FLAG_SURVEY) {
        survey = v.getInt32(o);
        o += 4;
      }
      const l = leafAt[j]!;
      if (l < 0) continue;
      value[base + l] = flags & FLAG_NA && allowNa[l] ? NA : kinds[l] === 1 ? survey : main;
    }
    // criterion codes are [A-Za-z0-9._-]; a code holding the separator would misalign the cells
    if (o !== b.byteLength) throw new Error(`score pack of ${r.unit_code} does not match its codes`);
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
