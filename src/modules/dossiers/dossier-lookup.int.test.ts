/**
 * The public lookup reads the dossier and its history in one query (history built as JSON by the
 * database): it must answer what the staff view shows, field for field, minus anything personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';
import { resetLookupThrottle } from './dossier-lookup.ts';
import { buildingPermit, seedCatalogue, UNIT_CODES, unitByCodes } from './test/fixtures.ts';

describe.each(DB_KINDS)('public dossier lookup on %s', (kind) => {
  let t: TestApp;
  let officer: Session;
  let procedureId: string;
  let ward: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue, env: { CCHC_DATA_DIR: `/tmp/cchc-test-dsl-${kind}` } });
    officer = await t.login('motcua.btl@cchc.local');
    procedureId = (await buildingPermit(t.database.db)).id;
    ward = await unitByCodes(t.database.db, UNIT_CODES.coNhue2);
  }, 60_000);
  afterAll(() => t?.close());

  it('answers the staff view’s facts and history, and nothing personal', async () => {
    const created = await officer.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: ward.id,
      applicant: { name: 'Lê Thị Hoa', phone: '0912 000 777', email: 'hoa@example.vn' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(created.status, created.raw).toBe(201);
    const staff = await officer.get(`/api/v1/dossiers/${created.body.id}`);
    expect(staff.status).toBe(200);

    resetLookupThrottle();
    const look = await t.anon.get(
      `/api/v1/public/dossiers/lookup?code=${encodeURIComponent(staff.body.code)}&phone4=0777`,
    );
    expect(look.status, look.raw).toBe(200);
    const s = staff.body;
    expect(look.body).toEqual({
      code: s.code,
      procedureName: s.procedure.name,
      receivingUnitName: ward.name,
      status: 'received',
      nationalCode: s.nationalCode,
      statusName: s.statusName,
      submittedAt: s.submittedAt,
      receivedAt: s.receivedAt,
      dueDate: s.dueDate,
      dueDateProvisional: s.dueDateProvisional,
      dueDateOnDayOff: false,
      finishedAt: null,
      returnedAt: null,
      overdue: false,
      canRate: false,
      history: s.history.map((e: Record<string, unknown>) => ({
        at: e.at,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        nationalCode: e.nationalCode,
        stepName: e.stepName,
        unitName: e.unitName,
        dueDate: e.dueDate,
      })),
    });
    expect(look.body.history).toHaveLength(1);
    expect(look.body.history[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(look.raw).not.toContain('Lê Thị Hoa');
    expect(look.raw).not.toContain('hoa@example.vn');
    // the last four digits must match
    const wrong = await t.anon.get(`/api/v1/public/dossiers/lookup?code=${encodeURIComponent(s.code)}&phone4=0778`);
    expect(wrong.status).toBe(404);
  });
});
