/**
 * The group-commit writer (intake-writer.ts): dossiers arriving together at one unit are written
 * by one statement, yet each keeps a gap-free code, its own event, audit entry (with its code)
 * and notifications (with its code), and a racing Idempotency-Key still yields one dossier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { buildingPermit, seedCatalogue, UNIT_CODES, unitByCodes } from './test/fixtures.ts';

describe.each(DB_KINDS)('dossier intake writer on %s', (kind) => {
  let t: TestApp;
  let officer: Session;
  let procedureId: string;
  let ward: { id: string };

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue, env: { CCHC_DATA_DIR: `/tmp/cchc-test-dsw-${kind}` } });
    officer = await t.login('motcua.btl@cchc.local');
    procedureId = (await buildingPermit(t.database.db)).id;
    ward = await unitByCodes(t.database.db, UNIT_CODES.coNhue2);
  }, 60_000);
  afterAll(() => t?.close());

  it('writes 20 parallel intakes and a doubled Idempotency-Key with codes, events, audit and notifications of their own', async () => {
    const intake = (i: number, key?: string) =>
      officer.post(
        '/api/v1/dossiers/intake',
        {
          procedureId,
          receivingUnitId: ward.id,
          applicant: {
            name: `Người nộp ${i}`,
            phone: `09110000${String(i).padStart(2, '0')}`,
            email: `n${i}@example.vn`,
          },
          componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
        },
        key ? { 'idempotency-key': key } : {},
      );
    const res = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => intake(i)),
      intake(20, 'writer-test-key-1'),
      intake(21, 'writer-test-key-1'),
    ]);
    // the same key twice: one dossier, created once (201) and replayed once (200)
    const keyed = res.slice(20);
    expect(keyed.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(keyed[0]!.body.id).toBe(keyed[1]!.body.id);
    expect(res.slice(0, 20).every((r) => r.status === 201)).toBe(true);

    const created = [...res.slice(0, 20), keyed.find((r) => r.status === 201)!].map((r) => r.body);
    // a fresh ward and day: the sequence is exactly 0001..0021
    expect(created.map((d) => Number(d.code.slice(-4))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );

    const q = async <R>(text: string, values: unknown[] = []) => (await t.database.sql.query<R>(text, values)).rows;
    for (const d of created) {
      const [a] = await q<{ code: string; n: number }>(
        `select after->>'code' as code, count(*) over ()::int as n from audit_log where action = 'dossier.intake' and target_id = $1`,
        [d.id],
      );
      expect(a).toEqual({ code: d.code, n: 1 });
      const outbox = await q<{ channel: string; recipient: string; subject: string; body: string }>(
        `select channel, recipient, subject, body from dossier_outbox where dossier_id = $1 order by channel`,
        [d.id],
      );
      expect(outbox.map((o) => o.channel)).toEqual(['email', 'sms']);
      expect(outbox[0]!.recipient).toBe(d.applicant.email);
      for (const o of outbox) {
        expect(o.subject).toBe(`[Một cửa] Hồ sơ ${d.code} đã được tiếp nhận`);
        expect(o.body.startsWith(`Hồ sơ ${d.code} (`)).toBe(true);
      }
      const [ev] = await q<{ n: number; action: string }>(
        `select count(*)::int as n, min(action) as action from dossier_events where dossier_id = $1`,
        [d.id],
      );
      expect(ev).toEqual({ n: 1, action: 'intake' });
    }
    const [counter] = await q<{ last: number }>(`select last from dossier_counters where unit_id = $1`, [ward.id]);
    expect(counter!.last).toBe(21);
  });

  it('stores a lone UTF-16 surrogate as U+FFFD (as a bound text parameter would) and keeps surrogate pairs', async () => {
    const r = await officer.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: ward.id,
      applicant: { name: 'Nguyễn \ud800 Văn', phone: '0911000099', address: 'Tổ 5 \ud83c\udfe0' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(201);
    expect(r.body.applicant.name).toBe('Nguyễn \ufffd Văn');
    expect(r.body.applicant.address).toBe('Tổ 5 🏠');
  });

  it('refuses a NUL character (PostgreSQL text cannot hold it) with 400, not 500', async () => {
    const r = await officer.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: ward.id,
      applicant: { name: 'Nguyễn \u0000 Văn', phone: '0911000098' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(400);
  });
});
