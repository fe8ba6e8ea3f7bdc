/** Drizzle queries of the reform index; each takes the database or a transaction first. */
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { units } from '../org/org.table.ts';
import type { Criterion } from './domain/index.ts';
import {
  riAreaResults,
  riAssessments,
  riCorrections,
  riCriteria,
  riCycles,
  riEvidence,
  riFrameworks,
  riPeerGroups,
  riPeerGroupUnits,
  riResults,
  riScores,
  riSummaries,
} from './reform-index.table.ts';

export type GroupRow = typeof riPeerGroups.$inferSelect;
export type FrameworkRow = typeof riFrameworks.$inferSelect;
export type CycleRow = typeof riCycles.$inferSelect;
export type AssessmentRow = typeof riAssessments.$inferSelect;
export type ScoreRow = typeof riScores.$inferSelect;
export type ResultRow = typeof riResults.$inferSelect;
export type AreaResultRow = typeof riAreaResults.$inferSelect;

const p = (v: unknown) => sql.param(v);
const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

// ---- peer groups ----
export async function insertGroup(db: DbOrTx, v: typeof riPeerGroups.$inferInsert) {
  const [row] = await db.insert(riPeerGroups).values(v).returning();
  return row!;
}
export async function insertGroupUnits(db: DbOrTx, rows: (typeof riPeerGroupUnits.$inferInsert)[]) {
  if (rows.length) await db.insert(riPeerGroupUnits).values(rows);
}
export async function getGroup(db: DbOrTx, id: string) {
  const [row] = await db.select().from(riPeerGroups).where(eq(riPeerGroups.id, id)).limit(1);
  return row;
}
export async function getGroupByCode(db: DbOrTx, code: string, year: number) {
  const [row] = await db
    .select()
    .from(riPeerGroups)
    .where(and(eq(riPeerGroups.code, code), eq(riPeerGroups.year, year)))
    .limit(1);
  return row;
}
export async function listGroups(db: DbOrTx, year?: number) {
  return db
    .select()
    .from(riPeerGroups)
    .where(year ? eq(riPeerGroups.year, year) : undefined)
    .orderBy(desc(riPeerGroups.year), asc(riPeerGroups.code));
}

export interface MemberRow {
  unitId: string;
  code: string;
  name: string;
  shortName: string;
  nameEn: string | null;
  path: string;
  block: string;
}
export async function groupMembers(db: DbOrTx, groupId: string): Promise<MemberRow[]> {
  return db
    .select({
      unitId: units.id,
      code: units.code,
      name: units.name,
      shortName: units.shortName,
      nameEn: units.nameEn,
      path: units.path,
      block: sql<string>`coalesce(${riPeerGroupUnits.block}, '')`,
    })
    .from(riPeerGroupUnits)
    .innerJoin(units, eq(units.id, riPeerGroupUnits.unitId))
    .where(eq(riPeerGroupUnits.groupId, groupId))
    .orderBy(asc(riPeerGroupUnits.sortOrder), asc(units.code));
}

// ---- frameworks and criteria ----
export async function insertFramework(db: DbOrTx, v: typeof riFrameworks.$inferInsert) {
  const [row] = await db.insert(riFrameworks).values(v).returning();
  return row!;
}
export async function getFramework(db: DbOrTx, id: string) {
  const [row] = await db.select().from(riFrameworks).where(eq(riFrameworks.id, id)).limit(1);
  return row;
}
export async function frameworkOfGroup(db: DbOrTx, groupId: string) {
  const [row] = await db.select().from(riFrameworks).where(eq(riFrameworks.groupId, groupId)).limit(1);
  return row;
}
export async function listFrameworks(db: DbOrTx) {
  return db.select().from(riFrameworks).orderBy(desc(riFrameworks.year), asc(riFrameworks.code));
}
export async function updateFramework(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<typeof riFrameworks.$inferInsert>,
) {
  const [row] = await db
    .update(riFrameworks)
    .set({ ...set, version: sql`${riFrameworks.version} + 1` })
    .where(and(eq(riFrameworks.id, id), eq(riFrameworks.version, version)))
    .returning();
  return row;
}

