import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { defaultCalendar, hcmDate } from '../../calendar/index.ts';
import { nearDueHorizon, nearDueLevels, scanDueWarnings } from './due-warnings.ts';
import { buildingPermit, seedCatalogue, UNIT_CODES, unitByCodes } from './test/fixtures.ts';

/**
 * 2025 National Day: Saturday 30/8 and Sunday 31/8, then Monday 1/9 and Tuesday 2/9 off
 * (src/calendar/data/vn-official-days-off.json). On Friday 29/8 the next working day is Wednesday
 * 3/9 — five calendar days later, but one working day.
 */
const THU_28_8 = new Date('2025-08-28T09:00:00+07:00');
const FRI_29_8 = new Date('2025-08-29T09:00:00+07:00');

describe('near-due horizon (pure, on the official calendar)', () => {
  const cal = defaultCalendar();
  it('counts working days across the National Day holiday', () => {
    expect(nearDueHorizon(cal, FRI_29_8, 1)).toBe('2025-09-03');
    expect(nearDueHorizon(cal, THU_28_8, 1)).toBe('2025-08-29');
    expect(nearDueHorizon(cal, THU_28_8, 2)).toBe('2025-09-03');
    expect(nearDueHorizon(cal, FRI_29_8, 0)).toBe('2025-08-29');
  });
  it('takes open dossiers with a running clock whose step or promised date lies between today and the horizon', () => {
    const open = { finishedAt: null, status: 'processing' };
    expect(
      nearDueLevels({ ...open, dueDate: '2025-09-03', stepDueDate: '2025-08-29' }, '2025-08-29', '2025-09-03'),
    ).toEqual([
      { level: 'step', due: '2025-08-29' },
      { level: 'dossier', due: '2025-09-03' },
    ]);
    // past a date is overdue, not near
    expect(
      nearDueLevels({ ...open, dueDate: '2025-09-03', stepDueDate: '2025-08-28' }, '2025-08-29', '2025-09-03'),
    ).toEqual([{ level: 'dossier', due: '2025-09-03' }]);
    expect(nearDueLevels({ ...open, dueDate: '2025-09-04', stepDueDate: null }, '2025-08-29', '2025-09-03')).toEqual(
      [],
    );
    const dated = { dueDate: '2025-09-03', stepDueDate: '2025-09-03' };
    expect(
      nearDueLevels({ ...dated, finishedAt: null, status: 'supplement_requested' }, '2025-08-29', '2025-09-03'),
    ).toEqual([]);
    expect(nearDueLevels({ ...dated, finishedAt: new Date(), status: 'resolved' }, '2025-08-29', '2025-09-03')).toEqual(
      [],
    );
  });
});

