import './org.errors.ts';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Actor, isRootAdmin, type RequestContext, type Role } from '../../platform/auth/actor.ts';
import { normalisePhone } from '../../platform/auth/auth.service.ts';
import { hashPassword, passwordProblem } from '../../platform/auth/password.ts';
import * as policy from './org.policy.ts';
import * as repo from './org.repository.ts';
import type { MeView, UnitView, UserView } from './org.schemas.ts';

type Signed = RequestContext & { actor: Actor };

export function unitView(u: repo.UnitRow): UnitView {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    shortName: u.shortName,
    kind: u.kind,
    block: u.block,
    parentId: u.parentId,
    depth: u.depth,
    agencyCode: u.agencyCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: u.successorId,
    version: u.version,
  };
}

/** A unit the actor may read, else NOT_FOUND — foreign records are indistinguishable from missing ones. */
export async function readableUnit(db: Db, actor: Actor, id: string) {
  const u = await repo.getUnit(db, id);
  if (!u || !policy.canReadUnit(actor, u.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
  return u;
}

export type UnitListQuery = { includeClosed?: boolean; at?: string; q?: string; kind?: string; block?: string };

export async function listUnits(db: Db, ctx: Signed, q: UnitListQuery) {
  const rows = await repo.listUnits(db, { roots: policy.unitScope(ctx.actor), ...q });
  return rows.map(unitView);
}

/**
 * The unit list is read on almost every screen and changes rarely: the serialised answer is kept
 * for one second per scope and query. Writes in this process clear it at once; another instance
 * sees a change within that second.
 */
const unitListCache = new Map<string, { until: number; json: string }>();
const UNIT_LIST_TTL_MS = 1000;

export function forgetUnitLists() {
  unitListCache.clear();
}

/** listUnits, serialised to JSON (the same document as the route's response schema). */
export async function listUnitsJson(db: Db, ctx: Signed, q: UnitListQuery): Promise<string> {
  const key = JSON.stringify([policy.unitScope(ctx.actor), q, ctx.now.toISOString().slice(0, 10)]);
  const hit = unitListCache.get(key);
  const now = Date.now();
  if (hit && hit.until > now) return hit.json;
  const json = JSON.stringify(await listUnits(db, ctx, q));
  if (unitListCache.size > 1000) unitListCache.clear();
  unitListCache.set(key, { until: now + UNIT_LIST_TTL_MS, json });
  return json;
}

export async function createUnit(
  db: Db,
  ctx: Signed,
  b: {
    code: string;
    name: string;
    nameEn?: string;
    shortName: string;
    kind: string;
    block?: string | null;
    parentId: string | null;
    agencyCode?: string;
    validFrom?: string;
    sortOrder?: number;
  },
) {
  return db
    .transaction(async (tx) => {
      const parent = b.parentId ? await repo.getUnit(tx, b.parentId) : undefined;
      if (b.parentId && (!parent || !policy.canReadUnit(ctx.actor, parent.path)))
        throw new AppError('NOT_FOUND', { what: 'parent unit' });
      // A new root can only be created by an administrator of an existing root (or on an empty tree via the CLI).
      if (parent ? !policy.canManageUnit(ctx.actor, parent.path) : !isRootAdmin(ctx.actor)) {
        throw new AppError('FORBIDDEN');
      }
      if (parent?.validTo) throw new AppError('UNIT_CLOSED', { code: parent.code });
      if (await repo.getUnitByCode(tx, b.code)) throw new AppError('UNIT_CODE_TAKEN', { code: b.code });
      const row = await repo.insertUnit(
        tx,
        {
          id: randomUUID(),
          code: b.code,
          name: b.name.trim(),
          nameEn: b.nameEn ?? null,
          shortName: b.shortName.trim(),
          kind: b.kind,
          block: b.block ?? null,
          parentId: parent?.id ?? null,
          agencyCode: b.agencyCode ?? null,
          validFrom: b.validFrom ?? ctx.now.toISOString().slice(0, 10),
          sortOrder: b.sortOrder ?? 0,
        },
        parent,
      );
      await audit(tx, ctx, {
        action: 'unit.create',
        targetType: 'unit',
        targetId: row.id,
        unitId: row.id,
        after: unitView(row),
      });
      return unitView(row);
    })
    .finally(forgetUnitLists);
}

export async function updateUnit(
  db: Db,
  ctx: Signed,
  id: string,
  b: {
    version: number;
    name?: string;
    nameEn?: string | null;
    shortName?: string;
    kind?: string;
    block?: string | null;
    parentId?: string;
    agencyCode?: string | null;
    sortOrder?: number;
  },
) {
  return db
    .transaction(async (tx) => {
      const before = await repo.getUnit(tx, id);
      if (!before || !policy.canReadUnit(ctx.actor, before.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
      if (!policy.canManageUnit(ctx.actor, before.path)) throw new AppError('FORBIDDEN');
      if (before.validTo) throw new AppError('UNIT_CLOSED', { code: before.code });
      const { version, parentId, ...set } = b;
      let moveTo: repo.UnitRow | undefined;
      if (parentId && parentId !== before.parentId) {
        moveTo = await repo.getUnit(tx, parentId);
        if (!moveTo || !policy.canManageUnit(ctx.actor, moveTo.path))
          throw new AppError('UNIT_PARENT_INVALID', { detail: parentId });
        if (moveTo.path.startsWith(before.path))
          throw new AppError('UNIT_PARENT_INVALID', { detail: 'a unit cannot move under itself' });
      }
      const after = await repo.updateUnit(tx, id, version, { ...set, ...(moveTo ? { parentId: moveTo.id } : {}) });
      if (!after) throw new AppError('VERSION_CONFLICT', {}, { current: unitView(before) });
      if (moveTo) {
        await repo.movePaths(tx, before.path, `${moveTo.path}${before.id}/`, moveTo.depth + 1 - before.depth);
      }
      const fresh = (await repo.getUnit(tx, id))!;
      await audit(tx, ctx, {
        action: 'unit.update',
        targetType: 'unit',
        targetId: id,
        unitId: id,
        before: unitView(before),
        after: unitView(fresh),
      });
      return unitView(fresh);
    })
    .finally(forgetUnitLists);
}

/** Merge (successor given) or abolish a unit: it stays in the database with its history. */
export async function closeUnit(
  db: Db,
  ctx: Signed,
  id: string,
  b: { version: number; validTo: string; successorId?: string; reason: string },
) {
  return db
    .transaction(async (tx) => {
      const before = await repo.getUnit(tx, id);
      if (!before || !policy.canReadUnit(ctx.actor, before.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
      if (!policy.canManageUnit(ctx.actor, before.path)) throw new AppError('FORBIDDEN');
      if (before.validTo) throw new AppError('UNIT_CLOSED', { code: before.code });
      if (b.validTo <= before.validFrom)
        throw new AppError('BAD_REQUEST', { detail: 'validTo must be after validFrom' });
      const open = await repo.countOpenChildren(tx, id);
      if (open > 0) throw new AppError('UNIT_HAS_OPEN_CHILDREN', { count: open });
      if (b.successorId) {
        const succ = await repo.getUnit(tx, b.successorId);
        if (!succ || succ.id === id || succ.validTo || !policy.canReadUnit(ctx.actor, succ.path)) {
          throw new AppError('UNIT_PARENT_INVALID', { detail: 'successor' });
        }
      }
      const after = await repo.updateUnit(tx, id, b.version, {
        validTo: b.validTo,
        successorId: b.successorId ?? null,
      });
      if (!after) throw new AppError('VERSION_CONFLICT', {}, { current: unitView(before) });
      await audit(tx, ctx, {
        action: b.successorId ? 'unit.merge' : 'unit.abolish',
        targetType: 'unit',
        targetId: id,
        unitId: id,
        before: unitView(before),
        after: { ...unitView(after), reason: b.reason },
      });
      return unitView(after);
    })
    .finally(forgetUnitLists);
}

// ── people ──────────────────────────────────────────────────────────────────

async function usersView(db: Db, rows: repo.UserRow[], actor: Actor): Promise<UserView[]> {
  const grants = await repo.grantsWithUnits(
    db,
    rows.map((r) => r.id),
  );
  const unitRows = await repo.unitsByIds(db, [...new Set(rows.map((r) => r.unitId).filter((x): x is string => !!x))]);
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  return rows.map((u) => ({
    id: u.id,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    unitId: u.unitId,
    unitName: u.unitId ? (unitName.get(u.unitId) ?? null) : null,
    title: u.title,
    active: u.active,
    version: u.version,
    // grants on units outside the reader's scope are not shown
    grants: grants
      .filter((g) => g.userId === u.id && (g.unitPath === null || policy.canReadPeopleOf(actor, g.unitPath)))
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitCode: g.unitCode, unitName: g.unitName })),
  }));
}

export async function listUsers(
  db: Db,
  ctx: Signed,
  q: { q?: string; unitId?: string; role?: string; limit?: number; offset?: number },
) {
  const roots = policy.peopleScope(ctx.actor);
  if (!roots.length) throw new AppError('FORBIDDEN');
  const rows = await repo.listUsers(db, { roots, ...q, limit: q.limit ?? 100, offset: q.offset ?? 0 });
  return usersView(db, rows, ctx.actor);
}

async function readableUser(db: Db, actor: Actor, id: string) {
  const u = await repo.getUser(db, id);
  if (!u) throw new AppError('NOT_FOUND', { what: 'user' });
  const roots = policy.peopleScope(actor);
  const visible = roots.length > 0 && (await isUserInScope(db, u, roots));
  if (!visible) throw new AppError('NOT_FOUND', { what: 'user' });
  return u;
}

async function isUserInScope(db: Db, u: repo.UserRow, roots: string[]) {
  const unit = u.unitId ? await repo.getUnit(db, u.unitId) : undefined;
  if (unit && roots.some((r) => unit.path.startsWith(r))) return true;
  const grants = await repo.grantsWithUnits(db, [u.id]);
  return grants.some((g) => g.unitPath && roots.some((r) => g.unitPath!.startsWith(r)));
}

export async function getUser(db: Db, ctx: Signed, id: string) {
  const u = await readableUser(db, ctx.actor, id);
  return (await usersView(db, [u], ctx.actor))[0]!;
}

async function checkGrantable(db: Db, actor: Actor, role: Role, unitId: string | null) {
  if (role === 'citizen' && unitId) throw new AppError('CITIZEN_ROLE_NO_UNIT');
  if (role !== 'citizen' && !unitId) throw new AppError('ROLE_NEEDS_UNIT', { role });
  const unit = unitId ? await repo.getUnit(db, unitId) : undefined;
  if (unitId && (!unit || !policy.canReadUnit(actor, unit.path))) throw new AppError('NOT_FOUND', { what: 'unit' });
  if (!policy.canGrantRole(actor, role, unit?.path ?? null)) throw new AppError('FORBIDDEN');
}

export async function createUser(
  db: Db,
  ctx: Signed,
  b: {
    fullName: string;
    email?: string;
    phone?: string;
    password: string;
    unitId?: string;
    title?: string;
    grants: { role: Role; unitId: string | null }[];
  },
) {
  const email = b.email?.trim().toLowerCase() || null;
  const phone = b.phone ? normalisePhone(b.phone) : null;
  if (b.phone && !phone) throw new AppError('PHONE_INVALID');
  if (!email && !phone) throw new AppError('CONTACT_REQUIRED');
  const problem = passwordProblem(b.password);
  if (problem) throw new AppError(problem);
  if (b.unitId) {
    const unit = await repo.getUnit(db, b.unitId);
    if (!unit || !policy.canManagePeopleOf(ctx.actor, unit.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
  } else if (!b.grants.length || b.grants.some((g) => g.role !== 'citizen')) {
    // staff must belong to a unit the administrator manages
    if (!b.grants.every((g) => g.role === 'citizen'))
      throw new AppError('ROLE_NEEDS_UNIT', { role: b.grants[0]?.role ?? '' });
  }
  for (const g of b.grants) await checkGrantable(db, ctx.actor, g.role, g.unitId);
  if (!b.unitId && !policy.peopleScope(ctx.actor).length) throw new AppError('FORBIDDEN');
  const passwordHash = await hashPassword(b.password);
  const id = await db.transaction(async (tx) => {
    const u = await repo.insertUser(tx, {
      fullName: b.fullName.trim(),
      email,
      phone,
      passwordHash,
      unitId: b.unitId ?? null,
      title: b.title ?? null,
    });
    for (const g of b.grants) await repo.insertGrant(tx, { userId: u.id, role: g.role, unitId: g.unitId });
    await audit(tx, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: u.id,
      unitId: u.unitId,
      after: { fullName: u.fullName, email, phone, unitId: u.unitId, grants: b.grants },
    });
    return u.id;
  });
  return getUser(db, ctx, id);
}

export async function updateUser(
  db: Db,
  ctx: Signed,
  id: string,
  b: { version: number; fullName?: string; title?: string | null; unitId?: string | null; active?: boolean },
) {
  const before = await readableUser(db, ctx.actor, id);
  const beforeUnit = before.unitId ? await repo.getUnit(db, before.unitId) : undefined;
  if (
    beforeUnit
      ? !policy.canManagePeopleOf(ctx.actor, beforeUnit.path)
      : !policy.peopleScope(ctx.actor).length || !ctx.actor.grants.some((g) => g.role === 'admin')
  ) {
    throw new AppError('FORBIDDEN');
  }
  if (b.unitId) {
    const unit = await repo.getUnit(db, b.unitId);
    if (!unit || !policy.canManagePeopleOf(ctx.actor, unit.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
  }
  const { version, ...set } = b;
  await db.transaction(async (tx) => {
    const after = await repo.updateUser(tx, id, version, set);
    if (!after) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      unitId: after.unitId,
      before: { fullName: before.fullName, title: before.title, unitId: before.unitId, active: before.active },
      after: { fullName: after.fullName, title: after.title, unitId: after.unitId, active: after.active },
    });
  });
  return getUser(db, ctx, id);
}

export async function addGrant(db: Db, ctx: Signed, userId: string, g: { role: Role; unitId: string | null }) {
  const user = await readableUser(db, ctx.actor, userId);
  await checkGrantable(db, ctx.actor, g.role, g.unitId);
  await db.transaction(async (tx) => {
    const row = await repo.insertGrant(tx, { userId: user.id, role: g.role, unitId: g.unitId });
    if (!row) throw new AppError('CONFLICT', { detail: 'role already granted' });
    await audit(tx, ctx, { action: 'user.grant', targetType: 'user', targetId: user.id, unitId: g.unitId, after: g });
  });
  return getUser(db, ctx, userId);
}

export async function removeGrant(db: Db, ctx: Signed, userId: string, grantId: string) {
  const user = await readableUser(db, ctx.actor, userId);
  const grant = (await repo.grantsWithUnits(db, [user.id])).find((g) => g.id === grantId);
  if (!grant) throw new AppError('NOT_FOUND', { what: 'grant' });
  if (!policy.canGrantRole(ctx.actor, grant.role as Role, grant.unitPath)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    await repo.deleteGrant(tx, user.id, grantId);
    await audit(tx, ctx, {
      action: 'user.revoke',
      targetType: 'user',
      targetId: user.id,
      unitId: grant.unitId,
      before: { role: grant.role, unitId: grant.unitId },
    });
  });
  return getUser(db, ctx, userId);
}

export async function resetPassword(db: Db, ctx: Signed, userId: string, password: string) {
  const user = await readableUser(db, ctx.actor, userId);
  const unit = user.unitId ? await repo.getUnit(db, user.unitId) : undefined;
  if (!(unit ? policy.canManagePeopleOf(ctx.actor, unit.path) : isRootAdmin(ctx.actor))) {
    throw new AppError('FORBIDDEN');
  }
  const problem = passwordProblem(password);
  if (problem) throw new AppError(problem);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, user.version, { passwordHash });
    await audit(tx, ctx, { action: 'user.reset_password', targetType: 'user', targetId: user.id, unitId: user.unitId });
  });
}

export async function getMe(db: Db, actor: Actor): Promise<MeView> {
  const user = (await repo.getUser(db, actor.userId))!;
  const unit = user.unitId ? await repo.getUnit(db, user.unitId) : undefined;
  const grants = await repo.grantsWithUnits(db, [user.id]);
  return {
    user: {
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      title: user.title,
      unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    },
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitCode: g.unitCode,
      unitName: g.unitName,
    })),
    csrfToken: actor.csrfToken ?? null,
  };
}
