/**
 * How a lunar date is written beside a solar one — on the printed forms and in the web app, in the
 * same words: "âm lịch 25/8 năm Quý Mão" (vi) or "lunar 25/8, Quý Mão year" (en).
 */
import type { LunarDate } from './lunar.ts';

const CAN = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'];
const CHI = ['Thân', 'Dậu', 'Tuất', 'Hợi', 'Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi'];

/** The sexagenary (can chi) name of a lunar year: 2023 → "Quý Mão". */
export function canChi(year: number): string {
  return `${CAN[((year % 10) + 10) % 10]} ${CHI[((year % 12) + 12) % 12]}`;
}

/** "âm lịch 29/2 nhuận năm Quý Mão" / "lunar 29/2 (leap), Quý Mão year". */
export function lunarLabel(l: LunarDate, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return `lunar ${l.day}/${l.month}${l.leapMonth ? ' (leap)' : ''}, ${canChi(l.year)} year`;
  return `âm lịch ${l.day}/${l.month}${l.leapMonth ? ' nhuận' : ''} năm ${canChi(l.year)}`;
}
