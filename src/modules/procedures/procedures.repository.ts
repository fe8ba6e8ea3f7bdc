import { and, asc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { procedures } from './procedures.table.ts';

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureInsert = typeof procedures.$inferInsert;

export async function listProcedures(db: DbOrTx, f: { q?: string; level?: string; field?: string; at?: string }) {
  const conds: SQL[] = [];
  if (f.at)
    conds.push(
      sql`${procedures.validFrom} <= ${f.at}`,
      or(isNull(procedures.validTo), sql`${procedures.validTo} > ${f.at}`)!,
    );
  if (f.q) conds.push(or(ilike(procedures.name, `%${f.q}%`), ilike(procedures.code, `%${f.q}%`))!);
  if (f.level) conds.push(eq(procedures.level, f.level));
  if (f.field) conds.push(eq(procedures.field, f.field));
  return db
    .select()
    .from(procedures)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(procedures.level), asc(procedures.field), asc(procedures.name));
}

export async function getProcedure(db: DbOrTx, id: string) {
  const [p] = await db.select().from(procedures).where(eq(procedures.id, id)).limit(1);
  return p;
}

export async function getProcedureByCode(db: DbOrTx, code: string) {
  const [p] = await db.select().from(procedures).where(eq(procedures.code, code)).limit(1);
  return p;
}

export async function insertProcedure(db: DbOrTx, v: ProcedureInsert) {
  const [row] = await db.insert(procedures).values(v).returning();
  return row!;
}

export async function updateProcedure(db: DbOrTx, id: string, version: number, set: Partial<ProcedureInsert>) {
  const [row] = await db
    .update(procedures)
    .set({ ...set, version: sql`${procedures.version} + 1`, updatedAt: new Date() })
    .where(and(eq(procedures.id, id), eq(procedures.version, version)))
    .returning();
  return row;
}
