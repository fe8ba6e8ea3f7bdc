import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import raw from './data/vn-official-days-off.json' with { type: 'json' };
import { defaultCalendar } from './default-calendar.ts';
import { addWorkingDays, buildCalendar, dayInfo, describeYear, isWorkingDay } from './index.ts';
import { parseOfficialDaysOffFile, shippedSchedules } from './official-schedules.ts';

const cal = defaultCalendar();
type RawYear = { daysOff: { date: string; kind: string; name: string }[]; workingSaturdays: string[] };
const years = raw.years as Record<string, RawYear>;
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('shipped official schedules 2023–2026', () => {
  it('loads the four announced years', () => {
    expect(shippedSchedules().map((s) => s.year)).toEqual([2023, 2024, 2025, 2026]);
    expect(shippedSchedules().every((s) => s.status === 'official' && s.sources.length > 0)).toBe(true);
  });

  it('makes every official day off a non-working day', () => {
    let n = 0;
    for (const y of Object.values(years))
      for (const d of y.daysOff) {
        expect(isWorkingDay(cal, d.date), d.date).toBe(false);
        expect(dayInfo(cal, d.date)).toMatchObject({ working: false, provisional: false, dayOff: { kind: d.kind } });
        n++;
      }
    expect(n).toBe(57);
  });

  it('makes every make-up Saturday a working day', () => {
    const saturdays = Object.values(years).flatMap((y) => y.workingSaturdays);
    expect(saturdays).toEqual(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']);
    for (const s of saturdays) {
      expect(utcDay(s)).toBe(6);
      expect(isWorkingDay(cal, s), s).toBe(true);
    }
  });

  // Typed from the Government's notices, not read from the shipped JSON: every Monday–Friday that
  // state offices did not work, and every Saturday they did (làm bù).
  it.each([
    // VPCP 8056/VPCP-KGVX: nghỉ bù 1/1 (Sunday); Tết Quý Mão 20–26/1; Giỗ Tổ 29/4 (Sat) and 30/4 (Sun)
    // taken on 2–3/5; Quốc khánh 1–4/9
    [2023, ['01-02', '01-20', '01-23', '01-24', '01-25', '01-26', '05-01', '05-02', '05-03', '09-01', '09-04'], []],
    // TB 5015/TB-LĐTBXH, VPCP 2450/VPCP-KGVX: Tết Giáp Thìn 8–14/2; Giỗ Tổ 18/4; 29/4 swapped for
    // Saturday 4/5; Quốc khánh 2–3/9
    [
      2024,
      ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03'],
      ['05-04'],
    ],
    // VPCP 8726/VPCP-KGVX: Tết Ất Tỵ 27–31/1; Giỗ Tổ 7/4; 2/5 swapped for Saturday 26/4; Quốc khánh 1–2/9
    [
      2025,
      ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02'],
      ['04-26'],
    ],
    // VPCP 12729/VPCP-KGVX: 2/1 swapped for Saturday 10/1; Tết Bính Ngọ 16–20/2; Giỗ Tổ 26/4 (Sunday)
    // taken on 27/4; Quốc khánh 1–2/9 with 31/8 swapped for Saturday 22/8
    [
      2026,
      [
        '01-01',
        '01-02',
        '02-16',
        '02-17',
        '02-18',
        '02-19',
        '02-20',
        '04-27',
        '04-30',
        '05-01',
        '08-31',
        '09-01',
        '09-02',
      ],
      ['01-10', '08-22'],
    ],
  ] as [number, string[], string[]][])(
    '%i: the weekdays off and the make-up Saturdays of the notices',
    (year, weekdaysOff, saturdays) => {
      const offWeekdays: string[] = [];
      const workedSaturdays: string[] = [];
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const wd = new Date(t).getUTCDay();
        if (wd >= 1 && wd <= 5 && !isWorkingDay(cal, date)) offWeekdays.push(date.slice(5));
        if (wd === 6 && isWorkingDay(cal, date)) workedSaturdays.push(date.slice(5));
        if (wd === 0) expect(isWorkingDay(cal, date), date).toBe(false);
      }
      expect(offWeekdays).toEqual(weekdaysOff);
      expect(workedSaturdays).toEqual(saturdays);
    },
  );

  it('agrees day by day with an independent reading of the JSON', () => {
    for (const [year, y] of Object.entries(years)) {
      const off = new Set(y.daysOff.map((d) => d.date));
      const worked = new Set(y.workingSaturdays);
      let working = 0;
      for (let t = Date.UTC(Number(year), 0, 1); t < Date.UTC(Number(year) + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const wd = new Date(t).getUTCDay();
        const expected = worked.has(date) || (!off.has(date) && wd !== 0 && wd !== 6);
        expect(isWorkingDay(cal, date), date).toBe(expected);
        if (expected) working++;
      }
      expect(describeYear(cal, Number(year)).workingDayCount).toBe(working);
    }
  });

  it.each([
    ['2024-03-01', true], // a Friday
    ['2024-03-02', false], // Saturday
    ['2024-03-03', false], // Sunday
    ['2025-05-02', false], // swapped for Saturday 26/4
    ['2025-05-05', true],
    ['2026-01-02', false], // swapped for Saturday 10/1
    ['2023-01-27', true], // first working day after Tết Quý Mão
    ['2023-09-05', true],
  ])('%s working = %s', (date, working) => {
    expect(isWorkingDay(cal, date)).toBe(working);
  });

  it('describes official years for GET /calendar/years/{year}', () => {
    const y = describeYear(cal, 2025);
    expect(y.status).toBe('official');
    expect(y.sources).toEqual(['VPCP 8726/VPCP-KGVX (26/11/2024)']);
    expect(y.daysOff).toContainEqual({
      date: '2025-05-02',
      kind: 'swapped',
      name: 'Hoán đổi (làm bù thứ Bảy 26/4)',
      status: 'official',
    });
    expect(y.workingSaturdays).toEqual([{ date: '2025-04-26', name: 'Làm việc bù (thứ Bảy)', status: 'official' }]);
    expect(() => describeYear(cal, 2101)).toThrow(CalendarError);
    expect(() => describeYear(cal, 1999)).toThrow(CalendarError);
  });
});

describe('parseOfficialDaysOffFile', () => {
  const year = (over: Partial<RawYear> = {}) => ({
    years: { '2027': { daysOff: [], workingSaturdays: [], sources: ['test'], ...over } },
  });
  const code = (file: unknown) => {
    try {
      parseOfficialDaysOffFile(file as never);
    } catch (e) {
      return `${(e as CalendarError).code}:${String((e as CalendarError).params.reason)}`;
    }
    return 'ok';
  };

  it('accepts a well-formed year and lets it replace the provisional one', () => {
    const file = year({
      daysOff: [{ date: '2027-02-12', kind: 'swapped', name: 'Hoán đổi' }],
      workingSaturdays: ['2027-02-20'],
    });
    expect(code(file)).toBe('ok');
    const edited = buildCalendar([...shippedSchedules(), ...parseOfficialDaysOffFile(file)]);
    expect(isWorkingDay(edited, '2027-02-12')).toBe(false);
    expect(isWorkingDay(edited, '2027-02-20')).toBe(true);
    expect(isWorkingDay(edited, '2027-02-08')).toBe(true); // the administrator's year has no Tết: it wins
    expect(describeYear(edited, 2027).status).toBe('official');
    expect(addWorkingDays(edited, '2027-02-11', 1)).toEqual({ date: '2027-02-15', provisional: false });
  });

  it.each([
    [null, 'file shape'],
    [{ years: {}, timezone: 'Asia/Bangkok' }, 'timezone'],
    [year({ daysOff: [{ date: '2027-02-30', kind: 'holiday', name: 'x' }] }), 'invalid date'],
    [year({ daysOff: [{ date: '2028-01-01', kind: 'holiday', name: 'x' }] }), 'date outside the year'],
    [year({ daysOff: [{ date: '2027-01-01', kind: 'festival', name: 'x' }] }), 'kind'],
    [year({ daysOff: [{ date: '2027-01-01', kind: 'holiday', name: ' ' }] }), 'name'],
    [year({ daysOff: [{ date: '2027-01-02', kind: 'swapped', name: 'x' }] }), 'swapped day on a weekend'],
    [year({ workingSaturdays: ['2027-02-19'] }), 'working day is not a Saturday'],
    [
      year({ daysOff: [{ date: '2027-02-20', kind: 'holiday', name: 'x' }], workingSaturdays: ['2027-02-20'] }),
      'duplicate date',
    ],
  ])('rejects %j (%s)', (file, reason) => {
    expect(code(file)).toBe(`CALENDAR_INVALID_SCHEDULE:${reason}`);
  });
});