/** Replaces a framework's criteria in one multi-row insert (chunked under the parameter limit). */
export async function replaceCriteria(db: DbOrTx, frameworkId: string, criteria: readonly Criterion[]) {
  await db.delete(riCriteria).where(eq(riCriteria.frameworkId, frameworkId));
  const rows = criteria.map((c, i) => ({
    frameworkId,
    code: c.code,
    parentCode: c.parentCode,
    name: c.name,
    nameEn: c.nameEn ?? null,
    sortOrder: i,
    maxPoints: c.maxPoints,
    method: c.method,
    rule: c.rule,
    evidenceRequired: c.evidenceRequired,
    allowNotApplicable: c.allowNotApplicable,
    metricKey: c.metricKey ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(riCriteria).values(rows.slice(i, i + 1000));
}

export async function listCriteria(db: DbOrTx, frameworkId: string): Promise<Criterion[]> {
  const rows = await db
    .select()
    .from(riCriteria)
    .where(eq(riCriteria.frameworkId, frameworkId))
    .orderBy(asc(riCriteria.sortOrder));
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    name: r.name,
    ...(r.nameEn ? { nameEn: r.nameEn } : {}),
    maxPoints: Number(r.maxPoints),
    method: r.method as Criterion['method'],
    rule: r.rule as Criterion['rule'],
    evidenceRequired: r.evidenceRequired,
    allowNotApplicable: r.allowNotApplicable,
    ...(r.metricKey ? { metricKey: r.metricKey } : {}),
  }));
}

// ---- cycles ----
export async function insertCycle(db: DbOrTx, v: typeof riCycles.$inferInsert) {
  const [row] = await db.insert(riCycles).values(v).returning();
  return row!;
}
export async function getCycle(db: DbOrTx, id: string) {
  const [row] = await db.select().from(riCycles).where(eq(riCycles.id, id)).limit(1);
  return row;
}
export async function cycleOfFramework(db: DbOrTx, frameworkId: string) {
  const [row] = await db.select().from(riCycles).where(eq(riCycles.frameworkId, frameworkId)).limit(1);
  return row;
}
export async function listCycles(db: DbOrTx) {
  return db
    .select({ cycle: riCycles, framework: riFrameworks, group: riPeerGroups })
    .from(riCycles)
    .innerJoin(riFrameworks, eq(riFrameworks.id, riCycles.frameworkId))
    .innerJoin(riPeerGroups, eq(riPeerGroups.id, riFrameworks.groupId))
    .orderBy(desc(riFrameworks.year), asc(riPeerGroups.code));
}
export async function setCycle(db: DbOrTx, id: string, set: Partial<typeof riCycles.$inferInsert>) {
  const [row] = await db
    .update(riCycles)
    .set({ ...set, version: sql`${riCycles.version} + 1` })
    .where(eq(riCycles.id, id))
    .returning();
  return row!;
}

/** Published cycles of a year (optionally one group code), with framework and group. */
export async function publishedCycles(db: DbOrTx, f: { year?: number; groupCode?: string }) {
  const conds = [eq(riCycles.status, 'published')];
  if (f.year) conds.push(eq(riFrameworks.year, f.year));
  if (f.groupCode) conds.push(eq(riPeerGroups.code, f.groupCode));
  return db
    .select({ cycle: riCycles, framework: riFrameworks, group: riPeerGroups })
    .from(riCycles)
    .innerJoin(riFrameworks, eq(riFrameworks.id, riCycles.frameworkId))
    .innerJoin(riPeerGroups, eq(riPeerGroups.id, riFrameworks.groupId))
    .where(and(...conds))
    .orderBy(asc(riFrameworks.year), asc(riPeerGroups.code));
}

