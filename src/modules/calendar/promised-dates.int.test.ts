import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { buildingPermit, multipart, PDF, seedCatalogue, UNIT_CODES, unitByCodes } from '../dossiers/test/fixtures.ts';
import { seedFeedbackReference } from '../feedback/feedback.setup.ts';

/**
 * The calendar across modules, on real time: a schedule edit changes the due dates of what is
 * received afterwards, never the dates already promised to citizens (dossiers and feedback), and
 * the receipt cut-off stored on a procedure decides the effective receipt day of its dossiers.
 */
describe.each(DB_KINDS)('promised dates on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let citizen: Session;
  let officer: Session;
  let procedureId: string;
  let ward: { id: string };

  beforeAll(async () => {
    t = await createTestApp(kind, {
      env: { CCHC_DATA_DIR: `/tmp/cchc-test-promised-${kind}`, TRUST_PROXY: 'true' },
      seed: async (deps) => {
        await seedCatalogue(deps);
        await seedFeedbackReference(deps.database.db);
      },
    });
    [admin, citizen, officer] = await Promise.all([
      t.login('admin@cchc.local'),
      t.login('0912345678'),
      t.login('motcua.thuongcat@cchc.local'),
    ]);
    procedureId = (await buildingPermit(t.database.db)).id;
    ward = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
  }, 60_000);
  afterAll(() => t?.close());

  /** An online building-permit dossier accepted at the counter now: its view after acceptance. */
  async function acceptedDossier() {
    const m = multipart(
      {
        metadata: JSON.stringify({
          procedureId,
          receivingUnitId: ward.id,
          applicant: { name: 'Lê Thị Hoa', phone: '0987000111', address: 'Thượng Cát, Bắc Từ Liêm' },
          formData: { dienTich: 80, soTang: 3 },
        }),
      },
      ['don_de_nghi', 'giay_to_dat', 'ban_ve'].map((field) => ({
        field,
        name: `${field}.pdf`,
        type: 'application/pdf',
        data: PDF,
      })),
    );
    const sub = await citizen.post('/api/v1/dossiers', m.body, m.headers);
    expect(sub.status, sub.raw).toBe(201);
    const r = await officer.post(`/api/v1/dossiers/${sub.body.id}/transitions`, {
      action: 'accept',
      version: sub.body.version,
    });
    expect(r.status, r.raw).toBe(200);
    return r.body as { id: string; code: string; receivedAt: string; dueDate: string; stepDueDate: string };
  }

  /** An administrator declares one more day off in that day's year. */
  async function addDayOff(date: string) {
    const year = Number(date.slice(0, 4));
    const current = (await admin.get(`/api/v1/calendar/schedules/${year}`)).body;
    const put = await admin.put(`/api/v1/calendar/schedules/${year}`, {
      daysOff: [...current.daysOff, { date, kind: 'holiday', name: 'Ngày nghỉ bổ sung (thử nghiệm)' }],
      workingSaturdays: current.workingSaturdays,
      sources: [...current.sources.filter((x: string) => x !== 'Quyết định thử nghiệm'), 'Quyết định thử nghiệm'],
      ...(current.version ? { version: current.version } : {}),
    });
    expect(put.status, put.raw).toBe(200);
  }

  const publicDue = async (receivedAt: string, workingDays: number) => {
    const r = await t.anon.get(
      `/api/v1/calendar/due-date?receivedAt=${encodeURIComponent(receivedAt)}&workingDays=${workingDays}`,
    );
    expect(r.status, r.raw).toBe(200);
    return r.body as { effectiveReceiptDate: string; dueDate: string; provisional: boolean };
  };

  it('keeps the due dates already promised when an administrator adds a day off, and uses it for new ones', async () => {
    const days = (await buildingPermit(t.database.db)).processingDays;
    const before = await acceptedDossier();
    // the promise follows the calendar as it stood: the public answer for the same instant
    expect(before.dueDate).toBe((await publicDue(before.receivedAt, days)).dueDate);
    const fb = await t.anon.post(
      '/api/v1/feedback/items',
      {
        categoryCode: 'trat-tu-xay-dung',
        title: 'Xây dựng không phép',
        content: 'Nhà số 5 ngõ 12 đang xây thêm tầng không có giấy phép.',
        areaUnitId: ward.id,
        address: 'Ngõ 12, phường Thượng Cát',
        reporterName: 'Nguyễn Văn Bình',
        reporterAddress: 'Số 3 ngõ 12, Thượng Cát',
        reporterPhone: '0912000222',
      },
      { 'x-forwarded-for': '10.9.0.1' },
    );
    expect(fb.status, fb.raw).toBe(201);
    const fbDue = fb.body.answerDue as string;

    // the first working day the promises count is declared a day off (an unplanned closure)
    const firstDay = (await publicDue(before.receivedAt, 1)).dueDate;
    await addDayOff(firstDay);
    expect((await publicDue(before.receivedAt, 1)).dueDate > firstDay).toBe(true);

    // what was promised stays: staff view, public lookup, feedback deadline
    expect((await officer.get(`/api/v1/dossiers/${before.id}`)).body.dueDate).toBe(before.dueDate);
    const look = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${before.code}&phone4=0111`);
    expect(look.status, look.raw).toBe(200);
    expect(look.body.dueDate).toBe(before.dueDate);
    const staffFb = await admin.get(`/api/v1/feedback/items/${fb.body.id}`);
    expect(staffFb.body.answerDue).toBe(fbDue);
    expect(look.body.dueDateOnDayOff).toBe(false);
    expect(staffFb.body.answerDueOnDayOff).toBe(false);

    // the promised day itself becomes a day off: the promise stands, flagged for a new date
    await addDayOff(before.dueDate);
    if (fbDue !== before.dueDate) await addDayOff(fbDue);
    const flagged = (await officer.get(`/api/v1/dossiers/${before.id}`)).body;
    expect(flagged).toMatchObject({ dueDate: before.dueDate, dueDateOnDayOff: true });
    const lookFlagged = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${before.code}&phone4=0111`);
    expect(lookFlagged.body).toMatchObject({ dueDate: before.dueDate, dueDateOnDayOff: true });
    expect((await admin.get(`/api/v1/feedback/items/${fb.body.id}`)).body).toMatchObject({
      answerDue: fbDue,
      answerDueOnDayOff: true,
    });

    // a dossier accepted now is promised one working day later than before the edit
    const after = await acceptedDossier();
    const expected = await publicDue(after.receivedAt, days);
    expect(after.dueDate).toBe(expected.dueDate);
    if (after.receivedAt.slice(0, 10) === before.receivedAt.slice(0, 10))
      expect(after.dueDate > before.dueDate).toBe(true);
  });

  it("counts a dossier's receipt day with its procedure's cut-off: none, or at midnight", async () => {
    const bp = await buildingPermit(t.database.db);
    const setCutoff = async (receiptCutoff: string | null) => {
      const current = (await admin.get(`/api/v1/procedures/${bp.id}`)).body;
      const r = await admin.patch(`/api/v1/procedures/${bp.id}`, { version: current.version, receiptCutoff });
      expect(r.status, r.raw).toBe(200);
      expect(r.body.receiptCutoff).toBe(receiptCutoff);
    };
    // today in Hà Nội, and its first and last instants
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const startOfToday = `${today}T00:00:00+07:00`;
    const endOfToday = `${today}T23:59:59+07:00`;

    // no cut-off: the day it arrives counts, if it is a working day (the same as arriving at 00:00)
    await setCutoff(null);
    const none = await acceptedDossier();
    const sameDay = await publicDue(startOfToday, bp.processingDays);
    expect(none.dueDate).toBe(sameDay.dueDate);
    // and so does its first step's clock
    const firstStepDays = bp.workflow[0]!.days;
    expect(none.stepDueDate).toBe((await publicDue(startOfToday, firstStepDays)).dueDate);

    // a cut-off at 00:00: every arrival counts from the next working day (as arriving after 15:00)
    await setCutoff('00:00');
    const midnight = await acceptedDossier();
    const nextDay = await publicDue(endOfToday, bp.processingDays);
    expect(midnight.dueDate).toBe(nextDay.dueDate);
    expect(midnight.stepDueDate).toBe((await publicDue(endOfToday, firstStepDays)).dueDate);
    expect(nextDay.effectiveReceiptDate > today).toBe(true);

    // a bad cut-off is refused and leaves the procedure as it was
    const current = (await admin.get(`/api/v1/procedures/${bp.id}`)).body;
    const bad = await admin.patch(`/api/v1/procedures/${bp.id}`, { version: current.version, receiptCutoff: '24:00' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect((await admin.get(`/api/v1/procedures/${bp.id}`)).body).toMatchObject({
      receiptCutoff: '00:00',
      version: current.version,
    });
    await setCutoff('15:00');
  });

  it('marks a promise counted through a year with no official schedule, until an administrator enters it', async () => {
    const bp = await buildingPermit(t.database.db);
    const patch = async (processingDays: number) => {
      const current = (await admin.get(`/api/v1/procedures/${bp.id}`)).body;
      const r = await admin.patch(`/api/v1/procedures/${bp.id}`, { version: current.version, processingDays });
      expect(r.status, r.raw).toBe(200);
    };
    // 300 working days reach more than a year ahead, past the shipped official years (2023–2026)
    // unless this runs after an administrator entered them — never in a fresh test database
    await patch(300);
    const d = await acceptedDossier();
    await patch(bp.processingDays);
    const view = (await officer.get(`/api/v1/dossiers/${d.id}`)).body;
    expect(view.dueDateProvisional).toBe(true);
    expect((await publicDue(d.receivedAt, 300)).provisional).toBe(true);
    const look = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${d.code}&phone4=0111`);
    expect(look.body.dueDateProvisional).toBe(true);

    // the administrator enters every year the promise runs through as official: the mark goes,
    // the date stays
    const from = Number(d.receivedAt.slice(0, 4));
    for (let year = from; year <= Number(d.dueDate.slice(0, 4)); year++) {
      const s = (await admin.get(`/api/v1/calendar/schedules/${year}`)).body;
      if (s.status === 'official') continue;
      const put = await admin.put(`/api/v1/calendar/schedules/${year}`, {
        daysOff: s.daysOff,
        workingSaturdays: s.workingSaturdays,
        sources: [`Thông báo lịch nghỉ năm ${year} (thử nghiệm)`],
        ...(s.version ? { version: s.version } : {}),
      });
      expect(put.status, put.raw).toBe(200);
    }
    const after = (await officer.get(`/api/v1/dossiers/${d.id}`)).body;
    expect(after.dueDateProvisional).toBe(false);
    expect(after.dueDate).toBe(d.dueDate);
    expect((await publicDue(d.receivedAt, 300)).provisional).toBe(false);
  });
});
