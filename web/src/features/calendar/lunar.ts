/**
 * Lunar dates in the browser: the pure table-driven conversion from src/calendar/lunar.ts
 * (no Node APIs — it imports only civil-date, lunar-algorithm and calendar-errors).
 */
import { epochDayFromYmd } from '../../../../src/calendar/civil-date.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, type LunarDate, solarToLunarEpoch } from '../../../../src/calendar/lunar.ts';

export type { LunarDate };

/** The lunar date of a solar day, or null outside 1900–2199. */
export function lunarOf(year: number, month: number, day: number): LunarDate | null {
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) return null;
  return solarToLunarEpoch(epochDayFromYmd(year, month, day));
}

/** 'YYYY-MM-DD' → its lunar date, or null. */
export function lunarOfIso(iso: string): LunarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? lunarOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The short label under a solar day: 'd/m' on the first day of a lunar month, else 'd'. */
export function lunarCellLabel(l: LunarDate | null): string {
  if (!l) return '';
  return l.day === 1 ? `${l.day}/${l.month}${l.leapMonth ? '*' : ''}` : String(l.day);
}
