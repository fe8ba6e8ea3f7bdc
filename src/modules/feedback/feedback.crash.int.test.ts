/**
 * Crash test: the server runs as a child process; a burst of public feedback submissions is fired
 * at it and it is killed with SIGKILL in the middle. After a restart every acknowledged item exists
 * (and its citizen can follow it with the tracking key), codes are unique, a retried key gives back
 * the same item, and every item has exactly one acknowledgement per channel, each sent exactly once
 * by the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_KINDS, type DbKind, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { freePort, runCchc, waitHealthy } from '../../../test/process.ts';
import { openDatabase } from '../../db/client.ts';
import { processOutbox } from '../dossiers/notify/outbox.ts';
import { memoryTransports } from '../dossiers/notify/transports.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.each(DB_KINDS)('SIGKILL in the middle of a burst of public feedback on %s', (kind: DbKind) => {
  it('loses no acknowledged item, duplicates no code and no notification', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-fb-crash-'));
    dirs.push(dataDir);
    let pgdb: TestDatabase | undefined;
    const env: NodeJS.ProcessEnv = {
      CCHC_DATA_DIR: dataDir,
      CCHC_JOBS: 'false',
      HOST: '127.0.0.1',
      // every submission from its own address, so the per-IP limit does not stop the burst
      TRUST_PROXY: 'true',
    };
    if (kind === 'postgres') {
      pgdb = await openTestDatabase('postgres');
      env.DATABASE_URL = pgdb.url;
    }
    try {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const first = runCchc(['serve'], { ...env, PORT: String(port) });
      await waitHealthy(`${base}/health`, 240_000);
      const areas = (await (await fetch(`${base}/api/v1/feedback/areas`)).json()) as { id: string; name: string }[];
      const ward = areas.find((a) => a.name.includes('Thượng Cát'))!;
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
      const post = (i: number, key: string) =>
        fetch(`${base}/api/v1/feedback/items`, {
          method: 'POST',
          body: JSON.stringify(body(i)),
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${i % 250}`,
          },
        });

      const acknowledged: { i: number; id: string; code: string; key: string; trackingKey: string }[] = [];
      let next = 0;
      const stream = async () => {
        while (next < 600) {
          const i = next++;
          const key = `crash-${kind}-${i}`;
          try {
            const r = await post(i, key);
            if (r.status === 201 || r.status === 200) {
              const b = (await r.json()) as { id: string; code: string; trackingKey: string };
              acknowledged.push({ i, id: b.id, code: b.code, key, trackingKey: b.trackingKey });
            }
          } catch {
            return; // connection lost: the server is gone
          }
          if (acknowledged.length >= 60 && first.child.exitCode === null && !first.child.killed)
            first.child.kill('SIGKILL');
        }
      };
      // 8 concurrent streams; kill once 60 items are acknowledged
      await Promise.all(Array.from({ length: 8 }, stream));
      await first.exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);
      expect(next).toBeLessThan(600); // the kill interrupted the burst

      const second = runCchc(['serve'], { ...env, PORT: String(port) });
      try {
        await waitHealthy(`${base}/health`, 240_000);
        for (const a of acknowledged) {
          const r = await fetch(`${base}/api/v1/feedback/track/${a.code}`, {
            headers: { 'x-tracking-key': a.trackingKey },
          });
          expect(r.status).toBe(200);
          expect(((await r.json()) as { code: string }).code).toBe(a.code);
        }
        // retrying an acknowledged key gives back the same item (and writes nothing)
        for (const a of acknowledged.slice(0, 5)) {
          const r = await post(a.i, a.key);
          expect(r.status).toBe(200);
          expect(((await r.json()) as { id: string }).id).toBe(a.id);
        }
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }

      const database =
        kind === 'postgres' ? await openDatabase({ databaseUrl: pgdb!.url }) : await openDatabase({ dataDir });
      try {
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
      } finally {
        await database.close();
      }
    } finally {
      await pgdb?.dispose();
    }
  }, 900_000);
});