// ---- assessments and scores ----
export async function createAssessments(db: DbOrTx, cycleId: string, unitIds: readonly string[]) {
  if (!unitIds.length) return;
  await db.execute(sql`insert into ri_assessments (cycle_id, unit_id)
    select ${cycleId}::uuid, u from unnest(${p(unitIds)}::uuid[]) as u on conflict do nothing`);
}
export async function getAssessment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(riAssessments).where(eq(riAssessments.id, id)).limit(1);
  return row;
}
export async function assessmentOf(db: DbOrTx, cycleId: string, unitId: string) {
  const [row] = await db
    .select()
    .from(riAssessments)
    .where(and(eq(riAssessments.cycleId, cycleId), eq(riAssessments.unitId, unitId)))
    .limit(1);
  return row;
}
export async function listAssessments(db: DbOrTx, cycleId: string) {
  return db
    .select({ a: riAssessments, unitCode: units.code, unitName: units.name, unitPath: units.path })
    .from(riAssessments)
    .innerJoin(units, eq(units.id, riAssessments.unitId))
    .where(eq(riAssessments.cycleId, cycleId))
    .orderBy(asc(units.sortOrder), asc(units.code));
}
export async function setAssessment(
  db: DbOrTx,
  id: string,
  set: Partial<typeof riAssessments.$inferInsert>,
  version?: number,
) {
  const [row] = await db
    .update(riAssessments)
    .set({ ...set, version: sql`${riAssessments.version} + 1` })
    .where(
      version === undefined
        ? eq(riAssessments.id, id)
        : and(eq(riAssessments.id, id), eq(riAssessments.version, version)),
    )
    .returning();
  return row;
}
export async function setAssessmentsOfCycle(db: DbOrTx, cycleId: string, fromStatus: string[], status: string) {
  await db
    .update(riAssessments)
    .set({ status, version: sql`${riAssessments.version} + 1` })
    .where(and(eq(riAssessments.cycleId, cycleId), inArray(riAssessments.status, fromStatus)));
}

export async function scoresOf(db: DbOrTx, assessmentId: string) {
  return db.select().from(riScores).where(eq(riScores.assessmentId, assessmentId));
}
export async function getScore(db: DbOrTx, assessmentId: string, criterionCode: string) {
  const [row] = await db
    .select()
    .from(riScores)
    .where(and(eq(riScores.assessmentId, assessmentId), eq(riScores.criterionCode, criterionCode)))
    .limit(1);
  return row;
}
export async function insertScore(db: DbOrTx, v: typeof riScores.$inferInsert) {
  const [row] = await db.insert(riScores).values(v).onConflictDoNothing().returning();
  return row;
}
/** Updates a score if its version still matches; undefined when someone else changed it first. */
export async function updateScore(
  db: DbOrTx,
  id: string,
  version: number | undefined,
  set: Partial<typeof riScores.$inferInsert>,
) {
  const [row] = await db
    .update(riScores)
    .set({ ...set, version: sql`${riScores.version} + 1` })
    .where(version === undefined ? eq(riScores.id, id) : and(eq(riScores.id, id), eq(riScores.version, version)))
    .returning();
  return row;
}

export interface BulkScore {
  assessmentId: string;
  criterionCode: string;
  selfScore?: number | null;
  appraisedScore?: number | null;
  appraisalReason?: string | null;
  surveyPoints?: number | null;
  notApplicable?: boolean;
}
/** Multi-row upsert of scores through unnest (one statement per 20,000 rows). */
export async function upsertScores(db: DbOrTx, rows: readonly BulkScore[]) {
  for (let i = 0; i < rows.length; i += 20000) {
    const part = rows.slice(i, i + 20000);
    await db.execute(sql`insert into ri_scores
      (assessment_id, criterion_code, self_score, appraised_score, appraisal_reason, survey_points, not_applicable)
      select * from unnest(${p(part.map((r) => r.assessmentId))}::uuid[], ${p(part.map((r) => r.criterionCode))}::text[],
        ${p(part.map((r) => r.selfScore ?? null))}::numeric[], ${p(part.map((r) => r.appraisedScore ?? null))}::numeric[],
        ${p(part.map((r) => r.appraisalReason ?? null))}::text[], ${p(part.map((r) => r.surveyPoints ?? null))}::numeric[],
        ${p(part.map((r) => r.notApplicable ?? false))}::boolean[])
      on conflict (assessment_id, criterion_code) do update set
        self_score = coalesce(excluded.self_score, ri_scores.self_score),
        appraised_score = coalesce(excluded.appraised_score, ri_scores.appraised_score),
        appraisal_reason = coalesce(excluded.appraisal_reason, ri_scores.appraisal_reason),
        survey_points = coalesce(excluded.survey_points, ri_scores.survey_points),
        not_applicable = excluded.not_applicable or ri_scores.not_applicable,
        version = ri_scores.version + 1`);
  }
}

