import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { fileUpload } from '../../../test/multipart.ts';
import { computeDueDate } from '../../calendar/index.ts';
import { runCalendarCli } from './calendar.cli.ts';
import { getCalendar } from './calendar.service.ts';

const schedule2027 = {
  daysOff: [
    { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
    { date: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
    { date: '2027-02-12', kind: 'swapped', name: 'Hoán đổi (làm bù thứ Bảy 20/2)' },
    // the other statutory holidays on a weekday (an administrator may not leave them out)
    { date: '2027-04-16', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2027-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
    { date: '2027-09-02', kind: 'holiday', name: 'Quốc khánh' },
  ],
  workingSaturdays: [{ date: '2027-02-20' }],
  sources: ['Thông báo thử nghiệm 1/2027'],
};

describe.each(DB_KINDS)('calendar on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin@cchc.local');
    coordinator = await t.login('noivu.hn@cchc.local');
  });
  afterAll(() => t?.close());

  it('answers the three public questions without signing in', async () => {
    const due = await t.anon.get('/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=3');
    expect(due.status).toBe(200);
    expect(due.body).toEqual({ effectiveReceiptDate: '2024-03-04', dueDate: '2024-03-07', provisional: false });
    const plus = await t.anon.get(
      `/api/v1/calendar/due-date?receivedAt=${encodeURIComponent('2025-04-25T10:00:00+07:00')}&workingDays=4`,
    );
    expect(plus.body).toEqual({ effectiveReceiptDate: '2025-04-25', dueDate: '2025-05-05', provisional: false });
    // a procedure's own cut-off: Friday 15/9/2023 at 16:00 counts that day with none or 16:30,
    // from Monday 18/9 with the default 15:00 (1–4/9/2023 were the Quốc khánh days off)
    const at = encodeURIComponent('2023-09-15T16:00:00+07:00');
    const withCutoff = async (cutoff: string) =>
      (await t.anon.get(`/api/v1/calendar/due-date?receivedAt=${at}&workingDays=1${cutoff}`)).body;
    expect(await withCutoff('')).toMatchObject({ effectiveReceiptDate: '2023-09-18', dueDate: '2023-09-19' });
    expect(await withCutoff('&cutoff=none')).toMatchObject({
      effectiveReceiptDate: '2023-09-15',
      dueDate: '2023-09-18',
    });
    expect(await withCutoff('&cutoff=16:30')).toMatchObject({ effectiveReceiptDate: '2023-09-15' });
    expect(await withCutoff('&cutoff=16:00')).toMatchObject({ effectiveReceiptDate: '2023-09-18' });
    const badCutoff = await t.anon.get(`/api/v1/calendar/due-date?receivedAt=${at}&workingDays=1&cutoff=25:00`);
    expect(badCutoff.status).toBe(400);
    expect(badCutoff.body.code).toBe('CALENDAR_INVALID_TIME_OF_DAY');
    const lunar = await t.anon.get('/api/v1/calendar/lunar/2025-07-25');
    expect(lunar.body).toEqual({ day: 1, month: 6, year: 2025, leapMonth: true });
    const year = await t.anon.get('/api/v1/calendar/years/2025');
    expect(year.status).toBe(200);
    expect(year.body.status).toBe('official');
    expect(year.body.workingSaturdays).toEqual([
      { date: '2025-04-26', name: 'Làm việc bù (thứ Bảy)', status: 'official' },
    ]);
    const provisional = await t.anon.get('/api/v1/calendar/years/2030');
    expect(provisional.body.status).toBe('provisional');
    expect(provisional.body.daysOff.some((d: { date: string }) => d.date === '2030-02-02')).toBe(true); // Tết 2030 (Vietnam)
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await t.anon.get('/docs/json')).body;
    for (const path of [
      '/api/v1/calendar/due-date',
      '/api/v1/calendar/lunar/{date}',
      '/api/v1/calendar/years/{year}',
      '/api/v1/calendar/schedules/{year}',
      '/api/v1/calendar/schedules/import',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(doc.paths['/api/v1/calendar/due-date'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'receivedAt',
      'workingDays',
      'cutoff',
    ]);
  });

  it('refuses bad input with problem+json and the calendar codes', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00&workingDays=3', 400, 'CALENDAR_INSTANT_WITHOUT_ZONE'],
      ['/api/v1/calendar/due-date?receivedAt=2024-02-30T08:30:00Z&workingDays=3', 400, 'CALENDAR_INVALID_INSTANT'],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=3651',
        400,
        'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
      ],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=-1',
        400,
        'CALENDAR_WORKING_DAYS_OUT_OF_RANGE',
      ],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=1.5',
        400,
        'CALENDAR_WORKING_DAYS_NOT_INTEGER',
      ],
      // numbers JavaScript would read but a person would not write: not N
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=0x10',
        400,
        'CALENDAR_WORKING_DAYS_NOT_INTEGER',
      ],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=1e3',
        400,
        'CALENDAR_WORKING_DAYS_NOT_INTEGER',
      ],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=%201',
        400,
        'CALENDAR_WORKING_DAYS_NOT_INTEGER',
      ],
      [
        '/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=%2B5',
        400,
        'CALENDAR_WORKING_DAYS_NOT_INTEGER',
      ],
      ['/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=3&x=1', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/due-date?receivedAt=2100-12-31T10:00:00Z&workingDays=5', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
      ['/api/v1/calendar/lunar/2023-02-30', 400, 'CALENDAR_INVALID_DATE'],
      ['/api/v1/calendar/lunar/2200-01-01', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
      ['/api/v1/calendar/lunar/20230101', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/years/2101', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
      ['/api/v1/calendar/years/1999', 400, 'CALENDAR_YEAR_OUT_OF_RANGE'],
      ['/api/v1/calendar/years/2e3', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/years/02025', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/years/2025.0', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/years/2025?x=1', 400, 'VALIDATION_FAILED'],
      ['/api/v1/calendar/lunar/2024-02-10?x=1', 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, status, code] of cases) {
      const r = await t.anon.get(url, { 'accept-language': 'en' });
      expect([url, r.status, r.body.code]).toEqual([url, status, code]);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const vi = await t.anon.get('/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00&workingDays=3');
    expect(vi.body.detail).toBe('Thời điểm "2024-03-01T08:30:00" thiếu múi giờ (thêm Z hoặc +07:00).');
    const en = await t.anon.get('/api/v1/calendar/years/2101', { 'accept-language': 'en' });
    expect(en.body.detail).toBe('Year 2101 is outside the calendar (2000–2100).');
    const tooMany = await t.anon.get('/api/v1/calendar/due-date?receivedAt=2024-03-01T08:30:00Z&workingDays=3651');
    expect(tooMany.body.detail).toBe('Số ngày làm việc phải từ 0 đến 3650.');
  });

  it('lets only a root administrator read and edit schedules', async () => {
    expect((await t.anon.get('/api/v1/calendar/schedules/2027')).status).toBe(401);
    expect((await coordinator.get('/api/v1/calendar/schedules/2027')).status).toBe(403);
    expect((await coordinator.put('/api/v1/calendar/schedules/2027', schedule2027)).status).toBe(403);
    // an administrator of a district only is not enough: the schedule is national
    const units = (await admin.get('/api/v1/units')).body as { id: string; code: string }[];
    const btl = units.find((u) => u.code === 'HN-BTL')!;
    const created = await admin.post('/api/v1/users', {
      fullName: 'Quản trị quận',
      email: 'qt.btl@cchc.local',
      password: 'Quan-tri-quan-2027!',
      unitId: btl.id,
      grants: [{ role: 'admin', unitId: btl.id }],
    });
    expect(created.status).toBe(201);
    const districtAdmin = await t.login('qt.btl@cchc.local', 'Quan-tri-quan-2027!');
    expect((await districtAdmin.put('/api/v1/calendar/schedules/2027', schedule2027)).status).toBe(403);
  });

  it('replaces a year with versions, audits it, and the public answers follow at once', async () => {
    const before = await admin.get('/api/v1/calendar/schedules/2027');
    expect(before.body).toMatchObject({ year: 2027, origin: 'provisional', status: 'provisional', version: null });
    expect((await admin.get('/api/v1/calendar/schedules/2025')).body.origin).toBe('shipped');
    const dueBefore = await t.anon.get(
      '/api/v1/calendar/due-date?receivedAt=2027-02-11T10:00:00%2B07:00&workingDays=1',
    );
    expect(dueBefore.body).toEqual({ effectiveReceiptDate: '2027-02-11', dueDate: '2027-02-12', provisional: true });

    const put = await admin.put('/api/v1/calendar/schedules/2027', schedule2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ origin: 'edited', status: 'official', version: 1, sources: schedule2027.sources });
    expect(put.body.workingSaturdays).toEqual([{ date: '2027-02-20', name: 'Làm việc bù (thứ Bảy)' }]);

    // the swapped Friday is now off; the edited year is official
    const dueAfter = await t.anon.get('/api/v1/calendar/due-date?receivedAt=2027-02-11T10:00:00%2B07:00&workingDays=1');
    expect(dueAfter.body).toEqual({ effectiveReceiptDate: '2027-02-11', dueDate: '2027-02-15', provisional: false });
    const overview = await t.anon.get('/api/v1/calendar/years/2027');
    expect(overview.body.status).toBe('official');
    expect(overview.body.workingSaturdays).toEqual([
      { date: '2027-02-20', name: 'Làm việc bù (thứ Bảy)', status: 'official' },
    ]);

    // a first write without a version on an edited year, and a stale version, are conflicts
    const again = await admin.put('/api/v1/calendar/schedules/2027', schedule2027);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('VERSION_CONFLICT');
    expect(again.body.current.version).toBe(1);
    const v2 = await admin.put('/api/v1/calendar/schedules/2027', {
      ...schedule2027,
      version: 1,
      sources: ['Thông báo 2'],
    });
    expect(v2.body.version).toBe(2);
    expect((await admin.put('/api/v1/calendar/schedules/2027', { ...schedule2027, version: 1 })).status).toBe(409);

    const log = await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2027');
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'calendar.year_replace',
      'calendar.year_create',
    ]);
    expect(log.body.items[0].before.sources).toEqual(schedule2027.sources);
    expect(log.body.items[0].after.sources).toEqual(['Thông báo 2']);
    // the first edit records the provisional schedule it replaced
    expect(log.body.items[1].before).toMatchObject({ year: 2027, origin: 'provisional', status: 'provisional' });
    expect(log.body.items[1].before.daysOff.length).toBeGreaterThan(5);

    // deleting returns the year to its provisional schedule
    expect((await admin.delete('/api/v1/calendar/schedules/2027?version=1')).status).toBe(409);
    expect((await admin.delete('/api/v1/calendar/schedules/2027?version=2')).status).toBe(204);
    expect((await admin.get('/api/v1/calendar/schedules/2027')).body.origin).toBe('provisional');
    expect((await t.anon.get('/api/v1/calendar/years/2027')).body.status).toBe('provisional');
    expect((await admin.delete('/api/v1/calendar/schedules/2027?version=2')).status).toBe(404);
  });

  it('audits the schedule in force: a first edit of a shipped year and a revert record the shipped schedule', async () => {
    const shipped = (await admin.get('/api/v1/calendar/schedules/2026')).body;
    expect(shipped).toMatchObject({ origin: 'shipped', version: null });
    const put = await admin.put('/api/v1/calendar/schedules/2026', {
      daysOff: [
        { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2026-02-17', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
        { date: '2026-02-18', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
        { date: '2026-02-19', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
        { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2026-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
        { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
      ],
      workingSaturdays: [],
      sources: ['Đính chính 2026'],
    });
    expect(put.status).toBe(200);
    const items = async () => (await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2026')).body.items;
    const [created] = await items();
    expect(created.action).toBe('calendar.year_create');
    expect(created.before).toEqual(shipped); // the whole shipped schedule, origin included
    expect(created.before.daysOff.length).toBeGreaterThan(5);
    expect(created.after).toMatchObject({ origin: 'edited', version: 1, sources: ['Đính chính 2026'] });

    expect((await admin.delete('/api/v1/calendar/schedules/2026?version=1')).status).toBe(204);
    const [deleted] = await items();
    expect(deleted.action).toBe('calendar.year_delete');
    expect(deleted.before).toMatchObject({ origin: 'edited', version: 1, sources: ['Đính chính 2026'] });
    expect(deleted.after).toEqual(shipped); // the year falls back to the shipped schedule

    // a provisional year falls back to its derived schedule
    const provisional = (await admin.get('/api/v1/calendar/schedules/2032')).body;
    expect(provisional.origin).toBe('provisional');
    const p = await admin.put('/api/v1/calendar/schedules/2032', {
      daysOff: [
        { date: '2032-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2032-02-11', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
        { date: '2032-02-12', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
        { date: '2032-02-13', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
        { date: '2032-04-19', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
        { date: '2032-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2032-09-02', kind: 'holiday', name: 'Quốc khánh' },
      ],
      workingSaturdays: [],
      sources: ['Thông báo 2032'],
    });
    expect(p.status).toBe(200);
    expect((await admin.delete('/api/v1/calendar/schedules/2032?version=1')).status).toBe(204);
    const log2032 = (await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2032')).body.items;
    expect(log2032.map((e: { action: string }) => e.action)).toEqual(['calendar.year_delete', 'calendar.year_create']);
    expect(log2032[1].before).toEqual(provisional);
    expect(log2032[0].after).toEqual(provisional);
  });

  it('rejects invalid schedules with the calendar code', async () => {
    const bad = await admin.put(
      '/api/v1/calendar/schedules/2028',
      { ...schedule2027, workingSaturdays: [{ date: '2028-02-18' }] },
      { 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CALENDAR_INVALID_SCHEDULE');
    const outOfYear = await admin.put('/api/v1/calendar/schedules/2028', schedule2027);
    expect(outOfYear.body.code).toBe('CALENDAR_INVALID_SCHEDULE');
    const noSource = await admin.put('/api/v1/calendar/schedules/2028', { ...schedule2027, sources: [] });
    expect(noSource.body.code).toBe('VALIDATION_FAILED');
    expect((await admin.put('/api/v1/calendar/schedules/2101', schedule2027)).body.code).toBe(
      'CALENDAR_YEAR_OUT_OF_RANGE',
    );
  });

  it('lists every problem of a refused PUT, each message naming its date (vi and en)', async () => {
    // the statutory holidays of 2031 on a weekday, which every year entered must have
    const holidays2031 = [
      { date: '2031-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2031-01-23', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2031-01-24', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2031-04-01', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2031-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
      { date: '2031-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
      { date: '2031-09-02', kind: 'holiday', name: 'Quốc khánh' },
    ];
    const body = {
      daysOff: [
        { date: '2031-02-30', kind: 'holiday', name: 'Ngày không có' },
        { date: '2031-01-04', kind: 'swapped', name: 'Hoán đổi vào thứ Bảy' },
        { date: '2030-12-31', kind: 'holiday', name: 'Năm trước' },
        ...holidays2031,
      ],
      workingSaturdays: [{ date: '2031-01-03' }],
      sources: ['Thông báo thử 2031'],
    };
    const vi = await admin.put('/api/v1/calendar/schedules/2031', body);
    expect(vi.status).toBe(400);
    expect(vi.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(vi.body.code).toBe('CALENDAR_INVALID_SCHEDULE');
    expect(vi.body.detail).toBe(
      'Lịch nghỉ năm 2031 không hợp lệ: "2031-02-30": ngày không hợp lệ; ' +
        '04/01/2031: ngày nghỉ hoán đổi rơi vào thứ Bảy hoặc Chủ nhật; 31/12/2030: không thuộc năm 2031; ' +
        '03/01/2031: ngày làm bù không phải thứ Bảy.',
    );
    expect(vi.body.problems).toEqual([
      {
        year: 2031,
        date: '2031-02-30',
        field: 'daysOff[0].date',
        problem: 'invalid date',
        message: '"2031-02-30": ngày không hợp lệ',
      },
      {
        year: 2031,
        date: '2031-01-04',
        field: 'daysOff[1].date',
        problem: 'swapped day on a weekend',
        message: '04/01/2031: ngày nghỉ hoán đổi rơi vào thứ Bảy hoặc Chủ nhật',
      },
      {
        year: 2031,
        date: '2030-12-31',
        field: 'daysOff[2].date',
        problem: 'date outside the year',
        message: '31/12/2030: không thuộc năm 2031',
      },
      {
        year: 2031,
        date: '2031-01-03',
        field: 'workingSaturdays[0].date',
        problem: 'working day is not a Saturday',
        message: '03/01/2031: ngày làm bù không phải thứ Bảy',
      },
    ]);
    const en = await admin.put('/api/v1/calendar/schedules/2031', body, { 'accept-language': 'en' });
    expect(en.body.detail).toBe(
      'The schedule of 2031 is not valid: "2031-02-30": not a valid date; ' +
        '04/01/2031: a swapped day off falls on a Saturday or Sunday; 31/12/2030: not in 2031; ' +
        '03/01/2031: a make-up working day must be a Saturday.',
    );
    expect(en.body.problems.map((p: { message: string }) => p.message)).toEqual([
      '"2031-02-30": not a valid date',
      '04/01/2031: a swapped day off falls on a Saturday or Sunday',
      '31/12/2030: not in 2031',
      '03/01/2031: a make-up working day must be a Saturday',
    ]);
    // a duplicate date when replacing an edited year
    const ok = await admin.put('/api/v1/calendar/schedules/2031', {
      ...body,
      daysOff: holidays2031,
      workingSaturdays: [],
    });
    expect(ok.status).toBe(200);
    const dup = await admin.put('/api/v1/calendar/schedules/2031', {
      ...body,
      version: 1,
      daysOff: [
        { date: '2031-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2031-01-01', kind: 'compensatory', name: 'Nghỉ bù' },
        ...holidays2031.slice(1),
      ],
      workingSaturdays: [],
    });
    expect(dup.body.detail).toBe('Lịch nghỉ năm 2031 không hợp lệ: 01/01/2031: ngày bị trùng (đã có ở trên).');
    expect((await admin.get('/api/v1/calendar/schedules/2031')).body.version).toBe(1);
    expect((await admin.delete('/api/v1/calendar/schedules/2031?version=1')).status).toBe(204);
  });

  it('imports JSON and xlsx files all-or-nothing, and exports in the same format', async () => {
    const json = {
      years: {
        '2029': {
          daysOff: [
            { date: '2029-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
            { date: '2029-02-13', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
            { date: '2029-02-14', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
            { date: '2029-02-15', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
            { date: '2029-04-23', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
            { date: '2029-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
            { date: '2029-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
          ],
          workingSaturdays: [],
          sources: ['QĐ thử 2029'],
        },
      },
    };
    const ok = fileUpload('lich-2029.json', Buffer.from(JSON.stringify(json)), 'application/json');
    const imported = await admin.request('POST', '/api/v1/calendar/schedules/import', ok.body, ok.headers);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ years: [{ year: 2029, version: 1 }] });
    expect((await t.anon.get('/api/v1/calendar/years/2029')).body.daysOff).toHaveLength(7);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['date', 'kind', 'name', 'source']);
    ws.addRow([new Date(Date.UTC(2029, 0, 1)), 'nghỉ lễ', 'Tết Dương lịch', 'QĐ 2 năm 2029']);
    ws.addRow(['2029-02-12', 'holiday', 'Tết Nguyên đán', '']);
    ws.addRow(['2029-02-17', 'làm bù', '', '']);
    ws.addRow(['2029-02-19', 'swapped', 'Hoán đổi', '']);
    for (const [date, name] of [
      ['2029-02-13', 'Tết Nguyên đán (mùng 1)'],
      ['2029-02-14', 'Tết Nguyên đán (mùng 2)'],
      ['2029-02-15', 'Tết Nguyên đán (mùng 3)'],
      ['2029-04-23', 'Giỗ Tổ Hùng Vương'],
      ['2029-04-30', 'Ngày Chiến thắng'],
      ['2029-05-01', 'Quốc tế Lao động'],
    ])
      ws.addRow([date, 'nghỉ lễ', name, '']);
    const x = fileUpload('lich.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/octet-stream');
    const fromXlsx = await admin.request('POST', '/api/v1/calendar/schedules/import', x.body, x.headers);
    expect(fromXlsx.body).toEqual({ years: [{ year: 2029, version: 2 }] });
    const read = (await admin.get('/api/v1/calendar/schedules/2029')).body;
    expect(read.daysOff.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      ['2029-01-01', 'holiday'],
      ['2029-02-12', 'holiday'],
      ['2029-02-13', 'holiday'],
      ['2029-02-14', 'holiday'],
      ['2029-02-15', 'holiday'],
      ['2029-02-19', 'swapped'],
      ['2029-04-23', 'holiday'],
      ['2029-04-30', 'holiday'],
      ['2029-05-01', 'holiday'],
    ]);
    expect(read.workingSaturdays).toEqual([{ date: '2029-02-17', name: 'Làm việc bù (thứ Bảy)' }]);
    expect(read.sources).toEqual(['QĐ 2 năm 2029']);

    // one bad year → nothing imported, every problem listed
    const badJson = {
      years: {
        '2029': { daysOff: json.years['2029'].daysOff, workingSaturdays: [], sources: ['x'] },
        '2031': {
          daysOff: [
            { date: '2031-02-30', kind: 'holiday', name: 'x' },
            // the statutory holidays of 2031 on a weekday
            ...['2031-01-01', '2031-01-23', '2031-01-24', '2031-04-01', '2031-04-30', '2031-05-01', '2031-09-02'].map(
              (date) => ({ date, kind: 'holiday', name: 'Lễ' }),
            ),
          ],
          workingSaturdays: ['2031-01-03'],
          sources: [],
        },
      },
    };
    const bad = fileUpload('bad.json', Buffer.from(JSON.stringify(badJson)), 'application/json');
    const rejected = await admin.request('POST', '/api/v1/calendar/schedules/import', bad.body, bad.headers);
    expect(rejected.status).toBe(422);
    expect(rejected.body.code).toBe('CALENDAR_IMPORT_INVALID');
    // every problem of the year (the working Friday used to be left out), each naming its date
    expect(rejected.body.problems).toEqual([
      { year: 2031, problem: 'source document missing', message: 'thiếu văn bản thông báo (sources)' },
      {
        year: 2031,
        date: '2031-02-30',
        field: 'daysOff[0].date',
        problem: 'invalid date',
        message: '"2031-02-30": ngày không hợp lệ',
      },
      {
        year: 2031,
        date: '2031-01-03',
        field: 'workingSaturdays[0]',
        problem: 'working day is not a Saturday',
        message: '03/01/2031: ngày làm bù không phải thứ Bảy',
      },
    ]);
    expect(rejected.body.detail).toBe(
      'Tệp lịch nghỉ có 3 lỗi; không năm nào được nhập: thiếu văn bản thông báo (sources); ' +
        '"2031-02-30": ngày không hợp lệ; 03/01/2031: ngày làm bù không phải thứ Bảy.',
    );
    expect((await admin.get('/api/v1/calendar/schedules/2029')).body.version).toBe(2);
    const junk = fileUpload('x.xlsx', Buffer.from('not a zip'), 'application/octet-stream');
    expect((await admin.request('POST', '/api/v1/calendar/schedules/import', junk.body, junk.headers)).body.code).toBe(
      'CALENDAR_IMPORT_NOT_XLSX',
    );
    const asCoordinator = await coordinator.request('POST', '/api/v1/calendar/schedules/import', ok.body, ok.headers);
    expect(asCoordinator.status).toBe(403);

    // export → import round trip
    const exported = await admin.get('/api/v1/calendar/schedules/2029/export?format=json');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="lich-nghi-2029.json"');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/schedules/2025/export',
      headers: { cookie: admin.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    const back = fileUpload('lich-2025.xlsx', xlsx.rawPayload, 'application/octet-stream');
    const reimported = await admin.request('POST', '/api/v1/calendar/schedules/import', back.body, back.headers);
    expect(reimported.body).toEqual({ years: [{ year: 2025, version: 1 }] });
    const y2025 = (await admin.get('/api/v1/calendar/schedules/2025')).body;
    expect(y2025.origin).toBe('edited');
    expect(y2025.daysOff).toHaveLength(12);
    expect(y2025.sources).toEqual(['VPCP 8726/VPCP-KGVX (26/11/2024)']);
    // the import's audit entry keeps the shipped schedule it replaced
    const [importAudit] = (await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2025')).body.items;
    expect(importAudit.action).toBe('calendar.year_import');
    expect(importAudit.before).toMatchObject({ origin: 'shipped', version: null, sources: y2025.sources });
    expect(importAudit.after).toMatchObject({ origin: 'edited', version: 1, file: 'lich-2025.xlsx' });
  });

  it('refuses any malformed schedule file with a 4xx listing every problem of every year, never a 500', async () => {
    const importJson = (doc: unknown, lang = 'vi') => {
      const f = fileUpload('lich.json', Buffer.from(JSON.stringify(doc)), 'application/json');
      return admin.request('POST', '/api/v1/calendar/schedules/import', f.body, {
        ...f.headers,
        'accept-language': lang,
      });
    };
    // the audit's case: a working Saturday named 5 was a 500 (w.name?.trim is not a function)
    const named5 = await importJson({
      years: {
        '2027': {
          daysOff: schedule2027.daysOff,
          workingSaturdays: [{ date: '2027-01-09', name: 5 }],
          sources: ['x'],
        },
      },
    });
    expect(named5.status).toBe(422);
    expect(named5.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(named5.body.code).toBe('CALENDAR_IMPORT_INVALID');
    expect(named5.body.problems).toEqual([
      {
        year: 2027,
        date: '2027-01-09',
        field: 'workingSaturdays[0].name',
        problem: 'name',
        message: '09/01/2027: thiếu tên ngày, hoặc tên không phải chữ',
      },
    ]);

    // four bad entries in one year and more in another: all listed, nothing imported
    const many = await importJson(
      {
        years: {
          '2033': {
            daysOff: [
              { date: '2033-02-30', kind: 'holiday', name: 'a' },
              { date: '2033-01-03', kind: 'festival', name: 'b' },
              { date: '2033-01-04', kind: 'holiday', name: 42 },
              { date: 20330105, kind: 'holiday', name: 'c' },
              // the statutory holidays of 2033 on a weekday
              { date: '2033-01-31', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
              { date: '2033-02-01', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
              { date: '2033-02-02', kind: 'holiday', name: 'Tết Nguyên đán (mùng 3)' },
              { date: '2033-09-02', kind: 'holiday', name: 'Quốc khánh' },
            ],
            workingSaturdays: ['2033-01-07'],
            sources: ['Thông báo 2033'],
          },
          '2034': { daysOff: 'none', workingSaturdays: [null], sources: [''] },
          '2035': {
            daysOff: [
              { date: '2035-01-01', kind: 'holiday', name: 'ok' },
              { date: '2035-02-08', kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' },
              { date: '2035-02-09', kind: 'holiday', name: 'Tết Nguyên đán (mùng 2)' },
              { date: '2035-04-17', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
              { date: '2035-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
              { date: '2035-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
            ],
            workingSaturdays: [],
          },
          '2036': [],
          abcd: {},
        },
      },
      'en',
    );
    expect(many.status).toBe(422);
    expect(
      many.body.problems.map((p: { year?: number; date?: string; problem: string }) => [p.year, p.date, p.problem]),
    ).toEqual([
      [undefined, undefined, 'not a year'],
      [undefined, undefined, 'not a year'],
      [2033, '2033-02-30', 'invalid date'],
      [2033, '2033-01-03', 'kind'],
      [2033, '2033-01-04', 'name'],
      [2033, undefined, 'invalid date'],
      [2033, '2033-01-07', 'working day is not a Saturday'],
      [2034, undefined, 'shape'],
      [2034, undefined, 'entry'],
      [2034, undefined, 'sources'],
      [2035, undefined, 'source document missing'],
    ]);
    expect(many.body.problems.map((p: { message: string }) => p.message)).toEqual([
      '"2036" is not a year with a schedule',
      '"abcd" is not a year with a schedule',
      '"2033-02-30": not a valid date',
      '03/01/2033: the kind "festival" is not valid (expected holiday, compensatory, swapped)',
      '04/01/2033: the name is missing or not text',
      'day off #4: not a valid date (expected YYYY-MM-DD)',
      '07/01/2033: a make-up working day must be a Saturday',
      'days off (daysOff): must be a list',
      'working Saturday #1: must be a date "YYYY-MM-DD" or an object { date, name }',
      'source #1: a source document must be non-empty text of at most 300 characters',
      'the announcing document (sources) is missing',
    ]);
    expect(many.body.detail).toMatch(/^The schedule file has 11 errors; nothing was imported: /);
    expect(many.body.detail).toContain('2033 – "2033-02-30": not a valid date');
    expect(many.body.detail).toContain('and 1 more.');
    for (const y of [2033, 2034, 2035])
      expect((await admin.get(`/api/v1/calendar/schedules/${y}`)).body.version).toBe(null);

    // whatever the shape of the file: a 4xx problem with a calendar code
    const docs: unknown[] = [
      null,
      [],
      5,
      'x',
      { years: null },
      { years: [] },
      { years: { '2027': null } },
      { years: { '2027': 'x' } },
      { years: { '2027': { daysOff: [5, 'x', [], { date: {}, kind: [], name: null }], workingSaturdays: {} } } },
      { years: { '2027': { daysOff: [], workingSaturdays: [{ date: ['2027-01-09'] }, true], sources: {} } } },
      { years: { '2027': { daysOff: [], workingSaturdays: [], sources: [{}], status: 1, year: 'x' } } },
      { years: {} },
      { timezone: 'Asia/Bangkok', years: { '2027': { daysOff: [], workingSaturdays: [], sources: ['x'] } } },
    ];
    for (const doc of docs) {
      const r = await importJson(doc);
      expect([JSON.stringify(doc), r.status < 500, r.headers['content-type']]).toEqual([
        JSON.stringify(doc),
        true,
        expect.stringMatching(/application\/problem\+json/),
      ]);
      expect(r.body.code).toMatch(/^CALENDAR_IMPORT_(INVALID|FILE_UNREADABLE)$/);
      if (r.body.code === 'CALENDAR_IMPORT_INVALID') expect(r.body.problems.length).toBeGreaterThan(0);
    }

    // xlsx: rows point at the problems
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['date', 'kind', 'name', 'source']);
    ws.addRow(['2033-02-30', 'holiday', 'a', 'QĐ 2033']);
    ws.addRow(['03/01/2033', 'holiday', 'b', '']);
    ws.addRow(['2033-01-04', 'lễ hội', 'c', '']);
    ws.addRow(['2033-01-07', 'làm bù', '', '']);
    ws.addRow(['2033-01-10', 'swapped', '', '']);
    // the statutory holidays of 2033 on a weekday
    for (const date of ['2033-01-31', '2033-02-01', '2033-02-02', '2033-09-02']) ws.addRow([date, 'holiday', 'Lễ', '']);
    const x = fileUpload('lich.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/octet-stream');
    const xr = await admin.request('POST', '/api/v1/calendar/schedules/import', x.body, x.headers);
    expect(xr.status).toBe(422);
    expect(xr.body.problems.map((p: { message: string }) => p.message)).toEqual([
      // by year (a row whose date is unreadable has none), then row, then column
      'dòng 3, "03/01/2033": ngày không hợp lệ (cần dạng YYYY-MM-DD)',
      'dòng 2, "2033-02-30": ngày không hợp lệ',
      expect.stringMatching(/^dòng 4, 04\/01\/2033: loại ngày "lễ hội" không hợp lệ \(cần holiday, /),
      'dòng 5, 07/01/2033: ngày làm bù không phải thứ Bảy',
      'dòng 6, 10/01/2033: thiếu tên ngày, hoặc tên không phải chữ',
    ]);
    expect(xr.body.problems[1]).toMatchObject({ year: 2033, row: 2, date: '2033-02-30', problem: 'invalid date' });
  });

  it('the service calendar serves other modules, and the CLI uses it', async () => {
    const cal = await getCalendar(t.database.db);
    expect(computeDueDate(cal, '2029-02-16T10:00:00+07:00', 1).dueDate).toBe('2029-02-17'); // imported working Saturday
    const out: string[] = [];
    await runCalendarCli(['lunar', '2024-02-10'], t.deps.config, (s) => out.push(s));
    expect(JSON.parse(out[0]!)).toEqual({ day: 1, month: 1, year: 2024, leapMonth: false });
    out.length = 0;
    await runCalendarCli(
      ['due', '--received-at', '2025-04-25T16:00:00+07:00', '--working-days', '1', '--offline'],
      t.deps.config,
      (s) => out.push(s),
    );
    expect(JSON.parse(out[0]!)).toEqual({
      effectiveReceiptDate: '2025-04-26',
      dueDate: '2025-04-28',
      provisional: false,
    });
    await expect(
      runCalendarCli(['due', '--received-at', '2025-04-25T16:00', '--working-days', '1', '--offline'], t.deps.config),
    ).rejects.toMatchObject({
      code: 'CALENDAR_INSTANT_WITHOUT_ZONE',
    });
    await expect(runCalendarCli(['nonsense'], t.deps.config)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('says why a schedule file cannot be read: empty, not valid JSON (where), not an xlsx workbook', async () => {
    const send = async (name: string, data: Buffer, lang = 'vi') => {
      const f = fileUpload(name, data, 'application/octet-stream');
      return admin.request('POST', '/api/v1/calendar/schedules/import', f.body, {
        ...f.headers,
        'accept-language': lang,
      });
    };
    for (const [name, data] of [
      ['lich.json', Buffer.alloc(0)],
      ['lich.json', Buffer.from(' \n\t\n')],
      ['lich.xlsx', Buffer.alloc(0)],
    ] as const) {
      const r = await send(name, data);
      expect([name, r.status, r.body.code]).toEqual([name, 400, 'CALENDAR_IMPORT_FILE_EMPTY']);
      expect(r.body.detail).toBe('Tệp lịch nghỉ trống (không có nội dung).');
    }
    expect((await send('lich.json', Buffer.alloc(0), 'en')).body.detail).toBe('The schedule file is empty.');

    // malformed JSON: where the parser stopped, as a line and column
    const malformed = Buffer.from('{\n  "years": {\n    "2027": { "daysOff": [], }\n  }\n}');
    const vi = await send('lich.json', malformed);
    expect(vi.status).toBe(400);
    expect(vi.body.code).toBe('CALENDAR_IMPORT_NOT_JSON');
    expect(vi.body.detail).toBe('Tệp lịch nghỉ không phải là JSON hợp lệ (lỗi ở dòng 3, cột 30).');
    expect(vi.body).toMatchObject({ line: 3, column: 30 });
    expect((await send('lich.json', malformed, 'en')).body.detail).toBe(
      'The schedule file is not valid JSON (error at line 3, column 30).',
    );
    // a parser message without a position ("Unexpected token 'x'…"): found all the same
    const token = await send('lich.json', Buffer.from('{"years":\n x}'), 'en');
    expect(token.body.detail).toBe('The schedule file is not valid JSON (error at line 2, column 2).');

    // a picture renamed .xlsx is no workbook; under another name it is neither format
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const asXlsx = await send('lich.xlsx', png);
    expect([asXlsx.status, asXlsx.body.code]).toEqual([400, 'CALENDAR_IMPORT_NOT_XLSX']);
    expect(asXlsx.body.detail).toBe('Tệp lịch nghỉ không phải là bảng tính Excel (.xlsx).');
    expect((await send('lich.xlsx', png, 'en')).body.detail).toBe(
      'The schedule file is not an Excel workbook (.xlsx).',
    );
    expect((await send('lich.png', png)).body.code).toBe('CALENDAR_IMPORT_FILE_UNREADABLE');
    // a zip that is no workbook
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(60)]);
    expect((await send('lich.xlsx', zip)).body.code).toBe('CALENDAR_IMPORT_NOT_XLSX');
  });

  it('lists the problems of an xlsx file by year, row and column, skips blank rows, and quotes a date that does not exist', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['date', 'kind', 'name', 'source']);
    ws.addRow(['2027-01-09', 'làm bù', 'Làm bù', 'TB 2027']); // 2
    ws.addRow(['', '', '', '']); // 3: blank, skipped
    ws.addRow(['2026-13-01', 'nghỉ lễ', 'Tháng 13', 'TB 2026']); // 4
    ws.addRow(['2027-01-02', 'hoán đổi', '', '']); // 5: a Saturday, and no name
    ws.addRow([null, ' ', null, '']); // 6: blank too
    ws.addRow(['2026-01-03', 'làm bù', '', '']); // 7
    ws.addRow(['2026-01-06', 'làm bù', '', '']); // 8: a Tuesday
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const send = async (lang: string) => {
      const f = fileUpload('lich.xlsx', buf, 'application/octet-stream');
      return admin.request('POST', '/api/v1/calendar/schedules/import', f.body, {
        ...f.headers,
        'accept-language': lang,
      });
    };
    const vi = await send('vi');
    expect(vi.status).toBe(422);
    const onRows = (r: { body: { problems: { row?: number }[] } }) =>
      r.body.problems.filter((p) => p.row !== undefined);
    expect(onRows(vi)).toEqual([
      {
        year: 2026,
        row: 4,
        date: '2026-13-01',
        problem: 'invalid date',
        message: 'dòng 4, "2026-13-01": ngày không hợp lệ',
      },
      {
        year: 2026,
        row: 8,
        date: '2026-01-06',
        problem: 'working day is not a Saturday',
        message: 'dòng 8, 06/01/2026: ngày làm bù không phải thứ Bảy',
      },
      {
        year: 2027,
        row: 5,
        date: '2027-01-02',
        problem: 'swapped day on a weekend',
        message: 'dòng 5, 02/01/2027: ngày nghỉ hoán đổi rơi vào thứ Bảy hoặc Chủ nhật',
      },
      {
        year: 2027,
        row: 5,
        date: '2027-01-02',
        problem: 'name',
        message: 'dòng 5, 02/01/2027: thiếu tên ngày, hoặc tên không phải chữ',
      },
    ]);
    // in order of year, then row, whatever else is listed
    const places = vi.body.problems.map((p: { year?: number; row?: number }) => [p.year ?? 0, p.row ?? 0]);
    expect(places).toEqual([...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(onRows(await send('en')).map((p) => (p as { message: string }).message)[0]).toBe(
      'row 4, "2026-13-01": not a valid date',
    );
  });

  it('exports an xlsx that reads back unchanged: documents on their own sheet, kinds in Vietnamese, lunar dates', async () => {
    const shipped = (await admin.get('/api/v1/calendar/schedules/2026')).body;
    expect(shipped.origin).toBe('shipped');
    // the legal basis is shown in the Vietnamese UI: in Vietnamese
    expect(shipped.sources).toEqual([
      'VPCP 12729/VPCP-KGVX (25/12/2025)',
      'Lịch nghỉ Tết Bính Ngọ và Quốc khánh 2026 của Chính phủ (công bố 13/10/2025)',
    ]);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/schedules/2026/export?format=xlsx',
      headers: { cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Lich nghi 2026', 'Văn bản']);
    const rows = (w: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      w.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const days = rows(wb.worksheets[0]!);
    expect(days[0]).toEqual(['date', 'kind', 'name', 'âm lịch']);
    expect(days).toHaveLength(1 + shipped.daysOff.length + shipped.workingSaturdays.length);
    const byDate = new Map(days.slice(1).map((r) => [r[0], r]));
    expect(byDate.get('2026-02-17')?.slice(1, 2)).toEqual(['nghỉ lễ']);
    expect(byDate.get('2026-02-17')?.[3]).toBe('1/1 Bính Ngọ');
    expect(byDate.get('2026-01-02')?.[1]).toBe('hoán đổi');
    expect(byDate.get('2026-04-27')?.[1]).toBe('nghỉ bù');
    expect(byDate.get('2026-01-10')?.[1]).toBe('làm bù');
    // no row carries a document: they are on their own sheet, with their year
    for (const r of days) expect(r.length).toBeLessThanOrEqual(4);
    expect(rows(wb.worksheets[1]!)).toEqual([['year', 'source'], ...shipped.sources.map((s: string) => [2026, s])]);

    // import ⇄ export is lossless: the same schedule, and importing it again changes nothing
    const f = fileUpload('lich-2026.xlsx', res.rawPayload, 'application/octet-stream');
    const first = await admin.request('POST', '/api/v1/calendar/schedules/import', f.body, f.headers);
    expect(first.body).toEqual({ years: [{ year: 2026, version: 1 }] });
    const edited = (await admin.get('/api/v1/calendar/schedules/2026')).body;
    expect(edited).toMatchObject({ origin: 'edited', version: 1 });
    for (const k of ['daysOff', 'workingSaturdays', 'sources']) expect(edited[k]).toEqual(shipped[k]);
    const again = await admin.request('POST', '/api/v1/calendar/schedules/import', f.body, f.headers);
    expect(again.status).toBe(200);
    expect(again.body.years).toMatchObject([{ year: 2026, version: 1 }]);
    const log = (await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2026')).body.items;
    expect(log[0].action).toBe('calendar.year_import');
    expect(log.filter((e: { action: string }) => e.action === 'calendar.year_import')).toHaveLength(1);
    expect((await admin.delete('/api/v1/calendar/schedules/2026?version=1')).status).toBe(204);
  });

  it('saving or importing an unchanged schedule is a no-op: same version, no audit entry', async () => {
    const provisional = (await admin.get('/api/v1/calendar/schedules/2037')).body;
    const body = {
      daysOff: provisional.daysOff,
      workingSaturdays: provisional.workingSaturdays,
      sources: ['Thông báo 2037'],
    };
    const created = await admin.put('/api/v1/calendar/schedules/2037', body);
    expect(created.status).toBe(200);
    expect(created.body.version).toBe(1);
    const audits = async () =>
      (await admin.get('/api/v1/audit?targetType=calendar_year&targetId=2037')).body.items as { action: string }[];
    expect(await audits()).toHaveLength(1);

    // the same days (in another order) and sources: the stored schedule, as it is
    const same = await admin.put('/api/v1/calendar/schedules/2037', {
      ...body,
      daysOff: [...body.daysOff].reverse(),
      version: 1,
    });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(created.body);
    expect(await audits()).toHaveLength(1);
    // a stale or missing version is still a conflict
    expect((await admin.put('/api/v1/calendar/schedules/2037', body)).status).toBe(409);

    // an import that would not change the year
    const doc = { years: { '2037': body } };
    const f = fileUpload('lich-2037.json', Buffer.from(JSON.stringify(doc)), 'application/json');
    const imported = await admin.request('POST', '/api/v1/calendar/schedules/import', f.body, f.headers);
    expect(imported.status).toBe(200);
    expect(imported.body.years).toEqual([{ year: 2037, version: 1, unchanged: true }]);
    expect(await audits()).toHaveLength(1);
    expect((await admin.get('/api/v1/calendar/schedules/2037')).body.updatedAt).toBe(created.body.updatedAt);

    // a real change still makes a version
    const changed = await admin.put('/api/v1/calendar/schedules/2037', {
      ...body,
      sources: ['Thông báo 2037 (sửa)'],
      version: 1,
    });
    expect(changed.body.version).toBe(2);
    expect(await audits()).toHaveLength(2);
    expect((await admin.delete('/api/v1/calendar/schedules/2037?version=2')).status).toBe(204);
  });

  it('refuses an entered year that leaves out a statutory holiday on a weekday, listing each with its date', async () => {
    // 2030: 1/1 Tue; Tết Canh Tuất mùng 1–2 are Sat 2/2 and Sun 3/2 (off anyway), mùng 3 Mon 4/2;
    // Giỗ Tổ 10/3 âm lịch Fri 12/4; 30/4 Tue; 1/5 Wed; 2/9 Mon
    const empty = { daysOff: [], workingSaturdays: [], sources: ['x'] };
    const vi = await admin.put('/api/v1/calendar/schedules/2030', empty);
    expect(vi.status).toBe(400);
    expect(vi.body.code).toBe('CALENDAR_INVALID_SCHEDULE');
    const missing = [
      ['2030-01-01', '01/01/2030', 'Tết Dương lịch'],
      ['2030-02-04', '04/02/2030', 'Tết Nguyên đán mùng 3'],
      ['2030-04-12', '12/04/2030', 'Giỗ Tổ Hùng Vương 10/3 âm lịch'],
      ['2030-04-30', '30/04/2030', 'Ngày Chiến thắng'],
      ['2030-05-01', '01/05/2030', 'Quốc tế Lao động'],
      ['2030-09-02', '02/09/2030', 'Quốc khánh'],
    ];
    expect(vi.body.problems).toEqual(
      missing.map(([date, shown, holiday]) => ({
        year: 2030,
        date,
        field: 'daysOff',
        problem: 'statutory holiday missing',
        message: `${shown}: ngày lễ theo Điều 112 Bộ luật Lao động (${holiday}) phải là ngày nghỉ`,
      })),
    );
    expect(vi.body.detail).toContain('01/01/2030: ngày lễ theo Điều 112 Bộ luật Lao động (Tết Dương lịch)');
    const en = await admin.put('/api/v1/calendar/schedules/2030', empty, { 'accept-language': 'en' });
    expect(en.body.problems.map((p: { message: string }) => p.message)).toEqual(
      missing.map(
        ([, shown, holiday]) =>
          `${shown}: a public holiday under Article 112 of the Labour Code (${holiday}) must be a day off`,
      ),
    );
    expect((await admin.get('/api/v1/calendar/schedules/2030')).body.origin).toBe('provisional');

    // the same rule for a file: a 2028 holding only 1/1 (a Saturday) and its nghỉ bù 3/1
    const file = {
      years: {
        '2028': {
          daysOff: [
            { date: '2028-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
            { date: '2028-01-03', kind: 'compensatory', name: 'Nghỉ bù Tết Dương lịch' },
          ],
          workingSaturdays: [],
          sources: ['Thông báo thử nghiệm 2028'],
        },
      },
    };
    const f = fileUpload('lich-2028.json', Buffer.from(JSON.stringify(file)), 'application/json');
    const imported = await admin.request('POST', '/api/v1/calendar/schedules/import', f.body, f.headers);
    expect(imported.status).toBe(422);
    expect(imported.body.problems.map((p: { date: string; problem: string }) => [p.date, p.problem])).toEqual(
      ['2028-01-26', '2028-01-27', '2028-01-28', '2028-04-04', '2028-05-01'].map((d) => [
        d,
        'statutory holiday missing',
      ]),
    );

    // the provisional schedule, derived from the same law, is accepted as it is
    const provisional = (await admin.get('/api/v1/calendar/schedules/2030')).body;
    const back = await admin.put('/api/v1/calendar/schedules/2030', {
      daysOff: provisional.daysOff,
      workingSaturdays: provisional.workingSaturdays,
      sources: provisional.sources,
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ origin: 'edited', status: 'official', daysOff: provisional.daysOff });
    expect((await admin.delete('/api/v1/calendar/schedules/2030?version=1')).status).toBe(204);
  });
});
