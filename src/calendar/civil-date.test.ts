import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import {
  daysInMonth,
  epochDayFromYmd,
  formatDate,
  parseDate,
  tryParseDate,
  weekday,
  ymdFromEpochDay,
} from './civil-date.ts';

describe('epoch days', () => {
  it('matches known day numbers', () => {
    expect(epochDayFromYmd(1970, 1, 1)).toBe(0);
    expect(epochDayFromYmd(2000, 1, 1)).toBe(10957);
    expect(epochDayFromYmd(1969, 12, 31)).toBe(-1);
    expect(epochDayFromYmd(1900, 3, 1) - epochDayFromYmd(1900, 2, 28)).toBe(1); // 1900 is not leap
    expect(epochDayFromYmd(2000, 3, 1) - epochDayFromYmd(2000, 2, 28)).toBe(2); // 2000 is
  });

  it('agrees with Date.UTC across 1890–2210', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2210, 11, 31) }), (ms) => {
        const d = new Date(ms);
        const day = epochDayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        expect(day).toBe(Math.floor(ms / 86_400_000));
        expect(ymdFromEpochDay(day)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
        expect(weekday(day)).toBe(d.getUTCDay());
        expect(formatDate(day)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });

  it('knows weekdays from the calendar', () => {
    expect(weekday(parseDate('2024-03-01'))).toBe(5); // Friday
    expect(weekday(parseDate('2025-04-26'))).toBe(6); // Saturday (a working Saturday)
    expect(weekday(parseDate('2023-01-22'))).toBe(0); // Sunday, Tết Quý Mão
  });
});

describe('parseDate', () => {
  it('round-trips', () => {
    expect(formatDate(parseDate('2024-02-29'))).toBe('2024-02-29');
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it.each([
    '2023-02-29',
    '2023-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-1-01',
    '24-01-01',
    '2024/01/01',
    '2024-01-01T00:00:00Z',
    '',
    ' 2024-01-01',
    '２０２４-01-01',
  ])('rejects %j with CALENDAR_INVALID_DATE', (s) => {
    expect(Number.isNaN(tryParseDate(s))).toBe(true);
    expect(() => parseDate(s)).toThrow(CalendarError);
    try {
      parseDate(s);
    } catch (e) {
      expect((e as CalendarError).code).toBe('CALENDAR_INVALID_DATE');
      expect((e as CalendarError).params.value).toBe(s);
    }
  });

  it('rejects non-strings', () => {
    expect(() => parseDate(20240101 as unknown as string)).toThrow(CalendarError);
  });
});
