import { describe, expect, it } from 'vitest';
import { vnDateWithLunar } from './forms-pdf.ts';

describe('dates on the printed forms', () => {
  it('gives the lunar date beside the solar one, as paper forms do', () => {
    // Tết Trung thu 2023 (15/8 âm lịch) fell on 29/09/2023, so 09/10/2023 is 25/8 Quý Mão
    expect(vnDateWithLunar('2023-10-09')).toBe('09/10/2023 (âm lịch 25/8 năm Quý Mão)');
    // 2023 had a leap 2nd month (22/03–19/04/2023); Giỗ Tổ 10/3 fell on 29/04/2023, so 1/3 was 20/04
    expect(vnDateWithLunar('2023-04-19')).toBe('19/04/2023 (âm lịch 29/2 nhuận năm Quý Mão)');
    expect(vnDateWithLunar('2024-02-10')).toBe('10/02/2024 (âm lịch 1/1 năm Giáp Thìn)');
  });
});
