/**
 * Writes new dossiers, several at a time: group commit for the daily code counter.
 *
 * A dossier code is gap-free per receiving unit and day, so the counter row stays locked until
 * the transaction that took a number commits (a rolled-back intake gives its number back). One
 * dossier per transaction would make each unit's intakes wait for each other's commit (an fsync,
 * 9–44 ms on the benchmark machine). Instead, the new dossiers of one unit and day that arrive
 * while a write for that unit and day is in flight wait in this process's lane and are written
 * together by the next transaction: the counter advances by the batch size in one upsert, and
 * ONE statement inserts every dossier with its event, files, outbox rows and audit entry. Each
 * dossier still commits in one transaction together with its audit entry (synchronous_commit on);
 * nobody is answered before that commit. At low load a lane holds one dossier and the write starts
 * at once, so nothing waits for a timer.
 *
 * If the database refuses a batch (an Idempotency-Key raced, a constraint), each of its dossiers is
 * retried on its own so one bad request never fails the others, and its own error reaches its caller.
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { type AuditEntry, auditValues } from '../../platform/audit/audit.service.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { dossierCode } from './domain/dossier-code.ts';
import type { DossierInsert, DossierRow } from './dossiers.repository.ts';
import { dossierCounters, dossierEvents, dossierFiles, dossierOutbox, dossiers } from './dossiers.table.ts';
import { notificationsFor } from './notify/messages.ts';

/** A new dossier, checked and computed, waiting for its code. */
export interface PreparedDossier {
  ctx: RequestContext;
  /** the receiving unit's code identifier (agency code or unit code) */
  identifier: string;
  /** Hanoi date of submission/receipt: the counter's day */
  day: string;
  dossier: Omit<DossierInsert, 'code'> & { id: string };
  event: typeof dossierEvents.$inferInsert & { id: string };
  files: (typeof dossierFiles.$inferInsert)[];
  /** submit | intake: the notification's wording */
  action: string;
  procedureName: string;
  audit: AuditEntry & { after: Record<string, unknown> };
}

/** Largest batch (the rows travel as JSON parameters, so the statement's size is not the limit). */
const MAX_BATCH = 64;

/**
 * Stands for a dossier's code in its outbox texts until the statement knows the code: as long as
 * the code (for numbers ≤ 9999), so the SMS text is cut at the same length.
 */
const placeholder = (identifier: string, day: string) =>
  dossierCode(identifier, day, 0).replace(/0000$/, '\x01'.repeat(4));

/**
 * Writes dossiers of ONE unit and day with ONE statement (its own transaction, committed before it
 * answers): the counter upsert takes the batch's numbers, the codes are computed from them, and
 * the dossiers, events, files, outbox rows (code filled in) and audit entries (code added to
 * `after`) are inserted by data-modifying CTEs. One round trip instead of begin, counter, insert,
 * commit: on a loaded database each round trip is what the next batch of the unit waits for.
 * Returns the rows in the order of `items`.
 */
