/**
 * Fast Vietnamese lunar-date conversions (âm lịch) for solar years 1900–2199. The month table —
 * first day and label of every lunar month — is computed once, lazily, with the reference
 * algorithm in `lunar-algorithm.ts` (≈ 3,700 months, a few milliseconds); a conversion is then a
 * table lookup. `lunar.test.ts` checks the table against the reference for every day of the range.
 */
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd, formatDate, parseDate, ymdFromEpochDay } from './civil-date.ts';
import { getLeapMonthOffset, getLunarMonth11, getNewMoonDay, VN_TIME_ZONE } from './lunar-algorithm.ts';

/** Ngày âm lịch. `leapMonth` is true inside a leap month (tháng nhuận). */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leapMonth: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;
const MIN_DAY = epochDayFromYmd(LUNAR_MIN_YEAR, 1, 1);
const MAX_DAY = epochDayFromYmd(LUNAR_MAX_YEAR, 12, 31);
/** JDN of 1970-01-01: epochDay = JDN − JD_EPOCH. */
const JD_EPOCH = 2440588;
const MEAN_MONTH = 29.530588853;

interface MonthTable {
  /** first day (epoch day) of month i; one extra entry closes the last month */
  start: Int32Array;
  year: Int16Array;
  month: Uint8Array;
  leap: Uint8Array;
  /** lunar year → index of its first month in the table */
  firstOfYear: Map<number, number>;
}

let table: MonthTable | undefined;

function buildTable(): MonthTable {
  const start: number[] = [];
  const year: number[] = [];
  const month: number[] = [];
  const leap: number[] = [];
  // Each solar year Y contributes the months from month 11 of Y−1 (a11) up to month 11 of Y.
  let a11 = getLunarMonth11(LUNAR_MIN_YEAR - 1, VN_TIME_ZONE);
  for (let Y = LUNAR_MIN_YEAR; Y <= LUNAR_MAX_YEAR + 1; Y++) {
    const b11 = getLunarMonth11(Y, VN_TIME_ZONE);
    const k = Math.floor(0.5 + (a11 - 2415021.076998695) / MEAN_MONTH);
    const hasLeap = b11 - a11 > 365;
    const leapOff = hasLeap ? getLeapMonthOffset(a11, VN_TIME_ZONE) : 99;
    for (let d = 0; d < (hasLeap ? 13 : 12); d++) {
      let m = d < leapOff ? d + 11 : d + 10;
      if (m > 12) m -= 12;
      start.push(getNewMoonDay(k + d, VN_TIME_ZONE) - JD_EPOCH);
      month.push(m);
      leap.push(d === leapOff ? 1 : 0);
      year.push(m >= 11 && d < 4 ? Y - 1 : Y);
    }
    a11 = b11;
  }
  start.push(a11 - JD_EPOCH);
  const firstOfYear = new Map<number, number>();
  year.forEach((y, i) => {
    if (!firstOfYear.has(y)) firstOfYear.set(y, i);
  });
  return {
    start: Int32Array.from(start),
    year: Int16Array.from(year),
    month: Uint8Array.from(month),
    leap: Uint8Array.from(leap),
    firstOfYear,
  };
}

function getTable(): MonthTable {
  table ??= buildTable();
  return table;
}

function outOfRange(year: number): CalendarError {
  return new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', {
    year,
    min: LUNAR_MIN_YEAR,
    max: LUNAR_MAX_YEAR,
    scope: 'lunar',
  });
}

/** Index of the lunar month holding `epochDay`. */
function monthIndex(t: MonthTable, epochDay: number): number {
  const s = t.start;
  let i = Math.floor((epochDay - s[0]!) / MEAN_MONTH);
  while (s[i]! > epochDay) i--;
  while (s[i + 1]! <= epochDay) i++;
  return i;
}

/** Lunar date of an epoch day (solar years 1900–2199). */
export function solarToLunarEpoch(epochDay: number): LunarDate {
  if (!(epochDay >= MIN_DAY && epochDay <= MAX_DAY)) throw outOfRange(yearOf(epochDay));
  const t = getTable();
  const i = monthIndex(t, epochDay);
  return { day: epochDay - t.start[i]! + 1, month: t.month[i]!, year: t.year[i]!, leapMonth: t.leap[i] === 1 };
}

/** Lunar date of a 'YYYY-MM-DD' solar date — the answer of GET /calendar/lunar/{date}. */
export function solarToLunar(date: string): LunarDate {
  return solarToLunarEpoch(parseDate(date));
}

function yearOf(epochDay: number): number {
  return Number.isFinite(epochDay) ? ymdFromEpochDay(epochDay).year : Number.NaN;
}

/** Table index of a lunar month, or throws. */
function findMonth(lunarYear: number, month: number, leapMonth: boolean): number {
  const t = getTable();
  const first = t.firstOfYear.get(lunarYear);
  if (first === undefined) throw outOfRange(lunarYear);
  for (let i = first; i < t.year.length && t.year[i] === lunarYear; i++) {
    if (t.month[i] === month && (t.leap[i] === 1) === leapMonth) return i;
  }
  // 1899 and 2200 are only partly in the table
  if (lunarYear < LUNAR_MIN_YEAR || lunarYear > LUNAR_MAX_YEAR) throw outOfRange(lunarYear);
  throw new CalendarError('CALENDAR_INVALID_LUNAR_DATE', {
    year: lunarYear,
    month,
    leapMonth,
    reason: 'no such month',
  });
}

/** Epoch day of a lunar date. Throws CALENDAR_INVALID_LUNAR_DATE for e.g. day 30 of a 29-day month. */
export function lunarToSolarEpoch(lunar: LunarDate): number {
  const { day, month, year, leapMonth } = lunar;
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 30 ||
    typeof leapMonth !== 'boolean'
  ) {
    throw new CalendarError('CALENDAR_INVALID_LUNAR_DATE', { ...lunar, reason: 'shape' });
  }
  const t = getTable();
  const i = findMonth(year, month, leapMonth);
  const length = t.start[i + 1]! - t.start[i]!;
  if (day > length)
    throw new CalendarError('CALENDAR_INVALID_LUNAR_DATE', { ...lunar, reason: 'month length', length });
  const epochDay = t.start[i]! + day - 1;
  if (epochDay < MIN_DAY || epochDay > MAX_DAY) throw outOfRange(year);
  return epochDay;
}

/** 'YYYY-MM-DD' of a lunar date. */
export function lunarToSolar(lunar: LunarDate): string {
  return formatDate(lunarToSolarEpoch(lunar));
}

/** Epoch day of Tết Nguyên đán (mùng 1 tháng Giêng) of a lunar year. */
export function lunarNewYearEpoch(lunarYear: number): number {
  return lunarToSolarEpoch({ day: 1, month: 1, year: lunarYear, leapMonth: false });
}

/** The leap month (1–12) of a lunar year, or 0 if it has none. */
export function leapMonthOf(lunarYear: number): number {
  const t = getTable();
  const first = t.firstOfYear.get(lunarYear);
  if (first === undefined) throw outOfRange(lunarYear);
  for (let i = first; i < t.year.length && t.year[i] === lunarYear; i++) if (t.leap[i] === 1) return t.month[i]!;
  return 0;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(lunarYear: number, month: number, leapMonth = false): number {
  const t = getTable();
  const i = findMonth(lunarYear, month, leapMonth);
  return t.start[i + 1]! - t.start[i]!;
}
