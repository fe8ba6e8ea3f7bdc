/**
 * Number and date formatting for published figures. Vietnamese: comma decimal separator and dot
 * thousands (94,27; 3.500), dates dd/mm/yyyy. English: 94.27; 3,500; 13 March 2024.
 */
import { roundHalfUp } from './decimal.ts';

export type Lang = 'vi' | 'en';

/** A text in Vietnamese with an optional English form (falls back to Vietnamese). */
export interface LocalText {
  vi: string;
  en?: string;
}

export const pick = (t: LocalText, lang: Lang): string => (lang === 'en' ? (t.en ?? t.vi) : t.vi);

/**
 * `decimals` fixed places (half up on the decimal value), or with `trim` at most that many
 * (7,3 rather than 7,30; 8 rather than 8,00). Negative numbers keep their sign.
 */
export function formatNumber(x: number, lang: Lang, decimals = 2, trim = false): string {
  const fixed = Math.abs(roundHalfUp(x, decimals)).toFixed(decimals);
  let [int = '0', frac = ''] = fixed.split('.');
  if (trim) frac = frac.replace(/0+$/, '');
  const [dec, group] = lang === 'vi' ? [',', '.'] : ['.', ','];
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int}${frac ? dec + frac : ''}`;
}

/** Published percentage: always 2 decimals, "94,27%". */
export function formatPct(x: number, lang: Lang): string {
  return `${formatNumber(x, lang, 2)}%`;
}

/** Points as scored: up to 2 decimals, "7,3" of "8". */
export function formatPoints(x: number, lang: Lang): string {
  return formatNumber(x, lang, 2, true);
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A civil date 'YYYY-MM-DD' (no time zone involved) → "13/03/2024" or "13 March 2024". */
export function formatDate(isoDate: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  const [, y, mo, d] = m;
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(mo) - 1]} ${y}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st … */
export function ordinalEn(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
