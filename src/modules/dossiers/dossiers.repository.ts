import { and, asc, desc, eq, ilike, inArray, isNull, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { units } from '../org/org.table.ts';
import { dossierCounters, dossierEvents, dossierFiles, dossierOutbox, dossiers } from './dossiers.table.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type DossierInsert = typeof dossiers.$inferInsert;
export type EventRow = typeof dossierEvents.$inferSelect;
export type FileRow = typeof dossierFiles.$inferSelect;

/**
 * Takes the next `count` numbers of the unit's daily sequence and returns the last one. The upsert
 * locks the counter row (as SELECT … FOR UPDATE would) until the transaction ends, so concurrent
 * intakes queue here and a rolled-back intake gives its numbers back: codes stay unique and gap-free.
 */
export async function nextSequence(tx: DbOrTx, unitId: string, day: string, count = 1): Promise<number> {
  const [r] = await tx
    .insert(dossierCounters)
    .values({ unitId, day, last: count })
    .onConflictDoUpdate({
      target: [dossierCounters.unitId, dossierCounters.day],
      set: { last: sql`${dossierCounters.last} + ${count}` },
    })
    .returning({ last: dossierCounters.last });
  return r!.last;
}

export async function insertDossier(tx: DbOrTx, v: DossierInsert) {
  const [row] = await tx.insert(dossiers).values(v).returning();
  return row!;
}

export async function getDossier(db: DbOrTx, id: string) {
  const [d] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return d;
}

export async function getDossierByCode(db: DbOrTx, code: string) {
  const [d] = await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  return d;
}

export async function getByIdempotencyKey(db: DbOrTx, userId: string, key: string) {
  const [d] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.createdBy, userId), eq(dossiers.idempotencyKey, key)))
    .limit(1);
  return d;
}

