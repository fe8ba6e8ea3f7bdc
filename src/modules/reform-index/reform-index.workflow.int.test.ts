/**
 * A cycle from framework to correction through the HTTP API, with the bad inputs and the
 * concurrency rule of the issue: every refusal is a clear 4xx problem+json.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Reply, type Session, type TestApp } from '../../../test/harness.ts';
import { fileUpload } from '../../../test/multipart.ts';
import { apiCrit } from './domain/test-fixtures.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const CRITERIA = [
  apiCrit('A', null, 10),
  apiCrit('A1', 'A', 4, {
    rule: {
      kind: 'tiered',
      levels: [
        { label: 'Tốt', points: 4 },
        { label: 'Đạt', points: 2 },
        { label: 'Không', points: 0 },
      ],
    },
    evidenceRequired: true,
  }),
  apiCrit('A2', 'A', 3, { allowNotApplicable: true }),
  apiCrit('A3', 'A', 3, { method: 'computed', metricKey: 'test.notRegistered', rule: { kind: 'proportional' } }),
  apiCrit('B', null, 5),
  apiCrit('B1', 'B', 5, { method: 'survey' }),
];

describe.each(DB_KINDS)('reform index workflow on %s', (kind) => {
  let t: TestApp;
  let coord: Session;
  let focal: Session;
  let appraiser: Session;
  let appraiser2: Session;
  let groupId: string;
  let frameworkId: string;
  let cycleId: string;
  let assessmentId: string;
  const url = (p: string) => `/api/v1/reform-index${p}`;
  const problem = (r: Reply, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe(code);
  };
  const upload = (s: Session, path: string, name: string, content: Buffer) => {
    const m = fileUpload(name, content);
    return s.request('POST', path, m.body, m.headers);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await t.login('noivu.btl@cchc.local');
    focal = await t.login('truongphong.qldt@cchc.local');
    appraiser = await t.login('thamdinh.btl@cchc.local');
    const admin = await t.login('admin@cchc.local');
    const units = (await admin.get('/api/v1/units')).body as { id: string; code: string }[];
    const btl = units.find((u) => u.code === 'HN-BTL')!;
    const created = await admin.post('/api/v1/users', {
      fullName: 'Ngô Thẩm Định',
      email: 'thamdinh2.btl@cchc.local',
      password: 'Th@mDinh-2024-manh',
      unitId: btl.id,
      grants: [{ role: 'appraiser', unitId: btl.id }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    appraiser2 = await t.login('thamdinh2.btl@cchc.local', 'Th@mDinh-2024-manh');
  }, 300_000);
  afterAll(() => t?.close());

  it('defines a peer group and refuses invalid criterion trees', async () => {
    const g = await coord.post(url('/groups'), {
      code: 'T-PCM',
      year: 2024,
      name: 'Thử nghiệm phòng chuyên môn 2024',
      labelVi: 'phòng chuyên môn',
      ownerUnitCode: 'HN-BTL',
      units: [
        { unitCode: 'HN-BTL-PB-QLDT', block: 'departments' },
        { unitCode: 'HN-BTL-PB-NV', block: 'departments' },
      ],
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    groupId = g.body.id;
    expect(
      (
        await focal.post(url('/groups'), {
          code: 'X',
          year: 2024,
          name: 'Không được',
          labelVi: 'x',
          ownerUnitCode: 'HN-BTL',
          units: [{ unitCode: 'HN-BTL-PB-QLDT' }],
        })
      ).status,
    ).toBe(403);

    const cyclic = await coord.post(url('/frameworks'), {
      groupId,
      code: 'T-BAD',
      name: 'Sai',
      criteria: [
        apiCrit('A', null, 2),
        apiCrit('X', 'Y', 1, { rule: { kind: 'sum' } }),
        apiCrit('Y', 'X', 1, { rule: { kind: 'sum' } }),
        apiCrit('A1', 'A', 2),
      ],
    });
    problem(cyclic, 422, 'RI_FRAMEWORK_INVALID');
    expect(cyclic.body.problems.map((p: { code: string }) => p.code)).toContain('FRAMEWORK_CYCLE');
    const tooMuch = await coord.post(url('/frameworks'), {
      groupId,
      code: 'T-BAD',
      name: 'Sai',
      criteria: [apiCrit('A', null, 2), apiCrit('A1', 'A', 2), apiCrit('A2', 'A', 1)],
    });
    problem(tooMuch, 422, 'RI_FRAMEWORK_INVALID');
    expect(tooMuch.body.problems[0]).toMatchObject({ code: 'FRAMEWORK_CHILDREN_MAX_MISMATCH', criterionCode: 'A' });

    const ok = await coord.post(url('/frameworks'), {
      groupId,
      code: 'T-PCM-2024',
      name: 'Bộ chỉ số thử 2024',
      bands: [{ code: 'A', min: 90 }],
      criteria: CRITERIA,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    frameworkId = ok.body.id;
  });

  it('imports the xlsx template all-or-nothing, reporting every bad row and cell', async () => {
    const exported = await t.app.inject({
      method: 'GET',
      url: url(`/frameworks/${frameworkId}/export.xlsx`),
      headers: { cookie: coord.cookie! },
    });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(1).value).toBe('A');

    // wrong columns
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet('x').addRow(['ma', 'ten', 'diem']);
    problem(
      await upload(
        coord,
        url(`/frameworks/${frameworkId}/import`),
        'sai.xlsx',
        Buffer.from(await wrong.xlsx.writeBuffer()),
      ),
      422,
      'RI_IMPORT_INVALID',
    );

    // two bad cells on two rows: both reported, nothing imported
    ws.getRow(4).getCell(5).value = 'bốn';
    ws.getRow(5).getCell(6).value = 'guess';
    const bad = await upload(
      coord,
      url(`/frameworks/${frameworkId}/import`),
      'sai.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    problem(bad, 422, 'RI_IMPORT_INVALID');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: 'max_points' }),
        expect.objectContaining({ row: 5, column: 'method' }),
      ]),
    );
    const still = await coord.get(url(`/frameworks/${frameworkId}`));
    expect(still.body.criteria.find((c: { code: string }) => c.code === 'A1').maxPoints).toBe(4);

    // a good round trip
    ws.getRow(4).getCell(5).value = 4;
    ws.getRow(5).getCell(6).value = 'appraisal';
    const good = await upload(
      coord,
      url(`/frameworks/${frameworkId}/import`),
      'dung.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.criteria).toBe(6);
  });

  it('opens a cycle, which freezes the framework', async () => {
    const c = await coord.post(url('/cycles'), {
      frameworkId,
      name: 'Kỳ thử 2024',
      deadline: '2099-12-31',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    cycleId = c.body.id;
    const fw = await coord.get(url(`/frameworks/${frameworkId}`));
    expect(fw.body.status).toBe('frozen');
    problem(
      await coord.patch(url(`/frameworks/${frameworkId}`), { version: fw.body.version, name: 'Đổi tên' }),
      409,
      'RI_FRAMEWORK_FROZEN',
    );
    const work = await focal.get(url('/work'));
    const mine = work.body.find((w: { cycle: { id: string } }) => w.cycle.id === cycleId);
    expect(mine.assessments.map((a: { unitCode: string }) => a.unitCode)).toEqual(['HN-BTL-PB-QLDT']);
    assessmentId = mine.assessments[0].id;
  });

  it('self-scores with validation, refuses submission without required evidence, checks evidence by its bytes', async () => {
    const put = (code: string, body: unknown) => focal.put(url(`/assessments/${assessmentId}/scores/${code}`), body);
    problem(await put('A1', { selfScore: 3 }), 422, 'RI_SCORE_INVALID');
    const above = await put('A2', { selfScore: 3.5 });
    problem(above, 422, 'RI_SCORE_INVALID');
    expect(above.body.reasonCode).toBe('SCORE_ABOVE_MAX');
    expect((await put('A2', { selfScore: -1 })).body.reasonCode).toBe('SCORE_NEGATIVE');
    problem(await put('B1', { selfScore: 1 }), 422, 'RI_CRITERION_NOT_LEAF');
    problem(await put('A', { selfScore: 1 }), 422, 'RI_CRITERION_NOT_LEAF');
    expect((await appraiser.put(url(`/assessments/${assessmentId}/scores/A1`), { selfScore: 4 })).status).toBe(403);
    expect((await put('A1', { selfScore: 4, selfNote: 'Ban hành kế hoạch đúng hạn' })).status).toBe(200);
    // 0 is a score, not "no score" (the app's Ajv coerces types)
    const zero = await put('A2', { selfScore: 0 });
    expect(zero.body.selfScore).toBe(0);
    expect((await put('A2', { selfScore: 2.5, version: zero.body.version })).status).toBe(200);

    const refused = await focal.post(url(`/assessments/${assessmentId}/submit`));
    problem(refused, 422, 'RI_EVIDENCE_MISSING');
    expect(refused.body.criteria).toEqual(['A1']);

    problem(
      await upload(
        focal,
        url(`/assessments/${assessmentId}/evidence/A1`),
        'gia-mao.pdf',
        Buffer.from('MZ not a pdf at all'),
      ),
      415,
      'RI_EVIDENCE_TYPE',
    );
    const ok = await upload(focal, url(`/assessments/${assessmentId}/evidence/A1`), 'ke-hoach.pdf', PDF);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.contentType).toBe('application/pdf');
    const file = await t.app.inject({
      method: 'GET',
      url: url(`/evidence/${ok.body.id}/file`),
      headers: { cookie: focal.cookie! },
    });
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const sheet = await focal.get(url(`/assessments/${assessmentId}`));
    expect(sheet.body.progress).toEqual({ scored: 4, total: 4 });
    expect(sheet.body.totals.self).toBe(6.5);
    expect((await focal.post(url(`/assessments/${assessmentId}/submit`))).status).toBe(200);
    problem(await put('A2', { selfScore: 1 }), 409, 'RI_ASSESSMENT_STATE');
  });

  it('appraises with reasons; a second appraiser with a stale version gets 409 with the other value', async () => {
    const path = url(`/assessments/${assessmentId}/appraisals/A1`);
    problem(await appraiser.put(path, { appraisedScore: 2, reason: '', version: 1 }), 422, 'RI_REASON_REQUIRED');
    const current = (await appraiser.get(url(`/assessments/${assessmentId}`))).body.criteria.find(
      (c: { code: string }) => c.code === 'A1',
    ).score;
    const first = await appraiser.put(path, {
      appraisedScore: 2,
      reason: 'Kế hoạch chưa có phân công cụ thể',
      version: current.version,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const second = await appraiser2.put(path, {
      appraisedScore: 4,
      reason: 'Đồng ý mức tự chấm',
      version: current.version,
    });
    problem(second, 409, 'VERSION_CONFLICT');
    expect(second.body.current).toMatchObject({
      appraisedScore: 2,
      appraisalReason: 'Kế hoạch chưa có phân công cụ thể',
    });
    expect((await focal.put(path, { appraisedScore: 4, reason: 'tự thẩm định', version: 2 })).status).toBe(403);
  });

  it('returns a unit once per round for explanation', async () => {
    const r = await appraiser.post(url(`/assessments/${assessmentId}/return`), { reason: 'Giải trình tiêu chí A2' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('RETURNED');
    problem(
      await appraiser2.post(url(`/assessments/${assessmentId}/return`), { reason: 'Lần nữa' }),
      409,
      'RI_ASSESSMENT_STATE',
    );
    const again = await focal.post(url(`/assessments/${assessmentId}/submit`));
    expect(again.body).toMatchObject({ status: 'SUBMITTED', round: 2, returnCount: 0 });
  });

  it('leaves a computed criterion with an unregistered metric unscored and says so', async () => {
    const drill = await appraiser.get(url(`/assessments/${assessmentId}/metrics/A3`));
    expect(drill.status).toBe(200);
    expect(drill.body).toMatchObject({ metricKey: 'test.notRegistered', registered: false, value: null });
    const rec = await coord.post(url(`/cycles/${cycleId}/recompute`));
    expect(rec.status).toBe(200);
    expect(rec.body.issueSample).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'SCORE_MISSING', unitCode: 'HN-BTL-PB-QLDT', criterionCode: 'A3' }),
      ]),
    );
    const sheet = await coord.get(url(`/assessments/${assessmentId}`));
    expect(sheet.body.criteria.find((c: { code: string }) => c.code === 'A3').score.metricSnapshot).toMatchObject({
      status: 'metric_not_registered',
    });
  });

  it('enters survey points (all or nothing), closes, publishes, and corrects with a recorded old → new', async () => {
    expect((await coord.post(url(`/cycles/${cycleId}/start-appraisal`))).status).toBe(200);
    const badSurvey = await coord.post(url(`/cycles/${cycleId}/survey`), {
      scores: [
        { unitCode: 'HN-BTL-PB-QLDT', criterionCode: 'B1', points: 6 },
        { unitCode: 'HN-BTL-PB-NV', criterionCode: 'A1', points: 1 },
      ],
    });
    problem(badSurvey, 422, 'RI_IMPORT_INVALID');
    expect(badSurvey.body.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [1, 'SCORE_ABOVE_MAX'],
      [2, 'NOT_A_SURVEY_CRITERION'],
    ]);
    expect(
      (
        await coord.post(url(`/cycles/${cycleId}/survey`), {
          scores: [{ unitCode: 'HN-BTL-PB-QLDT', criterionCode: 'B1', points: 4.5 }],
        })
      ).status,
    ).toBe(200);
    expect((await coord.post(url(`/cycles/${cycleId}/close-appraisal`))).status).toBe(200);
    problem(await coord.post(url(`/cycles/${cycleId}/close-appraisal`)), 409, 'RI_CYCLE_STATE');
    expect((await t.anon.get(url('/results?year=2024'))).body.results).toEqual([]);
    expect((await coord.post(url(`/cycles/${cycleId}/publish`))).status).toBe(200);

    const pub = await t.anon.get(url('/results?year=2024&group=T-PCM&unitCode=HN-BTL-PB-QLDT'));
    // A1 2 (appraised) + A2 2.5 + A3 unscored + B1 4.5 = 9 of 15
    expect(pub.body.results[0]).toMatchObject({ points: 9, maxPoints: 15, percent: 60, rank: 1, rankOf: 2 });
    problem(await focal.put(url(`/assessments/${assessmentId}/scores/A2`), { selfScore: 1 }), 409, 'RI_CYCLE_STATE');
    problem(
      await appraiser.put(url(`/assessments/${assessmentId}/appraisals/A1`), {
        appraisedScore: 4,
        reason: 'x',
        version: 9,
      }),
      409,
      'RI_CYCLE_STATE',
    );

    const fix = await coord.post(url(`/cycles/${cycleId}/corrections`), {
      unitCode: 'HN-BTL-PB-QLDT',
      criterionCode: 'A1',
      field: 'appraisedScore',
      value: 4,
      reason: 'Hội đồng chấp nhận giải trình sau công bố',
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(200);
    const after = await t.anon.get(url('/results?year=2024&group=T-PCM&unitCode=HN-BTL-PB-QLDT'));
    expect(after.body.results[0]).toMatchObject({ points: 11, percent: 73.33 });
    const log = await coord.get(url(`/cycles/${cycleId}/corrections`));
    expect(log.body[0]).toMatchObject({
      criterionCode: 'A1',
      field: 'appraisedScore',
      oldValue: 2,
      newValue: 4,
      reason: 'Hội đồng chấp nhận giải trình sau công bố',
    });
    problem(
      await coord.post(url(`/cycles/${cycleId}/corrections`), {
        unitCode: 'HN-BTL-PB-QLDT',
        criterionCode: 'A1',
        field: 'appraisedScore',
        value: 3,
        reason: 'sai mức',
      }),
      422,
      'RI_SCORE_INVALID',
    );
  });

  it('documents the API in OpenAPI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(JSON.parse(doc.body).paths);
    for (const p of [
      '/api/v1/reform-index/results',
      '/api/v1/reform-index/units/{unitCode}/profile',
      '/api/v1/reform-index/results/report.pdf',
      '/api/v1/reform-index/assessments/{id}/appraisals/{criterionCode}',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
