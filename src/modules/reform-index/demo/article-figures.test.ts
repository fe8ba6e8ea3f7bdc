/**
 * The seed article's figures, computed by the real engine from the demo's criterion-level scores.
 * Literal values are the article's (seed-article-vi.txt) and the domain reference's (A3, A4).
 */
import { describe, expect, it } from 'vitest';
import { narrateGroup, narrateUnit } from '../domain/narrative.ts';
import { computeDemoResults } from './demo-results.ts';
import { DEMO_BLOCK_LABELS, demoUnit } from './demo-units.ts';
import { DISTRICT_AREA } from './frameworks/district-framework.ts';

const results = computeDemoResults();
const districts2023 = results['HN-QHTX-2023']!;
const districts2022 = results['HN-QHTX-2022']!;
const unit = (code: string, out = districts2023) => out.units.find((u) => u.unitCode === code)!;
const area = (code: string, areaCode: string) => unit(code).areas.find((a) => a.code === areaCode)!;

describe('the article, computed', () => {
  it('has no data problems in any demo framework', () => {
    for (const out of Object.values(results)) expect(out.issues).toEqual([]);
  });

  it('UBND quận Bắc Từ Liêm: 94,27 %, 10th of 30, +0,64 against 2022, in the top 10', () => {
    const btl = unit('HN-BTL');
    expect(btl.indexPct).toBe(94.27);
    expect(btl.rank).toBe(10);
    expect(btl.rankOf).toBe(30);
    expect(btl.indexChange).toBe(0.64);
    expect(btl.previousIndexPct).toBe(93.63);
    expect(btl.inTopN).toBe(true);
    expect(btl.previousInTopN).toBe(true); // "giữ vị trí trong nhóm 10"
    expect(btl.band).toBe('A');
  });

  it('7 areas; chỉ đạo, điều hành 97,85 % and công vụ 96,38 %, both 2nd of 30', () => {
    expect(districts2023.areas).toHaveLength(7);
    expect(area('HN-BTL', DISTRICT_AREA.direction)).toMatchObject({ pct: 97.85, rank: 2, rankOf: 30 });
    expect(area('HN-BTL', DISTRICT_AREA.civilService)).toMatchObject({ pct: 96.38, rank: 2, rankOf: 30 });
  });

  it('cải cách thể chế 7,3 of 8 points (91,25 %), 7th of 30', () => {
    const inst = area('HN-BTL', DISTRICT_AREA.institutions);
    expect(districts2023.areas.find((a) => a.code === DISTRICT_AREA.institutions)!.maxPoints).toBe(8);
    expect(inst).toMatchObject({ points: 7.3, applicableMax: 8, pct: 91.25, rank: 7 });
    expect((7.3 / 8) * 100).toBe(91.25);
  });

  it('the 2023 district table: Đống Đa 1st, Nam Từ Liêm and Hoàn Kiếm tied 2nd, Cầu Giấy 4th, Phú Xuyên last', () => {
    expect(unit('HN-DD')).toMatchObject({ indexPct: 96.3, rank: 1 });
    expect(unit('HN-NTL')).toMatchObject({ indexPct: 95.7, rank: 2 });
    expect(unit('HN-HK')).toMatchObject({ indexPct: 95.7, rank: 2 });
    expect(unit('HN-CG')).toMatchObject({ indexPct: 95.22, rank: 4 });
    expect(unit('HN-LB').rank).toBe(12);
    expect(unit('HN-PX')).toMatchObject({ indexPct: 91.61, rank: 30 });
    const g = districts2023.groups[0]!;
    expect(g.count).toBe(30);
    expect(Math.round(g.averagePct!)).toBe(94);
    expect(g.averagePct).toBe(94.01);
    expect(g.averageChange).toBe(1.26); // reported "94 %, +1,26"
    expect(g.highestUnitCodes).toEqual(['HN-DD']);
    expect(g.lowestUnitCodes).toEqual(['HN-PX']);
  });

  it('2022: Hoàn Kiếm first with 96,08 %, district average 92,75 %', () => {
    expect(unit('HN-HK', districts2022)).toMatchObject({ indexPct: 96.08, rank: 1 });
    expect(districts2022.groups[0]!.averagePct).toBe(92.75);
    expect(unit('HN-BTL', districts2022).indexPct).toBe(93.63);
  });

  it("Bắc Từ Liêm's departments and team: 13 units, average 91,98 %, +4,23", () => {
    const block = results['HN-BTL-PCM-2023']!.blocks.find((b) => b.code === 'departments')!;
    expect(block).toMatchObject({ count: 13, averagePct: 91.98, averageChange: 4.23, previousAveragePct: 87.75 });
  });

  it("Bắc Từ Liêm's wards: 13 units, average 87,91 %, +1,59", () => {
    const block = results['HN-BTL-PHUONG-2023']!.blocks.find((b) => b.code === 'wards')!;
    expect(block).toMatchObject({ count: 13, averagePct: 87.91, averageChange: 1.59, previousAveragePct: 86.32 });
  });

  it('writes the article lead in Vietnamese', () => {
    const btl = demoUnit('HN-BTL');
    const text = narrateUnit(
      {
        output: districts2023,
        unitCode: btl.code,
        unitName: { vi: btl.name, en: btl.nameEn },
        peerGroupLabel: DEMO_BLOCK_LABELS.districts,
        topN: 10,
        publishedOn: '2024-03-13',
      },
      'vi',
    );
    expect(text).toContain('94,27%');
    expect(text).toContain('xếp thứ 10/30');
    expect(text).toContain('tăng 0,64 điểm so với năm 2022');
    expect(text).toMatch(
      /^Năm 2023, UBND quận Bắc Từ Liêm đạt kết quả Chỉ số CCHC là 94,27% \(xếp thứ 10\/30 quận, huyện, thị xã\), tăng 0,64 điểm so với năm 2022, /,
    );
    expect(text).toContain('giữ vị trí trong nhóm 10 quận, huyện, thị xã có Chỉ số CCHC cao nhất');
    expect(text).toContain('Công tác chỉ đạo, điều hành CCHC đạt 12,72/13 điểm (97,85%), xếp thứ 2/30');
    expect(text).toContain('Cải cách chế độ công vụ đạt 12,53/13 điểm (96,38%), xếp thứ 2/30');
    expect(text).toContain('13/03/2024');
  });

  it('writes the block summaries', () => {
    const name = (c: string) => ({ vi: demoUnit(c).shortName, en: demoUnit(c).shortName });
    const wards = narrateGroup(
      {
        output: results['HN-BTL-PHUONG-2023']!,
        code: 'wards',
        of: 'blocks',
        label: DEMO_BLOCK_LABELS.wards,
        unitName: name,
      },
      'vi',
    );
    expect(wards).toContain(
      'Năm 2023, Chỉ số CCHC trung bình của 13 phường đạt 87,91%, tăng 1,59 điểm so với năm 2022.',
    );
    const depts = narrateGroup(
      {
        output: results['HN-BTL-PCM-2023']!,
        code: 'departments',
        of: 'blocks',
        label: DEMO_BLOCK_LABELS.departments,
        unitName: name,
      },
      'en',
    );
    expect(depts).toContain('was 91.98%, up 4.23 points on 2022.');
  });
});