export interface CycleScoreRow {
  unit_code: string;
  criterion_code: string;
  self_score: string | null;
  appraised_score: string | null;
  survey_points: string | null;
  not_applicable: boolean;
  computed_value: number | null;
}
/** Every stored score of a cycle, flat (the results engine's input). */
export async function cycleScores(db: DbOrTx, cycleId: string): Promise<CycleScoreRow[]> {
  return rowsOf<CycleScoreRow>(
    await db.execute(sql`select u.code as unit_code, s.criterion_code, s.self_score, s.appraised_score, s.survey_points,
        s.not_applicable, s.computed_value
      from ri_scores s join ri_assessments a on a.id = s.assessment_id join units u on u.id = a.unit_id
      where a.cycle_id = ${cycleId}`),
  );
}

export async function setComputed(
  db: DbOrTx,
  rows: { assessmentId: string; criterionCode: string; value: number | null; snapshot: unknown }[],
) {
  if (!rows.length) return;
  await db.execute(sql`insert into ri_scores (assessment_id, criterion_code, computed_value, metric_snapshot)
    select a, c, v, s::jsonb from unnest(${p(rows.map((r) => r.assessmentId))}::uuid[], ${p(rows.map((r) => r.criterionCode))}::text[],
      ${p(rows.map((r) => r.value))}::float8[], ${p(rows.map((r) => JSON.stringify(r.snapshot)))}::text[]) as t(a, c, v, s)
    on conflict (assessment_id, criterion_code) do update set computed_value = excluded.computed_value,
      metric_snapshot = excluded.metric_snapshot`);
}

// ---- evidence ----
export async function insertEvidence(db: DbOrTx, v: typeof riEvidence.$inferInsert) {
  const [row] = await db.insert(riEvidence).values(v).returning();
  return row!;
}
export async function evidenceOf(db: DbOrTx, assessmentId: string) {
  return db
    .select()
    .from(riEvidence)
    .where(eq(riEvidence.assessmentId, assessmentId))
    .orderBy(asc(riEvidence.createdAt));
}
export async function getEvidence(db: DbOrTx, id: string) {
  const [row] = await db.select().from(riEvidence).where(eq(riEvidence.id, id)).limit(1);
  return row;
}

// ---- results ----
/**
 * A PostgreSQL array literal written by hand: one string per column instead of node-postgres's
 * per-element conversion (a third of a second for the 28,000 area rows of 3,500 units).
 * Numbers and booleans as they print, null as NULL, text quoted.
 */
