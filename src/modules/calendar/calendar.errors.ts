import { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode, tryParseDate } from '../../calendar/index.ts';
import type { ScheduleProblem } from '../../calendar/schedule.ts';
import { AppError, defineErrors, type ErrorDef, formatMessage } from '../../errors.ts';

const defs = {
  CALENDAR_INVALID_DATE: {
    status: 400,
    vi: 'Ngày "{value}" không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).',
    en: 'Invalid date "{value}" (expected a real date as YYYY-MM-DD).',
  },
  CALENDAR_INVALID_INSTANT: {
    status: 400,
    vi: 'Thời điểm "{value}" không hợp lệ (cần dạng {expected}).',
    en: 'Invalid instant "{value}" (expected {expected}).',
  },
  CALENDAR_INSTANT_WITHOUT_ZONE: {
    status: 400,
    vi: 'Thời điểm "{value}" thiếu múi giờ (thêm Z hoặc +07:00).',
    en: 'The instant "{value}" has no time zone (add Z or +07:00).',
  },
  CALENDAR_INVALID_TIME_OF_DAY: {
    status: 400,
    vi: 'Giờ "{value}" không hợp lệ (cần dạng HH:MM).',
    en: 'Invalid time of day "{value}" (expected HH:MM).',
  },
  CALENDAR_WORKING_DAYS_NOT_INTEGER: {
    status: 400,
    vi: 'Số ngày làm việc phải là số nguyên.',
    en: 'The number of working days must be an integer.',
  },
  CALENDAR_WORKING_DAYS_OUT_OF_RANGE: {
    status: 400,
    vi: 'Số ngày làm việc phải từ {min} đến {max}.',
    en: 'The number of working days must be between {min} and {max}.',
  },
  CALENDAR_YEAR_OUT_OF_RANGE: {
    status: 400,
    vi: 'Năm {year} nằm ngoài phạm vi lịch ({min}–{max}).',
    en: 'Year {year} is outside the calendar ({min}–{max}).',
  },
  CALENDAR_INVALID_LUNAR_DATE: {
    status: 400,
    vi: 'Ngày âm lịch không tồn tại.',
    en: 'No such lunar date.',
  },
  // {listVi} / {listEn}: the problems, each naming its date (e.g. "30/02/2031: ngày không hợp lệ")
  CALENDAR_INVALID_SCHEDULE: {
    status: 400,
    vi: 'Lịch nghỉ năm {year} không hợp lệ: {listVi}.',
    en: 'The schedule of {year} is not valid: {listEn}.',
  },
} satisfies Record<CalendarErrorCode, ErrorDef>;

export const CalendarErrors = defineErrors({
  ...defs,
  CALENDAR_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp lịch nghỉ có {count} lỗi; không năm nào được nhập: {listVi}.',
    en: 'The schedule file has {count} errors; nothing was imported: {listEn}.',
  },
  // `cchc calendar year` / `lunar` without their argument, or with something that is no year
  CALENDAR_YEAR_MISSING: {
    status: 400,
    vi: 'Thiếu năm (cần dạng YYYY).',
    en: 'The year is missing (expected YYYY).',
  },
  CALENDAR_NOT_A_YEAR: {
    status: 400,
    vi: '"{value}" không phải là một năm (cần dạng YYYY).',
    en: '"{value}" is not a year (expected YYYY).',
  },
  CALENDAR_DATE_MISSING: {
    status: 400,
    vi: 'Thiếu ngày (cần dạng YYYY-MM-DD).',
    en: 'The date is missing (expected YYYY-MM-DD).',
  },
  CALENDAR_IMPORT_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp lịch nghỉ (cần .json hoặc .xlsx).',
    en: 'Cannot read the schedule file (expected .json or .xlsx).',
  },
  CALENDAR_IMPORT_FILE_EMPTY: {
    status: 400,
    vi: 'Tệp lịch nghỉ trống (không có nội dung).',
    en: 'The schedule file is empty.',
  },
  // {atVi} / {atEn}: where the parser stopped, e.g. " (lỗi ở dòng 3, cột 7)", or '' when unknown
  CALENDAR_IMPORT_NOT_JSON: {
    status: 400,
    vi: 'Tệp lịch nghỉ không phải là JSON hợp lệ{atVi}.',
    en: 'The schedule file is not valid JSON{atEn}.',
  },
  CALENDAR_IMPORT_NOT_XLSX: {
    status: 400,
    vi: 'Tệp lịch nghỉ không phải là bảng tính Excel (.xlsx).',
    en: 'The schedule file is not an Excel workbook (.xlsx).',
  },
});

// every code of the pure module has a text
for (const code of CALENDAR_ERROR_CODES) if (!(code in defs)) throw new Error(`no text for ${code}`);

export type Locale = 'vi' | 'en';

/**
 * Why a schedule (PUT body or file) is refused: the pure validator's reasons and those of the
 * file reader. The key is stable English (the `problem` member); the texts name no place, the
 * message puts the date (or row, or entry) in front.
 */
