/**
 * The seed article through the public HTTP API: the demo seeder stores scores, publishes both
 * cycles and stores the engine's results; the expected literals are the article's.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type TestApp } from '../../../test/harness.ts';
import { DEMO_FRAMEWORK_CODES } from './demo/demo-data.ts';
import { demoResultsInput } from './demo/demo-results.ts';
import { buildScoreMatrix, compileFramework } from './domain/index.ts';
import { loadScoreMatrix } from './reform-index.matrix.ts';
import { cycleOfFramework } from './reform-index.repository.ts';
import { seedReformIndexDemo } from './reform-index.seed.ts';
import { riFrameworks } from './reform-index.table.ts';

describe.each(DB_KINDS)('reform index: the article through the public API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedReformIndexDemo });
  }, 300_000);
  afterAll(() => t?.close());

  it('Bắc Từ Liêm 2023: 94,27 %, 10th of 30, +0,64 points, areas 97,85 % (2/30), 96,38 % (2/30), 7,3 of 8 (7/30)', async () => {
    const res = await t.anon.get('/api/v1/reform-index/results?year=2023&group=HN-QHTX&unitCode=HN-BTL');
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1);
    const btl = res.body.results[0];
    expect(btl).toMatchObject({
      unitCode: 'HN-BTL',
      unitName: 'UBND quận Bắc Từ Liêm',
      groupId: 'HN-QHTX',
      percent: 94.27,
      rank: 10,
      rankOf: 30,
      deltaPercentPoints: 0.64,
      previousPercent: 93.63,
      band: 'A',
      inTopN: true,
    });
    const area = (name: RegExp) => btl.areas.find((a: { name: string }) => name.test(a.name));
    expect(btl.areas).toHaveLength(7);
    expect(area(/chỉ đạo, điều hành/i)).toMatchObject({ percent: 97.85, rank: 2, rankOf: 30 });
    expect(area(/chế độ công vụ/i)).toMatchObject({ percent: 96.38, rank: 2, rankOf: 30 });
    expect(area(/thể chế/i)).toMatchObject({ points: 7.3, maxPoints: 8, rank: 7, rankOf: 30 });
  });

  it('the 2023 district table: Đống Đa 96,3 first, Nam Từ Liêm and Hoàn Kiếm 95,7 tied second, Cầu Giấy 95,22 fourth, Phú Xuyên 91,61 last, average ≈ 94', async () => {
    const res = await t.anon.get('/api/v1/reform-index/results?year=2023&group=HN-QHTX');
    expect(res.status).toBe(200);
    const by = (code: string) => res.body.results.find((r: { unitCode: string }) => r.unitCode === code);
    expect(res.body.results).toHaveLength(30);
    expect(by('HN-DD')).toMatchObject({ percent: 96.3, rank: 1 });
    expect(by('HN-NTL')).toMatchObject({ percent: 95.7, rank: 2 });
    expect(by('HN-HK')).toMatchObject({ percent: 95.7, rank: 2 });
    expect(by('HN-CG')).toMatchObject({ percent: 95.22, rank: 4 });
    expect(by('HN-PX')).toMatchObject({ percent: 91.61, rank: 30 });
    expect(res.body.results[0].unitCode).toBe('HN-DD');
    const g = res.body.groups[0];
    expect(g).toMatchObject({ groupId: 'HN-QHTX', count: 30, highest: 96.3, lowest: 91.61 });
    expect(Math.round(g.average)).toBe(94);
  });

  it("Bắc Từ Liêm's blocks: departments + team 91,98 % (+4,23), wards 87,91 % (+1,59)", async () => {
    const res = await t.anon.get('/api/v1/reform-index/results?year=2023');
    expect(res.status).toBe(200);
    const block = (code: string) => res.body.blocks.find((b: { code: string }) => b.code === code);
    expect(block('departments')).toMatchObject({ count: 13, average: 91.98, deltaPercentPoints: 4.23 });
    expect(block('wards')).toMatchObject({ count: 13, average: 87.91, deltaPercentPoints: 1.59 });
    expect(res.body.groups.map((g: { groupId: string }) => g.groupId).sort()).toEqual([
      'HN-BTL-PCM',
      'HN-BTL-PHUONG',
      'HN-QHTX',
    ]);
  });

  it('writes the article lead and the unit profile over two years', async () => {
    const vi = await t.anon.get('/api/v1/reform-index/narrative?year=2023&unitCode=HN-BTL&lang=vi');
    expect(vi.status).toBe(200);
    expect(vi.body.text).toMatch(
      /^Năm 2023, UBND quận Bắc Từ Liêm đạt kết quả Chỉ số CCHC là 94,27% \(xếp thứ 10\/30 quận, huyện, thị xã\), tăng 0,64 điểm so với năm 2022/,
    );
    const en = await t.anon.get('/api/v1/reform-index/narrative?year=2023&unitCode=HN-BTL&lang=en');
    expect(en.body.text).toContain('94.27%');
    const profile = await t.anon.get('/api/v1/reform-index/units/HN-BTL/profile');
    expect(profile.status).toBe(200);
    expect(profile.body.years.map((y: { year: number; percent: number }) => [y.year, y.percent])).toEqual([
      [2022, 93.63],
      [2023, 94.27],
    ]);
    expect(profile.body.narrative).toContain('94,27%');
  });

  it('exports the results table (xlsx) and a PDF report, both public', async () => {
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/reform-index/results/export.xlsx?year=2023' });
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const p = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reform-index/results/report.pdf?year=2023&group=HN-QHTX',
    });
    expect(p.statusCode).toBe(200);
    expect(p.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows nothing for a year without published results, and validates the query', async () => {
    const none = await t.anon.get('/api/v1/reform-index/results?year=2021');
    expect(none.status).toBe(200);
    expect(none.body.results).toEqual([]);
    const bad = await t.anon.get('/api/v1/reform-index/results?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it('packs the stored scores into exactly the matrix the domain builds from the demo records', async () => {
    const db = t.database.db;
    for (const codes of Object.values(DEMO_FRAMEWORK_CODES)) {
      for (const code of Object.values(codes)) {
        const input = demoResultsInput(code);
        const plan = compileFramework(input.framework);
        const unitCodes = input.units.map((u) => u.code);
        const expected = buildScoreMatrix(plan, unitCodes, input);
        const [fw] = await db.select().from(riFrameworks).where(eq(riFrameworks.code, code));
        const cycle = await cycleOfFramework(db, fw!.id);
        const got = await loadScoreMatrix(db, cycle!.id, plan, unitCodes);
        expect(Array.from(got.matrix.state)).toEqual(Array.from(expected.matrix.state));
        expect(Array.from(got.matrix.points)).toEqual(Array.from(expected.matrix.points));
        expect(got.issues).toEqual([]);
      }
    }
  });
});
