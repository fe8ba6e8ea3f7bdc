import { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode } from '../../calendar/index.ts';
import { AppError, defineErrors, type ErrorDef } from '../../errors.ts';

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
  CALENDAR_INVALID_SCHEDULE: {
    status: 400,
    vi: 'Lịch nghỉ năm {year} không hợp lệ: {reason}.',
    en: 'The schedule of {year} is not valid: {reason}.',
  },
} satisfies Record<CalendarErrorCode, ErrorDef>;

export const CalendarErrors = defineErrors({
  ...defs,
  CALENDAR_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp lịch nghỉ có {count} lỗi; không năm nào được nhập.',
    en: 'The schedule file has {count} errors; nothing was imported.',
  },
  CALENDAR_IMPORT_FILE_UNREADABLE: {
    status: 400,
    vi: 'Không đọc được tệp lịch nghỉ (cần .json hoặc .xlsx).',
    en: 'Cannot read the schedule file (expected .json or .xlsx).',
  },
});

// every code of the pure module has a text
for (const code of CALENDAR_ERROR_CODES) if (!(code in defs)) throw new Error(`no text for ${code}`);

/** The pure calendar's errors become AppErrors with the same code (and params); others pass through. */
export function toAppError(err: unknown): unknown {
  return err instanceof CalendarError ? new AppError(err.code, err.params) : err;
}

/** Runs fn, turning a CalendarError into an AppError. */
export function calendarCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw toAppError(err);
  }
}
