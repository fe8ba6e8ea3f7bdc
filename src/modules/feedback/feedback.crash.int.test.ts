/**
 * Crash test: the server runs as a child process; a burst of public feedback submissions is fired
 * at it and it is killed with SIGKILL in the middle. After a restart every acknowledged item exists
 * (and its citizen can follow it with the tracking key), codes are unique, a retried key gives back
 * the same item, and every item has exactly one acknowledgement per channel, each sent exactly once
 * by the outbox.
 */
import { describe, expect, it } from 'vitest';
import { killMidBurst } from '../../../test/crash.ts';
import { DB_KINDS, type DbKind } from '../../../test/harness.ts';
import { processOutbox } from '../dossiers/notify/outbox.ts';
import { memoryTransports } from '../dossiers/notify/transports.ts';

type Ack = { i: number; id: string; code: string; key: string; trackingKey: string };

describe.each(DB_KINDS)('SIGKILL in the middle of a burst of public feedback on %s', (kind: DbKind) => {
  it('loses no acknowledged item, duplicates no code and no notification', async () => {
    let ward: { id: string; name: string };
    const body = (i: number) => ({
      categoryCode: i % 2 ? 'giao-thong' : 'moi-truong',
      title: `Phản ánh số ${i} về vỉa hè`,
      content: `Nội dung phản ánh số ${i}: vỉa hè trước nhà bị lấn chiếm.`,
      areaUnitId: ward.id,
      address: `Số ${i} phố Thượng Cát`,
      reporterName: `Người phản ánh ${i}`,
      reporterAddress: `Số ${i} Thượng Cát`,
      reporterPhone: `0977${String(i).padStart(6, '0')}`,
      reporterEmail: `c${i}@example.vn`,
    });
    const post = (base: string, i: number, key: string) =>
      fetch(`${base}/api/v1/feedback/items`, {
        method: 'POST',
        body: JSON.stringify(body(i)),
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${i % 250}`,
        },
      });

    // every submission from its own address, so the per-IP limit does not stop the burst
    await killMidBurst<Ack>(
      kind,
      { TRUST_PROXY: 'true' },
      {
        before: async (base) => {
          const areas = (await (await fetch(`${base}/api/v1/feedback/areas`)).json()) as { id: string; name: string }[];
          ward = areas.find((a) => a.name.includes('Thượng Cát'))!;
        },
        send: async (base, i) => {
          const key = `crash-${kind}-${i}`;
          const r = await post(base, i, key);
          if (r.status !== 201 && r.status !== 200) return null;
          const b = (await r.json()) as { id: string; code: string; trackingKey: string };
          return { i, id: b.id, code: b.code, key, trackingKey: b.trackingKey };
        },
        // 8 concurrent streams; kill once 60 items are acknowledged
        total: 600,
        killAfter: 60,
        restarted: async (base, acknowledged) => {
          for (const a of acknowledged) {
            const r = await fetch(`${base}/api/v1/feedback/track/${a.code}`, {
              headers: { 'x-tracking-key': a.trackingKey },
            });
            expect(r.status).toBe(200);
            expect(((await r.json()) as { code: string }).code).toBe(a.code);
          }
          // retrying an acknowledged key gives back the same item (and writes nothing)
          for (const a of acknowledged.slice(0, 5)) {
            const r = await post(base, a.i, a.key);
            expect(r.status).toBe(200);
            expect(((await r.json()) as { id: string }).id).toBe(a.id);
          }
        },
        inspect: async (database, acknowledged, next) => {
          expect(next).toBeLessThan(600); // the kill interrupted the burst
          const q = async (text: string) => (await database.sql.query<Record<string, number>>(text)).rows;
          const [dup] = await q(`select count(*)::int - count(distinct code)::int as n from feedback_items`);
          expect(dup!.n).toBe(0);
          const crash = `idempotency_key like '%:crash-${kind}-%'`;
          const [idem] = await q(
            `select count(*)::int as n from (select idempotency_key from feedback_items where ${crash} group by 1 having count(*) > 1) x`,
          );
          expect(idem!.n).toBe(0);
          const [count] = await q(`select count(*)::int as n from feedback_items where ${crash}`);
          // everything acknowledged is there (some unacknowledged ones may have committed before the kill)
          expect(count!.n).toBeGreaterThanOrEqual(acknowledged.length);
          // one receive event, one audit entry, one SMS and one e-mail per item, no more, no less
          const [bad] = await q(`select count(*)::int as n from feedback_items i where ${crash} and (
              (select count(*) from feedback_events e where e.item_id = i.id) <> 1 or
              (select count(*) from audit_log a where a.target_id = i.id::text and a.action = 'feedback.receive') <> 1 or
              (select count(*) from feedback_outbox o where o.item_id = i.id and o.channel = 'sms') <> 1 or
              (select count(*) from feedback_outbox o where o.item_id = i.id and o.channel = 'email') <> 1)`);
          expect(bad!.n).toBe(0);
          const [pending] = await q(`select count(*)::int as n from feedback_outbox where sent_at is null`);
          const t = memoryTransports();
          const sent = await processOutbox(database.db, t, { table: 'feedback_outbox' });
          expect(sent).toBe(pending!.n);
          expect(await processOutbox(database.db, t, { table: 'feedback_outbox' })).toBe(0);
          const keys = t.sent.map((m) => `${m.channel}|${m.to}|${m.body}`);
          expect(new Set(keys).size).toBe(keys.length);
          console.info(
            `[${kind}] attempted ${next}, acknowledged ${acknowledged.length}, committed ${count!.n}, messages sent ${sent}`,
          );
          const crashMails = t.sent.filter((m) => m.channel === 'email' && /^c\d+@example\.vn$/.test(m.to));
          expect(crashMails.length).toBe(count!.n);
          for (const a of acknowledged)
            expect(crashMails.filter((m) => m.to === `c${a.i}@example.vn` && m.body.includes(a.code))).toHaveLength(1);
        },
      },
    );
  }, 900_000);
});
