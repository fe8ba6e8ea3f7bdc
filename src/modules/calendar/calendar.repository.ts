import { and, asc, eq, sql } from 'drizzle-orm';
import type { YearSchedule } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { calendarDays, calendarYears } from './calendar.table.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

export interface StoredYear extends CalendarYearRow {
  days: (typeof calendarDays.$inferSelect)[];
}

/** Every edited year with its days. */
export async function listYears(db: DbOrTx): Promise<StoredYear[]> {
  const years = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const days = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return years.map((y) => ({ ...y, days: days.filter((d) => d.year === y.year) }));
}

export async function getYear(db: DbOrTx, year: number): Promise<StoredYear | undefined> {
  const [y] = await db.select().from(calendarYears).where(eq(calendarYears.year, year)).limit(1);
  if (!y) return undefined;
  const days = await db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date));
  return { ...y, days };
}

/** Cheap change detector for the in-memory calendar of other processes. */
export async function fingerprint(db: DbOrTx): Promise<string> {
  const [r] = await db
    .select({
      n: sql<number>`count(*)::int`,
      v: sql<number>`coalesce(sum(${calendarYears.version}), 0)::int`,
      at: sql<string>`coalesce(max(${calendarYears.updatedAt})::text, '')`,
    })
    .from(calendarYears);
  return `${r?.n}:${r?.v}:${r?.at}`;
}

function dayRows(year: number, s: YearSchedule) {
  return [
    ...s.daysOff.map((d) => ({ date: d.date, year, kind: d.kind as string, name: d.name })),
    ...s.workingSaturdays.map((w) => ({ date: w.date, year, kind: 'working_saturday', name: w.name })),
  ];
}

/** Inserts a year (version 1); undefined if it exists already. */
export async function insertYear(tx: DbOrTx, year: number, s: YearSchedule, by: string | null, now: Date) {
  const [row] = await tx
    .insert(calendarYears)
    .values({ year, sources: [...s.sources], updatedBy: by, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return undefined;
  const days = dayRows(year, s);
  if (days.length) await tx.insert(calendarDays).values(days);
  return row;
}

/** Replaces a year if its version still matches; undefined when someone else changed it first. */
export async function replaceYear(
  tx: DbOrTx,
  year: number,
  version: number,
  s: YearSchedule,
  by: string | null,
  now: Date,
) {
  const [row] = await tx
    .update(calendarYears)
    .set({ sources: [...s.sources], version: sql`${calendarYears.version} + 1`, updatedBy: by, updatedAt: now })
    .where(and(eq(calendarYears.year, year), eq(calendarYears.version, version)))
    .returning();
  if (!row) return undefined;
  await tx.delete(calendarDays).where(eq(calendarDays.year, year));
  const days = dayRows(year, s);
  if (days.length) await tx.insert(calendarDays).values(days);
  return row;
}

/** Deletes a year if its version still matches; false otherwise. */
export async function deleteYear(tx: DbOrTx, year: number, version: number): Promise<boolean> {
  const rows = await tx
    .delete(calendarYears)
    .where(and(eq(calendarYears.year, year), eq(calendarYears.version, version)))
    .returning({ year: calendarYears.year });
  if (!rows.length) return false;
  await tx.delete(calendarDays).where(eq(calendarDays.year, year));
  return true;
}
