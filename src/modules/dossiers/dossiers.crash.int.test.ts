/**
 * Crash test: the server runs as a child process; a burst of online submissions is fired at it and
 * it is killed with SIGKILL in the middle. After a restart every acknowledged dossier exists, codes
 * are unique and gap-free per unit and day, and every dossier has exactly one notification per
 * channel, each sent exactly once by the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_KINDS, type DbKind, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { freePort, runCchc, waitHealthy } from '../../../test/process.ts';
import { openDatabase } from '../../db/client.ts';
import { processOutbox } from './notify/outbox.ts';
import { memoryTransports } from './notify/transports.ts';
import { PDF } from './test/fixtures.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function login(base: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: '0912345678', password: 'demo1234' }),
  });
  const body = (await r.json()) as { csrfToken: string };
  return { cookie: String(r.headers.get('set-cookie')).split(';')[0]!, csrf: body.csrfToken };
}

async function api(base: string, s: { cookie: string; csrf: string }, path: string) {
  const r = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
  return { status: r.status, body: (await r.json()) as any };
}

describe.each(DB_KINDS)('SIGKILL in the middle of a burst on %s', (kind: DbKind) => {
  it('loses no acknowledged dossier, duplicates no code and no notification', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-crash-'));
    dirs.push(dataDir);
    let pgdb: TestDatabase | undefined;
    const env: NodeJS.ProcessEnv = { CCHC_DATA_DIR: dataDir, CCHC_JOBS: 'false', HOST: '127.0.0.1' };
    if (kind === 'postgres') {
      pgdb = await openTestDatabase('postgres');
      env.DATABASE_URL = pgdb.url;
    }
    try {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const first = runCchc(['serve'], { ...env, PORT: String(port) });
      await waitHealthy(`${base}/health`, 240_000);
      const s = await login(base);
      const procs = (await (await fetch(`${base}/api/v1/procedures`)).json()) as { id: string; code: string }[];
      const bp = procs.find((p) => p.code === '1.009994')!;
      const units = (await (await fetch(`${base}/api/v1/procedures/${bp.id}/receiving-units`)).json()) as {
        id: string;
        name: string;
      }[];
      const ward = units.find((u) => u.name.includes('Thượng Cát'))!;

      const acknowledged: { id: string; code: string; key: string }[] = [];
      const attempted: string[] = [];
      const submitOne = async (i: number) => {
        const key = `crash-${kind}-${i}`;
        attempted.push(key);
        const fd = new FormData();
        fd.set(
          'metadata',
          JSON.stringify({
            procedureId: bp.id,
            receivingUnitId: ward.id,
            applicant: { name: `Người nộp ${i}`, phone: '0912345678', email: `n${i}@example.vn` },
          }),
        );
        for (const f of ['don_de_nghi', 'giay_to_dat', 'ban_ve'])
          fd.set(f, new Blob([PDF], { type: 'application/pdf' }), `${f}.pdf`);
        const r = await fetch(`${base}/api/v1/dossiers`, {
          method: 'POST',
          body: fd,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'idempotency-key': key },
        });
        if (r.status === 201 || r.status === 200) {
          const b = (await r.json()) as { id: string; code: string };
          acknowledged.push({ id: b.id, code: b.code, key });
        }
      };
      // 8 concurrent streams; kill once 40 dossiers are acknowledged
      let next = 0;
      const stream = async () => {
        while (next < 400) {
          const i = next++;
          try {
            await submitOne(i);
          } catch {
            return; // connection lost: the server is gone
          }
          if (acknowledged.length >= 40 && first.child.exitCode === null && !first.child.killed)
            first.child.kill('SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: 8 }, stream));
      await first.exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      const second = runCchc(['serve'], { ...env, PORT: String(port) });
      try {
        await waitHealthy(`${base}/health`, 240_000);
        const s2 = await login(base);
        for (const a of acknowledged) {
          const r = await api(base, s2, `/api/v1/dossiers/${a.id}`);
          expect(r.status).toBe(200);
          expect(r.body.code).toBe(a.code);
        }
        // retrying every attempted key gives back the same dossier for the acknowledged ones
        const retry = acknowledged.slice(0, 5);
        for (const a of retry) {
          const fd = new FormData();
          fd.set(
            'metadata',
            JSON.stringify({
              procedureId: bp.id,
              receivingUnitId: ward.id,
              applicant: { name: 'Người nộp lại', phone: '0912345678' },
            }),
          );
          for (const f of ['don_de_nghi', 'giay_to_dat', 'ban_ve'])
            fd.set(f, new Blob([PDF], { type: 'application/pdf' }), `${f}.pdf`);
          const r = await fetch(`${base}/api/v1/dossiers`, {
            method: 'POST',
            body: fd,
            headers: { cookie: s2.cookie, 'x-csrf-token': s2.csrf, 'idempotency-key': a.key },
          });
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
        const [dup] = await q(`select count(*)::int - count(distinct code)::int as n from dossiers`);
        expect(dup!.n).toBe(0);
        const [idem] = await q(
          `select count(*)::int as n from (select idempotency_key from dossiers where idempotency_key like 'crash-%' group by 1 having count(*) > 1) x`,
        );
        expect(idem!.n).toBe(0);
        // gap-free: per unit and day, the sequence numbers are exactly 1..count
        const [gaps] = await q(`select count(*)::int as n from (
            select receiving_unit_id, ((submitted_at at time zone 'UTC') + interval '7 hours')::date d,
              max(right(code, 4)::int) mx, count(*) c from dossiers group by 1, 2) x where mx <> c`);
        expect(gaps!.n).toBe(0);
        const [counters] = await q(
          `select count(*)::int as n from dossier_counters c where c.last <> (select count(*) from dossiers d where d.receiving_unit_id = c.unit_id and ((d.submitted_at at time zone 'UTC') + interval '7 hours')::date = c.day)`,
        );
        expect(counters!.n).toBe(0);
        // one submit event and one sms + one email per crash dossier, no more, no less
        const [bad] = await q(`select count(*)::int as n from dossiers d where d.idempotency_key like 'crash-%' and (
            (select count(*) from dossier_events e where e.dossier_id = d.id) <> 1 or
            (select count(*) from dossier_outbox o where o.dossier_id = d.id and o.channel = 'sms') <> 1 or
            (select count(*) from dossier_outbox o where o.dossier_id = d.id and o.channel = 'email') <> 1)`);
        expect(bad!.n).toBe(0);
        const [total] = await q(`select count(*)::int as n from dossier_outbox where sent_at is null`);
        const t = memoryTransports();
        const sent = await processOutbox(database.db, t);
        expect(sent).toBe(total!.n);
        expect(await processOutbox(database.db, t)).toBe(0);
        const keys = t.sent.map((m) => `${m.channel}|${m.to}|${m.body}`);
        expect(new Set(keys).size).toBe(keys.length);
        const crashMails = t.sent.filter((m) => m.channel === 'email' && /^n\d+@example\.vn$/.test(m.to));
        const [crashCount] = await q(`select count(*)::int as n from dossiers where idempotency_key like 'crash-%'`);
        expect(crashMails.length).toBe(crashCount!.n);
      } finally {
        await database.close();
      }
    } finally {
      await pgdb?.dispose();
    }
  }, 600_000);
});
