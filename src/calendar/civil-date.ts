/**
 * Civil (calendar) dates as epoch days — whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. Pure integer arithmetic: no `Date`, so the process time zone can never leak in.
 */
import { CalendarError } from './calendar-errors.ts';

export const MS_PER_DAY = 86_400_000;

/** Weekday of an epoch day: 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy). 1970-01-01 was a Thursday. */
export function weekday(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: number): boolean {
  const w = weekday(epochDay);
  return w === 0 || w === 6;
}

/** Epoch day of y-m-d (H. Hinnant's days_from_civil). Does not validate. */
export function epochDayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Inverse of epochDayFromYmd (H. Hinnant's civil_from_days). */
export function ymdFromEpochDay(epochDay: number): Ymd {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOfEpochDay(epochDay: number): number {
  return ymdFromEpochDay(epochDay).year;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `len` ASCII digits at `at`, or -1 if any is not a digit. */
export function readDigits(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48; // NaN past the end
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Epoch day of a 'YYYY-MM-DD' string, or NaN when it is not a real date of that shape. */
export function tryParseDate(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = readDigits(s, 0, 4);
  const m = readDigits(s, 5, 2);
  const d = readDigits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return epochDayFromYmd(y, m, d);
}

/** Epoch day of a 'YYYY-MM-DD' string; throws CALENDAR_INVALID_DATE (e.g. for 2023-02-30). */
export function parseDate(s: string): number {
  const n = tryParseDate(s);
  if (Number.isNaN(n)) throw new CalendarError('CALENDAR_INVALID_DATE', { value: s, expected: 'YYYY-MM-DD' });
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' of an epoch day (years 0–9999). */
export function formatDate(epochDay: number): string {
  const { year, month, day } = ymdFromEpochDay(epochDay);
  const y = year < 1000 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** 'dd/mm' as Vietnamese documents write a day (used in generated names). */
export function formatDayMonthVi(epochDay: number): string {
  const { month, day } = ymdFromEpochDay(epochDay);
  return `${pad2(day)}/${pad2(month)}`;
}
