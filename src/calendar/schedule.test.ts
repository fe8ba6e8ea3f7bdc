import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors.ts';
import {
  checkYearSchedule,
  DEFAULT_WORKING_SATURDAY_NAME,
  type ScheduleProblem,
  validateYearSchedule,
  type YearScheduleInput,
} from './schedule.ts';

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
