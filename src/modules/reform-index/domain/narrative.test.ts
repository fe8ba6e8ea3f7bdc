import { describe, expect, it } from 'vitest';
import type { Framework } from './framework.ts';
import { narrateGroup, narrateUnit } from './narrative.ts';
import { computeResults } from './results.ts';
import type { ResultsOutput } from './results.types.ts';
import { crit, sum } from './test-fixtures.ts';

const fw = (year: number): Framework => ({
  code: `D${year}`,
  name: 'Chỉ số',
  year,
  criteria: [
    crit('1', null, 50, { ...sum, name: 'Chỉ đạo, điều hành', nameEn: 'Direction' }),
    crit('1.1', '1', 50),
    crit('2', null, 30, { ...sum, name: 'Cải cách thể chế', nameEn: 'Institutions' }),
    crit('2.1', '2', 30),
    crit('3', null, 20, { ...sum, name: 'Tài chính công', nameEn: 'Public finance' }),
    crit('3.1', '3', 20),
  ],
});
const units = ['A', 'B', 'C', 'D'].map((code) => ({ code }));
const run = (year: number, rows: [number, number, number][], previous?: ResultsOutput) =>
  computeResults({
    framework: fw(year),
    units,
    topN: 2,
    previous,
    scores: rows.flatMap((r, i) =>
      r.map((v, a) => ({ unitCode: units[i]!.code, criterionCode: `${a + 1}.1`, selfScore: v })),
    ),
  });
const y2022 = run(2022, [
  [48, 27, 18],
  [45, 29, 19],
  [40, 25, 15],
  [44, 28, 16.5],
]);
const y2023 = run(
  2023,
  [
    [48.5, 27.3, 18.47], // 94.27, was 93
    [45, 29, 19], // unchanged 93
    [49, 28, 19.5], // 96.5, up from 80
    [44, 28, 16.5], // 88.5, unchanged
  ],
  y2022,
);
const labels = {
  peerGroupLabel: { vi: 'quận, huyện, thị xã', en: 'districts and towns' },
  topN: 2,
};

