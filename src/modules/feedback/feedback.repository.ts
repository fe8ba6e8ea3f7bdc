import { createHash } from 'node:crypto';
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  like,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { PgColumn, PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { units } from '../org/org.table.ts';
import { searchQuery, searchWords } from './domain/normalise.ts';
import {
  feedbackAttachments,
  feedbackCategories,
  feedbackEvents,
  feedbackItems,
  feedbackOpen311Keys,
  feedbackRoutingRules,
} from './feedback.table.ts';

export type ItemRow = typeof feedbackItems.$inferSelect;
export type CategoryRow = typeof feedbackCategories.$inferSelect;
export type RuleRow = typeof feedbackRoutingRules.$inferSelect;
export type EventRow = typeof feedbackEvents.$inferSelect;

export const listCategories = (db: DbOrTx) =>
  db.select().from(feedbackCategories).orderBy(asc(feedbackCategories.sortOrder), asc(feedbackCategories.code));

export async function getCategory(db: DbOrTx, code: string) {
  const [c] = await db.select().from(feedbackCategories).where(eq(feedbackCategories.code, code)).limit(1);
  return c;
}

/** Routing rules with the materialised path of their area unit (null = any area). */
export function listRules(db: DbOrTx) {
  return db
    .select({ rule: feedbackRoutingRules, areaPath: units.path })
    .from(feedbackRoutingRules)
    .leftJoin(units, eq(units.id, feedbackRoutingRules.areaUnitId))
    .orderBy(asc(feedbackRoutingRules.createdAt));
}

export async function getUnitRow(db: DbOrTx, id: string) {
  const [u] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return u;
}

export function unitsByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(units).where(inArray(units.id, ids)) : Promise.resolve([]);
}

/** Wards and communes (the places a citizen can pick), open today. */
export function listAreas(db: DbOrTx) {
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      shortName: units.shortName,
      parentId: units.parentId,
      path: units.path,
    })
    .from(units)
    .where(and(inArray(units.kind, ['ward', 'commune']), sql`${units.validTo} is null`))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

export async function getItem(db: DbOrTx, id: string) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id)).limit(1);
  return r;
}

export async function getItemByCode(db: DbOrTx, code: string) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.code, code)).limit(1);
  return r;
}

export async function getItemByIdempotencyKey(db: DbOrTx, key: string) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.idempotencyKey, key)).limit(1);
  return r;
}

export type NewItem = Omit<typeof feedbackItems.$inferInsert, 'code'>;

const itemColumns = getTableColumns(feedbackItems);

/** A returned row (column names, driver values) as the item Drizzle would have returned. */
function itemFromRaw(raw: Record<string, unknown>): ItemRow {
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(itemColumns)) {
    const v = raw[c.name];
    out[k] = v === null || v === undefined ? null : c.mapFromDriverValue(v);
  }
  return out as ItemRow;
}

type Row = Record<string, unknown>;
const present = (v: Row) => Object.keys(v).filter((k) => v[k] !== undefined);
const driverValue = (c: { mapToDriverValue(v: unknown): unknown }, v: unknown) =>
  v === null ? null : c.mapToDriverValue(v);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The text of the intake statement for a set of present columns, built once per set. */
