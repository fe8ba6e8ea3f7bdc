/**
 * Routing-rule administration (validation, optimistic versions, audit) and the citizen's
 * follow-up view (what was asked, the answer, until when it can be reopened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { seedFeedbackReference } from './feedback.setup.ts';

describe.each(DB_KINDS)('feedback administration and follow-up on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let units: { id: string; code: string; kind: string; name: string }[];
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: (deps) => seedFeedbackReference(deps.database.db) });
    admin = await t.login('admin@cchc.local');
    units = (await admin.get('/api/v1/units')).body;
  });
  afterAll(() => t?.close());

  it('validates routing rules: one per category and area, open units only; edits with a version, audited', async () => {
    const ward = units.find((u) => /Thượng Cát/.test(u.name))!;
    const qldt = units.find((u) => /Quản lý đô thị/.test(u.name))!;
    const noivu = units.find((u) => u.kind === 'department' && /Nội vụ/.test(u.name))!;
    const cat = await admin.post('/api/v1/feedback/categories', {
      code: 'cay-xanh',
      name: 'Cây xanh đô thị',
      nameEn: 'Urban trees',
      kind: 'field',
      hot: false,
    });
    expect(cat.status).toBe(201);
    const created = await admin.post('/api/v1/feedback/routing-rules', {
      categoryCode: 'cay-xanh',
      areaUnitId: ward.id,
      responsibleUnitId: qldt.id,
      note: 'Thử',
    });
    expect(created.status).toBe(201);
    const again = await admin.post(
      '/api/v1/feedback/routing-rules',
      { categoryCode: 'cay-xanh', areaUnitId: ward.id, responsibleUnitId: noivu.id },
      { 'accept-language': 'en' },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FEEDBACK_RULE_DUPLICATE');
    expect(again.body.detail).toMatch(/already exists/);
    const vi = await admin.post('/api/v1/feedback/routing-rules', {
      categoryCode: 'cay-xanh',
      areaUnitId: ward.id,
      responsibleUnitId: noivu.id,
    });
    expect(vi.body.detail).toMatch(/Đã có quy tắc phân công/);
    expect(
      (
        await admin.post('/api/v1/feedback/routing-rules', {
          categoryCode: 'khong-co',
          areaUnitId: null,
          responsibleUnitId: qldt.id,
        })
      ).body.code,
    ).toBe('FEEDBACK_CATEGORY_UNKNOWN');

    // a closed unit cannot take items
    const closed = units.find((u) => u.kind === 'ward' && u.id !== ward.id)!;
    await t.database.sql.query(`update units set valid_to = '2025-07-01' where id = $1`, [closed.id]);
    const toClosed = await admin.post('/api/v1/feedback/routing-rules', {
      categoryCode: 'cay-xanh',
      areaUnitId: null,
      responsibleUnitId: closed.id,
    });
    expect(toClosed.status).toBe(409);
    expect(toClosed.body.code).toBe('FEEDBACK_UNIT_CLOSED');

    const p = await admin.patch(`/api/v1/feedback/routing-rules/${created.body.id}`, {
      version: 1,
      responsibleUnitId: noivu.id,
      headAnswers: true,
    });
    expect(p.status).toBe(200);
    expect([p.body.responsibleUnitId, p.body.headAnswers, p.body.version]).toEqual([noivu.id, true, 2]);
    const stale = await admin.patch(`/api/v1/feedback/routing-rules/${created.body.id}`, { version: 1, note: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const head = await t.login('truongphong.qldt@cchc.local');
    expect((await head.patch(`/api/v1/feedback/routing-rules/${created.body.id}`, { version: 2 })).status).toBe(403);
    const list = (await admin.get('/api/v1/feedback/routing-rules')).body as {
      id: string;
      responsibleUnitName: string;
    }[];
    expect(list.find((r) => r.id === created.body.id)!.responsibleUnitName).toBe(noivu.name);
    const log = await admin.get('/api/v1/audit?targetType=feedback_rule');
    const actions = (log.body.items as { action: string; targetId: string }[])
      .filter((e) => e.targetId === created.body.id)
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(['feedback.rule.create', 'feedback.rule.update']);
  });

  it('records a letter with its photo from staff intake as multipart (channel and received time kept)', async () => {
    const ward = units.find((u) => /Thượng Cát/.test(u.name))!;
    const officer = await t.login('motcua.btl@cchc.local');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const boundary = '----fbxboundary';
    const fields: Record<string, string> = {
      channel: 'letter',
      receivedAt: '2024-04-26T10:00:00+07:00',
      categoryCode: 'giao-thong',
      title: 'Thư phản ánh lấn chiếm vỉa hè',
      content: 'Vỉa hè trước chợ bị lấn chiếm.',
      areaUnitId: ward.id,
      address: 'Chợ Thượng Cát',
      reporterName: 'Ngô Văn Tám',
      reporterAddress: 'Số 5 Thượng Cát',
      reporterPhone: '0912000111',
    };
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const body = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="thu.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await officer.post('/api/v1/feedback/intake', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(r.status).toBe(201);
    const d = (await officer.get(`/api/v1/feedback/items/${r.body.id}`)).body;
    expect([d.channel, d.receivedAt, d.attachments.length, d.attachments[0].mime]).toEqual([
      'letter',
      '2024-04-26T03:00:00.000Z',
      1,
      'image/png',
    ]);
  });

  it('shows the citizen what was asked, their reply, the answer and until when to reopen', async () => {
    const ward = units.find((u) => /Cổ Nhuế 2/.test(u.name))!;
    const r = await t.anon.post('/api/v1/feedback/items', {
      categoryCode: 'trat-tu-xay-dung',
      title: 'Vật liệu xây dựng lấn chiếm lòng đường',
      content: 'Cát, gạch đổ ra đường trước số 20.',
      areaUnitId: ward.id,
      address: 'Đường Cổ Nhuế',
      reporterName: 'Phạm Minh Đức',
      reporterAddress: 'Số 22 Cổ Nhuế',
      reporterEmail: 'duc@example.vn',
    });
    expect(r.status).toBe(201);
    const key = r.body.trackingKey as string;
    expect((await t.anon.get(`/api/v1/feedback/track/${r.body.code}`, { 'x-tracking-key': 'sai' })).body.code).toBe(
      'FEEDBACK_TRACKING_INVALID',
    );
    const staff = await t.login('admin@cchc.local');
    const act = async (body: Record<string, unknown>) => {
      const d = (await staff.get(`/api/v1/feedback/items/${r.body.id}`)).body;
      const res = await staff.post(`/api/v1/feedback/items/${r.body.id}/actions`, { ...body, version: d.version });
      expect(res.status).toBe(200);
    };
    await act({ action: 'request_info', note: 'Số nhà cụ thể?' });
    let v = (await t.anon.get(`/api/v1/feedback/track/${r.body.code}`, { 'x-tracking-key': key })).body;
    expect([v.status, v.infoRequest, v.reopenUntil]).toEqual(['info_requested', 'Số nhà cụ thể?', null]);
    const supplied = await t.anon.post(`/api/v1/feedback/track/${r.body.code}/info`, {
      trackingKey: key,
      text: 'Số 20',
    });
    expect(supplied.body.infoReply).toBe('Số 20');
    await act({ action: 'assign' });
    await act({ action: 'draft_answer', answer: 'Đã yêu cầu thu dọn.' });
    await act({ action: 'approve' });
    await act({ action: 'send' });
    v = (await t.anon.get(`/api/v1/feedback/track/${r.body.code}`, { 'x-tracking-key': key })).body;
    expect(v.status).toBe('sent');
    expect(v.answerText).toBe('Đã yêu cầu thu dọn.');
    // trat-tu-xay-dung: reopen within the default 10 calendar days of the answer
    expect(new Date(v.reopenUntil).getTime() - new Date(v.sentAt).getTime()).toBe(10 * 86_400_000);
    expect(v.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'request_info',
      'supply_info',
      'assign',
      'draft_answer',
      'approve',
      'send',
    ]);
    expect(JSON.stringify(v)).not.toContain('Admin');
  });
});
