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

/**
 * Sends pending notifications. Each row is claimed with FOR UPDATE SKIP LOCKED and marked sent in
 * the same transaction, so two workers never send one row and a committed row is never sent
 * again. (A crash after the gateway accepted a message but before the commit re-sends that one
 * message: at-least-once at the gateway boundary, exactly-once in the table.)
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
    const { n, progressed } = await db.transaction(async (tx) => {
      const skip = down.size
        ? sql`and channel not in (${sql.join(
            [...down].map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql``;
      const r = await tx.execute(sql`
        select id, channel, recipient, subject, body, attempts from ${table}
        where sent_at is null and attempts < 10 ${skip}
        order by created_at limit ${batch} for update skip locked`);
      const rows = ((r as unknown as { rows: OutboxRow[] }).rows ?? r) as OutboxRow[];
      let progressed = 0;
      for (const row of rows) {
        if (down.has(row.channel)) continue;
        try {
          await transports[row.channel].send({ to: row.recipient, subject: row.subject, body: row.body });
          await tx.execute(sql`update ${table} set sent_at = ${now()}, attempts = attempts + 1 where id = ${row.id}`);
          sent++;
          progressed++;
        } catch (e) {
          down.add(row.channel);
          await tx.execute(
            sql`update ${table} set attempts = attempts + 1, last_error = ${String((e as Error).message).slice(0, 500)} where id = ${row.id}`,
          );
        }
      }
      return { n: rows.length, progressed };
    });
    if (n < batch || !progressed) return sent;
  }
}
