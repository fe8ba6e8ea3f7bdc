import { describe, expect, it } from 'vitest';
import { lunarCellLabel, lunarOf, lunarOfIso } from './lunar.ts';

describe('lunar helpers (browser side)', () => {
  it('Tết Giáp Thìn is 10/02/2024 and is labelled 1/1', () => {
    expect(lunarOfIso('2024-02-10')).toEqual({ day: 1, month: 1, year: 2024, leapMonth: false });
    expect(lunarCellLabel(lunarOf(2024, 2, 10))).toBe('1/1');
    expect(lunarCellLabel(lunarOf(2024, 2, 11))).toBe('2');
  });
  it('is null outside 1900–2199', () => {
    expect(lunarOf(1899, 12, 31)).toBeNull();
    expect(lunarCellLabel(null)).toBe('');
  });
});
