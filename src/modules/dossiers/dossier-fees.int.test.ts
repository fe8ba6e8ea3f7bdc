import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { getProcedureByCode } from '../procedures/procedures.repository.ts';
import { buildingPermit, seedCatalogue, UNIT_CODES, unitByCodes } from './test/fixtures.ts';

describe.each(DB_KINDS)('fee payment on %s', (kind) => {
  let t: TestApp;
  let officerTC: Session;
  let specialist: Session;
  let head: Session;
  let leader: Session;
  let tc: { id: string };

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue });
    [officerTC, specialist, head, leader] = await Promise.all([
      t.login('motcua.thuongcat@cchc.local'),
      t.login('chuyenvien.qldt@cchc.local'),
      t.login('truongphong.qldt@cchc.local'),
      t.login('lanhdao.btl@cchc.local'),
    ]);
    tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
  }, 60_000);
  afterAll(() => t?.close());

  const intake = async (procedureId: string, componentsReceived: string[]) => {
    const r = await officerTC.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: tc.id,
      applicant: { name: 'Đỗ Minh Tuấn', phone: '0966111222' },
      componentsReceived,
    });
    expect(r.status, r.raw).toBe(201);
    return r.body;
  };
  const act = (s: Session, id: string, version: number, action: string) =>
    s.post(`/api/v1/dossiers/${id}/transitions`, { action, version });
  const pay = (s: Session, id: string, version: number, extra: object = {}) =>
    s.post(`/api/v1/dossiers/${id}/fee`, {
      version,
      amount: 75_000,
      method: 'bank_transfer',
      receiptNo: 'BL 0042',
      ...extra,
    });

  it('records the permit fee once, audits it, shows it, and maps the waiting result to national code 6', async () => {
    const p = await buildingPermit(t.database.db);
    let d = await intake(p.id, ['don_de_nghi', 'giay_to_dat', 'ban_ve']);
    // the catalogue's fee: Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ, 75.000 đồng
    expect(d.fee).toMatchObject({ total: 75_000, awaiting: false, paid: null, canRecord: true });
    expect(d.nationalCode).toBe(2);
    for (const [s, a] of [
      [officerTC, 'transfer'],
      [specialist, 'transfer'],
      [head, 'transfer'],
      [leader, 'approve'],
    ] as const) {
      const r = await act(s, d.id, d.version, a);
      expect(r.status, r.raw).toBe(200);
      d = r.body;
    }
    expect(d.status).toBe('resolved');
    expect(d.nationalCode).toBe(6);
    expect(d.statusName).toBe('Yêu cầu thực hiện nghĩa vụ tài chính');
    expect(d.fee.awaiting).toBe(true);
    // the applicant is told by SMS what to pay before collecting the result
    const told = await t.database.db.execute(
      sql`select o.body from dossier_outbox o join dossier_events e on e.id = o.event_id
          where o.dossier_id = ${d.id} and o.channel = 'sms' and e.action = 'approve'`,
    );
    const rows = ((told as unknown as { rows: unknown[] }).rows ?? told) as { body: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain('Vui lòng nộp phí, lệ phí 75.000 đồng');
    // the applicant sees it in the public lookup too
    const look = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${encodeURIComponent(d.code)}&phone4=1222`);
    expect(look.status, look.raw).toBe(200);
    expect(look.body).toMatchObject({ nationalCode: 6, statusName: 'Yêu cầu thực hiện nghĩa vụ tài chính' });

    // the result is not handed over while its fee is due: not offered, and refused if asked
    expect((await officerTC.get(`/api/v1/dossiers/${d.id}`)).body.allowedActions).not.toContain('return_result');
    const early = await act(officerTC, d.id, d.version, 'return_result');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('DOSSIER_FEE_UNPAID');
    expect(early.body.detail).toContain('(75.000 đồng)');

    // only the one-stop shop of the receiving unit collects it
    const notMine = await pay(leader, d.id, d.version);
    expect(notMine.status).toBe(409);
    expect(notMine.body.code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    // bad input is a 400, never a 500
    expect((await pay(officerTC, d.id, d.version, { amount: -1 })).status).toBe(400);
    expect((await pay(officerTC, d.id, d.version, { method: 'barter' })).status).toBe(400);
    expect((await pay(officerTC, d.id, d.version, { receiptNo: '' })).status).toBe(400);
    // a stale version: 409 with the current record
    const stale = await pay(officerTC, d.id, d.version - 1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const ok = await pay(officerTC, d.id, d.version);
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.nationalCode).toBe(9);
    expect(ok.body.statusName).toBe('Đã xử lý xong');
    expect(ok.body.fee).toMatchObject({
      awaiting: false,
      canRecord: false,
      paid: { amount: 75_000, method: 'bank_transfer', receiptNo: 'BL 0042' },
    });
    const ev = ok.body.history.at(-1);
    expect(ev.action).toBe('record_fee');
    expect(ev.note).toBe('Đã thu 75.000 đồng (chuyển khoản), biên lai số BL 0042');

    const again = await pay(officerTC, d.id, ok.body.version);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DOSSIER_FEE_ALREADY_PAID');
    expect(again.body.detail).toContain('BL 0042');

    const r = await t.database.db.execute(
      sql`select actor_name, after from audit_log where action = 'dossier.fee_paid' and target_id = ${d.id}`,
    );
    const audits = ((r as unknown as { rows: unknown[] }).rows ?? r) as { actor_name: string; after: unknown }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_name).toBeTruthy();
    expect(audits[0]!.after).toEqual({ amount: 75_000, method: 'bank_transfer', receiptNo: 'BL 0042' });

    const returned = await act(officerTC, d.id, ok.body.version, 'return_result');
    expect(returned.body.nationalCode).toBe(10);
  });

  it('refuses a payment for a procedure without fees (birth registration is free)', async () => {
    const birth = (await getProcedureByCode(t.database.db, '1.001193'))!;
    const keys = birth.components.filter((c) => c.mandatory).map((c) => c.key);
    const d = await intake(birth.id, keys);
    expect(d.fee).toBeNull();
    const r = await pay(officerTC, d.id, d.version);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DOSSIER_NO_FEE');
    expect((await pay(specialist, d.id, d.version)).status).toBe(404); // cannot see it
  });
});
