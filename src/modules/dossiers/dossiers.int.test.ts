import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { resetLookupThrottle } from './dossier-lookup.ts';
import { processOutbox } from './notify/outbox.ts';
import { memoryTransports } from './notify/transports.ts';
import { buildingPermit, EXE, multipart, PDF, PNG, seedCatalogue, UNIT_CODES, unitByCodes } from './test/fixtures.ts';

describe.each(DB_KINDS)('dossiers on %s', (kind) => {
  let t: TestApp;
  let citizen: Session;
  let officerTC: Session;
  let officerBTL: Session;
  let specialist: Session;
  let head: Session;
  let leader: Session;
  let procedureId: string;
  let tc: { id: string; code: string; agencyCode: string | null };
  let cn2: { id: string };

  beforeAll(async () => {
    t = await createTestApp(kind, {
      seed: seedCatalogue,
      env: { CCHC_DATA_DIR: `/tmp/cchc-test-ds-${kind}`, UPLOAD_MAX_BYTES: '4096' },
    });
    [citizen, officerTC, officerBTL, specialist, head, leader] = await Promise.all([
      t.login('0912345678'),
      t.login('motcua.thuongcat@cchc.local'),
      t.login('motcua.btl@cchc.local'),
      t.login('chuyenvien.qldt@cchc.local'),
      t.login('truongphong.qldt@cchc.local'),
      t.login('lanhdao.btl@cchc.local'),
    ]);
    procedureId = (await buildingPermit(t.database.db)).id;
    tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
    cn2 = await unitByCodes(t.database.db, UNIT_CODES.coNhue2);
  }, 60_000);
  afterAll(() => t?.close());

  const applicant = {
    name: 'Trần Văn Bình',
    phone: '0987654321',
    email: 'binh@example.vn',
    address: 'Thượng Cát, Bắc Từ Liêm',
  };
  const pdf = (field: string, name = `${field}.pdf`) => ({ field, name, type: 'application/pdf', data: PDF });
  const submit = (files: ReturnType<typeof pdf>[], headers: Record<string, string> = {}) => {
    const m = multipart(
      {
        metadata: JSON.stringify({
          procedureId,
          receivingUnitId: tc.id,
          applicant,
          formData: { dienTich: 92.5, soTang: 4 },
        }),
      },
      files,
    );
    return citizen.post('/api/v1/dossiers', m.body, { ...m.headers, ...headers });
  };
  const act = (s: Session, id: string, version: number, action: string, extra: object = {}) =>
    s.post(`/api/v1/dossiers/${id}/transitions`, { action, version, ...extra });

  it('runs a building permit from online submission to the returned result, with forms, lookup, rating and notifications', async () => {
    const sub = await submit([
      pdf('don_de_nghi'),
      { field: 'giay_to_dat', name: '../../etc/sổ đỏ.png', type: 'image/png', data: PNG },
      pdf('ban_ve'),
    ]);
    expect(sub.status, sub.raw).toBe(201);
    const d = sub.body;
    expect(d.code).toMatch(new RegExp(`^${(tc.agencyCode || tc.code).replace(/\./g, '\\.')}-\\d{6}-0001$`));
    expect(d.status).toBe('submitted');
    expect(d.nationalCode).toBe(1);
    expect(d.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.channel).toBe(2);

    const detail = await citizen.get(`/api/v1/dossiers/${d.id}`);
    expect(detail.body.files).toHaveLength(3);
    expect(detail.body.files.map((f: { fileName: string }) => f.fileName)).toContain('sổ đỏ.png');
    const fileId = detail.body.files[0].id;
    expect((await citizen.get(`/api/v1/dossiers/${d.id}/files/${fileId}`)).raw.startsWith('%PDF')).toBe(true);

    const queue = await officerTC.get('/api/v1/dossiers?view=queue');
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(d.id);

    let r = await act(officerTC, d.id, d.version, 'accept');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('received');
    expect(r.body.receivedAt).toBeTruthy();
    expect(r.body.forms).toContain('01');
    const promised = r.body.dueDate;
    const form01 = await officerTC.get(`/api/v1/dossiers/${d.id}/forms/01`);
    expect(form01.status).toBe(200);
    expect(form01.headers['content-type']).toBe('application/pdf');

    r = await act(officerTC, d.id, r.body.version, 'transfer');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('processing');
    expect(r.body.nationalCode).toBe(4);
    expect(r.body.holderUnit.name).toMatch(/Quản lý đô thị/);
    expect(r.body.stepDueDate).toBeTruthy();

    // the specialist cannot approve: 409 with what they may do
    const bad = await act(specialist, d.id, r.body.version, 'approve');
    expect(bad.status).toBe(409);
    expect(bad.body.code).toBe('DOSSIER_ACTION_NOT_ALLOWED');
    expect(bad.body.allowedActions).toEqual(expect.arrayContaining(['transfer', 'request_supplement']));
    expect(bad.body.allowedActions).not.toContain('approve');

    r = await act(specialist, d.id, r.body.version, 'transfer');
    expect(r.status, r.raw).toBe(200);
    r = await act(head, d.id, r.body.version, 'return_step', { reason: 'Bổ sung ý kiến phường về ranh giới thửa đất' });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.stepIndex).toBe(1);
    r = await act(specialist, d.id, r.body.version, 'transfer');
    r = await act(head, d.id, r.body.version, 'transfer');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.allowedActions).toEqual([]); // the head does not sign
    const leaderView = await leader.get(`/api/v1/dossiers/${d.id}`);
    expect(leaderView.body.allowedActions).toEqual(expect.arrayContaining(['approve', 'refuse']));
    r = await act(leader, d.id, r.body.version, 'approve');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('resolved');
    // the permit's fee (lệ phí) is due before the result is handed over: national code 6
    expect(r.body.nationalCode).toBe(6);
    expect(r.body.fee.awaiting).toBe(true);
    r = await officerTC.post(`/api/v1/dossiers/${d.id}/fee`, {
      version: r.body.version,
      amount: 75_000,
      method: 'cash',
      receiptNo: 'BL-2023/0001',
    });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.nationalCode).toBe(9);
    expect(r.body.dueDate).toBe(promised);
    r = await act(officerTC, d.id, r.body.version, 'return_result');
    expect(r.body.status).toBe('returned');
    expect(r.body.nationalCode).toBe(10);
    expect(r.body.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'accept',
      'transfer',
      'transfer',
      'return_step',
      'transfer',
      'transfer',
      'approve',
      'record_fee',
      'return_result',
    ]);

    resetLookupThrottle();
    const look = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${encodeURIComponent(d.code)}&phone4=4321`);
    expect(look.status, look.raw).toBe(200);
    expect(look.body.status).toBe('returned');
    expect(look.body.history).toHaveLength(10);
    expect(look.raw).not.toContain('Trần Văn Bình');
    expect(look.raw).not.toContain('0987654321');
    expect(look.raw).not.toContain('binh@example.vn');
    expect(look.raw).not.toContain('ranh giới'); // internal notes stay internal
    expect(
      (await t.anon.get(`/api/v1/public/dossiers/lookup?code=${encodeURIComponent(d.code)}&phone4=1234`)).status,
    ).toBe(404);

    const rate = await t.anon.post('/api/v1/public/dossiers/rating', { code: d.code, phone4: '4321', rating: 5 });
    expect(rate.status, rate.raw).toBe(200);
    expect(
      (await t.anon.post('/api/v1/public/dossiers/rating', { code: d.code, phone4: '4321', rating: 1 })).status,
    ).toBe(409);

    const transports = memoryTransports();
    const sent = await processOutbox(t.database.db, transports);
    expect(sent).toBeGreaterThan(0);
    expect(await processOutbox(t.database.db, transports)).toBe(0);
    const mine = transports.sent.filter((m) => m.body.includes(d.code));
    expect(mine.filter((m) => m.channel === 'sms').length).toBe(mine.filter((m) => m.channel === 'email').length);
    expect(mine.some((m) => m.body.includes('đã được trả kết quả'))).toBe(true);
  });

  it('lists missing mandatory components and checks file types by content and size', async () => {
    const r = await submit([pdf('don_de_nghi')]);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('DOSSIER_COMPONENTS_MISSING');
    expect(r.body.missing.map((m: { key: string }) => m.key)).toEqual(['giay_to_dat', 'ban_ve']);

    const exe = await submit([
      pdf('don_de_nghi'),
      { field: 'giay_to_dat', name: 'so-do.pdf', type: 'application/pdf', data: EXE },
      pdf('ban_ve'),
    ]);
    expect(exe.status).toBe(415);
    expect(exe.body.code).toBe('DOSSIER_FILE_TYPE');

    const big = await submit([
      pdf('don_de_nghi'),
      {
        field: 'giay_to_dat',
        name: 'big.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(8000)]),
      },
      pdf('ban_ve'),
    ]);
    expect(big.status).toBe(413);

    const png = await submit([
      pdf('don_de_nghi'),
      pdf('giay_to_dat'),
      { field: 'ban_ve', name: 'ban-ve.png', type: 'image/png', data: PNG },
    ]);
    expect(png.status).toBe(415); // drawings: pdf only
    const unknown = await submit([pdf('don_de_nghi'), pdf('giay_to_dat'), pdf('ban_ve'), pdf('la')]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('DOSSIER_COMPONENT_UNKNOWN');
  });

  it('returns the same dossier for a repeated Idempotency-Key', async () => {
    const files = [pdf('don_de_nghi'), pdf('giay_to_dat'), pdf('ban_ve')];
    const key = `idem-${kind}-0001`;
    const [a, b] = await Promise.all([
      submit(files, { 'idempotency-key': key }),
      submit(files, { 'idempotency-key': key }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const c = await submit(files, { 'idempotency-key': key });
    expect(c.status).toBe(200);
    expect(c.body.code).toBe(a.body.code);
  });

  it('lets one of two officers win a race; the other gets 409', async () => {
    const d = (await submit([pdf('don_de_nghi'), pdf('giay_to_dat'), pdf('ban_ve')])).body;
    const [a, b] = await Promise.all([
      act(officerTC, d.id, d.version, 'accept'),
      act(officerBTL, d.id, d.version, 'refuse_intake', { reason: 'Sai thẩm quyền' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    // the loser either lost the version race or already sees the new state
    expect(['VERSION_CONFLICT', 'DOSSIER_ACTION_NOT_ALLOWED']).toContain(loser.body.code);
  });

  it('refuses a change made on a stale version with 409 VERSION_CONFLICT', async () => {
    const d = (await submit([pdf('don_de_nghi'), pdf('giay_to_dat'), pdf('ban_ve')])).body;
    const accepted = await act(officerTC, d.id, d.version, 'accept');
    expect(accepted.status).toBe(200);
    // the other officer still holds the old version; 'transfer' is allowed in the new state
    const stale = await act(officerBTL, d.id, d.version, 'transfer');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(stale.body.current.version).toBe(accepted.body.version);
  });

  it('requests a supplement once (the clock stops) and apologises with a new date at most once', async () => {
    const d = (await submit([pdf('don_de_nghi'), pdf('giay_to_dat'), pdf('ban_ve')])).body;
    let r = await act(officerTC, d.id, d.version, 'accept');
    r = await act(officerTC, d.id, r.body.version, 'transfer');
    const due = r.body.dueDate;
    expect((await act(specialist, d.id, r.body.version, 'request_supplement', {})).body.code).toBe(
      'DOSSIER_SUPPLEMENT_LIST_REQUIRED',
    );
    r = await act(specialist, d.id, r.body.version, 'request_supplement', {
      missing: ['Bản vẽ mặt cắt có chữ ký của đơn vị thiết kế'],
    });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('supplement_requested');
    expect(r.body.nationalCode).toBe(5);
    expect(r.body.forms).toContain('02');
    expect((await officerTC.get(`/api/v1/dossiers/${d.id}/forms/02`)).status).toBe(200);
    const m = multipart({ metadata: JSON.stringify({ action: 'supplement', version: r.body.version }) }, [
      pdf('ban_ve', 'ban-ve-bo-sung.pdf'),
    ]);
    r = await citizen.post(`/api/v1/dossiers/${d.id}/transitions`, m.body, m.headers);
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('processing');
    expect(r.body.dueDate >= due).toBe(true);
    expect(r.body.files.filter((f: { kind: string }) => f.kind === 'supplement')).toHaveLength(1);
    expect(r.body.allowedActions).not.toContain('request_supplement');
    const no = await act(specialist, d.id, r.body.version, 'request_supplement', { missing: ['x'] });
    expect(no.status).toBe(409);

    const bad = await act(officerTC, d.id, r.body.version, 'apologise', {
      reason: 'Chờ ý kiến cơ quan liên quan',
      newDueDate: '2020-01-01',
    });
    expect(bad.body.code).toBe('DOSSIER_NEW_DUE_DATE_INVALID');
    const current = r.body.dueDate as string;
    const newDue = '2027-02-26';
    r = await act(officerTC, d.id, r.body.version, 'apologise', {
      reason: 'Chờ ý kiến cơ quan liên quan',
      newDueDate: newDue,
    });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.dueDate).toBe(newDue);
    expect(r.body.originalDueDate).not.toBe(newDue);
    expect(current < newDue).toBe(true);
    expect((await officerTC.get(`/api/v1/dossiers/${d.id}/forms/04`)).status).toBe(200);
    const again = await act(officerTC, d.id, r.body.version, 'apologise', {
      reason: 'Lần nữa',
      newDueDate: '2027-03-31',
    });
    expect(again.status).toBe(409);
    r = await act(specialist, d.id, r.body.version, 'stop', {
      reason: 'Người nộp đề nghị dừng để điều chỉnh thiết kế',
    });
    expect(r.body.status).toBe('stopped');
    expect(r.body.nationalCode).toBe(8);
    expect((await officerTC.get(`/api/v1/dossiers/${d.id}/forms/05`)).status).toBe(200);
  });

  it('keeps a ward officer out of another ward: 404', async () => {
    const r = await officerBTL.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: cn2.id,
      applicant,
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(201);
    expect(r.body.status).toBe('received');
    expect((await officerTC.get(`/api/v1/dossiers/${r.body.id}`)).status).toBe(404);
    expect(
      (
        await officerTC.post(`/api/v1/dossiers/${r.body.id}/transitions`, {
          action: 'transfer',
          version: r.body.version,
        })
      ).status,
    ).toBe(404);
    expect((await citizen.get(`/api/v1/dossiers/${r.body.id}`)).status).toBe(404);
    expect(
      (
        await officerTC.post('/api/v1/dossiers/intake', {
          procedureId,
          receivingUnitId: cn2.id,
          applicant,
          componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
        })
      ).status,
    ).toBe(404);
    const all = await officerTC.get('/api/v1/dossiers?view=all&limit=200');
    expect(all.body.items.some((x: { id: string }) => x.id === r.body.id)).toBe(false);
    const refused = await officerTC.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: tc.id,
      applicant,
      componentsReceived: ['don_de_nghi'],
    });
    expect(refused.status).toBe(422);
  });

  it('gives 30 parallel intakes the codes 0001..0030 without gaps', async () => {
    const ward = await unitByCodes(t.database.db, UNIT_CODES.coNhue2);
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        officerBTL.post('/api/v1/dossiers/intake', {
          procedureId,
          receivingUnitId: ward.id,
          applicant: { ...applicant, phone: `09000000${String(i).padStart(2, '0')}` },
          componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
        }),
      ),
    );
    expect(res.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const seqs = res.map((r) => Number(r.body.code.slice(-4))).sort((a, b) => a - b);
    // the intake in the ward-scope test took 0001 of today's sequence
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(new Set(res.map((r) => r.body.code)).size).toBe(30);
  });

  it('computes statistics and the registered 766 metrics', async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const s = await officerBTL.get(`/api/v1/dossiers/stats?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=unit`);
    expect(s.status, s.raw).toBe(200);
    expect(s.body.totals.received).toBeGreaterThan(30);
    expect(s.body.totals.online).toBeGreaterThan(0);
    expect(s.body.rows.length).toBe(2);
    const ward = await officerTC.get(
      `/api/v1/dossiers/stats?from=${today.slice(0, 4)}-01-01&to=${today}&unitId=${cn2.id}`,
    );
    expect(ward.status).toBe(404);
    const { getMetric } = await import('../reform-index/metrics/metric-registry.ts');
    const btl = await unitByCodes(t.database.db, UNIT_CODES.btl);
    const scope = {
      unitId: btl.id,
      unitPath: btl.path,
      from: new Date(`${today.slice(0, 4)}-01-01T00:00:00+07:00`),
      to: new Date(Date.now() + 86_400_000),
    };
    const online = await getMetric('dossiers.onlineShare')!.compute(t.database.db, scope);
    expect(online.denominator).toBe(s.body.totals.received);
    const onTime = await getMetric('dossiers.onTimeRate')!.compute(t.database.db, scope);
    expect(onTime.value).toBe(1);
    const dd = await getMetric('dossiers.onTimeRate')!.drillDown(t.database.db, scope, { limit: 10, offset: 0 });
    expect(dd.total).toBe(onTime.denominator);
    expect(dd.items.every((i) => i.counts)).toBe(true);
  });
});
