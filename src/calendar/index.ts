/**
 * Vietnamese working days and lunar calendar — pure, data-driven, no I/O (besides the shipped
 * JSON seed). The three public answers: `computeDueDate`, `solarToLunar`, `describeYear`.
 */
export {
  addWorkingDaysEpoch,
  buildCalendar,
  type Calendar,
  type CalendarOptions,
  countWorkingDaysEpoch,
  isProvisionalBetween,
  isWorkingEpochDay,
  WORKING_DAYS_MAX_YEAR,
  WORKING_DAYS_MIN_YEAR,
  workingDayOnOrAfterEpoch,
} from './calendar.ts';
export { CALENDAR_ERROR_CODES, CalendarError, type CalendarErrorCode } from './calendar-errors.ts';
export { epochDayFromYmd, formatDate, parseDate, tryParseDate, weekday, ymdFromEpochDay } from './civil-date.ts';
export { defaultCalendar } from './default-calendar.ts';
export {
  computeDueDate,
  DEFAULT_CUTOFF,
  DEFAULT_RECEIPT_RULE,
  type DueDateAnswer,
  dueEpochDay,
  effectiveReceiptEpochDay,
  type ReceiptRule,
  receiptRule,
  receiptRuleFrom,
} from './due-date.ts';
export {
  HCM_OFFSET_MS,
  hcmDate,
  hcmEpochDay,
  hcmMsOfDay,
  instantToMs,
  parseInstant,
  parseTimeOfDay,
} from './instant.ts';
export {
  LUNAR_MAX_YEAR,
  LUNAR_MIN_YEAR,
  type LunarDate,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearEpoch,
  lunarToSolar,
  lunarToSolarEpoch,
  solarToLunar,
  solarToLunarEpoch,
} from './lunar.ts';
export { canChi, lunarLabel } from './lunar-label.ts';
export { type OfficialDaysOffFile, parseOfficialDaysOffFile, shippedSchedules } from './official-schedules.ts';
export {
  DAY_OFF_KINDS,
  type DayOff,
  type DayOffKind,
  mergeSchedules,
  type ScheduleStatus,
  validateYearSchedule,
  type WorkingSaturday,
  type YearSchedule,
  type YearScheduleInput,
} from './schedule.ts';
export { deriveProvisionalSchedule } from './statutory-holidays.ts';
export {
  addWorkingDays,
  type CountAnswer,
  checkWorkingDays,
  countWorkingDays,
  countWorkingDaysBetweenInstants,
  type DateAnswer,
  type DayInfo,
  dayInfo,
  isPromiseOnDayOff,
  isProvisionalPromise,
  isWorkingDay,
  MAX_WORKING_DAYS,
  parseWorkingDays,
} from './working-days.ts';
export { describeYear, parseYear, type YearOverview } from './year-overview.ts';