/** Updates if the version still matches; undefined when someone else acted first. */
export async function updateDossier(tx: DbOrTx, id: string, version: number, set: Partial<DossierInsert>) {
  const [row] = await tx
    .update(dossiers)
    .set({ ...set, version: sql`${dossiers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, version)))
    .returning();
  return row;
}

export async function insertEvent(tx: DbOrTx, v: typeof dossierEvents.$inferInsert) {
  const [row] = await tx.insert(dossierEvents).values(v).returning({ id: dossierEvents.id });
  return row!.id;
}

export async function events(db: DbOrTx, dossierId: string) {
  return db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
}

export async function insertOutbox(tx: DbOrTx, rows: (typeof dossierOutbox.$inferInsert)[]) {
  if (rows.length) await tx.insert(dossierOutbox).values(rows).onConflictDoNothing();
}

export async function insertFiles(tx: DbOrTx, rows: (typeof dossierFiles.$inferInsert)[]) {
  if (rows.length) await tx.insert(dossierFiles).values(rows);
}

export async function files(db: DbOrTx, dossierId: string) {
  return db
    .select()
    .from(dossierFiles)
    .where(eq(dossierFiles.dossierId, dossierId))
    .orderBy(asc(dossierFiles.uploadedAt));
}

export async function getFile(db: DbOrTx, dossierId: string, fileId: string) {
  const [f] = await db
    .select()
    .from(dossierFiles)
    .where(and(eq(dossierFiles.dossierId, dossierId), eq(dossierFiles.id, fileId)))
    .limit(1);
  return f;
}

/** Dossiers that have been at a unit inside one of the roots. */
export function inScope(roots: string[]): SQL {
  if (!roots.length) return sql`false`;
  return sql`exists (select 1 from unnest(${dossiers.unitPaths}) p where ${or(...roots.map((r) => sql`p like ${`${r}%`}`))})`;
}

const OPEN_STATUSES = ['submitted', 'received', 'processing', 'supplement_requested', 'resolved'];

/** Open dossiers (clock running) whose step or promised due date lies between `today` and `horizon`. */
export function nearDueCondition(today: string, horizon: string): SQL {
  return and(
    isNull(dossiers.finishedAt),
    ne(dossiers.status, 'supplement_requested'),
    or(
      sql`${dossiers.dueDate} between ${today} and ${horizon}`,
      sql`${dossiers.stepDueDate} between ${today} and ${horizon}`,
    ),
  )!;
}

export async function listDossiers(
  db: DbOrTx,
  f: {
    roots?: string[];
    holderRoots?: string[];
    applicantUserId?: string;
    status?: string;
    procedureId?: string;
    q?: string;
    overdueOn?: string;
    /** open dossiers with a deadline between today and the horizon (sắp đến hạn) */
    nearDue?: { today: string; horizon: string };
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [];
  if (f.applicantUserId) conds.push(eq(dossiers.applicantUserId, f.applicantUserId));
  if (f.roots) conds.push(inScope(f.roots));
  if (f.holderRoots) {
    conds.push(
      f.holderRoots.length
        ? or(...f.holderRoots.map((r) => sql`${dossiers.holderUnitPath} like ${`${r}%`}`))!
        : sql`false`,
    );
    conds.push(inArray(dossiers.status, OPEN_STATUSES));
  }
  if (f.status) conds.push(eq(dossiers.status, f.status));
  if (f.procedureId) conds.push(eq(dossiers.procedureId, f.procedureId));
  if (f.q) conds.push(or(ilike(dossiers.code, `%${f.q}%`), ilike(dossiers.applicantName, `%${f.q}%`))!);
  if (f.overdueOn)
    conds.push(
      isNull(dossiers.finishedAt),
      sql`${dossiers.dueDate} < ${f.overdueOn}`,
      notInArray(dossiers.status, ['supplement_requested']),
    );
  if (f.nearDue) conds.push(nearDueCondition(f.nearDue.today, f.nearDue.horizon));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dossiers)
      .where(where)
      .orderBy(sql`${dossiers.dueDate} asc nulls first`, desc(dossiers.submittedAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function unitsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
}

/** A child unit of `parentId` whose code ends with `-<suffix>` (e.g. the district's Phòng QLĐT). */
export async function childBySuffix(db: DbOrTx, parentId: string, suffix: string) {
  const [u] = await db
    .select()
    .from(units)
    .where(and(eq(units.parentId, parentId), sql`${units.code} like ${`%-${suffix}`}`, isNull(units.validTo)))
    .limit(1);
  return u;
}

/** One history line of the public lookup (no names, notes or files). */
export interface PublicEvent {
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  stepName: string | null;
  unitName: string | null;
  dueDate: string | null;
}

/** ISO 8601 in UTC with milliseconds, as Date.toISOString() writes it. */
const isoUtc = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const lookupQueries = new WeakMap<DbOrTx, ReturnType<typeof buildLookup>>();
function buildLookup(db: DbOrTx) {
  return db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureId: dossiers.procedureId,
      receivingUnitId: dossiers.receivingUnitId,
      applicantPhone: dossiers.applicantPhone,
      status: dossiers.status,
      outcome: dossiers.outcome,
      feePaidAt: dossiers.feePaidAt,
      submittedAt: dossiers.submittedAt,
      receivedAt: dossiers.receivedAt,
      dueDate: dossiers.dueDate,
      finishedAt: dossiers.finishedAt,
      returnedAt: dossiers.returnedAt,
      rating: dossiers.rating,
      history: sql<PublicEvent[]>`coalesce((select json_agg(json_build_object('at', ${isoUtc('e.at')},
        'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'stepName', e.step_name,
        'unitName', e.unit_name, 'dueDate', e.due_date) order by e.at, e.id)
        from dossier_events e where e.dossier_id = "dossiers"."id"), '[]'::json)`,
    })
    .from(dossiers)
    .where(eq(dossiers.code, sql.placeholder('code')))
    .limit(1)
    .prepare('dossier_public_lookup');
}

/**
 * The public lookup in one round trip: the dossier's public facts and its status history by code
 * (unique index), as a prepared statement (parsed and planned once per connection).
 */
export async function publicLookupRow(db: DbOrTx, code: string) {
  let q = lookupQueries.get(db);
  if (!q) {
    q = buildLookup(db);
    lookupQueries.set(db, q);
  }
  const [row] = await q.execute({ code });
  return row;
}
