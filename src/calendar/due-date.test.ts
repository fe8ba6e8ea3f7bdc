/** Deadlines worked out by hand from the official schedules in data/vn-official-days-off.json. */
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import { defaultCalendar } from './default-calendar.ts';
import { computeDueDate, receiptRule } from './due-date.ts';

const cal = defaultCalendar();
const due = (receivedAt: string, n: number, cutoff?: string | null) =>
  computeDueDate(cal, receivedAt, n, cutoff === undefined ? undefined : receiptRule(cutoff));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('receipt rule', () => {
  it('15:00 cut-off: 14:59:59 is today, 15:00:00 is the next working day', () => {
    expect(due('2024-03-05T14:59:59+07:00', 0).effectiveReceiptDate).toBe('2024-03-05');
    expect(due('2024-03-05T14:59:59.999+07:00', 0).effectiveReceiptDate).toBe('2024-03-05');
    expect(due('2024-03-05T15:00:00+07:00', 0).effectiveReceiptDate).toBe('2024-03-06');
    expect(due('2024-03-05T23:59:59+07:00', 0).effectiveReceiptDate).toBe('2024-03-06');
    expect(due('2024-03-06T00:00:00+07:00', 0).effectiveReceiptDate).toBe('2024-03-06');
  });

  it('reads instants in other zones as Hà Nội time', () => {
    // 08:30 UTC is 15:30 in Hà Nội, a Friday → Monday
    expect(due('2024-03-01T08:30:00Z', 0)).toEqual({
      effectiveReceiptDate: '2024-03-04',
      dueDate: '2024-03-04',
      provisional: false,
    });
    expect(due('2024-03-01T07:59:59Z', 0).effectiveReceiptDate).toBe('2024-03-01');
    // Sunday 17:30 UTC is Monday 00:30 in Hà Nội
    expect(due('2024-03-03T17:30:00Z', 0).effectiveReceiptDate).toBe('2024-03-04');
    // 03:00 in New York (UTC−5) on Monday is 15:00 in Hà Nội
    expect(due('2024-03-04T03:00:00-05:00', 0).effectiveReceiptDate).toBe('2024-03-05');
    expect(computeDueDate(cal, new Date(Date.UTC(2024, 2, 1, 8, 30)), 0).effectiveReceiptDate).toBe('2024-03-04');
  });

  it('Friday after 15:00: day 1 is Tuesday', () => {
    expect(due('2024-03-01T15:30:00+07:00', 1)).toEqual({
      effectiveReceiptDate: '2024-03-04',
      dueDate: '2024-03-05',
      provisional: false,
    });
  });

  it('received on a Sunday morning → Monday', () => {
    expect(due('2024-03-03T09:00:00+07:00', 1)).toEqual({
      effectiveReceiptDate: '2024-03-04',
      dueDate: '2024-03-05',
      provisional: false,
    });
  });

  it('cut-off is configurable and can be disabled', () => {
    expect(due('2024-03-05T16:29:00+07:00', 0, '16:30').effectiveReceiptDate).toBe('2024-03-05');
    expect(due('2024-03-05T16:30:00+07:00', 0, '16:30').effectiveReceiptDate).toBe('2024-03-06');
    expect(due('2024-03-05T23:59:59+07:00', 0, null).effectiveReceiptDate).toBe('2024-03-05');
    expect(due('2024-03-09T10:00:00+07:00', 0, null).effectiveReceiptDate).toBe('2024-03-11'); // Saturday still moves
    expect(code(() => receiptRule('3pm'))).toBe('CALENDAR_INVALID_TIME_OF_DAY');
  });
});

describe('deadlines across official days off', () => {
  it.each([
    // Tết Giáp Thìn 2024: off Thu 8/2 – Wed 14/2
    ['2024-02-07T10:00:00+07:00', 3, '2024-02-07', '2024-02-19'],
    ['2024-02-07T15:00:00+07:00', 1, '2024-02-15', '2024-02-16'],
    ['2024-02-10T09:00:00+07:00', 0, '2024-02-15', '2024-02-15'],
    // Tết Ất Tỵ 2025: off Mon 27/1 – Fri 31/1
    ['2025-01-24T09:00:00+07:00', 2, '2025-01-24', '2025-02-04'],
    ['2025-01-24T15:00:00+07:00', 2, '2025-02-03', '2025-02-05'],
    // 30/4–1/5 2025: Saturday 26/4 worked, Friday 2/5 off instead
    ['2025-04-25T10:00:00+07:00', 1, '2025-04-25', '2025-04-26'],
    ['2025-04-25T10:00:00+07:00', 2, '2025-04-25', '2025-04-28'],
    ['2025-04-25T10:00:00+07:00', 4, '2025-04-25', '2025-05-05'],
    ['2025-04-26T09:00:00+07:00', 0, '2025-04-26', '2025-04-26'], // received on the working Saturday
    ['2025-04-26T16:00:00+07:00', 0, '2025-04-28', '2025-04-28'],
    ['2025-04-27T09:00:00+07:00', 1, '2025-04-28', '2025-04-29'],
    ['2025-04-29T09:00:00+07:00', 1, '2025-04-29', '2025-05-05'],
    // year end into 2026: 1/1 holiday, 2/1 swapped, Saturday 10/1 worked
    ['2025-12-31T10:00:00+07:00', 1, '2025-12-31', '2026-01-05'],
    ['2025-12-31T10:00:00+07:00', 5, '2025-12-31', '2026-01-09'],
    ['2025-12-31T10:00:00+07:00', 6, '2025-12-31', '2026-01-10'],
    ['2025-12-31T15:00:00+07:00', 0, '2026-01-05', '2026-01-05'],
    // Giỗ Tổ 2026 on Sunday 26/4 → Monday 27/4 off
    ['2026-04-24T10:00:00+07:00', 1, '2026-04-24', '2026-04-28'],
    // Quốc khánh 2026: Saturday 22/8 worked; Mon 31/8 swapped, 1–2/9 holidays
    ['2026-08-21T10:00:00+07:00', 1, '2026-08-21', '2026-08-22'],
    ['2026-08-28T10:00:00+07:00', 1, '2026-08-28', '2026-09-03'],
    // 2023: Giỗ Tổ Saturday 29/4, 30/4 Sunday → nghỉ bù 2/5 and 3/5
    ['2023-04-28T10:00:00+07:00', 1, '2023-04-28', '2023-05-04'],
  ])('%s + %i working days → received %s, due %s', (at, n, effective, dueDate) => {
    expect(due(at, n)).toEqual({ effectiveReceiptDate: effective, dueDate, provisional: false });
  });

  it('flags answers that reach into a provisional year', () => {
    expect(due('2026-12-30T10:00:00+07:00', 1)).toEqual({
      effectiveReceiptDate: '2026-12-30',
      dueDate: '2026-12-31',
      provisional: false,
    });
    // 1/1/2027 is a statutory holiday in the provisional 2027 schedule
    expect(due('2026-12-30T10:00:00+07:00', 3)).toEqual({
      effectiveReceiptDate: '2026-12-30',
      dueDate: '2027-01-05',
      provisional: true,
    });
    expect(due('2022-12-30T10:00:00+07:00', 1).provisional).toBe(true); // received in provisional 2022
    expect(due('2030-06-03T10:00:00+07:00', 10).provisional).toBe(true);
  });
});