describe.each(DB_KINDS)('near-due warnings on %s', (kind) => {
  let t: TestApp;
  let officerTC: Session;
  let specialist: Session;

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue });
    [officerTC, specialist] = await Promise.all([
      t.login('motcua.thuongcat@cchc.local'),
      t.login('chuyenvien.qldt@cchc.local'),
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  const intake = async () => {
    const procedureId = (await buildingPermit(t.database.db)).id;
    const tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
    const r = await officerTC.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: tc.id,
      applicant: { name: 'Phạm Thị Lan', phone: '0977000111', email: 'lan@example.vn' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(201);
    return r.body as { id: string; code: string; version: number };
  };
  const setDates = (id: string, dueDate: string, stepDueDate: string) =>
    t.database.db.execute(
      sql`update dossiers set due_date = ${dueDate}, step_due_date = ${stepDueDate} where id = ${id}`,
    );
  const rows = async <T>(q: ReturnType<typeof sql>) => {
    const r = await t.database.db.execute(q);
    return ((r as unknown as { rows: T[] }).rows ?? r) as T[];
  };
  const warningsTo = (id: string) =>
    rows<{ recipient: string; subject: string; body: string }>(
      sql`select recipient, subject, body from dossier_outbox where dossier_id = ${id} and subject like '%sắp đến hạn%' order by created_at`,
    );

  it('warns the holders of the current step once per level and due date, counting working days', async () => {
    // A: at the ward's one-stop desk (step "receive"), promised for Wednesday 3/9, step due Friday 29/8
    const a = await intake();
    await setDates(a.id, '2025-09-03', '2025-08-29');
    // B: transferred to Phòng QLĐT (specialist's step), both dates Wednesday 3/9
    const b0 = await intake();
    const tr = await officerTC.post(`/api/v1/dossiers/${b0.id}/transitions`, {
      action: 'transfer',
      version: b0.version,
    });
    expect(tr.status, tr.raw).toBe(200);
    await setDates(b0.id, '2025-09-03', '2025-09-03');
    // C: due next week — not near on either day
    const c = await intake();
    await setDates(c.id, '2025-09-05', '2025-09-04');

    // Thursday 28/8: horizon Friday 29/8 → only A's step deadline is near
    const r = await scanDueWarnings(t.database.db, THU_28_8, 1);
    expect(r).toEqual({ warned: 1, notified: 1 });
    let wa = await warningsTo(a.id);
    expect(wa.map((w) => w.recipient)).toEqual(['motcua.thuongcat@cchc.local']);
    expect(wa[0]!.subject).toBe(`[Một cửa] Hồ sơ ${a.code} sắp đến hạn (29/08/2025)`);
    expect(wa[0]!.body).toContain('hạn bước "Tiếp nhận hồ sơ tại Bộ phận Một cửa phường" là 29/08/2025');
    expect(await warningsTo(b0.id)).toEqual([]);

    // Friday 29/8: horizon Wednesday 3/9 (across the holiday) → A's promised date, B's step and date
    // two workers at once: the warnings' primary key lets only one of them write each
    const both = await Promise.all([
      scanDueWarnings(t.database.db, FRI_29_8, 1),
      scanDueWarnings(t.database.db, FRI_29_8, 1),
    ]);
    expect(both[0].warned + both[1].warned).toBe(3);
    expect(both[0].notified + both[1].notified).toBe(2);
    wa = await warningsTo(a.id);
    expect(wa).toHaveLength(2);
    expect(wa[1]!.body).toContain('hẹn trả kết quả cho người nộp ngày 03/09/2025');
    const wb = await warningsTo(b0.id);
    expect(wb.map((w) => w.recipient)).toEqual(['chuyenvien.qldt@cchc.local']);
    expect(wb[0]!.body).toMatch(/Phòng Quản lý đô thị/);
    expect(wb[0]!.body).toContain('hạn bước "Thẩm định hồ sơ');
    expect(wb[0]!.body).toContain('hẹn trả kết quả cho người nộp ngày 03/09/2025');
    expect(await warningsTo(c.id)).toEqual([]);

    // never twice: the same day again
    expect(await scanDueWarnings(t.database.db, FRI_29_8, 1)).toEqual({ warned: 0, notified: 0 });
    expect(await warningsTo(a.id)).toHaveLength(2);
    expect(await warningsTo(b0.id)).toHaveLength(1);

    // a new promised date (form 04 moves it) is a new deadline: one more warning when it comes near
    await setDates(a.id, '2025-09-04', '2025-08-29');
    expect(await scanDueWarnings(t.database.db, new Date('2025-09-03T09:00:00+07:00'), 1)).toEqual({
      warned: 2, // A's new date, C's step (Thursday 4/9)
      notified: 2,
    });
    expect(await warningsTo(a.id)).toHaveLength(3);

    const audits = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'dossier.due_warning' and target_id = ${a.id}`,
    );
    expect(audits[0]!.n).toBe(3);
  });

  it('shows "sắp đến hạn" in the queue and filters it', async () => {
    const today = hcmDate(new Date());
    const near = await intake();
    await setDates(near.id, today, today);
    const far = await intake();
    await setDates(far.id, '2099-12-31', '2099-12-30');
    const all = await officerTC.get('/api/v1/dossiers?view=queue&limit=200');
    const byId = new Map((all.body.items as { id: string; dueSoon: boolean }[]).map((d) => [d.id, d]));
    expect(byId.get(near.id)!.dueSoon).toBe(true);
    expect(byId.get(far.id)!.dueSoon).toBe(false);
    const filtered = await officerTC.get('/api/v1/dossiers?view=queue&dueSoon=true&limit=200');
    expect(filtered.status, filtered.raw).toBe(200);
    const ids = (filtered.body.items as { id: string; dueSoon: boolean }[]).map((d) => d.id);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(far.id);
    expect((filtered.body.items as { dueSoon: boolean }[]).every((d) => d.dueSoon)).toBe(true);
    expect((await specialist.get('/api/v1/dossiers?view=queue&dueSoon=true')).status).toBe(200);
  });
});
