/**
 * Demo data of the reform index: the 2022 and 2023 frameworks of Hà Nội's districts and of Bắc Từ
 * Liêm's departments and wards, with every criterion-level score of the demo data set, stored
 * through the repositories; both cycles published and their results computed by the engine and
 * stored. The article's figures (Bắc Từ Liêm 94,27 %, 10/30, +0,64 …) come out of the scores.
 * Scores are synthetic where the real ones are not public (see demo/README.md).
 */
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../platform/http/types.ts';
import { getUnitByCode } from '../org/org.repository.ts';
import { DEMO_FRAMEWORK_CODES, demoData, demoFramework } from './demo/demo-data.ts';
import { DEMO_BANDS, DEMO_TOP_N } from './demo/demo-results.ts';
import { DEMO_BLOCK_LABELS, type DemoBlock } from './demo/demo-units.ts';
import * as repo from './reform-index.repository.ts';
import { recomputeCycle } from './reform-index.results.ts';

/** The demo's peer groups: code (stable across years), owner unit, names. */
export const DEMO_GROUPS: Record<DemoBlock, { code: string; owner: string; name: string; nameEn: string }> = {
  districts: {
    code: 'HN-QHTX',
    owner: 'HN',
    name: 'Chỉ số CCHC các quận, huyện, thị xã',
    nameEn: 'PAR Index of districts, towns and rural districts',
  },
  departments: {
    code: 'HN-BTL-PCM',
    owner: 'HN-BTL',
    name: 'Chỉ số CCHC các phòng chuyên môn và Đội Quản lý TTXD đô thị quận Bắc Từ Liêm',
    nameEn: 'PAR Index of Bắc Từ Liêm district divisions and the construction-order team',
  },
  wards: {
    code: 'HN-BTL-PHUONG',
    owner: 'HN-BTL',
    name: 'Chỉ số CCHC các phường quận Bắc Từ Liêm',
    nameEn: 'PAR Index of Bắc Từ Liêm wards',
  },
};

/** Announcement dates: 23/3/2023 (2022 results), 20/2/2024 (2023 results); the district's own a little later. */
const PUBLISHED_ON: Record<number, string> = { 2022: '2023-03-23', 2023: '2024-02-20' };

async function seedCycle(db: Db, block: DemoBlock, year: 2022 | 2023) {
  const g = DEMO_GROUPS[block];
  const owner = await getUnitByCode(db, g.owner);
  if (!owner) throw new Error(`demo owner unit ${g.owner} missing`);
  const framework = demoFramework(DEMO_FRAMEWORK_CODES[block][year]);
  const unitList = demoData.units.filter((u) => u.block === block);
  const ids = new Map<string, string>();
  for (const u of unitList) {
    const row = await getUnitByCode(db, u.code);
    if (!row) throw new Error(`demo unit ${u.code} missing`);
    ids.set(u.code, row.id);
  }
  const cycleId = await db.transaction(async (txx) => {
    const tx = txx as unknown as Db;
    const group = await repo.insertGroup(tx, {
      code: g.code,
      year,
      name: `${g.name} năm ${year}`,
      nameEn: `${g.nameEn} ${year}`,
      labelVi: DEMO_BLOCK_LABELS[block].vi,
      labelEn: DEMO_BLOCK_LABELS[block].en,
      ownerUnitId: owner.id,
    });
    await repo.insertGroupUnits(
      tx,
      unitList.map((u, i) => ({ groupId: group.id, unitId: ids.get(u.code)!, block, sortOrder: i })),
    );
    const fw = await repo.insertFramework(tx, {
      groupId: group.id,
      year,
      code: framework.code,
      name: framework.name,
      nameEn: framework.nameEn ?? null,
      status: 'frozen',
      bands: [...DEMO_BANDS],
      topN: DEMO_TOP_N[block] ?? null,
    });
    await repo.replaceCriteria(tx, fw.id, framework.criteria);
    const cycle = await repo.insertCycle(tx, {
      frameworkId: fw.id,
      name: `Kỳ đánh giá Chỉ số CCHC năm ${year}`,
      deadline: `${year}-11-30`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      status: 'published',
      publishedOn: PUBLISHED_ON[year]!,
    });
    await repo.createAssessments(tx, cycle.id, [...ids.values()]);
    const assessments = new Map((await repo.listAssessments(tx, cycle.id)).map((a) => [a.unitCode, a.a.id]));
    const mine = <T extends { frameworkCode: string }>(rows: readonly T[]) =>
      rows.filter((r) => r.frameworkCode === framework.code);
    const bulk: repo.BulkScore[] = mine(demoData.scores).map((s) => ({
      assessmentId: assessments.get(s.unitCode)!,
      criterionCode: s.criterionCode,
      selfScore: s.selfScore ?? null,
      appraisedScore: s.appraisedScore ?? null,
      appraisalReason:
        s.appraisedScore != null && s.appraisedScore !== s.selfScore ? 'Điều chỉnh theo tài liệu kiểm chứng' : null,
      notApplicable: s.notApplicable ?? false,
    }));
    for (const s of mine(demoData.surveyScores)) {
      bulk.push({ assessmentId: assessments.get(s.unitCode)!, criterionCode: s.criterionCode, surveyPoints: s.points });
    }
    await repo.upsertScores(tx, bulk);
    // measured values are kept as the snapshot taken when the cycle was closed
    const computed = framework.criteria.filter((c) => c.method === 'computed' && c.metricKey);
    const snapshots = mine(demoData.computedInputs).flatMap((m) =>
      computed
        .filter((c) => c.metricKey === m.metricKey)
        .map((c) => ({
          assessmentId: assessments.get(m.unitCode)!,
          criterionCode: c.code,
          value: typeof m.value === 'boolean' ? (m.value ? 1 : 0) : m.value,
          snapshot: {
            status: 'snapshot',
            metricKey: m.metricKey,
            value: m.value,
            source: 'demo data set',
            at: `${year + 1}-01-15`,
          },
        })),
    );
    await repo.setComputed(tx, snapshots);
    await repo.setAssessmentsOfCycle(tx, cycle.id, ['DRAFT'], 'APPROVED');
    return cycle.id;
  });
  await recomputeCycle(db, cycleId);
}

export async function seedReformIndexDemo(deps: Deps) {
  const db = deps.database.db;
  for (const year of [2022, 2023] as const) {
    for (const block of ['districts', 'departments', 'wards'] as const) await seedCycle(db, block, year);
  }
}
