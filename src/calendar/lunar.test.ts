/**
 * Expected values come from published Vietnamese lunar tables (Hồ Ngọc Đức's "Âm lịch Việt Nam"
 * tables, the Vietnam calendar service's Tết dates as reported in the press), not from this code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import { epochDayFromYmd, formatDate, parseDate, ymdFromEpochDay } from './civil-date.ts';
import {
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearEpoch,
  lunarToSolar,
  lunarToSolarEpoch,
  solarToLunar,
  solarToLunarEpoch,
} from './lunar.ts';
import { convertLunar2Solar, convertSolar2Lunar, jdFromDate, jdToDate, VN_TIME_ZONE } from './lunar-algorithm.ts';

const tet = (year: number) => formatDate(lunarNewYearEpoch(year));
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CalendarError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('Tết Nguyên đán (mùng 1 tháng Giêng)', () => {
  it.each([
    [1968, '1968-01-29'], // North Vietnam, first year on UTC+7 (the South, on UTC+8, had 30 Jan)
    [1985, '1985-01-21'], // Vietnam; China 1985-02-20 — a whole month apart
    [1990, '1990-01-27'],
    [1995, '1995-01-31'],
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2005, '2005-02-09'],
    [2007, '2007-02-17'], // Vietnam; China 2007-02-18
    [2008, '2008-02-07'],
    [2010, '2010-02-14'],
    [2015, '2015-02-19'],
    [2017, '2017-01-28'],
    [2019, '2019-02-05'],
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'], // Vietnam a day before China (2030-02-03)
  ])('%i → %s', (year, date) => {
    expect(tet(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leapMonth: false });
  });

  it('differs from the UTC+8 (Chinese) calendar exactly where the sources say', () => {
    const at = (tz: number, y: number) => {
      const [d, m, yy] = convertLunar2Solar(1, 1, y, 0, tz);
      return formatDate(epochDayFromYmd(yy, m, d));
    };
    expect([1985, 2007, 2030].map((y) => at(8, y))).toEqual(['1985-02-20', '2007-02-18', '2030-02-03']);
    expect([1985, 2007, 2030].map((y) => at(VN_TIME_ZONE, y))).toEqual(['1985-01-21', '2007-02-17', '2030-02-02']);
    expect(at(8, 2024)).toBe(at(VN_TIME_ZONE, 2024));
  });
});

describe('other lunar dates', () => {
  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương (10/3) %i → %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year, leapMonth: false })).toBe(date);
  });

  it.each([
    ['2023-09-29', 15, 8, 2023], // Trung thu
    ['2024-09-17', 15, 8, 2024],
    ['2025-10-06', 15, 8, 2025],
    ['2025-02-12', 15, 1, 2025], // Rằm tháng Giêng
    ['2024-02-09', 30, 12, 2023], // 30 Tết Quý Mão
    ['2025-01-28', 29, 12, 2024], // Chạp Giáp Thìn has 29 days
  ])('%s is %i/%i/%i', (date, day, month, year) => {
    expect(solarToLunar(date)).toEqual({ day, month, year, leapMonth: false });
  });

  it.each([
    [2001, 4],
    [2004, 2],
    [2006, 7],
    [2009, 5],
    [2012, 4],
    [2014, 9],
    [2017, 6],
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2024, 0],
    [2026, 0],
    [2027, 0],
  ])('leap month of %i is %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it('names days inside leap months', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leapMonth: true }); // 2 nhuận
    expect(solarToLunar('2023-03-21')).toEqual({ day: 30, month: 2, year: 2023, leapMonth: false });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leapMonth: true }); // 6 nhuận
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leapMonth: true })).toBe('2025-07-25');
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarMonthLength(2023, 12)).toBe(30);
  });
});

describe('the month table equals the reference algorithm', () => {
  it('on every day from 1900-01-01 to 2199-12-31', () => {
    const first = epochDayFromYmd(1900, 1, 1);
    const last = epochDayFromYmd(2199, 12, 31);
    let mismatches = 0;
    let lastMonthStart = -1;
    for (let d = first; d <= last; d++) {
      const { year, month, day } = ymdFromEpochDay(d);
      const [ld, lm, ly, leap] = convertSolar2Lunar(day, month, year, VN_TIME_ZONE);
      const fast = solarToLunarEpoch(d);
      if (fast.day !== ld || fast.month !== lm || fast.year !== ly || fast.leapMonth !== (leap === 1)) mismatches++;
      if (ld === 1 && d - lastMonthStart > 60) {
        // spot-check the reference's inverse once in a while
        const [sd, sm, sy] = convertLunar2Solar(ld, lm, ly, leap, VN_TIME_ZONE);
        if (epochDayFromYmd(sy, sm, sd) !== d) mismatches++;
        lastMonthStart = d;
      }
    }
    expect(mismatches).toBe(0);
  }, 120_000);

  it('on the two days where the published code answered "day 0"', () => {
    expect(convertSolar2Lunar(7, 5, 2054, VN_TIME_ZONE)).toEqual([30, 3, 2054, 0]);
    expect(convertSolar2Lunar(8, 5, 2054, VN_TIME_ZONE)).toEqual([1, 4, 2054, 0]);
    expect(convertSolar2Lunar(9, 4, 2062, VN_TIME_ZONE)).toEqual([30, 2, 2062, 0]);
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leapMonth: false });
    expect(solarToLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leapMonth: false });
  });

  it('jdFromDate / jdToDate', () => {
    expect(jdFromDate(1, 1, 1970)).toBe(2440588);
    expect(jdFromDate(1, 1, 2000)).toBe(2451545);
    expect(jdToDate(2451545)).toEqual([1, 1, 2000]);
  });
});

describe('round trips', () => {
  it('solar → lunar → solar is the identity over 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDayFromYmd(1900, 1, 1), max: epochDayFromYmd(2199, 12, 31) }), (d) => {
        expect(lunarToSolarEpoch(solarToLunarEpoch(d))).toBe(d);
      }),
      { numRuns: 5000 },
    );
  });

  it('string API round trips', () => {
    for (const s of ['1900-01-01', '1900-01-31', '2199-12-31', '2024-02-29'])
      expect(lunarToSolar(solarToLunar(s))).toBe(s);
  });
});

describe('bad input', () => {
  it('rejects solar dates outside 1900–2199', () => {
    expect(codeOf(() => solarToLunar('1899-12-31'))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(codeOf(() => solarToLunar('2200-01-01'))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(codeOf(() => solarToLunarEpoch(Number.NaN))).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    try {
      solarToLunar('2200-01-01');
    } catch (e) {
      expect((e as CalendarError).params).toMatchObject({ year: 2200, min: 1900, max: 2199 });
    }
  });

  it('rejects invalid solar dates', () => {
    expect(codeOf(() => solarToLunar('2023-02-30'))).toBe('CALENDAR_INVALID_DATE');
  });

  it('rejects impossible lunar dates', () => {
    const code = (l: Parameters<typeof lunarToSolar>[0]) => codeOf(() => lunarToSolar(l));
    expect(code({ day: 30, month: 12, year: 2024, leapMonth: false })).toBe('CALENDAR_INVALID_LUNAR_DATE'); // 29-day month
    expect(code({ day: 1, month: 3, year: 2024, leapMonth: true })).toBe('CALENDAR_INVALID_LUNAR_DATE'); // no leap
    expect(code({ day: 0, month: 1, year: 2024, leapMonth: false })).toBe('CALENDAR_INVALID_LUNAR_DATE');
    expect(code({ day: 1, month: 13, year: 2024, leapMonth: false })).toBe('CALENDAR_INVALID_LUNAR_DATE');
    expect(code({ day: 1.5, month: 1, year: 2024, leapMonth: false })).toBe('CALENDAR_INVALID_LUNAR_DATE');
    expect(code({ day: 1, month: 1, year: 1850, leapMonth: false })).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code({ day: 1, month: 5, year: 1899, leapMonth: false })).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    expect(code({ day: 1, month: 12, year: 2200, leapMonth: false })).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
    // the tail of lunar 1899 lies in solar 1900 and is answered
    expect(lunarToSolar({ day: 1, month: 1, year: 1900, leapMonth: false })).toBe('1900-01-31');
    expect(solarToLunar('1900-01-01')).toMatchObject({ month: 12, year: 1899 });
    expect(parseDate(lunarToSolar(solarToLunar('1900-01-01')))).toBe(parseDate('1900-01-01'));
  });
});
