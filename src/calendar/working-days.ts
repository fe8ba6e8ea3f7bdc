/**
 * Working-day questions on 'YYYY-MM-DD' dates and ISO instants. Every answer that depends on a
 * provisional year says so with `provisional: true`.
 */
import {
  addWorkingDaysEpoch,
  type Calendar,
  calendarDateText,
  countWorkingDaysEpoch,
  isProvisionalBetween,
  isWorkingEpochDay,
} from './calendar.ts';
import { CalendarError } from './calendar-errors.ts';
import { parseDate, weekday } from './civil-date.ts';
import { hcmEpochDay, instantToMs } from './instant.ts';
import type { DayOff, WorkingSaturday } from './schedule.ts';

/** Largest number of working days a deadline may count (about 14 years). */
export const MAX_WORKING_DAYS = 3650;

/** Checks a number of working days: an integer, 0 ≤ n ≤ 3650. */
export function checkWorkingDays(n: number): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new CalendarError('CALENDAR_WORKING_DAYS_NOT_INTEGER', { value: n });
  }
  if (n < 0 || n > MAX_WORKING_DAYS) {
    throw new CalendarError('CALENDAR_WORKING_DAYS_OUT_OF_RANGE', { value: n, min: 0, max: MAX_WORKING_DAYS });
  }
  return n;
}

/** Reads a number of working days from a query-string value ('10') or a number. */
export function parseWorkingDays(value: unknown): number {
  if (typeof value === 'string') {
    // plain decimal digits ('-1' reads as out of range); no spaces, '+', exponents or hex
    if (!/^-?\d{1,12}(\.\d+)?$/.test(value)) throw new CalendarError('CALENDAR_WORKING_DAYS_NOT_INTEGER', { value });
    return checkWorkingDays(Number(value));
  }
  return checkWorkingDays(value as number);
}

export function isWorkingDay(cal: Calendar, date: string): boolean {
  return isWorkingEpochDay(cal, parseDate(date));
}

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  working: boolean;
  provisional: boolean;
  /** the schedule entry that makes the day special, if any */
  dayOff?: DayOff;
  workingSaturday?: WorkingSaturday;
}

export function dayInfo(cal: Calendar, date: string): DayInfo {
  const day = parseDate(date);
  const info: DayInfo = {
    date,
    weekday: weekday(day),
    working: isWorkingEpochDay(cal, day),
    provisional: isProvisionalBetween(cal, day, day),
  };
  const entry = cal.special.get(day);
  if (entry && 'kind' in entry) info.dayOff = entry;
  else if (entry) info.workingSaturday = entry;
  return info;
}

export interface DateAnswer {
  date: string;
  provisional: boolean;
}

/** The n-th working day after `date` (n = 0 → `date`). */
export function addWorkingDays(cal: Calendar, date: string, n: number): DateAnswer {
  const from = parseDate(date);
  const to = addWorkingDaysEpoch(cal, from, checkWorkingDays(n));
  return { date: calendarDateText(cal, to), provisional: isProvisionalBetween(cal, from, to) };
}

export interface CountAnswer {
  count: number;
  provisional: boolean;
}

/** Working days in (from, to]: 0 for the same day, negative when `to` is before `from`. */
export function countWorkingDays(cal: Calendar, from: string, to: string): CountAnswer {
  const a = parseDate(from);
  const b = parseDate(to);
  return { count: countWorkingDaysEpoch(cal, a, b), provisional: isProvisionalBetween(cal, a, b) };
}

/**
 * Working days between the Hà Nội dates of two instants, counted as in countWorkingDays — e.g.
 * how many working days a dossier received at `from` had been open at `to`.
 */
export function countWorkingDaysBetweenInstants(cal: Calendar, from: string | Date, to: string | Date): CountAnswer {
  const a = hcmEpochDay(instantToMs(from));
  const b = hcmEpochDay(instantToMs(to));
  return { count: countWorkingDaysEpoch(cal, a, b), provisional: isProvisionalBetween(cal, a, b) };
}

/**
 * A date promised at `from` (the submission or receipt instant) and due on `dueDate` is provisional
 * while a day it was counted through lies in a year with no official schedule yet. The date stays
 * as promised; the mark goes once an administrator enters that year's official schedule.
 */
export function isProvisionalPromise(cal: Calendar, from: Date, dueDate: string | null): boolean {
  if (!dueDate) return false;
  return isProvisionalBetween(cal, hcmEpochDay(from.getTime()), parseDate(dueDate));
}

/**
 * A date promised to a citizen that has since become a day off (an administrator declared it after
 * the promise): the promise stands, but the office must set a new date (apology slip, form 04).
 */
export function isPromiseOnDayOff(cal: Calendar, dueDate: string | null, open: boolean): boolean {
  return open && !!dueDate && !isWorkingDay(cal, dueDate);
}
