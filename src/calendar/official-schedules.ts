/**
 * The official schedules shipped with cchc (seed data, `data/vn-official-days-off.json`): the
 * Government's announced days off for civil servants, 2023–2026. Administrators add later years
 * (and corrections) in the database; the app lays those over these with `mergeSchedules`.
 */

import { CalendarError } from './calendar-errors.ts';
import data from './data/vn-official-days-off.json' with { type: 'json' };
import { validateYearSchedule, type YearSchedule, type YearScheduleInput } from './schedule.ts';

/** Shape of the shipped JSON file (and of the JSON import an administrator may upload). */
export interface OfficialDaysOffFile {
  description?: string;
  timezone?: string;
  years: Record<string, Omit<YearScheduleInput, 'year' | 'status'>>;
}

/** Validates a days-off file and returns its year schedules, all `official`. */
export function parseOfficialDaysOffFile(file: OfficialDaysOffFile): YearSchedule[] {
  if (!file || typeof file !== 'object' || !file.years || typeof file.years !== 'object') {
    throw new CalendarError('CALENDAR_INVALID_SCHEDULE', { reason: 'file shape' });
  }
  if (file.timezone !== undefined && file.timezone !== 'Asia/Ho_Chi_Minh') {
    throw new CalendarError('CALENDAR_INVALID_SCHEDULE', { reason: 'timezone', timezone: file.timezone });
  }
  return Object.entries(file.years)
    .map(([year, y]) => validateYearSchedule({ ...y, year: Number(year), status: 'official' }))
    .sort((a, b) => a.year - b.year);
}

let shipped: readonly YearSchedule[] | undefined;

/** The official schedules shipped with the code, validated once. */
export function shippedSchedules(): readonly YearSchedule[] {
  shipped ??= Object.freeze(parseOfficialDaysOffFile(data as OfficialDaysOffFile));
  return shipped;
}
