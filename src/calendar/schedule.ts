/**
 * Year schedules: the days off and make-up working Saturdays of one year, either announced by the
 * Government (official) or derived from the statutory rules (provisional). Validation here is the
 * one the app runs on administrator-entered schedules too.
 */
import { CalendarError } from './calendar-errors.ts';
import { isWeekend, tryParseDate, weekday, ymdFromEpochDay } from './civil-date.ts';

/**
 * holiday = ngày nghỉ lễ, Tết (Labour Code 2019 Art. 112); compensatory = nghỉ bù for a holiday
 * on a weekend; swapped = hoán đổi, a weekday given off in exchange for a working Saturday.
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swapped';
export const DAY_OFF_KINDS: readonly DayOffKind[] = ['holiday', 'compensatory', 'swapped'];

/** official = announced by the Government or entered by an administrator; provisional = derived. */
export type ScheduleStatus = 'official' | 'provisional';

/** Ngày nghỉ. A holiday on a weekend is listed too (for display); it changes nothing. */
export interface DayOff {
  date: string;
  kind: DayOffKind;
  name: string;
}

/** Ngày làm việc bù — a Saturday worked in exchange for a swapped day off. */
export interface WorkingSaturday {
  date: string;
  name: string;
}

/** Lịch nghỉ của một năm. */
export interface YearSchedule {
  year: number;
  status: ScheduleStatus;
  daysOff: readonly DayOff[];
  workingSaturdays: readonly WorkingSaturday[];
  /** the documents announcing it, e.g. 'VPCP 8726/VPCP-KGVX (26/11/2024)' */
  sources: readonly string[];
}

/** What an administrator or a JSON file may supply: working Saturdays may be bare dates. */
export interface YearScheduleInput {
  year: number;
  status?: ScheduleStatus;
  daysOff: readonly { date: string; kind: string; name: string }[];
  workingSaturdays: readonly (string | { date: string; name?: string })[];
  sources?: readonly string[];
}

export const DEFAULT_WORKING_SATURDAY_NAME = 'Làm việc bù (thứ Bảy)';

function bad(year: unknown, reason: string, extra: Record<string, unknown> = {}): CalendarError {
  return new CalendarError('CALENDAR_INVALID_SCHEDULE', { year, reason, ...extra });
}

/**
 * Checks a schedule and returns it normalised (sorted, working Saturdays named, status defaulting
 * to 'official'). Every date must be a real date inside the schedule's year; a date may appear
 * only once; working Saturdays must be Saturdays; a swapped day must be a weekday.
 */
export function validateYearSchedule(input: YearScheduleInput): YearSchedule {
  const year = input?.year;
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw bad(year, 'year');
  if (!Array.isArray(input.daysOff) || !Array.isArray(input.workingSaturdays)) throw bad(year, 'shape');
  const seen = new Set<string>();
  const checkDate = (date: unknown, what: string): number => {
    const n = typeof date === 'string' ? tryParseDate(date) : Number.NaN;
    if (Number.isNaN(n)) throw bad(year, 'invalid date', { date, what });
    if (ymdFromEpochDay(n).year !== year) throw bad(year, 'date outside the year', { date, what });
    if (seen.has(date as string)) throw bad(year, 'duplicate date', { date, what });
    seen.add(date as string);
    return n;
  };
  const daysOff: DayOff[] = input.daysOff.map((d) => {
    const n = checkDate(d?.date, 'dayOff');
    if (!DAY_OFF_KINDS.includes(d.kind as DayOffKind)) throw bad(year, 'kind', { date: d.date, kind: d.kind });
    if (typeof d.name !== 'string' || d.name.trim() === '') throw bad(year, 'name', { date: d.date });
    if (d.kind === 'swapped' && isWeekend(n)) throw bad(year, 'swapped day on a weekend', { date: d.date });
    return { date: d.date, kind: d.kind as DayOffKind, name: d.name.trim() };
  });
  const workingSaturdays: WorkingSaturday[] = input.workingSaturdays.map((w) => {
    const date = typeof w === 'string' ? w : w?.date;
    const n = checkDate(date, 'workingSaturday');
    if (weekday(n) !== 6) throw bad(year, 'working day is not a Saturday', { date });
    const name = typeof w === 'string' ? undefined : w.name?.trim();
    return { date, name: name || DEFAULT_WORKING_SATURDAY_NAME };
  });
  const sources = input.sources ?? [];
  if (!Array.isArray(sources) || sources.some((s) => typeof s !== 'string')) throw bad(year, 'sources');
  const status = input.status ?? 'official';
  if (status !== 'official' && status !== 'provisional') throw bad(year, 'status', { status });
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return { year, status, daysOff: daysOff.sort(byDate), workingSaturdays: workingSaturdays.sort(byDate), sources };
}

/**
 * Merges schedule lists by year; a later list wins. Used to lay administrator-edited schedules
 * (from the database) over the shipped official ones: `mergeSchedules(shipped, edited)`.
 */
export function mergeSchedules(...lists: readonly (readonly YearSchedule[])[]): YearSchedule[] {
  const byYear = new Map<number, YearSchedule>();
  for (const list of lists) for (const s of list) byYear.set(s.year, s);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
