/**
 * Feedback notifications go through the outbox, written in the transaction of the change: the
 * citizen's acknowledgement and answer, and — from the deadline job — the warning before the
 * answer is due and the escalation to the head of the responsible unit, then to the leader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../../test/harness.ts';
import { processOutbox } from '../../dossiers/notify/outbox.ts';
import { memoryTransports } from '../../dossiers/notify/transports.ts';
import { seedFeedbackReference } from '../feedback.setup.ts';
import { LEADER_AFTER_DAYS, scanDeadlines } from '../jobs/deadline-scan.ts';

describe.each(DB_KINDS)('feedback notifications on %s', (kind) => {
  let t: TestApp;
  let intake: Session;
  let ward: { id: string };
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: (deps) => seedFeedbackReference(deps.database.db) });
    intake = await t.login('motcua.btl@cchc.local');
    const units = (await intake.get('/api/v1/feedback/areas')).body as { id: string; name: string }[];
    ward = units.find((u) => /Thượng Cát/.test(u.name))!;
  });
  afterAll(() => t?.close());

  const rows = async (itemId: string) =>
    (
      await t.database.sql.query<{ channel: string; recipient: string; body: string; event_id: string }>(
        `select channel, recipient, body, event_id from feedback_outbox where item_id = $1 order by created_at, channel, recipient`,
        [itemId],
      )
    ).rows;

  it('tells the citizen when more information is asked, by SMS and e-mail, once', async () => {
    const r = await t.anon.post('/api/v1/feedback/items', {
      categoryCode: 'trat-tu-xay-dung',
      title: 'Công trình lấn chiếm ngõ',
      content: 'Công trình xây lấn ra ngõ đi chung.',
      areaUnitId: ward.id,
      address: 'Thượng Cát, Bắc Từ Liêm',
      reporterName: 'Trần Thị Hoa',
      reporterAddress: 'Số 1 Thượng Cát',
      reporterPhone: '0987 654 321',
      reporterEmail: 'Hoa@Example.vn',
    });
    expect(r.status).toBe(201);
    const ward1 = await t.login('motcua.thuongcat@cchc.local');
    const before = (await rows(r.body.id)).length;
    const ask = await ward1.post(`/api/v1/feedback/items/${r.body.id}/actions`, {
      action: 'request_info',
      version: 1,
      note: 'Cho biết số nhà cụ thể',
    });
    expect(ask.status).toBe(200);
    // a repeated request with the old version is a conflict and tells no one
    expect(
      (
        await ward1.post(`/api/v1/feedback/items/${r.body.id}/actions`, {
          action: 'request_info',
          version: 1,
          note: 'Cho biết số nhà cụ thể',
        })
      ).status,
    ).toBe(409);
    const out = (await rows(r.body.id)).slice(before);
    expect(out.map((o) => [o.channel, o.recipient])).toEqual([
      ['email', 'hoa@example.vn'],
      ['sms', '0987654321'],
    ]);
    expect(out[0]!.body).toBe(
      `Phản ánh ${r.body.code} (Công trình lấn chiếm ngõ) cần bổ sung thông tin: Cho biết số nhà cụ thể. Vui lòng bổ sung tại trang theo dõi phản ánh.`,
    );
  });

  it('acknowledges an item to the citizen by SMS and e-mail in the intake statement, once per item', async () => {
    const body = {
      categoryCode: 'cap-phep-xay-dung',
      title: 'Giấy phép xây dựng chậm',
      content: 'Hồ sơ nộp đã lâu chưa có kết quả.',
      areaUnitId: ward.id,
      address: 'Thượng Cát, Bắc Từ Liêm',
      reporterName: 'Trần Thị Hoa',
      reporterAddress: 'Số 1 Thượng Cát',
      reporterPhone: '0987 654 322',
      reporterEmail: 'Hoa2@Example.vn',
    };
    const r = await t.anon.post('/api/v1/feedback/items', body, { 'idempotency-key': 'ack-1' });
    expect(r.status).toBe(201);
    // the same key again: the same item, no second acknowledgement
    const again = await t.anon.post('/api/v1/feedback/items', body, { 'idempotency-key': 'ack-1' });
    expect([again.status, again.body.id]).toEqual([200, r.body.id]);
    const out = await rows(r.body.id);
    expect(out.map((o) => [o.channel, o.recipient])).toEqual([
      ['email', 'hoa2@example.vn'],
      ['sms', '0987654322'],
    ]);
    const due = (r.body.answerDue as string).split('-').reverse().join('/');
    expect(out[0]!.body).toBe(
      `Phản ánh ${r.body.code} (Giấy phép xây dựng chậm) đã được tiếp nhận. Hạn trả lời: ${due}.`,
    );
    expect(out[1]!.body).toBe(out[0]!.body);
    const [ev] = (
      await t.database.sql.query<{ id: string }>(
        `select id from feedback_events where item_id = $1 and action = 'receive'`,
        [r.body.id],
      )
    ).rows;
    expect(out.map((o) => o.event_id)).toEqual([ev!.id, ev!.id]);
    // an e-mail only: one message
    const mail = await t.anon.post('/api/v1/feedback/items', {
      ...body,
      reporterPhone: undefined,
      reporterEmail: 'chi.email@example.vn',
    });
    expect((await rows(mail.body.id)).map((o) => o.channel)).toEqual(['email']);
  });

  it('warns before the deadline and escalates to the head, then the leader, through the outbox', async () => {
    // a building-permit item (hot, routed to Phòng QLĐT) keyed in from a letter of Fri 26/4/2024:
    // answer due 21/5/2024 (the calendar test in feedback.int.test.ts derives it)
    const r = await intake.post('/api/v1/feedback/intake', {
      channel: 'letter',
      receivedAt: '2024-04-26T10:00:00+07:00',
      categoryCode: 'cap-phep-xay-dung',
      title: 'Thư về giấy phép xây dựng',
      content: 'Đề nghị trả lời về hồ sơ cấp phép.',
      areaUnitId: ward.id,
      address: 'Thượng Cát',
      reporterName: 'Lê Văn Nam',
      reporterAddress: 'Số 9 Thượng Cát',
      reporterPhone: '0911222333',
    });
    expect(r.status).toBe(201);
    expect(r.body.answerDue).toBe('2024-05-21');
    const id = r.body.id as string;
    const staff = async () => (await rows(id)).filter((o) => !['0911222333'].includes(o.recipient));

    // Fri 17/5: two working days before 21/5 → near; no assignee → the head of Phòng QLĐT
    await scanDeadlines(t.database.db, new Date('2024-05-17T09:00:00+07:00'));
    let s = await staff();
    expect(s.map((o) => o.recipient)).toEqual(['truongphong.qldt@cchc.local']);
    expect(s[0]!.body).toContain('sắp đến hạn 21/05/2024');
    // the same day again: nothing new
    await scanDeadlines(t.database.db, new Date('2024-05-17T15:00:00+07:00'));
    expect(await staff()).toHaveLength(1);

    // Wed 22/5: overdue → escalated to the head
    const e1 = await scanDeadlines(t.database.db, new Date('2024-05-22T09:00:00+07:00'));
    expect(e1.escalated).toBeGreaterThanOrEqual(1);
    s = await staff();
    expect(s.map((o) => o.recipient)).toEqual(['truongphong.qldt@cchc.local', 'truongphong.qldt@cchc.local']);
    expect(s[1]!.body).toMatch(/^Báo Trưởng đơn vị: phản ánh PAKN-2024-\d+ .*quá hạn 21\/05\/2024/);

    // LEADER_AFTER_DAYS (3) working days late: Fri 24/5 → the leader of Bắc Từ Liêm
    expect(LEADER_AFTER_DAYS).toBe(3);
    await scanDeadlines(t.database.db, new Date('2024-05-24T09:00:00+07:00'));
    s = await staff();
    expect(s.map((o) => o.recipient)).toEqual([
      'truongphong.qldt@cchc.local',
      'truongphong.qldt@cchc.local',
      'lanhdao.btl@cchc.local',
    ]);
    expect(s[2]!.body).toMatch(/^Báo cáo Lãnh đạo UBND/);
    // each message belongs to its own timeline event
    const events = (
      await t.database.sql.query<{ id: string; action: string }>(
        `select id, action from feedback_events where item_id = $1 and action <> 'receive' order by at`,
        [id],
      )
    ).rows;
    expect(events.map((e) => e.action)).toEqual(['deadline_near', 'escalate', 'escalate']);
    expect(s.map((o) => o.event_id)).toEqual(events.map((e) => e.id));

    // the outbox job sends each message exactly once
    const tr = memoryTransports();
    const sent = await processOutbox(t.database.db, tr, { table: 'feedback_outbox' });
    expect(sent).toBeGreaterThanOrEqual(4);
    expect(await processOutbox(t.database.db, tr, { table: 'feedback_outbox' })).toBe(0);
    expect(tr.sent.filter((m) => m.to === 'lanhdao.btl@cchc.local')).toHaveLength(1);
  });
});
