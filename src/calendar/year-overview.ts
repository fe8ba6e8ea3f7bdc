/** The days off and make-up working Saturdays of one year — GET /api/v1/calendar/years/{year}. */
import { type Calendar, WORKING_DAYS_MAX_YEAR, WORKING_DAYS_MIN_YEAR } from './calendar.ts';
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd } from './civil-date.ts';
import type { DayOffKind, ScheduleStatus } from './schedule.ts';

export interface YearOverview {
  year: number;
  /** official = announced (or entered by an administrator); provisional = derived from the law */
  status: ScheduleStatus;
  sources: string[];
  daysOff: { date: string; kind: DayOffKind; name: string; status: ScheduleStatus }[];
  workingSaturdays: { date: string; name: string; status: ScheduleStatus }[];
  /** number of working days in the year */
  workingDayCount: number;
}

export function describeYear(cal: Calendar, year: number): YearOverview {
  const s = Number.isInteger(year) ? cal.years.get(year) : undefined;
  if (!s) {
    throw new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', {
      year,
      min: cal.fromYear,
      max: cal.toYear,
      scope: 'working-days',
    });
  }
  const status = s.status;
  const first = epochDayFromYmd(year, 1, 1) - cal.firstDay;
  const last = epochDayFromYmd(year, 12, 31) - cal.firstDay;
  return {
    year,
    status,
    sources: [...s.sources],
    daysOff: s.daysOff.map((d) => ({ date: d.date, kind: d.kind, name: d.name, status })),
    workingSaturdays: s.workingSaturdays.map((w) => ({ date: w.date, name: w.name, status })),
    workingDayCount: cal.cum[last + 1]! - cal.cum[first]!,
  };
}

/** Reads a year from a path segment ('2025'); CALENDAR_YEAR_OUT_OF_RANGE if not a 4-digit year. */
export function parseYear(value: unknown): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw new CalendarError('CALENDAR_YEAR_OUT_OF_RANGE', {
      year: value,
      min: WORKING_DAYS_MIN_YEAR,
      max: WORKING_DAYS_MAX_YEAR,
    });
  }
  return year;
}
