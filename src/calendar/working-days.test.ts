import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDaysEpoch,
  buildCalendar,
  countWorkingDaysEpoch,
  isWorkingEpochDay,
  workingDayOnOrAfterEpoch,
} from './calendar.ts';
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd, formatDate, MS_PER_DAY, parseDate } from './civil-date.ts';
import { defaultCalendar } from './default-calendar.ts';
import { computeDueDate, effectiveReceiptEpochDay } from './due-date.ts';
import { shippedSchedules } from './official-schedules.ts';
import { mergeSchedules, validateYearSchedule } from './schedule.ts';
import {
  addWorkingDays,
  countWorkingDays,
  countWorkingDaysBetweenInstants,
  dayInfo,
  isProvisionalPromise,
  parseWorkingDays,
} from './working-days.ts';

const cal = defaultCalendar();
const FIRST = epochDayFromYmd(2000, 1, 1);
const LAST_SAFE = epochDayFromYmd(2085, 12, 31); // + 3650 working days stays inside 2100
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e.code;
    throw e;
  }
  return 'no error';
};
/** Naive oracle: step one day at a time. */
const naiveAdd = (d: number, n: number) => {
  let day = d;
  for (let k = 0; k < n; ) if (isWorkingEpochDay(cal, ++day)) k++;
  return day;
};

