import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { roleGrants, units, users } from '../../modules/org/org.table.ts';
import type { Grant, Role } from './actor.ts';
import { apiTokens, loginFailures, sessions } from './auth.table.ts';

export async function findUserByLogin(db: DbOrTx, login: string) {
  const isEmail = login.includes('@');
  const [u] = await db
    .select()
    .from(users)
    .where(isEmail ? sql`lower(${users.email}) = ${login.toLowerCase()}` : eq(users.phone, login))
    .limit(1);
  return u;
}

export async function grantsOf(db: DbOrTx, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: units.path })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, userId));
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unitId, unitPath: r.unitPath ?? null }));
}

export async function insertSession(db: DbOrTx, v: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(v).returning();
  return row!;
}

export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}

export async function findLiveToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row;
}

export async function insertToken(db: DbOrTx, v: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(v).returning();
  return row!;
}

export async function listTokens(db: DbOrTx, userId: string) {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);
}

export async function revokeToken(db: DbOrTx, id: string, userId: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** Failed attempts for a key inside the window starting at `since` (older windows count as zero). */
export async function failureCount(db: DbOrTx, key: string, since: Date): Promise<number> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.key, key)).limit(1);
  return row && row.windowStart > since ? row.count : 0;
}

export async function recordFailure(db: DbOrTx, key: string, now: Date, since: Date) {
  await db
    .insert(loginFailures)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginFailures.key,
      set: {
        count: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.count} + 1 else 1 end`,
        windowStart: sql`case when ${loginFailures.windowStart} > ${since} then ${loginFailures.windowStart} else ${now} end`,
      },
    });
}

export async function clearFailures(db: DbOrTx, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
