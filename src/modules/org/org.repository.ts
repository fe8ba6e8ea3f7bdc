import { and, asc, eq, ilike, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { roleGrants, units, users } from './org.table.ts';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** Subtree filter: units whose path starts with one of the roots. */
export function inSubtrees(roots: string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => like(units.path, `${r}%`)))!;
}

export async function listUnits(
  db: DbOrTx,
  f: { roots: string[]; includeClosed?: boolean; at?: string; q?: string; kind?: string; block?: string },
) {
  const conds: SQL[] = [inSubtrees(f.roots)];
  if (!f.includeClosed) {
    const at = f.at ?? new Date().toISOString().slice(0, 10);
    conds.push(sql`${units.validFrom} <= ${at}`, or(isNull(units.validTo), sql`${units.validTo} > ${at}`)!);
  }
  if (f.q)
    conds.push(or(ilike(units.name, `%${f.q}%`), ilike(units.code, `%${f.q}%`), ilike(units.shortName, `%${f.q}%`))!);
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.block) conds.push(eq(units.block, f.block));
  return db
    .select()
    .from(units)
    .where(and(...conds))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name));
}

export async function getUnit(db: DbOrTx, id: string) {
  const [u] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return u;
}

export async function getUnitByCode(db: DbOrTx, code: string) {
  const [u] = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return u;
}

export async function allUnits(db: DbOrTx) {
  return db.select().from(units).orderBy(asc(units.depth), asc(units.sortOrder), asc(units.code));
}

export async function insertUnit(
  db: DbOrTx,
  v: Omit<typeof units.$inferInsert, 'path' | 'depth'> & { id: string },
  parent: UnitRow | undefined,
) {
  const path = `${parent?.path ?? '/'}${v.id}/`;
  const [row] = await db
    .insert(units)
    .values({ ...v, path, depth: (parent?.depth ?? -1) + 1 })
    .returning();
  return row!;
}

/** Updates a unit if its version still matches; undefined when someone else changed it first. */
export async function updateUnit(db: DbOrTx, id: string, version: number, set: Partial<typeof units.$inferInsert>) {
  const [row] = await db
    .update(units)
    .set({ ...set, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning();
  return row;
}

/** Rewrites the paths of a moved subtree. */
export async function movePaths(db: DbOrTx, oldPath: string, newPath: string, depthDelta: number) {
  await db
    .update(units)
    .set({
      path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})`,
      depth: sql`${units.depth} + ${depthDelta}`,
    })
    .where(like(units.path, `${oldPath}%`));
}

export async function countOpenChildren(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), isNull(units.validTo)));
  return r?.n ?? 0;
}

export async function unitsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(units).where(inArray(units.id, ids));
}

// ── people ──────────────────────────────────────────────────────────────────

export async function listUsers(
  db: DbOrTx,
  f: { roots: string[]; q?: string; unitId?: string; role?: string; limit: number; offset: number },
) {
  // A person is in scope when their unit, or the unit of one of their grants, is in the subtrees.
  const conds: SQL[] = [
    or(
      sql`${users.unitId} in (select ${units.id} from ${units} where ${inSubtrees(f.roots)})`,
      sql`${users.id} in (select ${roleGrants.userId} from ${roleGrants} join ${units} on ${units.id} = ${roleGrants.unitId} where ${inSubtrees(f.roots)})`,
    )!,
  ];
  if (f.q)
    conds.push(or(ilike(users.fullName, `%${f.q}%`), ilike(users.email, `%${f.q}%`), ilike(users.phone, `%${f.q}%`))!);
  if (f.unitId) conds.push(eq(users.unitId, f.unitId));
  if (f.role)
    conds.push(
      sql`${users.id} in (select ${roleGrants.userId} from ${roleGrants} where ${roleGrants.role} = ${f.role})`,
    );
  return db
    .select()
    .from(users)
    .where(and(...conds))
    .orderBy(asc(users.fullName))
    .limit(f.limit)
    .offset(f.offset);
}

export async function getUser(db: DbOrTx, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

export async function grantsWithUnits(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      unitId: roleGrants.unitId,
      unitCode: units.code,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds));
}

export async function insertUser(db: DbOrTx, v: typeof users.$inferInsert) {
  const [u] = await db.insert(users).values(v).returning();
  return u!;
}

export async function updateUser(db: DbOrTx, id: string, version: number, set: Partial<typeof users.$inferInsert>) {
  const [row] = await db
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

export async function insertGrant(db: DbOrTx, v: typeof roleGrants.$inferInsert) {
  const [g] = await db.insert(roleGrants).values(v).onConflictDoNothing().returning();
  return g;
}

export async function deleteGrant(db: DbOrTx, userId: string, grantId: string) {
  const [g] = await db
    .delete(roleGrants)
    .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)))
    .returning();
  return g;
}
