import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { multipart, seedCatalogue } from '../dossiers/test/fixtures.ts';
import { BUILDING_PERMIT_CODE } from './demo/catalogue.ts';

describe.each(DB_KINDS)('procedure catalogue on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue });
    admin = await t.login('admin@cchc.local');
    officer = await t.login('motcua.btl@cchc.local');
  }, 60_000);
  afterAll(() => t?.close());

  it('is public, with the building permit and four ward procedures', async () => {
    const r = await t.anon.get('/api/v1/procedures');
    expect(r.status).toBe(200);
    const bp = r.body.find((p: { code: string }) => p.code === BUILDING_PERMIT_CODE);
    expect(bp).toMatchObject({
      name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      processingDays: 15,
      onlineLevel: 'full',
    });
    expect(bp.legalBasis.join(' ')).toMatch(/50\/2014\/QH13.*62\/2020\/QH14/);
    expect(bp.legalBasis.join(' ')).toContain('15/2021/NĐ-CP');
    expect(bp.workflow.map((s: { role: string }) => s.role)).toEqual([
      'one_stop_officer',
      'specialist',
      'unit_head',
      'leader',
      'one_stop_officer',
    ]);
    expect(r.body.filter((p: { level: string }) => p.level === 'ward')).toHaveLength(4);
    const units = await t.anon.get(`/api/v1/procedures/${bp.id}/receiving-units`);
    expect(units.body.some((u: { name: string }) => u.name.includes('Thượng Cát'))).toBe(true);
  });

  it('lets administrators create and edit (with version), nobody else', async () => {
    const body = {
      code: '9.999001',
      name: 'Thủ tục thử nghiệm',
      field: 'Thử nghiệm',
      level: 'ward',
      receivingKinds: ['ward'],
      processingDays: 2,
      fees: [],
      components: [{ key: 'don', name: 'Đơn', form: 'original', count: 1, mandatory: true, fileTypes: ['pdf'] }],
      onlineLevel: 'full',
      legalBasis: ['Văn bản thử'],
      workflow: [
        { key: 'receive', name: 'Tiếp nhận', role: 'one_stop_officer', unit: 'receiving', days: 0 },
        { key: 'sign', name: 'Ký', role: 'leader', unit: 'receiving', days: 2 },
        { key: 'return', name: 'Trả', role: 'one_stop_officer', unit: 'receiving', days: 0 },
      ],
    };
    expect((await officer.post('/api/v1/procedures', body)).status).toBe(403);
    const bad = await admin.post('/api/v1/procedures', { ...body, processingDays: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.problems[0]).toMatch(/2 working days/);
    const c = await admin.post('/api/v1/procedures', body);
    expect(c.status, c.raw).toBe(201);
    expect((await admin.post('/api/v1/procedures', body)).status).toBe(409);
    const u = await admin.patch(`/api/v1/procedures/${c.body.id}`, { version: 1, processingDays: 3 });
    expect(u.body.processingDays).toBe(3);
    expect((await admin.patch(`/api/v1/procedures/${c.body.id}`, { version: 1, processingDays: 4 })).status).toBe(409);
  });

  it('exports to xlsx and imports it back; a broken file imports nothing and lists the rows', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/procedures/export',
      headers: { cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const file = res.rawPayload;
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const m = multipart({}, [{ field: 'file', name: 'thu-tuc.xlsx', type: 'application/octet-stream', data: file }]);
    const r = await admin.post('/api/v1/procedures/import', m.body, m.headers);
    expect(r.status, r.raw).toBe(200);
    expect(r.body.created).toBe(0);
    expect(r.body.updated).toBeGreaterThanOrEqual(5);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const ws = wb.worksheets[0]!;
    // the receipt cut-off travels with the procedure: a time typed in Excel, "none", the default
    const cutoffCol = (ws.getRow(1).values as string[]).indexOf('receipt_cutoff');
    expect(ws.getRow(2).getCell(cutoffCol).value).toBe('15:00');
    const codeOf = (n: number) => String(ws.getRow(n).getCell(1).value);
    ws.getRow(2).getCell(cutoffCol).value = new Date(Date.UTC(1899, 11, 30, 16, 30));
    ws.getRow(3).getCell(cutoffCol).value = 'không';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const m1 = multipart({}, [{ field: 'file', name: 't.xlsx', type: 'application/octet-stream', data: edited }]);
    expect((await admin.post('/api/v1/procedures/import', m1.body, m1.headers)).status).toBe(200);
    const list = (await t.anon.get('/api/v1/procedures')).body as { code: string; receiptCutoff: string | null }[];
    expect(list.find((p) => p.code === codeOf(2))?.receiptCutoff).toBe('16:30');
    expect(list.find((p) => p.code === codeOf(3))?.receiptCutoff).toBeNull();
    ws.getRow(2).getCell(cutoffCol).value = '25:00';
    const late = Buffer.from(await wb.xlsx.writeBuffer());
    const m3 = multipart({}, [{ field: 'file', name: 't.xlsx', type: 'application/octet-stream', data: late }]);
    const r3 = await admin.post('/api/v1/procedures/import', m3.body, m3.headers);
    expect(r3.status).toBe(422);
    expect(r3.body.problems[0]).toMatchObject({ row: 2 });
    expect(r3.body.problems[0].problem).toMatch(/receiptCutoff/);

    ws.getRow(2).getCell(6).value = 'mười lăm';
    ws.getRow(3).getCell(13).value = '[{not json';
    const broken = Buffer.from(await wb.xlsx.writeBuffer());
    const m2 = multipart({}, [{ field: 'file', name: 'x.xlsx', type: 'application/octet-stream', data: broken }]);
    const r2 = await admin.post('/api/v1/procedures/import', m2.body, m2.headers);
    expect(r2.status).toBe(422);
    expect(r2.body.problems.map((p: { row: number }) => p.row)).toEqual([2, 3]);
  });
});
