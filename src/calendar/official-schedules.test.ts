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
