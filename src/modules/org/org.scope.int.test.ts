import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../test/harness.ts';

/**
 * Role × route matrix: what each demo role gets from the organisation and audit routes, including
 * direct ids of records outside its scope (which must look missing: 404).
 */
type Expect = Record<string, number>;
const ROUTES = [
  'GET units',
  'GET unit:own',
  'GET unit:foreign',
  'GET users',
  'GET user:foreign',
  'GET audit',
  'POST units',
  'PATCH unit:own',
] as const;

// Expected statuses per account (columns as in ROUTES). Sources: the role model of the foundation issue
// (a role covers its unit's subtree; people are visible to admins, leaders, unit heads, coordinators;
// units and people are changed by administrators only; the audit log is for administrators).
const MATRIX: Record<string, [string, ...number[]]> = {
  'admin@cchc.local': ['HN', 200, 200, 200, 200, 200, 200, 201, 200],
  'noivu.btl@cchc.local': ['HN-BTL', 200, 200, 404, 200, 404, 403, 403, 403],
  'lanhdao.btl@cchc.local': ['HN-BTL', 200, 200, 404, 200, 404, 403, 403, 403],
  'truongphong.qldt@cchc.local': ['HN-BTL-PB-QLDT', 200, 200, 404, 200, 404, 403, 403, 403],
  'chuyenvien.qldt@cchc.local': ['HN-BTL-PB-QLDT', 200, 200, 404, 403, 404, 403, 403, 403],
  'motcua.thuongcat@cchc.local': ['HN-BTL-P-TC', 200, 200, 404, 403, 404, 403, 403, 403],
  '0912345678': ['', 200, 404, 404, 403, 404, 403, 404, 404],
};

describe.each(DB_KINDS)('role × route matrix on %s', (kind) => {
  let t: TestApp;
  let ids: Record<string, string>;
  let foreignUserId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await t.login('admin@cchc.local');
    const units = (await admin.get('/api/v1/units')).body as { id: string; code: string }[];
    ids = Object.fromEntries(units.map((u) => [u.code, u.id]));
    // someone in another district, invisible to everyone below the city
    const other = await admin.post('/api/v1/users', {
      fullName: 'Cán bộ Đống Đa',
      email: 'dd@cchc.local',
      password: 'matkhau123',
      unitId: ids['HN-DD'],
      grants: [{ role: 'specialist', unitId: ids['HN-DD'] }],
    });
    foreignUserId = other.body.id;
  });
  afterAll(() => t?.close());

  it.each(Object.entries(MATRIX))('%s', async (login, [ownCode, ...statuses]) => {
    const s: Session = await t.login(login);
    const own = ids[ownCode] ?? ids['HN-BTL-P-TC']!;
    const foreign = ids['HN-DD']!;
    const got: Expect = {};
    got['GET units'] = (await s.get('/api/v1/units')).status;
    got['GET unit:own'] = (await s.get(`/api/v1/units/${own}`)).status;
    got['GET unit:foreign'] = (await s.get(`/api/v1/units/${foreign}`)).status;
    got['GET users'] = (await s.get('/api/v1/users')).status;
    got['GET user:foreign'] = (await s.get(`/api/v1/users/${foreignUserId}`)).status;
    got['GET audit'] = (await s.get('/api/v1/audit')).status;
    got['POST units'] = (
      await s.post('/api/v1/units', {
        code: `M-${Math.random().toString(36).slice(2, 8)}`,
        name: 'Đơn vị thử',
        shortName: 'T',
        kind: 'team',
        parentId: own,
      })
    ).status;
    const unit = await s.get(`/api/v1/units/${own}`);
    got['PATCH unit:own'] = (
      await s.patch(`/api/v1/units/${own}`, {
        version: unit.body?.version ?? 1,
        shortName: unit.body?.shortName ?? 'x',
      })
    ).status;
    const expected = Object.fromEntries(ROUTES.map((r, i) => [r, statuses[i]!]));
    expect(got).toEqual(expected);
  });
});
