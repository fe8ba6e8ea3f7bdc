import { describe, expect, it } from 'vitest';
import { solarToLunar } from './lunar.ts';
import { canChi, lunarLabel } from './lunar-label.ts';

describe('lunar labels', () => {
  it('names lunar years by the sexagenary cycle, as Vietnamese calendars do', () => {
    // Cách mạng tháng Tám 1945 = Ất Dậu; Mậu Thân 1968; 30/4/1975 = Ất Mão; Canh Thìn 2000
    expect(canChi(1945)).toBe('Ất Dậu');
    expect(canChi(1968)).toBe('Mậu Thân');
    expect(canChi(1975)).toBe('Ất Mão');
    expect(canChi(1985)).toBe('Ất Sửu');
    expect(canChi(2000)).toBe('Canh Thìn');
    expect(canChi(2023)).toBe('Quý Mão');
    expect(canChi(2024)).toBe('Giáp Thìn');
    expect(canChi(2025)).toBe('Ất Tỵ');
    expect(canChi(2026)).toBe('Bính Ngọ');
  });

  it('writes the lunar date the way paper forms do, in Vietnamese and English', () => {
    // Tết Trung thu 2023 (15/8 âm lịch) fell on 29/09/2023, so 09/10/2023 is 25/8 Quý Mão
    expect(lunarLabel(solarToLunar('2023-10-09'))).toBe('âm lịch 25/8 năm Quý Mão');
    // 2023 had a leap 2nd month (22/03–19/04/2023)
    expect(lunarLabel(solarToLunar('2023-04-19'))).toBe('âm lịch 29/2 nhuận năm Quý Mão');
    expect(lunarLabel(solarToLunar('2023-04-19'), 'en')).toBe('lunar 29/2 (leap), Quý Mão year');
    // Tết Giáp Thìn: 10/02/2024
    expect(lunarLabel(solarToLunar('2024-02-10'), 'en')).toBe('lunar 1/1, Giáp Thìn year');
  });
});