export function pgArray(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (typeof v === 'number')
      parts[i] = Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else parts[i] = `"${String(v).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/** Columns of stored results: [column, PostgreSQL type, values (one per row)]. */
export type ResultColumn = readonly [column: string, pgType: string, values: readonly unknown[]];

/**
 * One insert of `cols` (each column one array parameter, unnested) with the cycle id once and the
 * unit id looked up from `unitIds` by the 1-based `unitIndex` of each row (a uuid is not repeated
 * on every one of a unit's area rows).
 */
async function insertResultRows(
  db: DbOrTx,
  table: string,
  cycleId: string,
  unitIds: readonly string[],
  unitIndex: readonly number[],
  cols: readonly ResultColumn[],
) {
  if (!unitIndex.length) return;
  const names = sql.raw(cols.map((c) => c[0]).join(', '));
  const alias = sql.raw(['unit_index', ...cols.map((c) => c[0])].join(', '));
  const arrays = sql.join(
    [sql`${p(pgArray(unitIndex))}::int4[]`, ...cols.map((c) => sql`${p(pgArray(c[2]))}::${sql.raw(c[1])}[]`)],
    sql`, `,
  );
  await db.execute(sql`insert into ${sql.raw(table)} (cycle_id, unit_id, ${names})
    select ${cycleId}::uuid, u.id, ${names}
    from unnest(${arrays}) as t(${alias})
      join unnest(${p(pgArray(unitIds))}::uuid[]) with ordinality as u(id, i) on u.i = t.unit_index`);
}

/**
 * Replaces the stored results of a cycle (call inside the transaction that stores them): one
 * delete per table, then one insert for the unit rows and one for the area rows, whatever the
 * number of units. `results`/`areas` are columns of equal length; `*.unitIndex` is 1-based in
 * `unitIds`.
 */
export async function replaceResults(
  db: DbOrTx,
  cycleId: string,
  unitIds: readonly string[],
  results: { unitIndex: readonly number[]; cols: readonly ResultColumn[] },
  areas: { unitIndex: readonly number[]; cols: readonly ResultColumn[] },
  summaries: (typeof riSummaries.$inferInsert)[],
) {
  await db.delete(riResults).where(eq(riResults.cycleId, cycleId));
  await db.delete(riAreaResults).where(eq(riAreaResults.cycleId, cycleId));
  await db.delete(riSummaries).where(eq(riSummaries.cycleId, cycleId));
  await insertResultRows(db, 'ri_results', cycleId, unitIds, results.unitIndex, results.cols);
  await insertResultRows(db, 'ri_area_results', cycleId, unitIds, areas.unitIndex, areas.cols);
  if (summaries.length) await db.insert(riSummaries).values(summaries);
}

export async function resultsOfCycles(db: DbOrTx, cycleIds: string[], unitCode?: string) {
  if (!cycleIds.length) return [];
  const conds = [inArray(riResults.cycleId, cycleIds)];
  if (unitCode) conds.push(eq(riResults.unitCode, unitCode));
  return db
    .select({ r: riResults, name: units.name, shortName: units.shortName, nameEn: units.nameEn })
    .from(riResults)
    .innerJoin(units, eq(units.id, riResults.unitId))
    .where(and(...conds))
    .orderBy(asc(riResults.rank), asc(units.sortOrder));
}
export async function areaResultsOfCycles(db: DbOrTx, cycleIds: string[], unitIds?: string[]) {
  if (!cycleIds.length) return [];
  const conds = [inArray(riAreaResults.cycleId, cycleIds)];
  if (unitIds)
    conds.push(inArray(riAreaResults.unitId, unitIds.length ? unitIds : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select()
    .from(riAreaResults)
    .where(and(...conds))
    .orderBy(asc(riAreaResults.sortOrder));
}
export async function summariesOfCycles(db: DbOrTx, cycleIds: string[]) {
  if (!cycleIds.length) return [];
  return db.select().from(riSummaries).where(inArray(riSummaries.cycleId, cycleIds));
}

export async function insertCorrection(db: DbOrTx, v: typeof riCorrections.$inferInsert) {
  const [row] = await db.insert(riCorrections).values(v).returning();
  return row!;
}
export async function correctionsOf(db: DbOrTx, cycleId: string) {
  // the unit's code and name travel with each correction: the list is read by people, not by ids
  return db
    .select({ ...getTableColumns(riCorrections), unitCode: units.code, unitName: units.name })
    .from(riCorrections)
    .innerJoin(units, eq(units.id, riCorrections.unitId))
    .where(eq(riCorrections.cycleId, cycleId))
    .orderBy(desc(riCorrections.at));
}
