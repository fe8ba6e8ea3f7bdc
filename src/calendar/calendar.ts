/**
 * A working-day calendar (lịch làm việc) built once from year schedules, then queried in O(1):
 * `cum[i]` counts the working days before day i of the range and `workingDays` lists them, so
 * "the N-th working day after d" is one array read. Days are epoch days (see civil-date.ts).
 */
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd, formatDate, isWeekend, parseDate, ymdFromEpochDay } from './civil-date.ts';
import type { DayOff, WorkingSaturday, YearSchedule } from './schedule.ts';
import { deriveProvisionalSchedule } from './statutory-holidays.ts';

export const WORKING_DAYS_MIN_YEAR = 2000;
export const WORKING_DAYS_MAX_YEAR = 2100;

export interface CalendarOptions {
  /** first and last year answered (default 2000–2100) */
  fromYear?: number;
  toYear?: number;
}

/** Lịch ngày làm việc. Treat as opaque: build with `buildCalendar`, query with the functions. */
export interface Calendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** the schedule used for every year of the range: given (official) or derived (provisional) */
  readonly years: ReadonlyMap<number, YearSchedule>;
  /** per day of the range: 1 = working day */
  readonly working: Uint8Array;
  /** cum[i] = working days in [firstDay, firstDay + i) */
  readonly cum: Int32Array;
  /** the working days of the range, ascending */
  readonly workingDays: Int32Array;
  /** provisionalCum[i] = days of provisional years in [firstDay, firstDay + i) */
  readonly provisionalCum: Int32Array;
  /** the schedule entry of a day off or working Saturday, by epoch day */
  readonly special: ReadonlyMap<number, DayOff | WorkingSaturday>;
  /** formatted dates by day index, filled on demand ('' = not yet) */
  readonly dateText: string[];
}

/**
 * Builds a calendar from validated year schedules (normally
 * `mergeSchedules(shippedSchedules(), edited)`).
 * Every year of the range without a schedule gets a provisional one derived from the statutory
 * rules; schedules for years outside the range are ignored.
 */
export function buildCalendar(schedules: readonly YearSchedule[], options: CalendarOptions = {}): Calendar {
  const fromYear = options.fromYear ?? WORKING_DAYS_MIN_YEAR;
  const toYear = options.toYear ?? WORKING_DAYS_MAX_YEAR;
  if (
    !Number.isInteger(fromYear) ||
    !Number.isInteger(toYear) ||
    fromYear > toYear ||
    fromYear < 1901 ||
    toYear > 2198
  ) {
    throw new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', {
      fromYear,
      toYear,
      min: 1901,
      max: 2198,
      scope: 'calendar',
    });
  }
  const firstDay = epochDayFromYmd(fromYear, 1, 1);
  const lastDay = epochDayFromYmd(toYear, 12, 31);
  const n = lastDay - firstDay + 1;
  const given = new Map(schedules.map((s) => [s.year, s]));
  const years = new Map<number, YearSchedule>();
  const working = new Uint8Array(n);
  const provisionalCum = new Int32Array(n + 1);
  const special = new Map<number, DayOff | WorkingSaturday>();
  for (let i = 0; i < n; i++) working[i] = isWeekend(firstDay + i) ? 0 : 1;
  for (let y = fromYear; y <= toYear; y++) {
    const s = given.get(y) ?? deriveProvisionalSchedule(y);
    years.set(y, s);
    for (const d of s.daysOff) {
      const day = parseDate(d.date);
      working[day - firstDay] = 0;
      special.set(day, d);
    }
    for (const w of s.workingSaturdays) {
      const day = parseDate(w.date);
      working[day - firstDay] = 1;
      special.set(day, w);
    }
  }
  const cum = new Int32Array(n + 1);
  let provisional = 0;
  for (let i = 0; i < n; i++) {
    cum[i + 1] = cum[i]! + working[i]!;
    if (years.get(ymdFromEpochDay(firstDay + i).year)!.status === 'provisional') provisional++;
    provisionalCum[i + 1] = provisional;
  }
  const workingDays = new Int32Array(cum[n]!);
  for (let i = 0, k = 0; i < n; i++) if (working[i]) workingDays[k++] = firstDay + i;
  return {
    fromYear,
    toYear,
    firstDay,
    lastDay,
    years,
    working,
    cum,
    workingDays,
    provisionalCum,
    special,
    dateText: new Array<string>(n).fill(''),
  };
}

/** CALENDAR_YEAR_OUT_OF_RANGE for a day (or a result) outside the calendar. */
export function outOfCalendar(cal: Calendar, epochDay: number): CalendarError {
  const year = Number.isFinite(epochDay) ? ymdFromEpochDay(epochDay).year : epochDay;
  return new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', {
    year,
    min: cal.fromYear,
    max: cal.toYear,
    scope: 'working-days',
  });
}

function index(cal: Calendar, epochDay: number): number {
  const i = epochDay - cal.firstDay;
  if (!(i >= 0 && epochDay <= cal.lastDay)) throw outOfCalendar(cal, epochDay);
  return i;
}

export function isWorkingEpochDay(cal: Calendar, epochDay: number): boolean {
  return cal.working[index(cal, epochDay)] === 1;
}

/**
 * The n-th working day after `epochDay` (n ≥ 0, an integer); n = 0 returns `epochDay` itself,
 * working or not.
 */
export function addWorkingDaysEpoch(cal: Calendar, epochDay: number, n: number): number {
  const i = index(cal, epochDay);
  if (n === 0) return epochDay;
  const result = cal.workingDays[cal.cum[i + 1]! + n - 1];
  if (result === undefined) throw outOfCalendar(cal, cal.lastDay + 1);
  return result;
}

/** The first working day on or after `epochDay`. */
export function workingDayOnOrAfterEpoch(cal: Calendar, epochDay: number): number {
  const result = cal.workingDays[cal.cum[index(cal, epochDay)]!];
  if (result === undefined) throw outOfCalendar(cal, cal.lastDay + 1);
  return result;
}

/**
 * Working days in (from, to] — so that countWorkingDaysEpoch(d, addWorkingDaysEpoch(d, n)) = n.
 * Negative when `to` is before `from`.
 */
export function countWorkingDaysEpoch(cal: Calendar, from: number, to: number): number {
  return cal.cum[index(cal, to) + 1]! - cal.cum[index(cal, from) + 1]!;
}

/** Whether any day in [from, to] (either order) lies in a year with a provisional schedule. */
export function isProvisionalBetween(cal: Calendar, from: number, to: number): boolean {
  const a = index(cal, Math.min(from, to));
  const b = index(cal, Math.max(from, to));
  return cal.provisionalCum[b + 1]! - cal.provisionalCum[a]! > 0;
}

/** 'YYYY-MM-DD' of a day of the calendar, cached. */
export function calendarDateText(cal: Calendar, epochDay: number): string {
  const i = epochDay - cal.firstDay;
  const cached = cal.dateText[i];
  if (cached) return cached;
  const s = formatDate(epochDay);
  if (cached === '') cal.dateText[i] = s;
  return s;
}