describe('bad input', () => {
  it.each([
    [-1, 'CALENDAR_WORKING_DAYS_OUT_OF_RANGE'],
    [3651, 'CALENDAR_WORKING_DAYS_OUT_OF_RANGE'],
    [1.5, 'CALENDAR_WORKING_DAYS_NOT_INTEGER'],
    [Number.NaN, 'CALENDAR_WORKING_DAYS_NOT_INTEGER'],
    [Number.POSITIVE_INFINITY, 'CALENDAR_WORKING_DAYS_NOT_INTEGER'],
    ['3' as unknown as number, 'CALENDAR_WORKING_DAYS_NOT_INTEGER'],
  ])('N = %s → %s', (n, expected) => {
    expect(code(() => due('2024-03-05T10:00:00+07:00', n))).toBe(expected);
  });

  it('accepts the bounds 0 and 3650', () => {
    expect(due('2024-03-05T10:00:00+07:00', 0).dueDate).toBe('2024-03-05');
    expect(due('2024-03-05T10:00:00+07:00', 3650).provisional).toBe(true);
  });

  it('rejects instants without a zone and invalid instants', () => {
    expect(code(() => due('2024-03-05T10:00:00', 1))).toBe('CALENDAR_INSTANT_WITHOUT_ZONE');
    expect(code(() => due('2024-02-30T10:00:00Z', 1))).toBe('CALENDAR_INVALID_INSTANT');
    expect(code(() => due('2024-03-05', 1))).toBe('CALENDAR_INVALID_INSTANT');
  });

  it('rejects receipts and due dates outside 2000–2100', () => {
    expect(code(() => due('1999-12-31T10:00:00+07:00', 1))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code(() => due('2101-01-01T10:00:00+07:00', 1))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code(() => due('2099-06-01T10:00:00+07:00', 3650))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code(() => due('2100-12-31T16:00:00+07:00', 0))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    // 1999-12-31T17:00Z is already 2000-01-01 in Hà Nội: Tết Dương lịch on a Saturday, so the
    // (provisional) nghỉ bù is Monday 3/1 and the first working day Tuesday 4/1
    expect(due('1999-12-31T17:00:00Z', 0)).toEqual({
      effectiveReceiptDate: '2000-01-04',
      dueDate: '2000-01-04',
      provisional: true,
    });
  });

  it('names the year of a receipt outside the calendar, even after the cut-off or on a day off', () => {
    const year = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof CalendarError) return [e.code, e.params.year];
        throw e;
      }
      return 'no error';
    };
    const outOf = (y: number) => ['CALENDAR_YEAR_OUT_OF_RANGE', y];
    expect(year(() => due('1999-06-01T16:00:00+07:00', 0))).toEqual(outOf(1999)); // after 15:00
    expect(year(() => due('1999-04-26T10:00:00Z', 0))).toEqual(outOf(1999)); // 17:00 in Hà Nội
    expect(year(() => due('1999-06-05T09:00:00+07:00', 3))).toEqual(outOf(1999)); // a Saturday
    expect(year(() => due('1999-06-01T09:00:00+07:00', 1))).toEqual(outOf(1999)); // a working morning
    expect(year(() => due('1999-12-31T16:00:00+07:00', 0))).toEqual(outOf(1999)); // the eve of the range
    expect(year(() => due('1999-12-31T16:00:00+07:00', 0, null))).toEqual(outOf(1999));
    // the top of the range: the next working day would be in 2101, which is the year to name
    expect(year(() => due('2100-12-31T16:00:00+07:00', 0))).toEqual(outOf(2101));
    expect(year(() => due('2101-01-01T10:00:00+07:00', 0))).toEqual(outOf(2101));
    expect(year(() => due('2101-01-01T16:00:00+07:00', 0))).toEqual(outOf(2101));
    expect(due('2100-12-31T10:00:00+07:00', 0).dueDate).toBe('2100-12-31'); // a Friday, before 15:00
  });
});