const PROBLEM_TEXTS: Record<string, { vi: string; en: string }> = {
  year: { vi: 'năm {value} không hợp lệ', en: 'the year {value} is not valid' },
  status: { vi: 'trạng thái {value} không hợp lệ', en: 'the status {value} is not valid' },
  shape: { vi: 'phải là một danh sách', en: 'must be a list' },
  'shape of the schedule': {
    vi: 'lịch nghỉ phải là một đối tượng { daysOff, workingSaturdays, sources }',
    en: 'a schedule must be an object { daysOff, workingSaturdays, sources }',
  },
  entry: { vi: 'phải là một đối tượng { date, kind, name }', en: 'must be an object { date, kind, name }' },
  'entry of a working Saturday': {
    vi: 'phải là một ngày "YYYY-MM-DD" hoặc một đối tượng { date, name }',
    en: 'must be a date "YYYY-MM-DD" or an object { date, name }',
  },
  'missing date': { vi: 'thiếu ngày', en: 'the date is missing' },
  'invalid date': { vi: 'ngày không hợp lệ', en: 'not a valid date' },
  'invalid date format': {
    vi: 'ngày không hợp lệ (cần dạng YYYY-MM-DD)',
    en: 'not a valid date (expected YYYY-MM-DD)',
  },
  'date outside the year': { vi: 'không thuộc năm {year}', en: 'not in {year}' },
  'duplicate date': { vi: 'ngày bị trùng (đã có ở trên)', en: 'the date is listed twice' },
  kind: { vi: 'loại ngày {value} không hợp lệ (cần {kinds})', en: 'the kind {value} is not valid (expected {kinds})' },
  name: { vi: 'thiếu tên ngày, hoặc tên không phải chữ', en: 'the name is missing or not text' },
  'name too long': { vi: 'tên dài quá 200 ký tự', en: 'the name is longer than 200 characters' },
  'swapped day on a weekend': {
    vi: 'ngày nghỉ hoán đổi rơi vào thứ Bảy hoặc Chủ nhật',
    en: 'a swapped day off falls on a Saturday or Sunday',
  },
  'working day is not a Saturday': {
    vi: 'ngày làm bù không phải thứ Bảy',
    en: 'a make-up working day must be a Saturday',
  },
  sources: {
    vi: 'văn bản thông báo phải là chữ, không để trống, tối đa 300 ký tự',
    en: 'a source document must be non-empty text of at most 300 characters',
  },
  'source document missing': {
    vi: 'thiếu văn bản thông báo (sources)',
    en: 'the announcing document (sources) is missing',
  },
  'year outside the calendar': {
    vi: 'năm nằm ngoài phạm vi lịch ({min}–{max})',
    en: 'the year is outside the calendar ({min}–{max})',
  },
  'not a year': { vi: '"{key}" không phải là một năm kèm lịch nghỉ', en: '"{key}" is not a year with a schedule' },
  timezone: { vi: 'múi giờ phải là Asia/Ho_Chi_Minh', en: 'the time zone must be Asia/Ho_Chi_Minh' },
  'no schedule': { vi: 'tệp không có lịch nghỉ nào', en: 'the file holds no schedule' },
  'statutory holiday missing': {
    vi: 'ngày lễ theo Điều 112 Bộ luật Lao động ({holiday}) phải là ngày nghỉ',
    en: 'a public holiday under Article 112 of the Labour Code ({holiday}) must be a day off',
  },
  column: {
    vi: 'cột {position} phải là "{expected}" (đang là "{found}")',
    en: 'column {position} must be "{expected}" (found "{found}")',
  },
  'source year': {
    vi: 'trang "{sheet}", dòng {sheetRow}: năm {value} không hợp lệ (cần YYYY)',
    en: 'sheet "{sheet}", row {sheetRow}: the year {value} is not valid (expected YYYY)',
  },
};

/** What the file reader knows about a problem besides the validator's fields. */
export interface ProblemInput {
  reason: string;
  year?: number;
  /** row of an xlsx file */
  row?: number;
  field?: string;
  date?: string;
  value?: unknown;
  /** more placeholders of the text (kinds, min, max, key…) */
  params?: Record<string, unknown>;
}

/** One problem as the API lists it (import and PUT): where, the stable reason, and a message in the reader's language. */
export interface ProblemView {
  year?: number;
  row?: number;
  /** the entry's date as given */
  date?: string;
  /** where in a JSON body or file, e.g. `daysOff[2].name` */
  field?: string;
  /** stable English key, e.g. "invalid date" */
  problem: string;
  /** in the request's language, naming the date (or row, or entry): "30/02/2031: ngày không hợp lệ" */
  message: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real date "2031-01-03" → "03/01/2031"; anything else ("2026-13-01", "03/01/2033") is quoted as given. */
function showDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m && !Number.isNaN(tryParseDate(date)) ? `${m[3]}/${m[2]}/${m[1]}` : `"${date}"`;
}

