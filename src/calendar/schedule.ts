/**
 * Year schedules: the days off and make-up working Saturdays of one year, either announced by the
 * Government (official) or derived from the statutory rules (provisional). Validation here is the
 * one the app runs on administrator-entered schedules too.
 */
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd, formatDate, isWeekend, tryParseDate, weekday, ymdFromEpochDay } from './civil-date.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, lunarNewYearEpoch, lunarToSolarEpoch } from './lunar.ts';

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
/** Longest name of a day, and of a source document (as the administration form allows). */
export const SCHEDULE_NAME_MAX = 200;
export const SCHEDULE_SOURCE_MAX = 300;

/**
 * Why a schedule is refused. Stable English keys (the app translates them):
 * - `year`: not an integer 1–9999; `status`: neither official nor provisional
 * - `shape`: the schedule is not an object, or `daysOff` / `workingSaturdays` is not a list
 * - `entry`: a day off is not an object, a working Saturday neither a date string nor an object
 * - `missing date`, `invalid date` (not a real YYYY-MM-DD date), `date outside the year`, `duplicate date`
 * - `kind`: not holiday, compensatory or swapped; `name`: missing, blank or not text; `name too long`
 * - `swapped day on a weekend`, `working day is not a Saturday`
 * - `sources`: not a list of non-blank texts of at most SCHEDULE_SOURCE_MAX characters
 * - `statutory holiday missing` (only with `requireStatutoryHolidays`): a public holiday of Labour
 *   Code 2019 Art. 112 falls on a weekday and is not a day off (`date`, and `params.holiday`)
 */
export type ScheduleProblemReason =
  | 'year'
  | 'status'
  | 'shape'
  | 'entry'
  | 'missing date'
  | 'invalid date'
  | 'date outside the year'
  | 'duplicate date'
  | 'kind'
  | 'name'
  | 'name too long'
  | 'swapped day on a weekend'
  | 'working day is not a Saturday'
  | 'sources'
  | 'statutory holiday missing';

/** One problem of a schedule. */
export interface ScheduleProblem {
  reason: ScheduleProblemReason;
  /** where in the input, e.g. `daysOff[2].name`, `workingSaturdays[0]`, `sources[1]`, `year` ('' = the whole input) */
  field: string;
  /** the date of the entry, as given, when it is a string */
  date?: string;
  /** the offending value (year, kind, status, a date that is not a string), when it says something */
  value?: string | number | boolean | null;
  /** more placeholders of the message: `holiday` (the holiday's name) for `statutory holiday missing` */
  params?: { holiday: string };
}

/** How strictly to check a schedule. */
export interface ScheduleCheckOptions {
  /**
   * Administrator input (PUT, import): every statutory holiday (`requiredStatutoryHolidays`) that
   * falls on a weekday must be a day off. Off for stored and shipped years, so that a year saved
   * before this rule still loads.
   */
  requireStatutoryHolidays?: boolean;
}

/**
 * The public holidays of Labour Code 2019 Art. 112 whose dates the law fixes, in date order:
 * 1/1, Tết Nguyên đán mùng 1–3 (of the lunar year beginning in `year`), Giỗ Tổ Hùng Vương (10/3
 * lunar), 30/4, 1/5 and 2/9. Not included: the other Tết days and the day adjacent to 2/9 (the
 * Government picks them each year), and compensatory days. The lunar days only for 1900–2199.
 */
export function requiredStatutoryHolidays(year: number): { date: string; name: string }[] {
  return holidayDays(year).map((h) => ({ date: formatDate(h.day), name: h.name }));
}

