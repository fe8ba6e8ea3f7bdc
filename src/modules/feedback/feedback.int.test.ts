import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { multipart } from '../../../test/multipart.ts';
import { SEARCH } from './feedback.repository.ts';
import { forgetTrigrams } from './feedback.service.ts';
import { seedFeedbackReference } from './feedback.setup.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let ipCounter = 0;
/** every public request from its own address, so the per-IP limit does not mix tests */
const ip = () => ({ 'x-forwarded-for': `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

describe.each(DB_KINDS)('feedback on %s', (kind) => {
  let t: TestApp;
  let head: Session;
  let specialist: Session;
  let intake: Session;
  let leader: Session;
  let admin: Session;
  let units: { id: string; code: string; kind: string; name: string }[];
  let ward: { id: string };
  let ward2: { id: string };
  let qldt: { id: string };
  const base = (over: Record<string, unknown> = {}) => ({
    categoryCode: 'trat-tu-xay-dung',
    title: 'Xây dựng không phép',
    content: 'Nhà số 5 ngõ 12 đang xây thêm tầng không có giấy phép.',
    areaUnitId: ward.id,
    address: 'Ngõ 12, phường Thượng Cát, quận Bắc Từ Liêm',
    reporterName: 'Nguyễn Văn Bình',
    reporterAddress: 'Số 3 ngõ 12, Thượng Cát',
    reporterPhone: `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, {
      env: { TRUST_PROXY: 'true' },
      seed: (deps) => seedFeedbackReference(deps.database.db),
    });
    [head, specialist, intake, leader, admin] = (await Promise.all(
      [
        'truongphong.qldt@cchc.local',
        'chuyenvien.qldt@cchc.local',
        'motcua.btl@cchc.local',
        'lanhdao.btl@cchc.local',
        'admin@cchc.local',
      ].map((l) => t.login(l)),
    )) as [Session, Session, Session, Session, Session];
    units = (await admin.get('/api/v1/units')).body;
    const wards = units.filter((u) => u.kind === 'ward');
    ward = wards.find((u) => /Thượng Cát/.test(u.name))!;
    ward2 = wards.find((u) => /Cổ Nhuế 2/.test(u.name))!;
    qldt = units.find((u) => /Quản lý đô thị/.test(u.name))!;
  });
  afterAll(() => t?.close());

  it('lists categories and wards publicly', async () => {
    const cats = await t.anon.get('/api/v1/feedback/categories');
    expect(cats.status).toBe(200);
    expect(cats.body.find((c: { code: string }) => c.code === 'cap-phep-xay-dung').hot).toBe(true);
    const areas = await t.anon.get('/api/v1/feedback/areas');
    expect(areas.body.map((a: { id: string }) => a.id)).toContain(ward.id);
  });

  it('receives a citizen item, routes a field report to the ward, and keeps HTML inert text', async () => {
    const xss = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const r = await t.anon.post('/api/v1/feedback/items', base({ title: `Lấn chiếm ${xss}` }), ip());
    if (r.status !== 201) console.log(JSON.stringify(r.body));
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    expect(r.body.trackingKey).toBeTruthy();
    const staff = await intake.get(`/api/v1/feedback/items/${r.body.id}`);
    expect(staff.status).toBe(200);
    expect(staff.body.title).toBe(`Lấn chiếm ${xss}`); // stored verbatim; JSON is data, the web escapes
    expect(staff.headers['content-type']).toMatch(/application\/json/);
    expect(staff.body.responsibleUnitId).toBe(ward.id);
    expect(staff.body.channel).toBe('web');
    expect(staff.body.events.map((e: { action: string }) => e.action)).toEqual(['receive']);
    const log = await admin.get(`/api/v1/audit?targetId=${r.body.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['feedback.receive']);
    // written by the intake statement, with the code the statement allocated
    expect(log.body.items[0].after).toMatchObject({ code: r.body.code, channel: 'web', unitId: ward.id });
    expect(log.body.items[0].actorRole).toBe('anonymous');
    // the QLĐT division does not see a ward's item: 404, not 403
    expect((await head.get(`/api/v1/feedback/items/${r.body.id}`)).status).toBe(404);
  });

  it('rejects bad input with clear problem codes', async () => {
    const noId = await t.anon.post(
      '/api/v1/feedback/items',
      base({ reporterName: undefined, reporterPhone: undefined }),
      { ...ip(), 'accept-language': 'en' },
    );
    expect(noId.status).toBe(400);
    expect(noId.body.code).toBe('FEEDBACK_IDENTITY_REQUIRED');
    expect(noId.body.missing).toEqual(['reporterName', 'reporterPhone|reporterEmail']);
    expect(noId.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.anon.post('/api/v1/feedback/items', base({ categoryCode: 'khong-co' }), ip())).body.code).toBe(
      'FEEDBACK_CATEGORY_UNKNOWN',
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ lat: 95, long: 105 }), ip())).body.code).toBe(
      'FEEDBACK_LOCATION_INVALID',
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ lat: 21.07 }), ip())).body.code).toBe(
      'FEEDBACK_LOCATION_INVALID',
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ lat: 48.85, long: 2.35 }), ip())).body.code).toBe(
      'FEEDBACK_LOCATION_INVALID',
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ lat: 21.0712, long: 105.7705 }), ip())).status).toBe(
      201,
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ content: 'x'.repeat(4001) }), ip())).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.anon.post('/api/v1/feedback/items', base({ areaUnitId: qldt.id }), ip())).body.code).toBe(
      'FEEDBACK_AREA_UNKNOWN',
    );
    expect(
      (
        await t.anon.post(
          '/api/v1/feedback/items',
          base({ reporterEmail: 'not-an-email', reporterPhone: undefined }),
          ip(),
        )
      ).body.code,
    ).toBe('FEEDBACK_IDENTITY_REQUIRED');
  });

  it('accepts photos checked by their bytes, refuses other files and oversize ones', async () => {
    const fields = Object.fromEntries(Object.entries(base()).map(([k, v]) => [k, String(v)]));
    const ok = multipart(fields, [
      { field: 'photos', name: 'a.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(100)]) },
    ]);
    const r = await t.anon.post('/api/v1/feedback/items', ok.body, { ...ok.headers, ...ip() });
    expect(r.status).toBe(201);
    const d = await intake.get(`/api/v1/feedback/items/${r.body.id}`);
    expect(d.body.attachments).toHaveLength(1);
    expect(d.body.attachments[0].mime).toBe('image/png');
    const img = await intake.get(`/api/v1/feedback/items/${r.body.id}/attachments/${d.body.attachments[0].id}`);
    expect(img.headers['content-type']).toBe('image/png');
    // a script named .jpg with an image content type is still not an image
    const fake = multipart({ ...fields, reporterPhone: '0911000001' }, [
      {
        field: 'photos',
        name: 'x.jpg',
        type: 'image/jpeg',
        data: Buffer.from('<script>alert(1)</script> not an image at all'),
      },
    ]);
    const bad = await t.anon.post('/api/v1/feedback/items', fake.body, { ...fake.headers, ...ip() });
    expect(bad.status).toBe(415);
    expect(bad.body.code).toBe('FEEDBACK_NOT_IMAGE');
    const big = multipart({ ...fields, reporterPhone: '0911000002' }, [
      {
        field: 'photos',
        name: 'big.png',
        type: 'image/png',
        data: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]),
      },
    ]);
    const tooBig = await t.anon.post('/api/v1/feedback/items', big.body, { ...big.headers, ...ip() });
    expect(tooBig.status).toBe(413);
  });

  it('creates one item per Idempotency-Key', async () => {
    const body = base({ reporterPhone: '0988777666' });
    const h = { ...ip(), 'idempotency-key': 'abc-123' };
    const a = await t.anon.post('/api/v1/feedback/items', body, h);
    const [b, c] = await Promise.all([
      t.anon.post('/api/v1/feedback/items', body, h),
      t.anon.post('/api/v1/feedback/items', body, h),
    ]);
    expect(a.status).toBe(201);
    expect([b.status, c.status]).toEqual([200, 200]);
    expect(b.body.code).toBe(a.body.code);
    expect(c.body.trackingKey).toBe(a.body.trackingKey);
    const other = await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: '0988777667' }), h);
    expect(other.body.code).not.toBe(a.body.code);
  });

  it('answers a replayed Idempotency-Key even when the contact has reached its limit, and does not count it', async () => {
    const phone = kind === 'pglite' ? '0977000221' : '0977000222';
    const h = { ...ip(), 'idempotency-key': `limit-${kind}` };
    const first = await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), h);
    expect(first.status).toBe(201);
    // replays do not use up the contact's 10 items an hour
    for (let i = 0; i < 3; i++)
      expect((await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), h)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), ip())).status);
    expect(statuses).toEqual([...Array(9).fill(201), 429]);
    const replay = await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), h);
    expect(replay.status).toBe(200);
    expect(replay.body.code).toBe(first.body.code);
  });

  it('limits public intake per contact and per IP with 429 problem+json', async () => {
    const fixedIp = { 'x-forwarded-for': kind === 'pglite' ? '10.9.9.9' : '10.9.9.10' };
    const phone = kind === 'pglite' ? '0977000111' : '0977000112';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), ip())).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const limited = await t.anon.post('/api/v1/feedback/items', base({ reporterPhone: phone }), ip());
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('FEEDBACK_CONTACT_RATE_LIMITED');
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await t.anon.post('/api/v1/feedback/items', { bad: true }, fixedIp)).status;
    expect(last).toBe(429);
    const r = await t.anon.post('/api/v1/feedback/items', base(), fixedIp);
    expect(r.status).toBe(429);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.body.code).toBe('RATE_LIMITED');
  });

  it('computes deadlines from the official calendar (cut-off 15:00, Tết 2024, 30/4–1/5 2024)', async () => {
    // Wed 7/2/2024 16:00 is after the cut-off; 8–14/2 is Tết → effective receipt Thu 15/2
    const tet = await intake.post(
      '/api/v1/feedback/intake',
      base({ channel: 'letter', receivedAt: '2024-02-07T16:00:00+07:00' }),
    );
    expect(tet.status).toBe(201);
    const a = (await intake.get(`/api/v1/feedback/items/${tet.body.id}`)).body;
    expect([a.effectiveReceiptDate, a.rejectDue, a.infoDue, a.answerDue]).toEqual([
      '2024-02-15',
      '2024-02-19',
      '2024-02-22',
      '2024-03-07',
    ]);
    expect(a.code).toMatch(/^PAKN-2024-/);
    // Fri 26/4/2024 10:00: 29/4 swapped, 30/4 and 1/5 holidays, Sat 4/5 a working day
    const may = await intake.post(
      '/api/v1/feedback/intake',
      base({ channel: 'hotline', receivedAt: '2024-04-26T10:00:00+07:00' }),
    );
    const b = (await intake.get(`/api/v1/feedback/items/${may.body.id}`)).body;
    expect([b.effectiveReceiptDate, b.rejectDue, b.infoDue, b.answerDue]).toEqual([
      '2024-04-26',
      '2024-05-03',
      '2024-05-07',
      '2024-05-21',
    ]);
    expect(b.channel).toBe('hotline');
  });

  it('runs the whole flow on a hot category: head answers, approves, sends, publishes; the citizen rates and reopens', async () => {
    const r = await t.anon.post(
      '/api/v1/feedback/items',
      base({
        categoryCode: 'cap-phep-xay-dung',
        title: 'Hồ sơ cấp phép xây dựng quá hạn',
        content: 'Hồ sơ xin giấy phép xây dựng nhà ở tại Bắc Từ Liêm nộp đã lâu. Liên hệ 0912 345 678.',
        dossierCode: '000.00.12.H26-230915-0001',
      }),
      ip(),
    );
    if (r.status !== 201) console.log('FLOW', JSON.stringify(r.body));
    const id = r.body.id;
    let d = (await head.get(`/api/v1/feedback/items/${id}`)).body;
    expect(d.responsibleUnitId).toBe(qldt.id);
    expect(d.headAnswers).toBe(true);
    const act = async (s: Session, body: Record<string, unknown>) => {
      const res = await s.post(`/api/v1/feedback/items/${id}/actions`, { version: d.version, ...body });
      if (res.status === 200) d = res.body;
      return res;
    };
    expect((await act(intake, { action: 'approve' })).body.code).toBe('FEEDBACK_INVALID_TRANSITION');
    expect((await act(intake, { action: 'request_info', note: 'Đề nghị cung cấp mã hồ sơ đầy đủ' })).status).toBe(200);
    const supplied = await t.anon.post(`/api/v1/feedback/track/${r.body.code}/info`, {
      trackingKey: r.body.trackingKey,
      text: 'Mã hồ sơ 000.00.12.H26-230915-0001',
    });
    expect(supplied.status).toBe(200);
    expect(supplied.body.status).toBe('info_supplied');
    d = (await head.get(`/api/v1/feedback/items/${id}`)).body;
    expect((await act(intake, { action: 'assign' })).status).toBe(200);
    const bySpecialist = await act(specialist, { action: 'draft_answer', answer: 'Trả lời' });
    expect(bySpecialist.status).toBe(403);
    expect(bySpecialist.body.code).toBe('FEEDBACK_HEAD_MUST_ANSWER');
    expect(
      (
        await act(head, {
          action: 'draft_answer',
          answer: 'Phòng QLĐT đã cấp phép ngày 20/10. Liên hệ <b>0912 345 678</b>.',
        })
      ).status,
    ).toBe(200);
    expect((await act(specialist, { action: 'approve' })).status).toBe(403);
    const stale = await head.post(`/api/v1/feedback/items/${id}/actions`, { version: 1, action: 'approve' });
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await act(head, { action: 'approve' })).status).toBe(200);
    expect((await act(intake, { action: 'send' })).status).toBe(200);
    expect(d.onTime).toBe(true);
    expect(d.publishDue).toBeTruthy();
    expect((await act(intake, { action: 'publish' })).status).toBe(200);
    expect(d.status).toBe('published');
    expect(d.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'request_info',
      'supply_info',
      'assign',
      'draft_answer',
      'approve',
      'send',
      'publish',
    ]);
    const log = await admin.get(`/api/v1/audit?targetId=${id}`);
    expect(log.body.items).toHaveLength(8);

    // public search without diacritics, no personal data anywhere in the public view
    const found = await t.anon.get('/api/v1/feedback/public?q=bac%20tu%20liem&categoryCode=cap-phep-xay-dung');
    expect(found.status).toBe(200);
    const pub = found.body.items.find((x: { code: string }) => x.code === r.body.code);
    expect(pub).toBeTruthy();
    const text = JSON.stringify(pub);
    for (const secret of ['Nguyễn Văn Bình', 'Số 3 ngõ 12', '0912 345 678', base().reporterPhone.slice(0, 6)])
      expect(text).not.toContain(secret);
    expect(pub.answeredBy).toBe('Hoàng Văn Nam');
    expect(pub).not.toHaveProperty('reporter');
    expect((await t.anon.get('/api/v1/feedback/public?q=giay%20phep%20xay%20dung')).body.total).toBeGreaterThan(0);
    expect((await t.anon.get('/api/v1/feedback/public?q=khong%20ton%20tai%20xyz')).body.total).toBe(0);
    expect((await t.anon.get(`/api/v1/feedback/public?areaUnitId=${ward2.id}`)).body.total).toBe(0);
    expect((await t.anon.get(`/api/v1/feedback/public/${r.body.code}`)).body.code).toBe(r.body.code);
    // the same searches through the full-text index (taken when the latest window holds too few matches)
    const saved = SEARCH.window;
    SEARCH.window = 0;
    try {
      expect(
        (await t.anon.get('/api/v1/feedback/public?q=bac%20tu%20liem&categoryCode=cap-phep-xay-dung')).body.items.map(
          (x: { code: string }) => x.code,
        ),
      ).toContain(r.body.code);
      expect((await t.anon.get('/api/v1/feedback/public?q=Giay%20phep%20XAY')).body.total).toBeGreaterThan(0);
      expect((await t.anon.get('/api/v1/feedback/public?q=khong%20ton%20tai%20xyz')).body.total).toBe(0);
    } finally {
      SEARCH.window = saved;
    }

    // the citizen: wrong key → 404; rating; reopen within the window
    expect((await t.anon.get(`/api/v1/feedback/track/${r.body.code}?key=wrong`)).status).toBe(404);
    expect(
      (
        await t.anon.post(`/api/v1/feedback/track/${r.body.code}/reopen`, {
          trackingKey: r.body.trackingKey,
          text: 'Chưa rõ',
        })
      ).body.code,
    ).toBe('FEEDBACK_REOPEN_NEEDS_UNSATISFIED');
    expect(
      (
        await t.anon.post(`/api/v1/feedback/track/${r.body.code}/rating`, {
          trackingKey: r.body.trackingKey,
          rating: 'unsatisfied',
        })
      ).body.rating,
    ).toBe('unsatisfied');
    const reopened = await t.anon.post(`/api/v1/feedback/track/${r.body.code}/reopen`, {
      trackingKey: r.body.trackingKey,
      text: 'Câu trả lời chưa rõ',
    });
    expect(reopened.body.status).toBe('assigned');
    const tracked = await t.anon.get(`/api/v1/feedback/track/${r.body.code}`, { 'x-tracking-key': r.body.trackingKey });
    expect(tracked.body.events.at(-1).action).toBe('reopen');
    expect(JSON.stringify(tracked.body)).not.toContain('Nguyễn Văn Bình');
  });

  it('rejects with a reason, transfers and recategorises with a reason', async () => {
    const r = await intake.post(
      '/api/v1/feedback/intake',
      base({ channel: 'counter', categoryCode: 'moi-truong', title: 'Rác thải' }),
    );
    let d = (await intake.get(`/api/v1/feedback/items/${r.body.id}`)).body;
    expect(d.responsibleUnitId).toBe(ward.id);
    expect(
      (
        await intake.post(`/api/v1/feedback/items/${d.id}/actions`, {
          version: d.version,
          action: 'transfer',
          unitId: qldt.id,
        })
      ).body.code,
    ).toBe('FEEDBACK_REASON_REQUIRED');
    d = (
      await intake.post(`/api/v1/feedback/items/${d.id}/actions`, {
        version: d.version,
        action: 'transfer',
        unitId: qldt.id,
        note: 'Thuộc thẩm quyền QLĐT',
      })
    ).body;
    expect(d.responsibleUnitId).toBe(qldt.id);
    d = (
      await head.post(`/api/v1/feedback/items/${d.id}/actions`, {
        version: d.version,
        action: 'recategorise',
        categoryCode: 'ha-tang-do-thi',
        note: 'Thoát nước',
      })
    ).body;
    expect(d.categoryCode).toBe('ha-tang-do-thi');
    d = (
      await head.post(`/api/v1/feedback/items/${d.id}/actions`, {
        version: d.version,
        action: 'reject',
        note: 'Không thuộc phạm vi Nghị định 20 (khiếu nại)',
      })
    ).body;
    expect(d.status).toBe('rejected');
    expect(d.onTime).toBe(true);
    expect(d.events.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'transfer',
      'recategorise',
      'reject',
    ]);
  });

  it('suggests duplicates on intake and one answer closes linked duplicates', async () => {
    const text = {
      categoryCode: 'giao-thong',
      title: 'Lấn chiếm vỉa hè đường Phạm Văn Đồng',
      content: 'Quán nước lấn chiếm toàn bộ vỉa hè trước số 200 Phạm Văn Đồng, người đi bộ phải xuống lòng đường.',
    };
    const a = await t.anon.post('/api/v1/feedback/items', base(text), ip());
    // open items are not public: the citizen's answer suggests nothing
    expect(a.status).toBe(201);
    expect(a.body.similar).toEqual([]);
    // as if `a` had come through another process: its text is read, not taken from this one's cache
    forgetTrigrams();
    const b = await intake.post('/api/v1/feedback/intake', {
      ...base({ ...text, title: 'Vỉa hè Phạm Văn Đồng bị lấn chiếm' }),
      channel: 'hotline',
    });
    expect(b.status, b.raw).toBe(201);
    expect(b.body.similar.map((x: { code: string }) => x.code)).toContain(a.body.code);
    // and from this process's cache (b was kept at its intake)
    const c = await intake.post('/api/v1/feedback/intake', {
      ...base({ ...text, title: 'Lấn chiếm vỉa hè Phạm Văn Đồng' }),
      channel: 'counter',
    });
    expect(c.body.similar.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining([a.body.code, b.body.code]),
    );
    const similarUrl = `/api/v1/feedback/similar?areaUnitId=${ward.id}&categoryCode=giao-thong&text=${encodeURIComponent('lấn chiếm vỉa hè Phạm Văn Đồng')}`;
    expect((await t.anon.get(similarUrl)).status).toBe(401);
    const sugg = await intake.get(similarUrl);
    expect(sugg.body.length).toBeGreaterThan(0);
    const wardOfficer = await t.login('motcua.thuongcat@cchc.local');
    let dup = (await wardOfficer.get(`/api/v1/feedback/items/${b.body.id}`)).body;
    dup = (
      await wardOfficer.post(`/api/v1/feedback/items/${dup.id}/actions`, {
        version: dup.version,
        action: 'link_duplicate',
        duplicateOfCode: a.body.code,
      })
    ).body;
    expect(dup.duplicateOfCode).toBe(a.body.code);
    let p = (await wardOfficer.get(`/api/v1/feedback/items/${a.body.id}`)).body;
    expect(p.duplicates.map((x: { code: string }) => x.code)).toEqual([b.body.code]);
    for (const step of [
      { action: 'assign' },
      { action: 'draft_answer', answer: 'Phường đã xử lý, giải tỏa vỉa hè.' },
      { action: 'approve' },
      { action: 'send' },
    ]) {
      const res = await leader.post(`/api/v1/feedback/items/${p.id}/actions`, { version: p.version, ...step });
      expect(res.status).toBe(200);
      p = res.body;
    }
    const after = (await wardOfficer.get(`/api/v1/feedback/items/${b.body.id}`)).body;
    expect(after.status).toBe('sent');
    expect(after.answerText).toBe('Phường đã xử lý, giải tỏa vỉa hè.');
  });

  it('lets administrators edit categories and routing rules, with audit', async () => {
    expect(
      (
        await head.post('/api/v1/feedback/categories', {
          code: 've-sinh-atvstp',
          name: 'An toàn thực phẩm',
          nameEn: 'Food safety',
          kind: 'field',
          hot: false,
        })
      ).status,
    ).toBe(403);
    const c = await admin.post('/api/v1/feedback/categories', {
      code: 've-sinh-atvstp',
      name: 'An toàn thực phẩm',
      nameEn: 'Food safety',
      kind: 'field',
      hot: false,
      answerDays: 10,
    });
    expect(c.status).toBe(201);
    const rule = await admin.post('/api/v1/feedback/routing-rules', {
      categoryCode: 've-sinh-atvstp',
      areaUnitId: null,
      responsibleUnitId: qldt.id,
    });
    expect(rule.status).toBe(201);
    const r = await t.anon.post('/api/v1/feedback/items', base({ categoryCode: 've-sinh-atvstp' }), ip());
    if (r.status !== 201) console.log('CAT', JSON.stringify(r.body));
    expect(r.status).toBe(201);
    const d = (await head.get(`/api/v1/feedback/items/${r.body.id}`)).body;
    expect(d.responsibleUnitId).toBe(qldt.id);
    const patched = await admin.patch('/api/v1/feedback/categories/ve-sinh-atvstp', { version: 1, hot: true });
    expect(patched.body.hot).toBe(true);
    expect((await admin.delete(`/api/v1/feedback/routing-rules/${rule.body.id}`)).status).toBe(204);
    const log = await admin.get('/api/v1/audit?targetType=feedback_rule');
    expect(log.status).toBe(200);
  });

  it('shows staff their inbox within scope and statistics by category, unit, channel and month', async () => {
    const inboxHead = await head.get('/api/v1/feedback/items?limit=200');
    expect(inboxHead.status).toBe(200);
    expect(inboxHead.body.items.every((i: { responsibleUnitId: string }) => i.responsibleUnitId === qldt.id)).toBe(
      true,
    );
    const all = await leader.get('/api/v1/feedback/items?limit=200');
    expect(all.body.total).toBeGreaterThan(inboxHead.body.total);
    expect((await t.anon.get('/api/v1/feedback/items')).status).toBe(401);
    const citizen = await t.login('0912345678');
    expect((await citizen.get('/api/v1/feedback/items')).status).toBe(403);
    for (const groupBy of ['category', 'unit', 'channel', 'month']) {
      const s = await leader.get(`/api/v1/feedback/stats?from=2024-01-01&to=2030-12-31&groupBy=${groupBy}`);
      expect(s.status).toBe(200);
      expect(s.body.total.received).toBe(all.body.total);
    }
    const byChannel = (await leader.get('/api/v1/feedback/stats?from=2024-01-01&to=2024-12-31&groupBy=channel')).body;
    expect(byChannel.rows.map((r: { key: string }) => r.key).sort()).toEqual(['hotline', 'letter']);
  });
});
