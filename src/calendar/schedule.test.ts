import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import officialData from './data/vn-official-days-off.json' with { type: 'json' };
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar.ts';
import type { OfficialDaysOffFile } from './official-schedules.ts';
import {
  checkYearSchedule,
  DEFAULT_WORKING_SATURDAY_NAME,
  requiredStatutoryHolidays,
  type ScheduleProblem,
  validateYearSchedule,
  type YearScheduleInput,
} from './schedule.ts';
import { deriveProvisionalSchedule } from './statutory-holidays.ts';

const good = {
  year: 2027,
  daysOff: [
    { date: '2027-02-12', kind: 'swapped', name: ' Hoán đổi ' },
    { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  ],
  workingSaturdays: ['2027-02-20', { date: '2027-01-09', name: 'Làm bù 9/1' }, { date: '2027-03-06', name: '' }],
  sources: ['Thông báo 1/2027'],
};

/** the problems of an input, or [] */
const problems = (input: unknown): ScheduleProblem[] => checkYearSchedule(input).problems;
/** what validateYearSchedule throws */
const thrown = (input: unknown): CalendarError => {
  try {
    validateYearSchedule(input as YearScheduleInput);
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('accepted');
};

describe('validateYearSchedule', () => {
  it('normalises a good schedule: sorted, names trimmed, working Saturdays named, official by default', () => {
    expect(validateYearSchedule(good)).toEqual({
      year: 2027,
      status: 'official',
      daysOff: [
        { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2027-02-12', kind: 'swapped', name: 'Hoán đổi' },
      ],
      workingSaturdays: [
        { date: '2027-01-09', name: 'Làm bù 9/1' },
        { date: '2027-02-20', name: DEFAULT_WORKING_SATURDAY_NAME },
        { date: '2027-03-06', name: DEFAULT_WORKING_SATURDAY_NAME },
      ],
      sources: ['Thông báo 1/2027'],
    });
    expect(validateYearSchedule({ ...good, sources: undefined, status: 'provisional' })).toMatchObject({
      status: 'provisional',
      sources: [],
    });
    expect(checkYearSchedule(good).problems).toEqual([]);
  });

  it('lists every problem, in the order of the input, with the date where there is one', () => {
    const input = {
      year: 2031,
      daysOff: [
        { date: '2031-02-30', kind: 'holiday', name: 'x' },
        { date: '2030-12-31', kind: 'holiday', name: 'x' },
        { date: '2031-01-04', kind: 'swapped', name: 'x' },
        { date: '2031-01-01', kind: 'festival', name: ' ' },
        { date: '2031-01-01', kind: 'holiday', name: 'again' },
      ],
      workingSaturdays: ['2031-01-03', { date: '2031-01-11', name: 5 }],
      sources: ['ok', 7, ''],
    };
    expect(problems(input)).toEqual([
      { reason: 'invalid date', field: 'daysOff[0].date', date: '2031-02-30' },
      { reason: 'date outside the year', field: 'daysOff[1].date', date: '2030-12-31' },
      { reason: 'swapped day on a weekend', field: 'daysOff[2].date', date: '2031-01-04' },
      { reason: 'kind', field: 'daysOff[3].kind', date: '2031-01-01', value: 'festival' },
      { reason: 'name', field: 'daysOff[3].name', date: '2031-01-01', value: ' ' },
      { reason: 'duplicate date', field: 'daysOff[4].date', date: '2031-01-01' },
      { reason: 'working day is not a Saturday', field: 'workingSaturdays[0]', date: '2031-01-03' },
      { reason: 'name', field: 'workingSaturdays[1].name', date: '2031-01-11', value: 5 },
      { reason: 'sources', field: 'sources[1]', value: 7 },
      { reason: 'sources', field: 'sources[2]', value: '' },
    ]);
    // the error keeps the first problem's reason and date (as before) and carries them all
    const e = thrown(input);
    expect(e.code).toBe('CALENDAR_INVALID_SCHEDULE');
    expect(e.params).toMatchObject({ year: 2031, reason: 'invalid date', date: '2031-02-30' });
    expect(e.params.problems).toHaveLength(10);
  });

  it('type-checks every field of any input instead of failing on it', () => {
    // the audit's 500: a working Saturday whose name is a number
    expect(problems({ ...good, workingSaturdays: [{ date: '2027-01-09', name: 5 }] })).toEqual([
      { reason: 'name', field: 'workingSaturdays[0].name', date: '2027-01-09', value: 5 },
    ]);
    for (const input of [null, undefined, 5, 'x', [], [good]])
      expect(problems(input), JSON.stringify(input)).toEqual([{ reason: 'shape', field: '' }]);
    expect(problems({ ...good, year: '2027' })).toEqual([{ reason: 'year', field: 'year', value: '2027' }]);
    expect(problems({ ...good, year: 2027.5 })[0]).toEqual({ reason: 'year', field: 'year', value: 2027.5 });
    expect(problems({ ...good, year: undefined })[0]).toEqual({ reason: 'year', field: 'year' });
    expect(problems({ ...good, status: 'draft' })).toEqual([{ reason: 'status', field: 'status', value: 'draft' }]);
    expect(problems({ ...good, daysOff: undefined, workingSaturdays: { a: 1 } })).toEqual([
      { reason: 'shape', field: 'daysOff' },
      { reason: 'shape', field: 'workingSaturdays' },
    ]);
    expect(problems({ ...good, sources: 'Thông báo' })).toEqual([
      { reason: 'sources', field: 'sources', value: 'Thông báo' },
    ]);
    expect(
      problems({
        year: 2027,
        daysOff: [null, 'x', [1], { date: 20270101, kind: 1, name: {} }, { kind: 'holiday', name: 'x' }],
        workingSaturdays: [7, null, [], { date: null }, { date: '2027-01-09', name: ['a'] }, { name: 'x' }],
      }),
    ).toEqual([
      { reason: 'entry', field: 'daysOff[0]', value: null },
      { reason: 'entry', field: 'daysOff[1]', value: 'x' },
      { reason: 'entry', field: 'daysOff[2]' },
      { reason: 'invalid date', field: 'daysOff[3].date', value: 20270101 },
      { reason: 'kind', field: 'daysOff[3].kind', value: 1 },
      { reason: 'name', field: 'daysOff[3].name' },
      { reason: 'missing date', field: 'daysOff[4].date' },
      { reason: 'entry', field: 'workingSaturdays[0]', value: 7 },
      { reason: 'entry', field: 'workingSaturdays[1]', value: null },
      { reason: 'entry', field: 'workingSaturdays[2]' },
      { reason: 'missing date', field: 'workingSaturdays[3].date' },
      { reason: 'name', field: 'workingSaturdays[4].name', date: '2027-01-09' },
      { reason: 'missing date', field: 'workingSaturdays[5].date' },
    ]);
  });

  it('refuses names and sources longer than the form allows, and dates that are not YYYY-MM-DD', () => {
    const long = 'x'.repeat(201);
    expect(
      problems({
        ...good,
        daysOff: [
          { date: '2027-01-01', kind: 'holiday', name: long },
          { date: '2027-1-2', kind: 'holiday', name: 'x' },
          { date: '2027-01-04T00:00:00Z', kind: 'holiday', name: 'x' },
        ],
        workingSaturdays: [{ date: '2027-01-09', name: long }],
        sources: ['y'.repeat(301)],
      }).map((p) => [p.reason, p.field, p.date]),
    ).toEqual([
      ['name too long', 'daysOff[0].name', '2027-01-01'],
      ['invalid date', 'daysOff[1].date', '2027-1-2'],
      ['invalid date', 'daysOff[2].date', '2027-01-04T00:00:00Z'],
      ['name too long', 'workingSaturdays[0].name', '2027-01-09'],
      ['sources', 'sources[0]', undefined],
    ]);
    // a long bad value is cut when quoted back
    const [p] = problems({ ...good, status: 'z'.repeat(500) });
    expect(String(p?.value)).toHaveLength(60);
  });

  it('checks dates against the year only when the year itself is valid', () => {
    expect(problems({ ...good, year: 0 }).map((p) => p.reason)).toEqual(['year']);
    expect(problems({ ...good, year: 2028 }).map((p) => p.reason)).toEqual(Array(5).fill('date outside the year'));
  });
});

describe('statutory holidays (Labour Code 2019 Art. 112) in an administrator-entered year', () => {
  const empty2030 = { year: 2030, daysOff: [], workingSaturdays: [], sources: ['x'] };
  const strict = { requireStatutoryHolidays: true };
  const missing = (date: string, holiday: string): ScheduleProblem => ({
    reason: 'statutory holiday missing',
    field: 'daysOff',
    date,
    params: { holiday },
  });

  it('knows the fixed-date holidays of a year, lunar ones included (dates typed from the calendar)', () => {
    // 2030: Tết Canh Tuất is Saturday 2/2/2030 in Vietnam (UTC+7; China has 3/2), Giỗ Tổ Friday 12/4
    expect(requiredStatutoryHolidays(2030)).toEqual([
      { date: '2030-01-01', name: 'Tết Dương lịch' },
      { date: '2030-02-02', name: 'Tết Nguyên đán mùng 1' },
      { date: '2030-02-03', name: 'Tết Nguyên đán mùng 2' },
      { date: '2030-02-04', name: 'Tết Nguyên đán mùng 3' },
      { date: '2030-04-12', name: 'Giỗ Tổ Hùng Vương 10/3 âm lịch' },
      { date: '2030-04-30', name: 'Ngày Chiến thắng' },
      { date: '2030-05-01', name: 'Quốc tế Lao động' },
      { date: '2030-09-02', name: 'Quốc khánh' },
    ]);
    // 2025 as announced: Tết Ất Tỵ 29/1, Giỗ Tổ 7/4
    expect(requiredStatutoryHolidays(2025).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-02',
    ]);
    // outside the lunar table (1900–2199) only the solar holidays are known
    expect(requiredStatutoryHolidays(1850).map((h) => h.date)).toEqual([
      '1850-01-01',
      '1850-04-30',
      '1850-05-01',
      '1850-09-02',
    ]);
  });

  it('refuses an official year that leaves out a statutory holiday on a weekday: one problem each, in date order', () => {
    // 1/1 Tue; mùng 1–2 on Sat/Sun are off anyway, mùng 3 Mon 4/2; Giỗ Tổ Fri 12/4; 30/4 Tue; 1/5 Wed; 2/9 Mon
    expect(checkYearSchedule(empty2030, strict).problems).toEqual([
      missing('2030-01-01', 'Tết Dương lịch'),
      missing('2030-02-04', 'Tết Nguyên đán mùng 3'),
      missing('2030-04-12', 'Giỗ Tổ Hùng Vương 10/3 âm lịch'),
      missing('2030-04-30', 'Ngày Chiến thắng'),
      missing('2030-05-01', 'Quốc tế Lao động'),
      missing('2030-09-02', 'Quốc khánh'),
    ]);
    const e = (() => {
      try {
        validateYearSchedule(empty2030, strict);
      } catch (err) {
        return err as CalendarError;
      }
      throw new Error('accepted');
    })();
    expect(e.code).toBe('CALENDAR_INVALID_SCHEDULE');
    expect(e.params).toMatchObject({ year: 2030, reason: 'statutory holiday missing', date: '2030-01-01' });
    expect(e.params.problems).toHaveLength(6);

    // the reviewer's 2028 file holding only 1/1 and 3/1: Tết (Wed–Fri), Giỗ Tổ (Tue 4/4) and 1/5 (Mon)
    // are missing; 1/1, 30/4 and 2/9 fall on a weekend
    const only2028 = {
      year: 2028,
      daysOff: [
        { date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2028-01-03', kind: 'compensatory', name: 'Nghỉ bù Tết Dương lịch' },
      ],
      workingSaturdays: [],
      sources: ['x'],
    };
    expect(checkYearSchedule(only2028, strict).problems.map((p) => p.date)).toEqual([
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-04-04',
      '2028-05-01',
    ]);
  });

  it('accepts the holidays under any kind, and counts a listed day even when another of its fields is wrong', () => {
    const days = ['2030-01-01', '2030-02-04', '2030-04-12', '2030-04-30', '2030-05-01', '2030-09-02'];
    const full = { ...empty2030, daysOff: days.map((date) => ({ date, kind: 'holiday', name: 'Nghỉ lễ' })) };
    expect(checkYearSchedule(full, strict).problems).toEqual([]);
    const asOther = { ...full, daysOff: full.daysOff.map((d, i) => (i === 1 ? { ...d, kind: 'compensatory' } : d)) };
    expect(checkYearSchedule(asOther, strict).problems).toEqual([]);
    // the day's own problem comes first; the holiday is not reported missing on top of it
    const badName = { ...full, daysOff: full.daysOff.map((d, i) => (i === 2 ? { ...d, name: '' } : d)) };
    expect(checkYearSchedule(badName, strict).problems).toEqual([
      { reason: 'name', field: 'daysOff[2].name', date: '2030-04-12', value: '' },
    ]);
    // the other problems first, the missing holidays after them
    const mixed = { ...full, daysOff: full.daysOff.slice(1), sources: [''] };
    expect(checkYearSchedule(mixed, strict).problems.map((p) => p.reason)).toEqual([
      'sources',
      'statutory holiday missing',
    ]);
    // not checked without a valid year or a list of days
    expect(checkYearSchedule({ ...empty2030, year: 0 }, strict).problems.map((p) => p.reason)).toEqual(['year']);
    expect(checkYearSchedule({ ...empty2030, daysOff: 'none' }, strict).problems.map((p) => p.reason)).toEqual([
      'shape',
    ]);
  });

  it('applies only on request: stored years saved before the rule still load', () => {
    expect(checkYearSchedule(empty2030).problems).toEqual([]);
    expect(validateYearSchedule(empty2030).daysOff).toEqual([]);
  });

  it('the shipped official schedules and every derived provisional one pass', () => {
    const file = officialData as OfficialDaysOffFile;
    expect(Object.keys(file.years)).toEqual(['2023', '2024', '2025', '2026']);
    for (const [year, y] of Object.entries(file.years))
      expect(checkYearSchedule({ ...y, year: Number(year) }, strict).problems, year).toEqual([]);
    for (let year = LUNAR_MIN_YEAR; year <= LUNAR_MAX_YEAR; year++)
      expect(checkYearSchedule(deriveProvisionalSchedule(year), strict).problems, String(year)).toEqual([]);
  });
});