function holidayDays(year: number): { day: number; name: string }[] {
  const d = (m: number, day: number) => epochDayFromYmd(year, m, day);
  const list: { day: number; name: string }[] = [
    { day: d(1, 1), name: 'Tết Dương lịch' },
    { day: d(4, 30), name: 'Ngày Chiến thắng' },
    { day: d(5, 1), name: 'Quốc tế Lao động' },
    { day: d(9, 2), name: 'Quốc khánh' },
  ];
  if (year >= LUNAR_MIN_YEAR && year <= LUNAR_MAX_YEAR) {
    const tet = lunarNewYearEpoch(year);
    list.push(
      { day: tet, name: 'Tết Nguyên đán mùng 1' },
      { day: tet + 1, name: 'Tết Nguyên đán mùng 2' },
      { day: tet + 2, name: 'Tết Nguyên đán mùng 3' },
      {
        day: lunarToSolarEpoch({ day: 10, month: 3, year, leapMonth: false }),
        name: 'Giỗ Tổ Hùng Vương 10/3 âm lịch',
      },
    );
  }
  return list.sort((a, b) => a.day - b.day);
}

/** A value short enough to quote back in a message; objects and arrays are not quoted. */
function quotable(v: unknown): ScheduleProblem['value'] | undefined {
  if (typeof v === 'string') return v.length > 60 ? `${v.slice(0, 57)}...` : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a schedule without throwing: either the schedule normalised (sorted, working Saturdays
 * named, status defaulting to 'official') or every problem found, in the order of the input.
 * Any value is accepted as input (it may come from a file): every field is type-checked.
 */
export function checkYearSchedule(
  input: unknown,
  options: ScheduleCheckOptions = {},
): { schedule: YearSchedule; problems: [] } | { schedule?: undefined; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const add = (p: ScheduleProblem) => {
    if (p.value === undefined) delete p.value;
    if (p.date === undefined) delete p.date;
    problems.push(p);
  };
  if (!isRecord(input)) {
    add({ reason: 'shape', field: '' });
    return { problems };
  }
  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1 && year <= 9999;
  if (!yearOk) add({ reason: 'year', field: 'year', value: quotable(year) });
  const status = input.status ?? 'official';
  if (status !== 'official' && status !== 'provisional')
    add({ reason: 'status', field: 'status', value: quotable(status) });

  const seen = new Set<string>();
  /** the epoch day of an entry's date, or NaN after adding its problem */
  const checkDate = (date: unknown, field: string): number => {
    if (date === undefined || date === null || date === '') {
      add({ reason: 'missing date', field });
      return Number.NaN;
    }
    if (typeof date !== 'string') {
      add({ reason: 'invalid date', field, value: quotable(date) });
      return Number.NaN;
    }
    const n = tryParseDate(date);
    if (Number.isNaN(n)) add({ reason: 'invalid date', field, date: quotable(date) as string });
    else if (yearOk && ymdFromEpochDay(n).year !== year) add({ reason: 'date outside the year', field, date });
    else if (seen.has(date)) add({ reason: 'duplicate date', field, date });
    else {
      seen.add(date);
      return n;
    }
    return Number.NaN;
  };
  const dateOf = (v: unknown) => (typeof v === 'string' && v !== '' ? (quotable(v) as string) : undefined);

  const daysOff: DayOff[] = [];
  /** the valid dates of the days off, whatever their other problems */
  const offDays = new Set<number>();
  if (!Array.isArray(input.daysOff)) add({ reason: 'shape', field: 'daysOff' });
  else
    for (const [i, d] of (input.daysOff as unknown[]).entries()) {
      const at = `daysOff[${i}]`;
      if (!isRecord(d)) {
        add({ reason: 'entry', field: at, value: quotable(d) });
        continue;
      }
      const date = dateOf(d.date);
      const n = checkDate(d.date, `${at}.date`);
      if (!Number.isNaN(n)) offDays.add(n);
      const kindOk = DAY_OFF_KINDS.includes(d.kind as DayOffKind);
      if (!kindOk) add({ reason: 'kind', field: `${at}.kind`, date, value: quotable(d.kind) });
      const name = typeof d.name === 'string' ? d.name.trim() : '';
      if (!name) add({ reason: 'name', field: `${at}.name`, date, value: quotable(d.name) });
      else if (name.length > SCHEDULE_NAME_MAX) add({ reason: 'name too long', field: `${at}.name`, date });
      if (d.kind === 'swapped' && !Number.isNaN(n) && isWeekend(n))
        add({ reason: 'swapped day on a weekend', field: `${at}.date`, date });
      if (!Number.isNaN(n) && kindOk && name && name.length <= SCHEDULE_NAME_MAX)
        daysOff.push({ date: d.date as string, kind: d.kind as DayOffKind, name });
    }

  const workingSaturdays: WorkingSaturday[] = [];
  if (!Array.isArray(input.workingSaturdays)) add({ reason: 'shape', field: 'workingSaturdays' });
  else
    for (const [i, w] of (input.workingSaturdays as unknown[]).entries()) {
      const at = `workingSaturdays[${i}]`;
      if (typeof w !== 'string' && !isRecord(w)) {
        add({ reason: 'entry', field: at, value: quotable(w) });
        continue;
      }
      const raw = typeof w === 'string' ? w : w.date;
      const date = dateOf(raw);
      const n = checkDate(raw, typeof w === 'string' ? at : `${at}.date`);
      let saturdayOk = true;
      if (!Number.isNaN(n) && weekday(n) !== 6) {
        add({ reason: 'working day is not a Saturday', field: typeof w === 'string' ? at : `${at}.date`, date });
        saturdayOk = false;
      }
      const given = typeof w === 'string' ? undefined : w.name;
      let name = DEFAULT_WORKING_SATURDAY_NAME;
      let nameOk = true;
      if (given !== undefined && given !== null) {
        if (typeof given !== 'string') {
          add({ reason: 'name', field: `${at}.name`, date, value: quotable(given) });
          nameOk = false;
        } else if (given.trim().length > SCHEDULE_NAME_MAX) {
          add({ reason: 'name too long', field: `${at}.name`, date });
          nameOk = false;
        } else if (given.trim()) name = given.trim();
      }
      if (!Number.isNaN(n) && saturdayOk && nameOk) workingSaturdays.push({ date: raw as string, name });
    }

  const sources: string[] = [];
  const rawSources = input.sources ?? [];
  if (!Array.isArray(rawSources)) add({ reason: 'sources', field: 'sources', value: quotable(rawSources) });
  else
    for (const [i, s] of (rawSources as unknown[]).entries()) {
      if (typeof s !== 'string' || !s.trim() || s.trim().length > SCHEDULE_SOURCE_MAX)
        add({ reason: 'sources', field: `sources[${i}]`, value: quotable(s) });
      else sources.push(s.trim());
    }

  if (options.requireStatutoryHolidays && yearOk && Array.isArray(input.daysOff))
    for (const { day, name } of holidayDays(year as number))
      if (!isWeekend(day) && !offDays.has(day))
        add({
          reason: 'statutory holiday missing',
          field: 'daysOff',
          date: formatDate(day),
          params: { holiday: name },
        });

  if (problems.length) return { problems };
  const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    schedule: {
      year: year as number,
      status: status as ScheduleStatus,
      daysOff: daysOff.sort(byDate),
      workingSaturdays: workingSaturdays.sort(byDate),
      sources,
    },
    problems: [],
  };
}

/**
 * Checks a schedule and returns it normalised (sorted, working Saturdays named, status defaulting
 * to 'official'). Every date must be a real date inside the schedule's year; a date may appear
 * only once; working Saturdays must be Saturdays; a swapped day must be a weekday. A refused
 * schedule throws CALENDAR_INVALID_SCHEDULE with every problem in `params.problems` (and the
 * first one's `reason` and `date`). With `requireStatutoryHolidays` (administrator input), every
 * statutory holiday on a weekday must be a day off too.
 */
export function validateYearSchedule(input: YearScheduleInput, options: ScheduleCheckOptions = {}): YearSchedule {
  const r = checkYearSchedule(input, options);
  if (r.schedule) return r.schedule;
  const first = r.problems[0]!;
  const year = isRecord(input) ? input.year : undefined;
  throw new CalendarError('CALENDAR_INVALID_SCHEDULE', {
    year,
    reason: first.reason,
    ...(first.date !== undefined ? { date: first.date } : {}),
    problems: r.problems,
  });
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
