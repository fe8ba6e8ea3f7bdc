/**
 * Error codes of the calendar module. They are stable: the app maps each one to HTTP 400 and to a
 * translated message, so renaming one is a breaking change.
 */
export type CalendarErrorCode =
  | 'CALENDAR_INVALID_DATE'
  | 'CALENDAR_INVALID_INSTANT'
  | 'CALENDAR_INSTANT_WITHOUT_ZONE'
  | 'CALENDAR_INVALID_TIME_OF_DAY'
  | 'CALENDAR_WORKING_DAYS_NOT_INTEGER'
  | 'CALENDAR_WORKING_DAYS_OUT_OF_RANGE'
  | 'CALENDAR_YEAR_OUT_OF_RANGE'
  | 'CALENDAR_INVALID_LUNAR_DATE'
  | 'CALENDAR_INVALID_SCHEDULE';

export const CALENDAR_ERROR_CODES: readonly CalendarErrorCode[] = [
  'CALENDAR_INVALID_DATE',
  'CALENDAR_INVALID_INSTANT',
  'CALENDAR_INSTANT_WITHOUT_ZONE',
  'CALENDAR_INVALID_TIME_OF_DAY',
  'CALENDAR_WORKING_DAYS_NOT_INTEGER',
  'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
  'CALENDAR_YEAR_OUT_OF_RANGE',
  'CALENDAR_INVALID_LUNAR_DATE',
  'CALENDAR_INVALID_SCHEDULE',
];

/** A rejected calendar input. Never an HTTP error: the app decides the status from `code`. */
export class CalendarError extends Error {
  constructor(
    public code: CalendarErrorCode,
    public params: Record<string, unknown> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'CalendarError';
  }
}
