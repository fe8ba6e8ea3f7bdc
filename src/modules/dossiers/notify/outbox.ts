import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Transports } from './transports.ts';

/** Tables with the outbox shape (id, channel, recipient, subject, body, sent_at, attempts, last_error). */
export type OutboxTable = 'dossier_outbox' | 'feedback_outbox';

interface OutboxRow {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** How long a sender keeps the rows it claimed before another sender may take them again. */
const LEASE_SECONDS = 120;

/**
 * Sends pending notifications. A batch of rows is claimed with a short statement (FOR UPDATE SKIP
 * LOCKED, then a lease in `claimed_until`, committed at once); each message is sent outside any
 * transaction and its row marked sent (or its attempt counted) by its own statement. No database
 * transaction stays open while a gateway answers — on the embedded database, whose one connection
 * every request shares, a slow SMTP server would otherwise stall the whole application. Two
 * workers never claim one row while its lease runs, and a row marked sent is never sent again. (A
 * crash after the gateway accepted a message but before its row was marked re-sends that one
 * message once the lease ends: at-least-once at the gateway boundary, exactly-once in the table.)
 */
export async function processOutbox(
  db: Db,
  transports: Transports,
  opts: { batch?: number; now?: () => Date; table?: OutboxTable } = {},
): Promise<number> {
  const batch = opts.batch ?? 50;
  const table = sql.identifier(opts.table ?? 'dossier_outbox');
  const now = opts.now ?? (() => new Date());
  let sent = 0;
  // a channel whose send failed is left alone for the rest of this run: its rows wait for the next
  // run instead of each waiting for a timeout (or using up its attempts) now
  const down = new Set<string>();
  for (;;) {
    const skip = down.size
      ? sql`and channel not in (${sql.join(
          [...down].map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql``;
    const r = await db.execute(sql`
      update ${table} set claimed_until = now() + make_interval(secs => ${LEASE_SECONDS})
      where id in (
        select id from ${table}
        where sent_at is null and attempts < 10 and (claimed_until is null or claimed_until < now()) ${skip}
        order by created_at limit ${batch} for update skip locked)
      returning id, channel, recipient, subject, body, attempts, created_at`);
    // (RETURNING keeps no order: send oldest first)
    const rows = (
      ((r as unknown as { rows: unknown[] }).rows ?? r) as (OutboxRow & { created_at: Date | string })[]
    ).sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
    let progressed = 0;
    for (const row of rows) {
      if (down.has(row.channel)) {
        await db.execute(sql`update ${table} set claimed_until = null where id = ${row.id}`);
        continue;
      }
      try {
        await transports[row.channel].send({ to: row.recipient, subject: row.subject, body: row.body });
        await db.execute(
          sql`update ${table} set sent_at = ${now()}, attempts = attempts + 1, claimed_until = null where id = ${row.id}`,
        );
        sent++;
        progressed++;
      } catch (e) {
        down.add(row.channel);
        await db.execute(
          sql`update ${table} set attempts = attempts + 1, claimed_until = null,
                last_error = ${String((e as Error).message).slice(0, 500)} where id = ${row.id}`,
        );
      }
    }
    if (rows.length < batch || !progressed) return sent;
  }
}