describe('working-day arithmetic', () => {
  it('addWorkingDays / countWorkingDays on dates', () => {
    expect(addWorkingDays(cal, '2025-04-25', 4)).toEqual({ date: '2025-05-05', provisional: false });
    expect(addWorkingDays(cal, '2025-05-03', 0)).toEqual({ date: '2025-05-03', provisional: false });
    expect(countWorkingDays(cal, '2025-04-25', '2025-05-05')).toEqual({ count: 4, provisional: false });
    expect(countWorkingDays(cal, '2025-05-05', '2025-04-25')).toEqual({ count: -4, provisional: false });
    expect(countWorkingDays(cal, '2025-04-25', '2025-04-25').count).toBe(0);
    // 2024: 262 weekdays − 12 weekdays off + Saturday 4/5 worked (1/1 is off, so (1/1, 31/12] is the year)
    expect(countWorkingDays(cal, '2024-01-01', '2024-12-31').count).toBe(251);
    expect(countWorkingDays(cal, '2026-12-01', '2027-01-31').provisional).toBe(true);
    expect(
      countWorkingDaysBetweenInstants(cal, '2025-04-25T10:00:00+07:00', '2025-05-04T20:00:00Z'), // Mon 5/5 03:00 HN
    ).toEqual({ count: 4, provisional: false });
    expect(code(() => addWorkingDays(cal, '2025-02-29', 1))).toBe('CALENDAR_INVALID_DATE');
    expect(code(() => addWorkingDays(cal, '2025-01-01', -1))).toBe('CALENDAR_WORKING_DAYS_OUT_OF_RANGE');
    expect(code(() => countWorkingDays(cal, '1999-12-31', '2000-01-05'))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });

  it('dayInfo names the day', () => {
    expect(dayInfo(cal, '2025-04-26')).toEqual({
      date: '2025-04-26',
      weekday: 6,
      working: true,
      provisional: false,
      workingSaturday: { date: '2025-04-26', name: 'Làm việc bù (thứ Bảy)' },
    });
    expect(dayInfo(cal, '2027-01-01')).toMatchObject({
      working: false,
      provisional: true,
      dayOff: { kind: 'holiday' },
    });
  });

  it('parseWorkingDays reads query-string values', () => {
    expect(parseWorkingDays('10')).toBe(10);
    expect(parseWorkingDays('0')).toBe(0);
    for (const notN of [' 0 ', '+5', '0x10', '1e3', '1_000', '１０'])
      expect(code(() => parseWorkingDays(notN))).toBe('CALENDAR_WORKING_DAYS_NOT_INTEGER');
    expect(parseWorkingDays(3650)).toBe(3650);
    expect(code(() => parseWorkingDays('1.5'))).toBe('CALENDAR_WORKING_DAYS_NOT_INTEGER');
    expect(code(() => parseWorkingDays('abc'))).toBe('CALENDAR_WORKING_DAYS_NOT_INTEGER');
    expect(code(() => parseWorkingDays(''))).toBe('CALENDAR_WORKING_DAYS_NOT_INTEGER');
    expect(code(() => parseWorkingDays('-1'))).toBe('CALENDAR_WORKING_DAYS_OUT_OF_RANGE');
    expect(code(() => parseWorkingDays('3651'))).toBe('CALENDAR_WORKING_DAYS_OUT_OF_RANGE');
    expect(code(() => parseWorkingDays(undefined))).toBe('CALENDAR_WORKING_DAYS_NOT_INTEGER');
  });

  it('rejects impossible calendar ranges', () => {
    expect(code(() => buildCalendar([], { fromYear: 2030, toYear: 2020 }))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code(() => buildCalendar([], { fromYear: 1800 }))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code(() => buildCalendar([], { toYear: 2199 }))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });

  it('administrator schedules override shipped and provisional ones', () => {
    const edited = validateYearSchedule({
      year: 2026,
      daysOff: [{ date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' }],
      workingSaturdays: [],
      sources: ['corrected'],
    });
    const merged = mergeSchedules(shippedSchedules(), [edited]);
    expect(merged.map((s) => s.year)).toEqual([2023, 2024, 2025, 2026]);
    const c = buildCalendar(merged, { fromYear: 2020, toYear: 2030 });
    expect(c.years.get(2026)?.sources).toEqual(['corrected']);
    expect(isWorkingEpochDay(c, parseDate('2026-01-02'))).toBe(true); // the swap is gone
    expect(isWorkingEpochDay(c, parseDate('2026-01-10'))).toBe(false);
    expect(c.years.get(2022)?.status).toBe('provisional');
    expect(code(() => isWorkingEpochDay(c, parseDate('2031-01-02')))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });
});

describe('properties', () => {
  const day = fc.integer({ min: FIRST, max: LAST_SAFE });
  const n = fc.integer({ min: 0, max: 3650 });

  it('adding N then counting gives N; the result is a working day; agrees with stepping', () => {
    fc.assert(
      fc.property(day, n, (d, k) => {
        const r = addWorkingDaysEpoch(cal, d, k);
        expect(countWorkingDaysEpoch(cal, d, r)).toBe(k);
        if (k > 0) expect(isWorkingEpochDay(cal, r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (d, k) => {
        expect(addWorkingDaysEpoch(cal, d, k)).toBe(naiveAdd(d, k));
      }),
      { numRuns: 2000 },
    );
  });

  it('the first working day on or after a day is working and nothing in between is', () => {
    fc.assert(
      fc.property(day, (d) => {
        const w = workingDayOnOrAfterEpoch(cal, d);
        expect(isWorkingEpochDay(cal, w)).toBe(true);
        for (let x = d; x < w; x++) expect(isWorkingEpochDay(cal, x)).toBe(false);
      }),
    );
  });

  const instant = fc.integer({ min: FIRST * MS_PER_DAY, max: LAST_SAFE * MS_PER_DAY });
  const iso = (ms: number) => new Date(ms).toISOString();

  it('due dates are working days, never before the receipt, N working days after it', () => {
    fc.assert(
      fc.property(instant, n, (ms, k) => {
        const r = computeDueDate(cal, iso(ms), k);
        const eff = parseDate(r.effectiveReceiptDate);
        const dueDay = parseDate(r.dueDate);
        expect(isWorkingEpochDay(cal, eff)).toBe(true);
        expect(isWorkingEpochDay(cal, dueDay)).toBe(true);
        expect(eff).toBeGreaterThanOrEqual(Math.floor((ms + 7 * 3_600_000) / MS_PER_DAY));
        expect(countWorkingDaysEpoch(cal, eff, dueDay)).toBe(k);
        expect(r.provisional).toBe(
          r.dueDate > '2026-12-31' || r.effectiveReceiptDate < '2023-01-01' || iso(ms + 7 * 3_600_000) < '2023',
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in N and in the receipt time', () => {
    fc.assert(
      fc.property(instant, n, n, (ms, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = computeDueDate(cal, iso(ms), lo).dueDate;
        const y = computeDueDate(cal, iso(ms), hi).dueDate;
        if (lo < hi) expect(x < y).toBe(true);
        else expect(x).toBe(y);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * MS_PER_DAY }), n, (ms, dt, k) => {
        const early = computeDueDate(cal, iso(ms), k);
        const late = computeDueDate(cal, iso(ms + dt), k);
        expect(early.effectiveReceiptDate <= late.effectiveReceiptDate).toBe(true);
        expect(early.dueDate <= late.dueDate).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('the effective receipt day moves only at the cut-off or on days off', () => {
    fc.assert(
      fc.property(day, (d) => {
        const at = (h: number, m: number) =>
          effectiveReceiptEpochDay(cal, d * MS_PER_DAY + (h - 7) * 3_600_000 + m * 60_000);
        if (isWorkingEpochDay(cal, d)) {
          expect(at(0, 0)).toBe(d);
          expect(at(14, 59)).toBe(d);
        } else expect(at(9, 0)).toBe(workingDayOnOrAfterEpoch(cal, d));
        expect(at(15, 0)).toBe(addWorkingDaysEpoch(cal, d, 1));
        expect(formatDate(at(23, 59))).toBe(formatDate(addWorkingDaysEpoch(cal, d, 1)));
      }),
    );
  });
});

describe('promises counted through provisional years', () => {
  const cal = defaultCalendar();
  it('are provisional when a day counted lies in a year without an official schedule (2027 here)', () => {
    // official 2026 (VPCP) only
    expect(isProvisionalPromise(cal, new Date('2026-03-02T09:00:00+07:00'), '2026-03-20')).toBe(false);
    // across the new year into 2027, which has no official schedule in the shipped data
    expect(isProvisionalPromise(cal, new Date('2026-12-21T09:00:00+07:00'), '2027-01-05')).toBe(true);
    // received on 31/12/2026 at 23:00 Hà Nội time (16:00 UTC), due in 2026: still official
    expect(isProvisionalPromise(cal, new Date('2026-12-31T16:00:00Z'), '2026-12-31')).toBe(false);
    expect(isProvisionalPromise(cal, new Date('2026-12-31T17:00:00Z'), '2027-01-04')).toBe(true);
    expect(isProvisionalPromise(cal, new Date('2026-12-21T09:00:00+07:00'), null)).toBe(false);
  });
});
