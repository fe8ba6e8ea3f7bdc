/**
 * Editing a peer group (nhóm xếp hạng): its names, labels and member units with their blocks
 * (khối, for block averages). Code, year and owner unit never change (last year's group is the
 * one with the same code). Members are frozen once a cycle of one of the group's frameworks is
 * open: the cycle made one assessment per member. The group table has no version column, so the
 * version is a digest of what an edit may change; an edit based on another version is a 409.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { getUnit, getUnitByCode } from '../org/org.repository.ts';
import './reform-index.errors.ts';
import * as policy from './reform-index.policy.ts';
import * as repo from './reform-index.repository.ts';
import type { PeerGroupUpdateInput } from './reform-index.schemas.ts';
import type { Signed } from './reform-index.service.ts';
import { manageableGroup } from './reform-index.service.ts';
import { riCycles, riFrameworks, riPeerGroups, riPeerGroupUnits } from './reform-index.table.ts';

async function hasCycle(db: DbOrTx, groupId: string) {
  const [row] = await db
    .select({ id: riCycles.id })
    .from(riCycles)
    .innerJoin(riFrameworks, eq(riFrameworks.id, riCycles.frameworkId))
    .where(eq(riFrameworks.groupId, groupId))
    .limit(1);
  return !!row;
}

async function view(db: DbOrTx, groupId: string) {
  const group = await repo.getGroup(db, groupId);
  if (!group) throw new AppError('NOT_FOUND', { what: 'peer group' });
  const owner = await getUnit(db, group.ownerUnitId);
  const members = (await repo.groupMembers(db, groupId)).map((m) => ({
    unitCode: m.code,
    unitName: m.name,
    block: m.block || null,
  }));
  const editable = { name: group.name, nameEn: group.nameEn, labelVi: group.labelVi, labelEn: group.labelEn };
  const version = createHash('sha1')
    .update(JSON.stringify([editable, members.map((m) => [m.unitCode, m.block])]))
    .digest('hex')
    .slice(0, 16);
  return {
    id: group.id,
    code: group.code,
    year: group.year,
    ...editable,
    ownerUnitCode: owner?.code ?? '',
    units: members,
    frozen: await hasCycle(db, groupId),
    version,
  };
}

/** A group with its members; 404 outside the actor's scope. */
export async function getGroupView(db: Db, ctx: Signed, groupId: string) {
  const g = await repo.getGroup(db, groupId);
  const owner = g ? await getUnit(db, g.ownerUnitId) : undefined;
  if (!g || !owner || !policy.canReadGroup(ctx.actor, owner.path))
    throw new AppError('NOT_FOUND', { what: 'peer group' });
  return view(db, groupId);
}

/** Replaces names, labels and members (in the given order) in one transaction, with its audit entry. */
export async function updateGroup(db: Db, ctx: Signed, groupId: string, b: PeerGroupUpdateInput) {
  const { group, ownerPath } = await manageableGroup(db, ctx.actor, groupId);
  return db.transaction(async (tx) => {
    const before = await view(tx, groupId);
    if (before.version !== b.version) throw new AppError('VERSION_CONFLICT', {}, { current: before });
    const sameMembers =
      before.units.length === b.units.length &&
      before.units.every((m, i) => m.unitCode === b.units[i]!.unitCode && m.block === (b.units[i]!.block || null));
    if (!sameMembers && before.frozen) throw new AppError('RI_GROUP_FROZEN', { code: group.code });
    const seen = new Set<string>();
    const members: (typeof riPeerGroupUnits.$inferInsert)[] = [];
    for (const [i, m] of b.units.entries()) {
      if (seen.has(m.unitCode)) throw new AppError('BAD_REQUEST', { detail: `unit ${m.unitCode} is listed twice` });
      seen.add(m.unitCode);
      const u = await getUnitByCode(tx, m.unitCode);
      if (!u?.path.startsWith(ownerPath))
        throw new AppError('BAD_REQUEST', { detail: `unit ${m.unitCode} is not under ${before.ownerUnitCode}` });
      members.push({ groupId, unitId: u.id, block: m.block || null, sortOrder: i });
    }
    await tx
      .update(riPeerGroups)
      .set({ name: b.name, nameEn: b.nameEn ?? null, labelVi: b.labelVi, labelEn: b.labelEn ?? null })
      .where(eq(riPeerGroups.id, groupId));
    if (!sameMembers) {
      await tx.delete(riPeerGroupUnits).where(eq(riPeerGroupUnits.groupId, groupId));
      await repo.insertGroupUnits(tx, members);
    }
    const after = await view(tx, groupId);
    await audit(tx, ctx, {
      action: 'ri.group.update',
      targetType: 'ri_peer_group',
      targetId: groupId,
      unitId: group.ownerUnitId,
      before,
      after,
    });
    return after;
  });
}