async function writeBatch(db: Db, items: PreparedDossier[]): Promise<DossierRow[]> {
  const { receivingUnitId } = items[0]!.dossier;
  const { day, identifier } = items[0]!;
  const n = items.length;
  const ph = placeholder(identifier, day);
  const prefix = ph.slice(0, -4);
  const values = items.map((it) => ({ ...it.dossier, code: ph }));
  const outbox = items.flatMap((it, i) =>
    notificationsFor(values[i] as DossierRow, it.event.id, it.action, it.procedureName),
  );
  const audits = items.map((it) => auditValues(it.ctx, { ...it.audit, after: { code: ph, ...it.audit.after } }));
  const files = items.flatMap((it) => it.files);
  const dossierCols = insertColumns(dossiers, values, ['code']);
  const ctes: SQL[] = [
    sql`counter as (insert into ${dossierCounters} (unit_id, day, last) values (${receivingUnitId}, ${day}, ${n})
      on conflict (unit_id, day) do update set last = ${dossierCounters}.last + ${n} returning last - ${n} as base)`,
    sql`codes as (select s.ord, ${prefix} || lpad((counter.base + s.ord)::text, greatest(4, length((counter.base + s.ord)::text)), '0') as code
      from counter, generate_series(1, ${n}) as s(ord))`,
    sql`new_dossiers as (insert into ${dossiers} (${dossierCols.list}, "code")
      select ${dossierCols.qualified('x')}, codes.code
      from jsonb_populate_recordset(null::${dossiers}, ${dossierCols.json}::jsonb) with ordinality as x
      join codes on codes.ord = x.ordinality
      returning *)`,
    sql`new_events as (${jsonInsert(
      dossierEvents,
      items.map((it) => it.event),
    )})`,
  ];
  const a = insertColumns(auditLog, audits, ['after']);
  ctes.push(sql`new_audit as (insert into ${auditLog} (${a.list}, "after")
    select ${a.qualified('x')}, jsonb_set(x.after, '{code}', to_jsonb(d.code))
    from jsonb_populate_recordset(null::${auditLog}, ${a.json}::jsonb) as x join new_dossiers d on d.id::text = x.target_id)`);
  if (outbox.length) {
    const o = insertColumns(dossierOutbox, outbox, ['subject', 'body']);
    ctes.push(sql`new_outbox as (insert into ${dossierOutbox} (${o.list}, "subject", "body")
      select ${o.qualified('x')}, replace(x.subject, ${ph}, d.code), replace(x.body, ${ph}, d.code)
      from jsonb_populate_recordset(null::${dossierOutbox}, ${o.json}::jsonb) as x, new_dossiers d where d.id = x.dossier_id
      on conflict do nothing)`);
  }
  if (files.length) ctes.push(sql`new_files as (${jsonInsert(dossierFiles, files)})`);
  const r = (await db.execute(sql`with ${sql.join(ctes, sql`, `)} select * from new_dossiers`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const byId = new Map(r.rows.map((raw) => [raw.id as string, mapRow<DossierRow>(dossiers, raw)]));
  if (byId.size !== n) throw new Error(`dossier batch: ${byId.size} of ${n} rows written`);
  return values.map((v) => byId.get(v.id)!);
}

/**
 * The columns the rows set (the others get their defaults), minus `except`, and the rows as ONE
 * JSON parameter for jsonb_populate_recordset: building the statement costs one JSON.stringify
 * however many rows a batch has (drizzle's multi-row VALUES builder spent ~0.5 ms of CPU per dossier).
 */
function insertColumns(table: PgTable, rows: Record<string, unknown>[], except: string[] = []) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => r[k] !== undefined));
  const names = keys.map((k) => columns[k]!.name);
  const listed = names.filter((c) => !except.includes(c));
  const data = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const k of keys) o[columns[k]!.name] = r[k] ?? null;
    return o;
  });
  return {
    list: sql.raw(listed.map((c) => `"${c}"`).join(', ')),
    qualified: (alias: string) => sql.raw(listed.map((c) => `${alias}."${c}"`).join(', ')),
    json: JSON.stringify(data, wellFormed),
  };
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON.stringify replacer: a lone UTF-16 surrogate (possible in any JSON string a client sends)
 * becomes U+FFFD, as the driver's UTF-8 encoding of a bound text parameter does; jsonb would
 * refuse the whole document instead.
 */
function wellFormed(_key: string, v: unknown) {
  return typeof v === 'string' && SURROGATE.test(v) ? v.replace(LONE_SURROGATE, '\ufffd') : v;
}

/** `insert into <table> (<columns>) select … from jsonb_populate_recordset(…)`. */
function jsonInsert(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const c = insertColumns(table, rows);
  return sql`insert into ${table} (${c.list}) select ${c.list} from jsonb_populate_recordset(null::${table}, ${c.json}::jsonb)`;
}

/** A raw row (column names, driver values) as drizzle would map it. */
function mapRow<T>(table: PgTable, raw: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(getTableColumns(table) as Record<string, PgColumn>)) {
    const v = raw[c.name];
    out[k] = v === null || v === undefined ? null : c.mapFromDriverValue(v);
  }
  return out as T;
}

interface Waiting {
  item: PreparedDossier;
  resolve: (row: DossierRow) => void;
  reject: (err: unknown) => void;
}

/** Per database, per unit and day: the dossiers waiting for the write in flight to finish. */
const lanes = new WeakMap<Db, Map<string, Waiting[]>>();

/**
 * The database refused the statement (an error with a SQLSTATE): nothing of the batch was written,
 * so its dossiers may be retried one by one. Any other failure (a lost connection: the commit may
 * have happened) is passed on as it is, never retried here.
 */
function rolledBack(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
  const c = code(err) ?? code((err as { cause?: unknown } | null)?.cause);
  return typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c) && !c.startsWith('08') && !c.startsWith('57');
}

async function drain(db: Db, key: string, lane: Map<string, Waiting[]>) {
  for (;;) {
    const queue = lane.get(key)!;
    if (!queue.length) {
      lane.delete(key);
      return;
    }
    const batch = queue.splice(0, MAX_BATCH);
    try {
      const rows = await writeBatch(
        db,
        batch.map((w) => w.item),
      );
      for (const [i, w] of batch.entries()) w.resolve(rows[i]!);
    } catch (err) {
      if (batch.length === 1 || !rolledBack(err)) for (const w of batch) w.reject(err);
      else
        for (const w of batch) {
          try {
            w.resolve((await writeBatch(db, [w.item]))[0]!);
          } catch (e) {
            w.reject(e);
          }
        }
    }
  }
}

/** Writes the dossier (with its code, event, files, outbox rows, audit entry); resolves after the commit. */
export function writeDossier(db: Db, item: PreparedDossier): Promise<DossierRow> {
  let lane = lanes.get(db);
  if (!lane) {
    lane = new Map();
    lanes.set(db, lane);
  }
  const key = `${item.dossier.receivingUnitId}|${item.day}`;
  return new Promise<DossierRow>((resolve, reject) => {
    const queue = lane.get(key);
    if (queue) queue.push({ item, resolve, reject });
    else {
      lane.set(key, [{ item, resolve, reject }]);
      void drain(db, key, lane);
    }
  });
}
