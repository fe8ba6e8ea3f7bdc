/**
 * Peer groups edited by the coordinator (members from the unit tree, blocks, version, scope,
 * frozen once a cycle is open) and a framework copied from last year into a new draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Reply, type Session, type TestApp } from '../../../test/harness.ts';
import type { Criterion } from './domain/index.ts';
import { apiCrit } from './domain/test-fixtures.ts';

const CRITERIA = [
  apiCrit('1', null, 10),
  apiCrit('1.1', '1', 6, { evidenceRequired: true }),
  apiCrit('1.2', '1', 4, { allowNotApplicable: true }),
  apiCrit('2', null, 5),
  apiCrit('2.1', '2', 5, { method: 'survey' }),
];

describe.each(DB_KINDS)('reform index peer groups and copy from last year on %s', (kind) => {
  let t: TestApp;
  let coord: Session;
  let cityCoord: Session;
  let outsider: Session;
  let admin: Session;
  let group2023: string;
  let framework2023: string;
  const url = (p: string) => `/api/v1/reform-index${p}`;
  const problem = (r: Reply, status: number, code: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe(code);
  };
  const newGroup = (s: Session, year: number, units: { unitCode: string; block?: string }[]) =>
    s.post(url('/groups'), {
      code: 'T-GRP',
      year,
      name: `Các phòng chuyên môn năm ${year}`,
      labelVi: 'phòng chuyên môn',
      ownerUnitCode: 'HN-BTL',
      units,
    });

  beforeAll(async () => {
    t = await createTestApp(kind);
    coord = await t.login('noivu.btl@cchc.local');
    cityCoord = await t.login('noivu.hn@cchc.local');
    outsider = await t.login('motcua.thuongcat@cchc.local');
    admin = await t.login('admin@cchc.local');
    const g = await newGroup(coord, 2023, [{ unitCode: 'HN-BTL-PB-QLDT', block: 'departments' }]);
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    group2023 = g.body.id;
    const f = await coord.post(url('/frameworks'), {
      groupId: group2023,
      code: 'T-GRP-2023',
      name: 'Chỉ số CCHC các phòng chuyên môn năm 2023',
      nameEn: 'PAR Index of departments 2023',
      criteria: CRITERIA,
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    framework2023 = f.body.id;
  }, 300_000);
  afterAll(() => t?.close());

  it('edits names and members with their blocks in one go; an old version is a 409', async () => {
    const before = await coord.get(url(`/groups/${group2023}`));
    expect(before.status).toBe(200);
    expect(before.body.units).toEqual([
      { unitCode: 'HN-BTL-PB-QLDT', unitName: expect.any(String), block: 'departments' },
    ]);
    expect(before.body.frozen).toBe(false);
    const edit = {
      version: before.body.version,
      name: 'Các phòng và phường năm 2023',
      labelVi: 'đơn vị',
      units: [
        { unitCode: 'HN-BTL-PB-NV', block: 'departments' },
        { unitCode: 'HN-BTL-PB-QLDT', block: 'departments' },
        { unitCode: 'HN-BTL-P-TC', block: 'wards' },
      ],
    };
    const r = await coord.request('PATCH', url(`/groups/${group2023}`), edit);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.name).toBe('Các phòng và phường năm 2023');
    expect(r.body.units.map((u: { unitCode: string; block: string }) => [u.unitCode, u.block])).toEqual([
      ['HN-BTL-PB-NV', 'departments'],
      ['HN-BTL-PB-QLDT', 'departments'],
      ['HN-BTL-P-TC', 'wards'],
    ]);
    expect(r.body.version).not.toBe(before.body.version);
    // the same edit again, based on the version read before the first one
    problem(
      await coord.request('PATCH', url(`/groups/${group2023}`), { ...edit, name: 'Khác' }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await coord.get(url(`/groups/${group2023}`))).body.name).toBe('Các phòng và phường năm 2023');
    // the audit trail has the change, old → new
    const log = await admin.get(`/api/v1/audit?targetType=ri_peer_group&targetId=${group2023}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['ri.group.update', 'ri.group.create']);
    expect(log.body.items[0].before.units).toHaveLength(1);
    expect(log.body.items[0].after.units).toHaveLength(3);
  });

  it('refuses a unit outside the owner, a unit listed twice and bad bodies without storing anything', async () => {
    const cur = (await coord.get(url(`/groups/${group2023}`))).body;
    const base = { version: cur.version, name: cur.name, labelVi: cur.labelVi };
    problem(
      await coord.request('PATCH', url(`/groups/${group2023}`), { ...base, units: [{ unitCode: 'HN-DD' }] }),
      400,
      'BAD_REQUEST',
    );
    problem(
      await coord.request('PATCH', url(`/groups/${group2023}`), {
        ...base,
        units: [{ unitCode: 'HN-BTL-PB-NV' }, { unitCode: 'HN-BTL-PB-NV' }],
      }),
      400,
      'BAD_REQUEST',
    );
    expect((await coord.request('PATCH', url(`/groups/${group2023}`), { ...base, units: [] })).status).toBe(400);
    expect((await coord.get(url(`/groups/${group2023}`))).body.units).toHaveLength(3);
  });

  it('is 404 outside the scope, for reading and editing', async () => {
    problem(await outsider.get(url(`/groups/${group2023}`)), 404, 'NOT_FOUND');
    problem(
      await outsider.request('PATCH', url(`/groups/${group2023}`), {
        version: 'x',
        name: 'Không được',
        labelVi: 'x',
        units: [{ unitCode: 'HN-BTL-P-TC' }],
      }),
      404,
      'NOT_FOUND',
    );
    problem(await coord.get(url('/groups/00000000-0000-4000-8000-000000000000')), 404, 'NOT_FOUND');
    // the city's coordinator covers the district
    expect((await cityCoord.get(url(`/groups/${group2023}`))).status).toBe(200);
  });

  it("copies last year's framework into a draft of this year's group: same tree, year in the name", async () => {
    const g = await newGroup(coord, 2024, [{ unitCode: 'HN-BTL-PB-QLDT', block: 'departments' }]);
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const copy = await coord.post(url(`/frameworks/${framework2023}/copy`), { groupId: g.body.id, code: 'T-GRP-2024' });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const view = (await coord.get(url(`/frameworks/${copy.body.id}`))).body;
    expect(view.year).toBe(2024);
    expect(view.status).toBe('draft');
    expect(view.name).toBe('Chỉ số CCHC các phòng chuyên môn năm 2024');
    expect(view.nameEn).toBe('PAR Index of departments 2024');
    const shape = (cs: readonly Partial<Criterion>[]) =>
      cs.map((c) => [c.code, c.parentCode, c.maxPoints, c.method, c.evidenceRequired, c.allowNotApplicable]);
    expect(shape(view.criteria)).toEqual(shape(CRITERIA));
    // the copy is its own tree: editing it leaves last year's alone
    const edited = view.criteria.map((c: { code: string }) => (c.code === '1.1' ? { ...c, name: 'Đã sửa' } : c));
    const p = await coord.request('PATCH', url(`/frameworks/${copy.body.id}`), {
      version: view.version,
      criteria: edited,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const last = (await coord.get(url(`/frameworks/${framework2023}`))).body;
    expect(last.criteria.find((c: { code: string }) => c.code === '1.1').name).toBe('Tiêu chí 1.1');
    // a code already used, a group outside the scope, a source outside the scope
    expect(
      (await coord.post(url(`/frameworks/${framework2023}/copy`), { groupId: g.body.id, code: 'T-GRP-2024' })).status,
    ).toBe(409);
    problem(
      await outsider.post(url(`/frameworks/${framework2023}/copy`), { groupId: g.body.id, code: 'T-X' }),
      404,
      'NOT_FOUND',
    );
  });

  it('freezes the members once a cycle opens; names may still change', async () => {
    const g = await newGroup(coord, 2025, [{ unitCode: 'HN-BTL-PB-QLDT' }]);
    const copy = await coord.post(url(`/frameworks/${framework2023}/copy`), { groupId: g.body.id, code: 'T-GRP-2025' });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    const c = await coord.post(url('/cycles'), {
      frameworkId: copy.body.id,
      name: 'Kỳ 2025',
      deadline: '2099-12-31',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const cur = (await coord.get(url(`/groups/${g.body.id}`))).body;
    expect(cur.frozen).toBe(true);
    const base = { version: cur.version, name: 'Tên mới 2025', labelVi: cur.labelVi };
    problem(
      await coord.request('PATCH', url(`/groups/${g.body.id}`), {
        ...base,
        units: [{ unitCode: 'HN-BTL-PB-QLDT' }, { unitCode: 'HN-BTL-PB-NV' }],
      }),
      409,
      'RI_GROUP_FROZEN',
    );
    const ok = await coord.request('PATCH', url(`/groups/${g.body.id}`), {
      ...base,
      units: [{ unitCode: 'HN-BTL-PB-QLDT' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.name).toBe('Tên mới 2025');
  });
});