describe('narrateUnit', () => {
  it('writes the lead sentence in the article style', () => {
    const vi = narrateUnit({ output: y2023, unitCode: 'A', unitName: { vi: 'UBND quận A' }, ...labels }, 'vi');
    expect(vi).toContain(
      'Năm 2023, UBND quận A đạt kết quả Chỉ số CCHC là 94,27% (xếp thứ 2/4 quận, huyện, thị xã), tăng 1,27 điểm so với năm 2022',
    );
    expect(vi).toContain('thứ hạng giảm 1 bậc (năm trước xếp thứ 1)');
    expect(vi).toContain('giữ vị trí trong nhóm 2 quận, huyện, thị xã có Chỉ số CCHC cao nhất.');
    expect(vi).toContain(
      'Các lĩnh vực có thứ hạng cao nhất: Chỉ đạo, điều hành đạt 48,5/50 điểm (97,00%), xếp thứ 2/4; Tài chính công đạt 18,47/20 điểm (92,35%), xếp thứ 3/4.',
    );
    expect(vi).toContain('Lĩnh vực có thứ hạng thấp nhất: Cải cách thể chế đạt 27,3/30 điểm (91,00%), xếp thứ 4/4.');
  });
  it('handles an unchanged index and an entry into the top N', () => {
    const b = narrateUnit({ output: y2023, unitCode: 'B', unitName: { vi: 'UBND quận B' }, ...labels }, 'vi');
    expect(b).toContain('giữ nguyên so với năm 2022');
    const c = narrateUnit({ output: y2023, unitCode: 'C', unitName: { vi: 'UBND quận C' }, ...labels }, 'vi');
    expect(c).toContain('tăng 16,50 điểm so với năm 2022, thứ hạng tăng 3 bậc (năm trước xếp thứ 4), vào nhóm 2');
    const d = narrateUnit({ output: y2023, unitCode: 'D', unitName: { vi: 'UBND quận D' }, ...labels }, 'vi');
    expect(d).toContain('giữ nguyên so với năm 2022, thứ hạng giảm 1 bậc (năm trước xếp thứ 3).');
    // with every area ranked 4th but one, only that one is named as a best area
    expect(d).toContain('Lĩnh vực có thứ hạng cao nhất: Cải cách thể chế đạt 28/30 điểm (93,33%), xếp thứ 2/4.');
    expect(d).toContain('Lĩnh vực có thứ hạng thấp nhất: Tài chính công đạt 16,5/20 điểm (82,50%), xếp thứ 4/4.');
  });
  it('says "giảm" for a decrease and "ra khỏi" when leaving the top N', () => {
    const y2024 = run(
      2024,
      [
        [40, 20, 15],
        [45, 29, 19],
        [49, 28, 19.5],
        [44, 28, 16.5],
      ],
      y2023,
    );
    const a = narrateUnit({ output: y2024, unitCode: 'A', unitName: { vi: 'UBND quận A' }, ...labels }, 'vi');
    expect(a).toContain('giảm 19,27 điểm so với năm 2023');
    expect(a).toContain('ra khỏi nhóm 2');
    const c = narrateUnit({ output: y2024, unitCode: 'C', unitName: { vi: 'UBND quận C' }, ...labels }, 'vi');
    expect(c).toContain('giữ nguyên so với năm 2023, giữ nguyên thứ hạng, giữ vị trí trong nhóm 2');
    expect(
      narrateUnit({ output: y2024, unitCode: 'A', unitName: { vi: 'A', en: 'District A' }, ...labels }, 'en'),
    ).toContain('down 19.27 points on 2023');
  });
  it('handles the first year', () => {
    const vi = narrateUnit({ output: y2022, unitCode: 'A', unitName: { vi: 'UBND quận A' }, ...labels }, 'vi');
    expect(vi).toContain(
      'Năm 2022, UBND quận A đạt kết quả Chỉ số CCHC là 93,00% (xếp thứ 1/4 quận, huyện, thị xã), thuộc nhóm 2',
    );
    expect(vi).toContain('Chưa có kết quả năm trước để so sánh.');
    expect(vi).not.toContain('tăng');
  });
  it('writes English with ordinals and dates', () => {
    const en = narrateUnit(
      {
        output: y2023,
        unitCode: 'A',
        unitName: { vi: 'UBND quận A', en: 'District A' },
        ...labels,
        publishedOn: '2024-02-20',
      },
      'en',
    );
    expect(en).toContain(
      'In 2023, District A scored 94.27% on the PAR Index (ranked 2nd of 4 districts and towns), up 1.27 points on 2022',
    );
    expect(en).toContain(
      'Best-ranked areas: Direction, 48.5/50 points (97.00%), ranked 2nd of 4; Public finance, 18.47/20 points (92.35%), ranked 3rd of 4. Lowest-ranked area: Institutions, 27.3/30 points (91.00%), ranked 4th of 4.',
    );
    expect(en).toContain('Results announced on 20 February 2024.');
    const vi = narrateUnit(
      { output: y2023, unitCode: 'A', unitName: { vi: 'A' }, ...labels, publishedOn: '2024-02-20' },
      'vi',
    );
    expect(vi).toContain('Kết quả được công bố ngày 20/02/2024.');
  });
  it('refuses an unknown unit', () => {
    expect(() => narrateUnit({ output: y2023, unitCode: 'Z', unitName: { vi: 'Z' }, ...labels }, 'vi')).toThrow(
      RangeError,
    );
  });
});

describe('narrateGroup', () => {
  it('summarises the average, its change, the highest and the lowest', () => {
    const input = {
      output: y2023,
      code: '',
      of: 'groups' as const,
      label: { vi: 'quận, huyện, thị xã', en: 'districts and towns' },
      unitName: (c: string) => ({ vi: `Quận ${c}`, en: `District ${c}` }),
    };
    // (94.27 + 93 + 96.5 + 88.5) / 4 = 93.0675 → 93.07; 2022: (93 + 93 + 80 + 88.5) / 4 = 88.625 → 88.63
    expect(narrateGroup(input, 'vi')).toBe(
      'Năm 2023, Chỉ số CCHC trung bình của 4 quận, huyện, thị xã đạt 93,07%, tăng 4,44 điểm so với năm 2022. ' +
        'Cao nhất là Quận C (96,50%); thấp nhất là Quận D (88,50%). 2/4 đơn vị có kết quả cao hơn mức trung bình.',
    );
    expect(narrateGroup(input, 'en')).toContain(
      'In 2023, the average PAR Index of the 4 districts and towns was 93.07%, up 4.44 points on 2022.',
    );
  });
});