const intakeTexts = new Map<string, { name: string; text: string }>();
function intakeText(itemKeys: string[], eventKeys: string[], auditKeys: string[], messages = 0) {
  const key = `${itemKeys}|${eventKeys}|${auditKeys}|${messages}`;
  let t = intakeTexts.get(key);
  if (t) return t;
  let n = 0;
  const p = () => `$${++n}`;
  const ic = itemColumns as Record<string, PgColumn>;
  const ec = getTableColumns(feedbackEvents) as Record<string, PgColumn>;
  const ac = getTableColumns(auditLog) as Record<string, PgColumn>;
  // `insert … select … from item`: written only when the item was (not on an idempotent replay)
  const fromItem = (
    table: string,
    cols: Record<string, PgColumn>,
    keys: string[],
    special: Record<string, () => string>,
  ) =>
    `insert into ${quote(table)} (${keys.map((k) => quote(cols[k]!.name)).join(', ')}) select ${keys
      .map((k) => special[k]?.() ?? `${p()}::${cols[k]!.getSQLType()}`)
      .join(', ')} from item`;
  const text = `with item as (
      insert into feedback_items (${itemKeys.map((k) => quote(ic[k]!.name)).join(', ')}, code)
      values (${itemKeys.map(() => p()).join(', ')}, ${p()} || lpad(nextval('feedback_code_seq')::text, 6, '0'))
      on conflict (idempotency_key) do nothing
      -- the columns by name, not *: a column added later must not change a prepared statement's result
      returning ${Object.values(itemColumns)
        .map((c) => quote(c.name))
        .join(', ')}
    ),
    ev as (${fromItem('feedback_events', ec, eventKeys, { itemId: () => 'item.id' })}),
    au as (${fromItem('audit_log', ac, auditKeys, {
      after: () => `${p()}::jsonb || jsonb_build_object('code', item.code)`,
    })})${
      // the acknowledgement to the citizen: subject and body are "<before> || code || <after>"
      messages
        ? `,
    ob as (insert into feedback_outbox (item_id, event_id, channel, recipient, subject, body)
      select item.id, ${p()}::uuid, x.c, x.r, x.sp || item.code || x.ss, x.bp || item.code || x.bs
      from item cross join (values ${Array.from(
        { length: messages },
        () => `(${p()}::text, ${p()}::text, ${p()}::text, ${p()}::text, ${p()}::text, ${p()}::text)`,
      ).join(', ')}) as x(c, r, sp, ss, bp, bs))`
        : ''
    }
    select item.*, coalesce((select json_agg(c) from (
        select f.id, f.code, f.title, f.status from feedback_items f
        where f.area_unit_id = item.area_unit_id and f.category_code = item.category_code
          and f.status not in ('rejected', 'sent', 'published') and f.duplicate_of_id is null
        order by f.received_at desc limit 50) c), '[]') as similar_candidates
    from item`;
  t = { name: `fb_intake_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text };
  intakeTexts.set(key, t);
  return t;
}

/** An outbox message written with the item: subject and body split around the item's code. */
export interface IntakeMessage {
  channel: string;
  recipient: string;
  subject: [string, string];
  body: [string, string];
}

export interface SimilarCandidate {
  id: string;
  code: string;
  title: string;
  status: string;
}

/**
 * Intake in one statement (so one round trip and one implicit transaction): allocates the code,
 * inserts the item, its `receive` event and its audit entry (whose `after` gets the new code), and
 * writes the citizen's acknowledgement to the outbox, and reads the open items of the same ward
 * and category (duplicate candidates, without their text, which the service mostly has compared
 * before; the statement's snapshot does not see the new item). Undefined when the idempotency key
 * is already taken (nothing is written then).
 * The text is built once and run as a named prepared statement (PostgreSQL plans it once per
 * connection); values are encoded by their Drizzle columns, and the row decoded the same way.
 */
export async function insertReceivedItem(
  db: DbOrTx,
  v: NewItem,
  year: number,
  event: Omit<typeof feedbackEvents.$inferInsert, 'itemId'>,
  auditRow: typeof auditLog.$inferInsert,
  ack: IntakeMessage[] = [],
): Promise<{ item: ItemRow; candidates: SimilarCandidate[] } | undefined> {
  const iv = v as Row;
  const ev = event as Row;
  const av = auditRow as Row;
  const itemKeys = present(iv).filter((k) => k in itemColumns);
  const ec = getTableColumns(feedbackEvents) as Record<string, PgColumn>;
  const ac = getTableColumns(auditLog) as Record<string, PgColumn>;
  const eventKeys = ['itemId', ...present(ev).filter((k) => k in ec && k !== 'itemId')];
  const auditKeys = present(av).filter((k) => k in ac);
  const { name, text } = intakeText(itemKeys, eventKeys, auditKeys, ack.length);
  const ic = itemColumns as Record<string, PgColumn>;
  const params: unknown[] = [
    ...itemKeys.map((k) => driverValue(ic[k]!, iv[k])),
    `PAKN-${year}-`,
    ...eventKeys.filter((k) => k !== 'itemId').map((k) => driverValue(ec[k]!, ev[k])),
    ...auditKeys.map((k) => driverValue(ac[k]!, av[k])),
    ...(ack.length ? [event.id, ...ack.flatMap((m) => [m.channel, m.recipient, ...m.subject, ...m.body])] : []),
  ];
  // params follow the placeholders' order: item values, code prefix, event values, audit values
  // (`after` is among the audit keys and numbered where it stands)
  const session = (db as unknown as { session: PgSession }).session;
  const r = await session.prepareQuery({ sql: text, params }, undefined, name, false).execute();
  const raw = rowsOf<Row>(r)[0];
  if (!raw) return undefined;
  const c = raw.similar_candidates;
  return { item: itemFromRaw(raw), candidates: (typeof c === 'string' ? JSON.parse(c) : c) as SimilarCandidate[] };
}

/** Updates an item if its version still matches; undefined when someone changed it first. */
export async function updateItem(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<typeof feedbackItems.$inferInsert>,
) {
  const [row] = await db
    .update(feedbackItems)
    .set({ ...set, version: sql`${feedbackItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(feedbackItems.id, id), eq(feedbackItems.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: DbOrTx, v: typeof feedbackEvents.$inferInsert) {
  await db.insert(feedbackEvents).values(v);
}

export const eventsOf = (db: DbOrTx, itemId: string) =>
  db
    .select()
    .from(feedbackEvents)
    .where(eq(feedbackEvents.itemId, itemId))
    .orderBy(asc(feedbackEvents.at), asc(feedbackEvents.action));

export async function insertAttachments(db: DbOrTx, rows: (typeof feedbackAttachments.$inferInsert)[]) {
  if (rows.length) await db.insert(feedbackAttachments).values(rows);
}

export const attachmentsOf = (db: DbOrTx, itemId: string) =>
  db
    .select({
      id: feedbackAttachments.id,
      filename: feedbackAttachments.filename,
      mime: feedbackAttachments.mime,
      size: feedbackAttachments.size,
    })
    .from(feedbackAttachments)
    .where(eq(feedbackAttachments.itemId, itemId));

export async function getAttachment(db: DbOrTx, itemId: string, id: string) {
  const [a] = await db
    .select()
    .from(feedbackAttachments)
    .where(and(eq(feedbackAttachments.itemId, itemId), eq(feedbackAttachments.id, id)))
    .limit(1);
  return a;
}

/** Open items of the same area and category (duplicate candidates), newest first. */
export function openInAreaCategory(db: DbOrTx, areaUnitId: string, categoryCode: string, exceptId?: string) {
  const conds: SQL[] = [
    eq(feedbackItems.areaUnitId, areaUnitId),
    eq(feedbackItems.categoryCode, categoryCode),
    // literal, as in the partial index of migration 0009 (so the planner can use it)
    sql`${feedbackItems.status} not in ('rejected', 'sent', 'published')`,
    sql`${feedbackItems.duplicateOfId} is null`,
  ];
  if (exceptId) conds.push(ne(feedbackItems.id, exceptId));
  return db
    .select({
      id: feedbackItems.id,
      code: feedbackItems.code,
      title: feedbackItems.title,
      content: feedbackItems.content,
      status: feedbackItems.status,
    })
    .from(feedbackItems)
    .where(and(...conds))
    .orderBy(desc(feedbackItems.receivedAt))
    .limit(50);
}

/** Titles and the first 600 characters of the texts of some items (duplicate candidates not yet compared). */
export function textsOf(db: DbOrTx, ids: string[]) {
  return db
    .select({
      id: feedbackItems.id,
      title: feedbackItems.title,
      content: sql<string>`left(${feedbackItems.content}, 600)`,
    })
    .from(feedbackItems)
    .where(inArray(feedbackItems.id, ids));
}

export const duplicatesOf = (db: DbOrTx, primaryId: string) =>
  db.select().from(feedbackItems).where(eq(feedbackItems.duplicateOfId, primaryId));

function subtree(roots: string[]): SQL {
  if (!roots.length) return sql`false`;
  return or(...roots.map((r) => like(feedbackItems.responsibleUnitPath, `${r}%`)))!;
}

/** Hà Nội day boundaries for 'YYYY-MM-DD' filters. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+07:00`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

export async function listInbox(
  db: DbOrTx,
  f: {
    roots: string[];
    statuses?: string[];
    categoryCode?: string;
    deadlineState?: string;
    channel?: string;
    q?: string;
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [subtree(f.roots)];
  if (f.statuses?.length) conds.push(inArray(feedbackItems.status, f.statuses));
  if (f.categoryCode) conds.push(eq(feedbackItems.categoryCode, f.categoryCode));
  if (f.deadlineState) conds.push(eq(feedbackItems.deadlineState, f.deadlineState));
  if (f.channel) conds.push(eq(feedbackItems.channel, f.channel));
  if (f.from) conds.push(gte(feedbackItems.receivedAt, dayStart(f.from)));
  if (f.to) conds.push(lt(feedbackItems.receivedAt, dayAfter(f.to)));
  const tsq = f.q ? searchQuery(f.q) : null;
  if (tsq) conds.push(sql`to_tsvector('simple', ${feedbackItems.searchText}) @@ to_tsquery('simple', ${tsq})`);
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(feedbackItems)
      .where(where)
      .orderBy(asc(feedbackItems.answerDue), desc(feedbackItems.receivedAt))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(feedbackItems).where(where),
  ]);
  return { total: count?.n ?? 0, rows };
}

/** Published items only; the caller removes personal data. */
/** Rows of a raw `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

/** How many of the latest published items (after the non-text filters) a text search scans first. */
/** (tests lower it to exercise the full-text path) */
export const SEARCH = { window: 5_000, sample: 1_000 };
/** Totals of searches are counted up to this many matches ("2 000+"). */
export const COUNT_CAP = 2_000;

/**
 * Published items only; the caller removes personal data. A text query first scans the latest
 * `SEARCH.window` published items of the filtered set (words matched as prefixes with LIKE on the
 * normalised column — cheap per row, and the scan stops once the page is full), which answers
 * common words at once; when that window holds too few matches, the GIN full-text index finds the
 * rarer ones. `total` is exact except for a common word over more than `SEARCH.window` items, where
 * it counts the matches among the latest `SEARCH.window` (a lower bound).
 */
export async function searchPublished(
  db: DbOrTx,
  f: {
    q?: string;
    areaUnitId?: string;
    categoryCode?: string;
    status?: string;
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [isNotNull(feedbackItems.publishedAt)];
  if (f.areaUnitId) conds.push(eq(feedbackItems.areaUnitId, f.areaUnitId));
  if (f.categoryCode) conds.push(eq(feedbackItems.categoryCode, f.categoryCode));
  if (f.status) conds.push(eq(feedbackItems.status, f.status));
  if (f.from) conds.push(gte(feedbackItems.receivedAt, dayStart(f.from)));
  if (f.to) conds.push(lt(feedbackItems.receivedAt, dayAfter(f.to)));
  // newest first; partial indexes (migration 0008) serve each filter in this order
  const order = [desc(feedbackItems.receivedAt), desc(feedbackItems.id)];
  const words = f.q ? searchWords(f.q) : [];
  if (!words.length) {
    const where = and(...conds);
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(feedbackItems)
        .where(where)
        .orderBy(...order)
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(sql`(select 1 from ${feedbackItems} where ${where} limit ${COUNT_CAP}) t`),
    ]);
    return { total: count?.n ?? 0, rows };
  }
  // 1. the latest window of the filtered set, matched with LIKE (its size and matches, and the
  // page: two statements at once, so both cores work on them)
  const text = sql`(' ' || ${feedbackItems.searchText})`;
  const window = db
    .select({ id: feedbackItems.id, receivedAt: feedbackItems.receivedAt, text: sql<string>`${text}`.as('text') })
    .from(feedbackItems)
    .where(and(...conds))
    .orderBy(...order)
    .limit(SEARCH.window)
    .as('w');
  const like = and(...words.map((w) => sql`${window.text} like ${`% ${w}%`}`))!;
  const [[stat], hits] = await Promise.all([
    db
      .select({ scanned: sql<number>`count(*)::int`, matched: sql<number>`(count(*) filter (where ${like}))::int` })
      .from(window),
    db
      .select({ id: window.id })
      .from(window)
      .where(like)
      .orderBy(desc(window.receivedAt), desc(window.id))
      .limit(f.limit)
      .offset(f.offset),
  ]);
  const scanned = stat?.scanned ?? 0;
  const matched = stat?.matched ?? 0;
  if (scanned < SEARCH.window || matched >= f.offset + f.limit)
    return {
      total: matched,
      rows: await itemsByIds(
        db,
        hits.map((h) => h.id),
      ),
    };
  // 2. a rarer word over a large set: the full-text index.
  // The index looks up only the uncommon longer words: a prefix found in many items costs the
  // index a large bitmap and filters little. How common each word is comes from a sample (the
  // newest `SEARCH.sample` items of the filtered set): words the sample never saw, else those in
  // at most half of it, else all; every word is then checked on the row. MATERIALIZED keeps the
  // planner on the full-text index (it would rather walk the date index, hoping for an early hit
  // that never comes).
  const strong = words.filter((w) => w.length >= 3);
  let pick = strong.length ? strong : words;
  if (pick.length > 1) {
    const perWord = sql.join(
      pick.map((w, i) => sql`(count(*) filter (where s.text like ${`% ${w}%`}))::int as ${sql.raw(`c${i}`)}`),
      sql`, `,
    );
    const sampled = await db.execute(sql`select count(*)::int as n, ${perWord} from (select ${text} as text
      from ${feedbackItems} where ${and(...conds)} order by ${feedbackItems.receivedAt} desc, ${feedbackItems.id} desc
      limit ${SEARCH.sample}) s`);
    const row = rowsOf<Record<string, number>>(sampled)[0] ?? {};
    const n = Number(row.n ?? 0);
    const count = (i: number) => Number(row[`c${i}`] ?? 0);
    const unseen = pick.filter((_, i) => count(i) === 0);
    const uncommon = pick.filter((_, i) => count(i) <= n / 2);
    pick = unseen.length ? unseen : uncommon.length ? uncommon : pick;
  }
  const tsq = pick.map((w) => `${w}:*`).join(' & ');
  const rest = and(...conds, ...words.map((w) => sql`${text} like ${`% ${w}%`}`));
  const r =
    await db.execute(sql`with m as materialized (select ${feedbackItems.id} as id, ${feedbackItems.receivedAt} as received_at from ${feedbackItems}
      where to_tsvector('simple', ${feedbackItems.searchText}) @@ to_tsquery('simple', ${tsq}) and ${rest})
    select (select count(*)::int from (select 1 from m limit ${COUNT_CAP}) t) as n,
      (select coalesce(json_agg(p.id), '[]') from (select id from m order by received_at desc, id desc
        limit ${f.limit} offset ${f.offset}) p) as ids`);
  const found = rowsOf<{ n: number; ids: string[] | string }>(r)[0]!;
  const ids = typeof found.ids === 'string' ? (JSON.parse(found.ids) as string[]) : found.ids;
  return { total: Number(found.n), rows: await itemsByIds(db, ids) };
}

/** Items by id, newest first. */
async function itemsByIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(feedbackItems)
    .where(inArray(feedbackItems.id, ids))
    .orderBy(desc(feedbackItems.receivedAt), desc(feedbackItems.id));
}

export async function open311KeyValid(db: DbOrTx, keyHash: string) {
  const [k] = await db
    .select({ id: feedbackOpen311Keys.id })
    .from(feedbackOpen311Keys)
    .where(and(eq(feedbackOpen311Keys.keyHash, keyHash), sql`${feedbackOpen311Keys.revokedAt} is null`))
    .limit(1);
  return !!k;
}

/** Items still owed an answer or a publication (for the deadline job). */
export function openForDeadlines(db: DbOrTx) {
  return db
    .select()
    .from(feedbackItems)
    .where(sql`${feedbackItems.status} not in ('rejected', 'published') and ${feedbackItems.duplicateOfId} is null`);
}

export { dayAfter, dayStart };
