import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { CELL_MISSING, CELL_NOT_APPLICABLE, CELL_SCORED, type Criterion, compileFramework } from './domain/index.ts';
import { loadScoreMatrix } from './reform-index.matrix.ts';
import * as repo from './reform-index.repository.ts';
import { pgArray } from './reform-index.repository.ts';

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

describe.each(DB_KINDS)('reform index: hand-written array literals of the results store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t?.dispose());

  it('reads back text with quotes, backslashes, commas, braces, blanks and the word NULL as written', async () => {
    const texts = ['Xã "Đông" Anh', 'a\\b', 'x,y', '{}', '', ' sp ', 'NULL', null, 'Phường Cát Linh'];
    const [row] = rowsOf<{ v: (string | null)[] }>(await t.db.execute(sql`select ${pgArray(texts)}::text[] as v`));
    expect(row!.v).toEqual(texts);
  });

  it('reads back numbers (decimals, negatives, nulls) and booleans as written', async () => {
    const nums = [94.27, -1.5, 0, null, 1e-7, 2147483647];
    const [n] = rowsOf<{ v: (number | null)[] }>(await t.db.execute(sql`select ${pgArray(nums)}::float8[] as v`));
    expect(n!.v).toEqual(nums);
    const [b] = rowsOf<{ v: (boolean | null)[] }>(
      await t.db.execute(sql`select ${pgArray([true, false, null])}::bool[] as v`),
    );
    expect(b!.v).toEqual([true, false, null]);
  });
});

describe.each(DB_KINDS)('reform index: score packs follow every score write on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t?.dispose());

  const leaf = (code: string, method: Criterion['method'], allowNotApplicable: boolean): Criterion => ({
    code,
    parentCode: 'A',
    name: code,
    maxPoints: 2,
    method,
    rule: { kind: 'free' },
    evidenceRequired: false,
    allowNotApplicable,
  });
  const criteria: Criterion[] = [
    { ...leaf('A', 'appraisal', false), parentCode: null, maxPoints: 6, rule: { kind: 'sum' } },
    leaf('A.1', 'appraisal', true),
    leaf('A.2', 'survey', false),
    leaf('A.3', 'appraisal', false),
  ];

  it('reads back what was written by insert, bulk upsert (new and over stored scores), update, raw SQL and delete', async () => {
    const db = t.db;
    const rows = <T>(r: unknown): T[] => rowsOf<T>(r);
    await db.execute(sql`insert into units (id, code, name, short_name, kind, path, depth)
      select id, 'PK-ROOT', 'Gốc', 'Gốc', 'province', '/' || id || '/', 0 from (select gen_random_uuid() as id) s`);
    await db.execute(sql`insert into units (id, code, name, short_name, kind, parent_id, path, depth, sort_order)
      select s.id, 'PK-' || i, 'Xã ' || i, 'Xã ' || i, 'commune', r.id, r.path || s.id || '/', 1, i
      from (select gen_random_uuid() as id, i from generate_series(1, 2) i) s, units r where r.code = 'PK-ROOT'`);
    const ids = rows<{ id: string; code: string }>(
      await db.execute(sql`select id, code from units where code in ('PK-1', 'PK-2') order by code`),
    );
    const group = await repo.insertGroup(db, {
      code: 'PK',
      year: 2023,
      name: 'PK',
      labelVi: 'xã',
      ownerUnitId: ids[0]!.id,
    });
    const fw = await repo.insertFramework(db, {
      groupId: group.id,
      year: 2023,
      code: 'PK-2023',
      name: 'PK',
      status: 'frozen',
    });
    await repo.replaceCriteria(db, fw.id, criteria);
    const cycle = await repo.insertCycle(db, {
      frameworkId: fw.id,
      name: 'PK',
      deadline: '2023-12-31',
      periodFrom: '2023-01-01',
      periodTo: '2023-12-31',
    });
    await repo.createAssessments(
      db,
      cycle.id,
      ids.map((u) => u.id),
    );
    const a1 = (await repo.assessmentOf(db, cycle.id, ids[0]!.id))!.id;
    const a2 = (await repo.assessmentOf(db, cycle.id, ids[1]!.id))!.id;

    const s11 = await repo.insertScore(db, { assessmentId: a1, criterionCode: 'A.1', selfScore: 1.5 });
    await repo.upsertScores(db, [
      { assessmentId: a1, criterionCode: 'A.3', selfScore: 2 },
      { assessmentId: a1, criterionCode: 'A.2', surveyPoints: 1.25 },
      { assessmentId: a2, criterionCode: 'A.1', selfScore: 1 },
      { assessmentId: a2, criterionCode: 'A.2', surveyPoints: 0.5 },
      { assessmentId: a2, criterionCode: 'A.3', selfScore: 0.5 },
    ]);
    // an upsert over a stored score (ON CONFLICT DO UPDATE fires the update trigger)
    await repo.upsertScores(db, [{ assessmentId: a1, criterionCode: 'A.3', appraisedScore: 1 }]);
    // the appraised score overrides the self-score; a not-applicable A.1 (allowed) leaves the maximum
    await repo.updateScore(db, s11!.id, undefined, { appraisedScore: 0.75 });
    await db.execute(
      sql`update ri_scores set not_applicable = true where assessment_id = ${a2} and criterion_code = 'A.1'`,
    );
    await db.execute(sql`delete from ri_scores where assessment_id = ${a2} and criterion_code = 'A.3'`);

    const plan = compileFramework({ code: fw.code, name: fw.name, year: 2023, criteria });
    const { matrix, issues } = await loadScoreMatrix(db, cycle.id, plan, ['PK-1', 'PK-2']);
    // leaves A.1, A.2, A.3; milli-points
    expect(Array.from(matrix.points)).toEqual([750, 1250, 1000, 0, 500, 0]);
    expect(Array.from(matrix.state)).toEqual([
      CELL_SCORED,
      CELL_SCORED,
      CELL_SCORED,
      CELL_NOT_APPLICABLE,
      CELL_SCORED,
      CELL_MISSING,
    ]);
    expect(issues).toEqual([{ code: 'SCORE_MISSING', unitCode: 'PK-2', criterionCode: 'A.3', params: {} }]);

    // storing a measured value (every assessment, at each recompute with computed criteria)
    // leaves the pack row alone: same row version before and after
    const version = async () =>
      rows<{ v: string }>(
        await db.execute(sql`select xmin::text as v from ri_score_packs where assessment_id = ${a1}`),
      )[0]!.v;
    const before = await version();
    await repo.setComputed(db, [
      { assessmentId: a1, criterionCode: 'A.3', value: 0.5, snapshot: { status: 'measured' } },
    ]);
    expect(await version()).toBe(before);
    await repo.upsertScores(db, [{ assessmentId: a1, criterionCode: 'A.3', appraisedScore: 1.5 }]);
    expect(await version()).not.toBe(before);

    // every score of an assessment deleted: its pack goes too
    await db.execute(sql`delete from ri_scores where assessment_id = ${a2}`);
    const left = rows<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from ri_score_packs where assessment_id = ${a2}`),
    );
    expect(left[0]!.n).toBe(0);
    const again = await loadScoreMatrix(db, cycle.id, plan, ['PK-1', 'PK-2']);
    expect(Array.from(again.matrix.state.subarray(3))).toEqual([CELL_MISSING, CELL_MISSING, CELL_MISSING]);
  });
});
