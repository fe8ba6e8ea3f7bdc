/**
 * Crash test: the server runs as a child process; a burst of online submissions is fired at it and
 * it is killed with SIGKILL in the middle. After a restart every acknowledged dossier exists, codes
 * are unique and gap-free per unit and day, and every dossier has exactly one notification per
 * channel, each sent exactly once by the outbox.
 */
import { describe, expect, it } from 'vitest';
import { killMidBurst } from '../../../test/crash.ts';
import { DB_KINDS, type DbKind } from '../../../test/harness.ts';
import { processOutbox } from './notify/outbox.ts';
import { memoryTransports } from './notify/transports.ts';
import { PDF } from './test/fixtures.ts';

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
    let s: { cookie: string; csrf: string };
    /** an online building permit at the ward, with its three documents */
    const submit = (base: string, session: typeof s, key: string, applicant: Record<string, string>) => {
      const fd = new FormData();
      fd.set('metadata', JSON.stringify({ procedureId: bp.id, receivingUnitId: ward.id, applicant }));
      for (const f of ['don_de_nghi', 'giay_to_dat', 'ban_ve'])
        fd.set(f, new Blob([PDF], { type: 'application/pdf' }), `${f}.pdf`);
      return fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        body: fd,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': key },
      });
    };
    let bp: { id: string; code: string };
    let ward: { id: string; name: string };
    await killMidBurst<{ id: string; code: string; key: string }>(
      kind,
      {},
      {
        before: async (base) => {
          s = await login(base);
          const procs = (await (await fetch(`${base}/api/v1/procedures`)).json()) as { id: string; code: string }[];
          bp = procs.find((p) => p.code === '1.009994')!;
          const units = (await (await fetch(`${base}/api/v1/procedures/${bp.id}/receiving-units`)).json()) as {
            id: string;
            name: string;
          }[];
          ward = units.find((u) => u.name.includes('Thượng Cát'))!;
        },
        send: async (base, i) => {
          const key = `crash-${kind}-${i}`;
          const r = await submit(base, s, key, {
            name: `Người nộp ${i}`,
            phone: '0912345678',
            email: `n${i}@example.vn`,
          });
          if (r.status !== 201 && r.status !== 200) return null;
          const b = (await r.json()) as { id: string; code: string };
          return { id: b.id, code: b.code, key };
        },
        // 8 concurrent streams; kill once 40 dossiers are acknowledged
        total: 400,
        killAfter: 40,
        restarted: async (base, acknowledged) => {
          const s2 = await login(base);
          for (const a of acknowledged) {
            const r = await api(base, s2, `/api/v1/dossiers/${a.id}`);
            expect(r.status).toBe(200);
            expect(r.body.code).toBe(a.code);
          }
          // retrying every attempted key gives back the same dossier for the acknowledged ones
          const retry = acknowledged.slice(0, 5);
          for (const a of retry) {
            const r = await submit(base, s2, a.key, { name: 'Người nộp lại', phone: '0912345678' });
            expect(r.status).toBe(200);
            expect(((await r.json()) as { id: string }).id).toBe(a.id);
          }
        },
        inspect: async (database) => {
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
        },
      },
    );
  }, 600_000);
});
