import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';

describe.each(DB_KINDS)('organisation and people on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let wardOfficer: Session;
  let citizen: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin@cchc.local');
    wardOfficer = await t.login('motcua.thuongcat@cchc.local');
    citizen = await t.login('0912345678');
  });
  afterAll(() => t?.close());

  it('shows each role only the units of its subtree', async () => {
    const all = await admin.get('/api/v1/units');
    expect(all.status).toBe(200);
    expect(all.body.map((u: { code: string }) => u.code)).toContain('HN-BTL-P-CN2');
    const ward = await wardOfficer.get('/api/v1/units');
    expect(ward.body.map((u: { code: string }) => u.code)).toEqual(['HN-BTL-P-TC']);
    const cn2 = all.body.find((u: { code: string }) => u.code === 'HN-BTL-P-CN2');
    // a foreign record looks exactly like a missing one
    const foreign = await wardOfficer.get(`/api/v1/units/${cn2.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await citizen.get('/api/v1/units')).body).toEqual([]);
    expect((await t.anon.get('/api/v1/units')).status).toBe(401);
  });

  it('creates, renames with optimistic versions, and closes units with an audit trail', async () => {
    const units = (await admin.get('/api/v1/units')).body;
    const btl = units.find((u: { code: string }) => u.code === 'HN-BTL');
    const created = await admin.post('/api/v1/units', {
      code: 'HN-BTL-TEST',
      name: 'Phòng Thử nghiệm',
      shortName: 'TN',
      kind: 'department',
      block: 'departments',
      parentId: btl.id,
      validFrom: '2020-01-01',
    });
    expect(created.status).toBe(201);
    expect(created.body.depth).toBe(2);
    const dup = await admin.post('/api/v1/units', {
      code: 'HN-BTL-TEST',
      name: 'Trùng',
      shortName: 'T',
      kind: 'department',
      parentId: btl.id,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('UNIT_CODE_TAKEN');
    const renamed = await admin.patch(`/api/v1/units/${created.body.id}`, { version: 1, name: 'Phòng Thử nghiệm 2' });
    expect(renamed.body.version).toBe(2);
    const stale = await admin.patch(`/api/v1/units/${created.body.id}`, { version: 1, name: 'Ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const closed = await admin.post(`/api/v1/units/${created.body.id}/close`, {
      version: 2,
      validTo: '2025-07-01',
      reason: 'Sáp nhập theo Nghị quyết',
    });
    expect(closed.status).toBe(200);
    expect((await admin.get('/api/v1/units')).body.some((u: { code: string }) => u.code === 'HN-BTL-TEST')).toBe(false);
    expect(
      (await admin.get('/api/v1/units?includeClosed=true')).body.some(
        (u: { code: string }) => u.code === 'HN-BTL-TEST',
      ),
    ).toBe(true);
    const log = await admin.get(`/api/v1/audit?targetId=${created.body.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'unit.abolish',
      'unit.update',
      'unit.create',
    ]);
    expect(log.body.items[1].before.name).toBe('Phòng Thử nghiệm');
    expect(log.body.items[1].after.name).toBe('Phòng Thử nghiệm 2');
    expect(log.body.items[0].actorRole).toBe('admin');
    expect(log.body.items[0].requestId).toBeTruthy();
  });

  it('refuses changes from roles without the right, and bad input with problem+json', async () => {
    const units = (await admin.get('/api/v1/units')).body;
    const tc = units.find((u: { code: string }) => u.code === 'HN-BTL-P-TC');
    const forbidden = await wardOfficer.patch(`/api/v1/units/${tc.id}`, { version: 1, name: 'Đổi tên' });
    expect(forbidden.status).toBe(403);
    const bad = await admin.post('/api/v1/units', { code: '', name: 'x' }, { 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.detail).toMatch(/^The request is not valid/);
    const badVi = await admin.post('/api/v1/units', { code: '', name: 'x' });
    expect(badVi.body.detail).toMatch(/^Dữ liệu gửi lên không hợp lệ/);
    const badId = await admin.get('/api/v1/units/not-a-uuid');
    expect(badId.status).toBe(400);
  });

  it('requires the anti-forgery token for cookie sessions', async () => {
    const units = (await admin.get('/api/v1/units')).body;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${units[0].id}`,
      headers: { cookie: admin.cookie! },
      payload: { version: 1, name: 'CSRF' },
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).code).toBe('CSRF_TOKEN_INVALID');
  });

  it('throttles repeated wrong passwords with a clear message', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.anon.post('/api/v1/auth/login', { login: 'noivu.hn@cchc.local', password: 'wrong-password-1' });
      expect(r.status).toBe(401);
    }
    const r = await t.anon.post('/api/v1/auth/login', { login: 'noivu.hn@cchc.local', password: 'demo1234' });
    expect(r.status).toBe(429);
    expect(r.body.code).toBe('LOGIN_THROTTLED');
    expect(r.body.detail).toContain('5 lần');
  });

  it('lets citizens register and sign in by phone', async () => {
    const r = await t.anon.post('/api/v1/auth/register', {
      fullName: 'Trần Văn Bình',
      phone: '+84 987 654 321',
      password: 'matkhau123',
    });
    expect(r.status).toBe(201);
    expect(r.body.phone).toBe('0987654321');
    const again = await t.anon.post('/api/v1/auth/register', {
      fullName: 'Trùng',
      phone: '0987654321',
      password: 'matkhau123',
    });
    expect(again.status).toBe(409);
    const s = await t.login('0987654321', 'matkhau123');
    const me = await s.get('/api/v1/auth/me');
    expect(me.body.grants.map((g: { role: string }) => g.role)).toEqual(['citizen']);
    const weak = await t.anon.post('/api/v1/auth/register', { fullName: 'Yếu', email: 'a@b.vn', password: 'short' });
    expect(weak.body.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('manages people and roles within scope and keeps the audit log append-only', async () => {
    const units = (await admin.get('/api/v1/units')).body;
    const cn2 = units.find((u: { code: string }) => u.code === 'HN-BTL-P-CN2');
    const u = await admin.post('/api/v1/users', {
      fullName: 'Ngô Thị Cúc',
      email: 'cuc@cchc.local',
      password: 'matkhau123',
      unitId: cn2.id,
      grants: [{ role: 'one_stop_officer', unitId: cn2.id }],
    });
    expect(u.status).toBe(201);
    expect(u.body.grants[0].role).toBe('one_stop_officer');
    expect(u.body).not.toHaveProperty('passwordHash');
    const seenByWard = await wardOfficer.get(`/api/v1/users/${u.body.id}`);
    expect(seenByWard.status).toBe(404);
    const noAudit = await wardOfficer.get('/api/v1/audit');
    expect(noAudit.status).toBe(403);
    await expect(t.database.sql.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('exports the unit tree and re-imports it, reporting every bad row', async () => {
    const csv = await admin.get('/api/v1/units/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.raw).toContain('HN-BTL-P-TC,HN-BTL,UBND phường Thượng Cát');
    const boundary = 'XyZ';
    const body = (text: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    const header = 'code,parent_code,name,short_name,name_en,kind,block,agency_code,valid_from,valid_to';
    const bad = await admin.post(
      '/api/v1/units/import',
      body(`${header}\nX1,NOPE,Đơn vị lạ,X,,ward,,,,\nX2,HN-BTL,Y,Y,,spaceship,,,,`),
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'parent_code' }),
        expect.objectContaining({ row: 3, column: 'kind' }),
      ]),
    );
    expect((await admin.get('/api/v1/units')).body.some((x: { code: string }) => x.code === 'X2')).toBe(false);
    const good = await admin.post(
      '/api/v1/units/import',
      body(`${header}\nHN-BTL-TP,HN-BTL,Phòng Tư pháp,Tư pháp,,department,departments,,,`),
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(good.body).toEqual({ created: 1, updated: 0 });
  });
});
