import { and, asc, desc, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgSession } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.ts';
import type { ItemRow } from '../feedback.repository.ts';
import { feedbackItems } from '../feedback.table.ts';

/** The columns an Open311 service request shows (not the search text, not the reporter's contacts). */
const FIELDS = [
  'id',
  'code',
  'status',
  'categoryCode',
  'content',
  'answerText',
  'rejectReason',
  'reporterName',
  'reporterAddress',
  'responsibleUnitId',
  'receivedAt',
  'updatedAt',
  'publishedAt',
  'sentAt',
  'rejectedAt',
  'answerDue',
  'address',
  'areaUnitId',
  'lat',
  'long',
] as const satisfies readonly (keyof ItemRow)[];

export type Open311Row = Pick<ItemRow, (typeof FIELDS)[number]>;

const columns = getTableColumns(feedbackItems);
const selection = Object.fromEntries(FIELDS.map((k) => [k, columns[k]])) as {
  [K in (typeof FIELDS)[number]]: (typeof columns)[K];
};
const selectList = FIELDS.map((k) => `"${columns[k].name}"`).join(', ');

/** A raw row (column names, driver values) decoded by the columns, as a Drizzle select would. */
function fromRaw(raw: Record<string, unknown>): Open311Row {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = raw[columns[k].name];
    out[k] = v === null || v === undefined ? null : columns[k].mapFromDriverValue(v as never);
  }
  return out as Open311Row;
}

const BY_CODES = `select ${selectList} from feedback_items where code = any($1::text[])
  order by received_at desc, id asc limit $2 offset $3`;

/**
 * Requests by their codes (service_request_id), newest first: the statement is fixed, so it runs
 * as a named prepared statement (PostgreSQL plans it once per connection) and skips the query
 * builder, which was the largest own cost of a lookup.
 */
export async function byCodes(db: DbOrTx, codes: string[], limit: number, offset: number): Promise<Open311Row[]> {
  const session = (db as unknown as { session: PgSession }).session;
  const r = await session
    .prepareQuery({ sql: BY_CODES, params: [codes, limit, offset] }, undefined, 'fb_open311_by_codes', false)
    .execute();
  return (r as { rows: Record<string, unknown>[] }).rows.map(fromRaw);
}

/** Requests matching filters (date range, services, status), newest first. */
export function matching(db: DbOrTx, conds: SQL[], limit: number, offset: number): Promise<Open311Row[]> {
  return db
    .select(selection)
    .from(feedbackItems)
    .where(and(...conds))
    .orderBy(desc(feedbackItems.receivedAt), asc(feedbackItems.id))
    .limit(limit)
    .offset(offset);
}
