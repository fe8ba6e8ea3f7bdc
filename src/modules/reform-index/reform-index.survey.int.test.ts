/**
 * Survey points from xlsx (all or nothing, every bad row and cell reported), who may import them,
 * and inline edits of a framework's criteria (refused once frozen, invalid trees refused).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Reply, type Session, type TestApp } from '../../../test/harness.ts';
import { fileUpload } from '../../../test/multipart.ts';
import { apiCrit } from './domain/test-fixtures.ts';

const CRITERIA = [
  apiCrit('A', null, 4),
  apiCrit('A1', 'A', 4),
  apiCrit('S', null, 6),
  apiCrit('S1', 'S', 3.5, { method: 'survey' }),
  apiCrit('S2', 'S', 2.5, { method: 'survey', rule: { kind: 'yesNo' } }),
];
const UNITS = ['HN-BTL-PB-QLDT', 'HN-BTL-PB-NV'];

describe.each(DB_KINDS)('reform index survey import and framework edits on %s', (kind) => {
  let t: TestApp;
  let coord: Session;
  let appraiser: Session;
  let outsider: Session;
  let admin: Session;
  let frameworkId: string;
  let draftId: string;
  let cycleId: string;
  const url = (p: string) => `/api/v1/reform-index${p}`;
  const problem = (r: Reply, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe(code);
  };
  const upload = (s: Session, name: string, content: Buffer) => {
    const m = fileUpload(name, content);
    return s.request('POST', url(`/cycles/${cycleId}/survey/import`), m.body, m.headers);
  };
  const template = async (s: Session) =>
    t.app.inject({
      method: 'GET',
      url: url(`/cycles/${cycleId}/survey/template.xlsx`),
      headers: s.cookie ? { cookie: s.cookie } : {},
    });
  /** survey points stored for a unit, read back from the coordinator's assessment sheet */
  const stored = async (unitCode: string) => {
    const work = await coord.get(url('/work'));
    const w = work.body.find((x: { cycle: { id: string } }) => x.cycle.id === cycleId);
    const a = w.assessments.find((x: { unitCode: string }) => x.unitCode === unitCode);
    const sheet = await coord.get(url(`/assessments/${a.id}`));
    return Object.fromEntries(
      sheet.body.criteria
        .filter((c: { method: string; leaf: boolean }) => c.method === 'survey' && c.leaf)
        .map((c: { code: string; score: { surveyPoints: number | null } | null }) => [
          c.code,
          c.score?.surveyPoints ?? null,
        ]),
    );
  };
  const workbook = async (buf: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb;
  };
  const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await t.login('noivu.btl@cchc.local');
    appraiser = await t.login('thamdinh.btl@cchc.local');
    outsider = await t.login('motcua.thuongcat@cchc.local');
    admin = await t.login('admin@cchc.local');
    const g = await coord.post(url('/groups'), {
      code: 'T-SURVEY',
      year: 2025,
      name: 'Thử điều tra XHH 2025',
      labelVi: 'phòng chuyên môn',
      ownerUnitCode: 'HN-BTL',
      units: UNITS.map((unitCode) => ({ unitCode, block: 'departments' })),
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const f = await coord.post(url('/frameworks'), {
      groupId: g.body.id,
      code: 'T-SURVEY-2025',
      name: 'Bộ chỉ số thử 2025',
      criteria: CRITERIA,
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    frameworkId = f.body.id;
    const d = await coord.post(url(`/frameworks/${frameworkId}/copy`), { groupId: g.body.id, code: 'T-SURVEY-DRAFT' });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    draftId = d.body.id;
    const c = await coord.post(url('/cycles'), {
      frameworkId,
      name: 'Kỳ thử 2025',
      deadline: '2099-12-31',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    cycleId = c.body.id;
  }, 300_000);
  afterAll(() => t?.close());

  it('refuses the import while units still self-score', async () => {
    const tpl = await template(coord);
    expect(tpl.statusCode).toBe(200);
    problem(await upload(coord, 'dieu-tra.xlsx', tpl.rawPayload), 409, 'RI_CYCLE_STATE');
    expect((await coord.post(url(`/cycles/${cycleId}/start-appraisal`))).status).toBe(200);
  });

  it('serves a template with one row per unit and survey criterion', async () => {
    const tpl = await template(coord);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toMatch(/spreadsheetml/);
    const ws = (await workbook(tpl.rawPayload)).worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'unit_code',
      'unit_name',
      'criterion_code',
      'criterion_name',
      'max_points',
      'points',
    ]);
    const rows = [3, 4, 5, 6].map((r) => [ws.getRow(r).getCell(1).value, ws.getRow(r).getCell(3).value]);
    // 2 units (in the organisation's order) × 2 survey leaves; A1 (appraisal) and the parents are not in it
    expect(rows).toEqual([
      ['HN-BTL-PB-NV', 'S1'],
      ['HN-BTL-PB-NV', 'S2'],
      ['HN-BTL-PB-QLDT', 'S1'],
      ['HN-BTL-PB-QLDT', 'S2'],
    ]);
    expect(ws.getRow(3).getCell(5).value).toBe(3.5);
    expect(ws.rowCount).toBe(6);
  });

  it('reports every bad row and cell of a file and imports nothing', async () => {
    const wb = await workbook((await template(coord)).rawPayload);
    const ws = wb.worksheets[0]!;
    ws.getRow(3).getCell(6).value = 3; // good
    ws.getRow(4).getCell(6).value = 1; // S2 is yes/no: 0 or 2.5
    ws.getRow(5).getCell(6).value = 'ba'; // not a number
    ws.getRow(6).getCell(6).value = 2.5; // good
    ws.addRow(['HN-BTL-P-TC', '', 'S1', '', '', 2]); // row 7: a ward, not in this peer group
    ws.addRow(['HN-BTL-PB-NV', '', 'A1', '', '', 2]); // row 8: not a survey criterion
    ws.addRow(['HN-BTL-PB-NV', '', 'S1', '', '', 4]); // row 9: above max, and a duplicate of row 3
    const bad = await upload(coord, 'sai.xlsx', await bytes(wb));
    problem(bad, 422, 'RI_SURVEY_IMPORT_INVALID');
    expect(bad.body.detail).toMatch(/ 6 /);
    expect(
      bad.body.problems.map((p: { row: number; column?: string; code: string }) => [p.row, p.column, p.code]),
    ).toEqual([
      [4, 'points', 'SCORE_NOT_YES_NO'],
      [5, 'points', 'NUMBER_INVALID'],
      [7, 'unit_code', 'UNKNOWN_UNIT'],
      [8, 'criterion_code', 'NOT_A_SURVEY_CRITERION'],
      [9, undefined, 'DUPLICATE_ROW'],
      [9, 'points', 'SCORE_ABOVE_MAX'],
    ]);
    // the good rows 3 and 6 were not stored either
    expect(await stored('HN-BTL-PB-QLDT')).toEqual({ S1: null, S2: null });
    expect(await stored('HN-BTL-PB-NV')).toEqual({ S1: null, S2: null });

    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('x').addRow(['don_vi', 'diem']);
    const cols = await upload(coord, 'cot-sai.xlsx', await bytes(wrong));
    problem(cols, 422, 'RI_SURVEY_IMPORT_INVALID');
    expect(cols.body.problems[0]).toMatchObject({ row: 1, column: 'unit_code', code: 'COLUMN_WRONG' });
    problem(await upload(coord, 'rong.xlsx', Buffer.from('PK\u0003\u0004 not a workbook')), 400, 'RI_FILE_UNREADABLE');
  });

  it('imports a good file in one go, with an audit entry; empty points are left as they are', async () => {
    const wb = await workbook((await template(coord)).rawPayload);
    const ws = wb.worksheets[0]!;
    ws.getRow(3).getCell(6).value = 3.25;
    ws.getRow(4).getCell(6).value = 2.5;
    ws.getRow(5).getCell(6).value = '1,5'; // a Vietnamese decimal comma
    const ok = await upload(coord, 'dieu-tra.xlsx', await bytes(wb));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ saved: 3 });
    expect(await stored('HN-BTL-PB-NV')).toEqual({ S1: 3.25, S2: 2.5 });
    expect(await stored('HN-BTL-PB-QLDT')).toEqual({ S1: 1.5, S2: null });
    const log = await admin.get(url('').replace('/reform-index', `/audit?action=ri.survey.import&targetId=${cycleId}`));
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0].after).toMatchObject({ rows: 3, fileName: 'dieu-tra.xlsx' });
    // the coordinator's screen reads them back by unit and criterion
    const sheet = await coord.get(url(`/cycles/${cycleId}/survey`));
    expect(sheet.status).toBe(200);
    expect(sheet.body.criteria.map((c: { code: string }) => c.code)).toEqual(['S1', 'S2']);
    expect(sheet.body.units).toEqual([
      { unitCode: 'HN-BTL-PB-NV', unitName: expect.any(String), points: { S1: 3.25, S2: 2.5 } },
      { unitCode: 'HN-BTL-PB-QLDT', unitName: expect.any(String), points: { S1: 1.5, S2: null } },
    ]);
    // the template now carries the stored points
    const again = (await workbook((await template(coord)).rawPayload)).worksheets[0]!;
    expect([3, 4, 5, 6].map((r) => again.getRow(r).getCell(6).value)).toEqual([3.25, 2.5, 1.5, null]);
  });

  it('is for the group’s coordinator only: 403 for its appraiser, 404 outside the scope', async () => {
    const tpl = (await template(coord)).rawPayload;
    problem(await upload(appraiser, 'x.xlsx', tpl), 403, 'FORBIDDEN');
    problem(await upload(outsider, 'x.xlsx', tpl), 404, 'NOT_FOUND');
    expect((await template(appraiser)).statusCode).toBe(403);
    expect((await template(outsider)).statusCode).toBe(404);
    expect((await template(t.anon)).statusCode).toBe(401);
    problem(await appraiser.get(url(`/cycles/${cycleId}/survey`)), 403, 'FORBIDDEN');
    problem(await outsider.get(url(`/cycles/${cycleId}/survey`)), 404, 'NOT_FOUND');
    expect((await stored('HN-BTL-PB-QLDT')).S1).toBe(1.5);
  });

  it('edits a draft framework’s nodes, refuses invalid trees, and refuses any edit once frozen', async () => {
    const fw = (await coord.get(url(`/frameworks/${draftId}`))).body;
    const edited = fw.criteria.map((c: { code: string }) =>
      c.code === 'A1' ? { ...c, name: 'Ban hành kế hoạch CCHC', evidenceRequired: true, allowNotApplicable: true } : c,
    );
    const added = [...edited, apiCrit('S3', 'S', 1, { method: 'survey' })].map((c) =>
      c.code === 'S' ? { ...c, maxPoints: 7 } : c,
    );
    const ok = await coord.patch(url(`/frameworks/${draftId}`), { version: fw.version, criteria: added });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const after = (await coord.get(url(`/frameworks/${draftId}`))).body;
    expect(after.criteria.find((c: { code: string }) => c.code === 'A1')).toMatchObject({
      name: 'Ban hành kế hoạch CCHC',
      evidenceRequired: true,
      allowNotApplicable: true,
    });
    expect(after.criteria.map((c: { code: string }) => c.code)).toContain('S3');

    // children worth more than their parent
    const tooMuch = after.criteria.map((c: { code: string }) => (c.code === 'S3' ? { ...c, maxPoints: 2 } : c));
    const r1 = await coord.patch(url(`/frameworks/${draftId}`), { version: after.version, criteria: tooMuch });
    problem(r1, 422, 'RI_FRAMEWORK_INVALID');
    expect(r1.body.problems[0]).toMatchObject({ code: 'FRAMEWORK_CHILDREN_MAX_MISMATCH', criterionCode: 'S' });
    // a node made its own grandparent
    const cyclic = after.criteria.map((c: { code: string }) =>
      c.code === 'S' ? { ...c, parentCode: 'S3', rule: { kind: 'sum' } } : c,
    );
    const r2 = await coord.patch(url(`/frameworks/${draftId}`), { version: after.version, criteria: cyclic });
    problem(r2, 422, 'RI_FRAMEWORK_INVALID');
    expect(r2.body.problems.map((p: { code: string }) => p.code)).toContain('FRAMEWORK_CYCLE');
    // a stale version
    problem(
      await coord.patch(url(`/frameworks/${draftId}`), { version: fw.version, criteria: added }),
      409,
      'VERSION_CONFLICT',
    );
    // only the group's coordinator
    problem(
      await appraiser.patch(url(`/frameworks/${draftId}`), { version: after.version, criteria: added }),
      403,
      'FORBIDDEN',
    );
    problem(
      await outsider.patch(url(`/frameworks/${draftId}`), { version: after.version, criteria: added }),
      404,
      'NOT_FOUND',
    );
    const unchanged = (await coord.get(url(`/frameworks/${draftId}`))).body;
    expect(unchanged.version).toBe(after.version);
    expect(unchanged.criteria.find((c: { code: string }) => c.code === 'S3').maxPoints).toBe(1);

    // the framework of the open cycle is frozen
    const frozen = (await coord.get(url(`/frameworks/${frameworkId}`))).body;
    expect(frozen.status).toBe('frozen');
    const r3 = await coord.patch(url(`/frameworks/${frameworkId}`), {
      version: frozen.version,
      criteria: frozen.criteria.map((c: { code: string }) => (c.code === 'A1' ? { ...c, name: 'Đổi tên' } : c)),
    });
    problem(r3, 409, 'RI_FRAMEWORK_FROZEN');
    expect(r3.body.detail).toMatch(/T-SURVEY-2025/);
    const still = (await coord.get(url(`/frameworks/${frameworkId}`))).body;
    expect(still.criteria.find((c: { code: string }) => c.code === 'A1').name).toBe('Tiêu chí A1');
  });
});
