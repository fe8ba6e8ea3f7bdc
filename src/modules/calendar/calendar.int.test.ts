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
      daysOff: [{ date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' }],
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
      daysOff: [{ date: '2032-01-01', kind: 'holiday', name: 'Tết Dương lịch' }],
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
    const body = {
      daysOff: [
        { date: '2031-02-30', kind: 'holiday', name: 'Ngày không có' },
        { date: '2031-01-04', kind: 'swapped', name: 'Hoán đổi vào thứ Bảy' },
        { date: '2030-12-31', kind: 'holiday', name: 'Năm trước' },
      ],
      workingSaturdays: [{ date: '2031-01-03' }],
      sources: ['Thông báo thử 2031'],
    };
    const vi = await admin.put('/api/v1/calendar/schedules/2031', body);
    expect(vi.status).toBe(400);
    expect(vi.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(vi.body.code).toBe('CALENDAR_INVALID_SCHEDULE');
    expect(vi.body.detail).toBe(
      'Lịch nghỉ năm 2031 không hợp lệ: 30/02/2031: ngày không hợp lệ; ' +
        '04/01/2031: ngày nghỉ hoán đổi rơi vào thứ Bảy hoặc Chủ nhật; 31/12/2030: không thuộc năm 2031; ' +
        '03/01/2031: ngày làm bù không phải thứ Bảy.',
    );
    expect(vi.body.problems).toEqual([
      {
        year: 2031,
        date: '2031-02-30',
        field: 'daysOff[0].date',
        problem: 'invalid date',
        message: '30/02/2031: ngày không hợp lệ',
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
      'The schedule of 2031 is not valid: 30/02/2031: not a valid date; ' +
        '04/01/2031: a swapped day off falls on a Saturday or Sunday; 31/12/2030: not in 2031; ' +
        '03/01/2031: a make-up working day must be a Saturday.',
    );
    expect(en.body.problems.map((p: { message: string }) => p.message)).toEqual([
      '30/02/2031: not a valid date',
      '04/01/2031: a swapped day off falls on a Saturday or Sunday',
      '31/12/2030: not in 2031',
      '03/01/2031: a make-up working day must be a Saturday',
    ]);
    // a duplicate date when replacing an edited year
    const ok = await admin.put('/api/v1/calendar/schedules/2031', { ...body, daysOff: [], workingSaturdays: [] });
    expect(ok.status).toBe(200);
    const dup = await admin.put('/api/v1/calendar/schedules/2031', {
      ...body,
      version: 1,
      daysOff: [
        { date: '2031-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2031-01-01', kind: 'compensatory', name: 'Nghỉ bù' },
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
          daysOff: [{ date: '2029-01-01', kind: 'holiday', name: 'Tết Dương lịch' }],
          workingSaturdays: [],
          sources: ['QĐ thử 2029'],
        },
      },
    };
    const ok = fileUpload('lich-2029.json', Buffer.from(JSON.stringify(json)), 'application/json');
    const imported = await admin.request('POST', '/api/v1/calendar/schedules/import', ok.body, ok.headers);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ years: [{ year: 2029, version: 1 }] });
    expect((await t.anon.get('/api/v1/calendar/years/2029')).body.daysOff).toHaveLength(1);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['date', 'kind', 'name', 'source']);
    ws.addRow([new Date(Date.UTC(2029, 0, 1)), 'nghỉ lễ', 'Tết Dương lịch', 'QĐ 2 năm 2029']);
    ws.addRow(['2029-02-12', 'holiday', 'Tết Nguyên đán', '']);
    ws.addRow(['2029-02-17', 'làm bù', '', '']);
    ws.addRow(['2029-02-19', 'swapped', 'Hoán đổi', '']);
    const x = fileUpload('lich.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/octet-stream');
    const fromXlsx = await admin.request('POST', '/api/v1/calendar/schedules/import', x.body, x.headers);
    expect(fromXlsx.body).toEqual({ years: [{ year: 2029, version: 2 }] });
    const read = (await admin.get('/api/v1/calendar/schedules/2029')).body;
    expect(read.daysOff.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      ['2029-01-01', 'holiday'],
      ['2029-02-12', 'holiday'],
      ['2029-02-19', 'swapped'],
    ]);
    expect(read.workingSaturdays).toEqual([{ date: '2029-02-17', name: 'Làm việc bù (thứ Bảy)' }]);
    expect(read.sources).toEqual(['QĐ 2 năm 2029']);

    // one bad year → nothing imported, every problem listed
    const badJson = {
      years: {
        '2029': { daysOff: [], workingSaturdays: [], sources: ['x'] },
        '2031': {
          daysOff: [{ date: '2031-02-30', kind: 'holiday', name: 'x' }],
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
        message: '30/02/2031: ngày không hợp lệ',
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
        '30/02/2031: ngày không hợp lệ; 03/01/2031: ngày làm bù không phải thứ Bảy.',
    );
    expect((await admin.get('/api/v1/calendar/schedules/2029')).body.version).toBe(2);
    const junk = fileUpload('x.xlsx', Buffer.from('not a zip'), 'application/octet-stream');
    expect((await admin.request('POST', '/api/v1/calendar/schedules/import', junk.body, junk.headers)).body.code).toBe(
      'CALENDAR_IMPORT_FILE_UNREADABLE',
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
      years: { '2027': { daysOff: [], workingSaturdays: [{ date: '2027-01-09', name: 5 }], sources: ['x'] } },
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
            ],
            workingSaturdays: ['2033-01-07'],
            sources: ['Thông báo 2033'],
          },
          '2034': { daysOff: 'none', workingSaturdays: [null], sources: [''] },
          '2035': { daysOff: [{ date: '2035-01-01', kind: 'holiday', name: 'ok' }], workingSaturdays: [] },
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
      '30/02/2033: not a valid date',
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
    expect(many.body.detail).toContain('2033 – 30/02/2033: not a valid date');
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
    const x = fileUpload('lich.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/octet-stream');
    const xr = await admin.request('POST', '/api/v1/calendar/schedules/import', x.body, x.headers);
    expect(xr.status).toBe(422);
    expect(xr.body.problems.map((p: { message: string }) => p.message)).toEqual([
      'dòng 3, "03/01/2033": ngày không hợp lệ (cần dạng YYYY-MM-DD)',
      expect.stringMatching(/^dòng 4, 04\/01\/2033: loại ngày "lễ hội" không hợp lệ \(cần holiday, /),
      'dòng 2, 30/02/2033: ngày không hợp lệ',
      'dòng 6, 10/01/2033: thiếu tên ngày, hoặc tên không phải chữ',
      'dòng 5, 07/01/2033: ngày làm bù không phải thứ Bảy',
    ]);
    expect(xr.body.problems[2]).toMatchObject({ year: 2033, row: 2, date: '2033-02-30', problem: 'invalid date' });
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
});