/** `daysOff[2].name` → "ngày nghỉ thứ 3"; a list → its name. */
function showField(field: string, locale: Locale): string | undefined {
  const vi = locale === 'vi';
  const m = /^(daysOff|workingSaturdays|sources)(?:\[(\d+)\])?/.exec(field);
  if (!m) return undefined;
  const n = m[2] === undefined ? undefined : Number(m[2]) + 1;
  const names = {
    daysOff: vi ? ['ngày nghỉ (daysOff)', 'ngày nghỉ thứ'] : ['days off (daysOff)', 'day off #'],
    workingSaturdays: vi
      ? ['ngày làm bù (workingSaturdays)', 'ngày làm bù thứ']
      : ['working Saturdays (workingSaturdays)', 'working Saturday #'],
    sources: vi ? ['văn bản thông báo (sources)', 'văn bản thứ'] : ['sources', 'source #'],
  }[m[1] as 'daysOff' | 'workingSaturdays' | 'sources'];
  if (n === undefined) return names[0];
  return vi ? `${names[1]} ${n}` : `${names[1]}${n}`;
}

function showValue(v: unknown, locale: Locale): string {
  if (v === undefined) return locale === 'vi' ? '(trống)' : '(none)';
  return typeof v === 'string' ? `"${v}"` : String(JSON.stringify(v) ?? v);
}

/** A problem as the API lists it, its message in `locale`. */
export function describeProblem(p: ProblemInput, locale: Locale): ProblemView {
  let key = p.reason;
  if (key === 'shape' && !p.field) key = 'shape of the schedule';
  if (key === 'entry' && p.field?.startsWith('workingSaturdays')) key = 'entry of a working Saturday';
  if (key === 'invalid date' && !(p.date !== undefined && ISO_DATE.test(p.date))) key = 'invalid date format';
  const texts = PROBLEM_TEXTS[key];
  const params = {
    year: p.year ?? '',
    value: showValue(p.value, locale),
    kinds: 'holiday, compensatory, swapped',
    ...p.params,
  };
  const text = texts ? formatMessage(texts[locale], params) : p.reason;
  const where: string[] = [];
  if (p.row !== undefined) where.push(locale === 'vi' ? `dòng ${p.row}` : `row ${p.row}`);
  if (p.date !== undefined) where.push(showDate(p.date));
  else if (p.row === undefined && p.field) {
    const f = showField(p.field, locale);
    if (f) where.push(f);
  }
  return {
    ...(p.year !== undefined ? { year: p.year } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.date !== undefined ? { date: p.date } : {}),
    ...(p.field ? { field: p.field } : {}),
    problem: p.reason,
    message: where.length ? `${where.join(', ')}: ${text}` : text,
  };
}

/** The first problems in one line, for the `detail` of the problem document. */
export function problemList(problems: readonly ProblemInput[], locale: Locale, max = 10): string {
  const shown = problems.slice(0, max).map((p) => {
    const m = describeProblem(p, locale).message;
    return p.year !== undefined && problems.some((q) => q.year !== p.year) ? `${p.year} – ${m}` : m;
  });
  const more = problems.length - shown.length;
  if (more > 0) shown.push(locale === 'vi' ? `và ${more} lỗi khác` : `and ${more} more`);
  return shown.join('; ');
}

/** A refused schedule or file: every problem in `problems`, the first ones in the message (both languages). */
export function problemsError(
  code: 'CALENDAR_INVALID_SCHEDULE' | 'CALENDAR_IMPORT_INVALID',
  problems: readonly ProblemInput[],
  locale: Locale,
  params: Record<string, unknown> = {},
): AppError {
  return new AppError(
    code,
    {
      ...params,
      count: problems.length,
      listVi: problemList(problems, 'vi'),
      listEn: problemList(problems, 'en'),
    },
    { problems: problems.map((p) => describeProblem(p, locale)) },
  );
}

/** The problems of a CALENDAR_INVALID_SCHEDULE thrown by the pure validator (or one made of its reason). */
function scheduleProblems(err: CalendarError): ProblemInput[] {
  const { year, reason, date, problems } = err.params as {
    year?: unknown;
    reason?: unknown;
    date?: unknown;
    problems?: ScheduleProblem[];
  };
  const y = typeof year === 'number' ? year : undefined;
  if (Array.isArray(problems)) return problems.map((p) => ({ ...p, year: y }));
  return [{ reason: String(reason ?? 'invalid'), year: y, ...(typeof date === 'string' ? { date } : {}) }];
}

/**
 * The pure calendar's errors become AppErrors with the same code (and params); others pass through.
 * A refused schedule lists its problems (messages in `locale`).
 */
export function toAppError(err: unknown, locale: Locale = 'vi'): unknown {
  if (!(err instanceof CalendarError)) return err;
  if (err.code === 'CALENDAR_INVALID_SCHEDULE')
    return problemsError(err.code, scheduleProblems(err), locale, { year: err.params.year ?? '' });
  return new AppError(err.code, err.params);
}

/** Runs fn, turning a CalendarError into an AppError (problem messages in `locale`). */
export function calendarCall<T>(fn: () => T, locale: Locale = 'vi'): T {
  try {
    return fn();
  } catch (err) {
    throw toAppError(err, locale);
  }
}
