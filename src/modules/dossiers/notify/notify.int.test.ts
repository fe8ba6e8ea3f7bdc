import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type Session, type TestApp } from '../../../../test/harness.ts';
import { loadConfig } from '../../../config.ts';
import { buildingPermit, seedCatalogue, UNIT_CODES, unitByCodes } from '../test/fixtures.ts';
import { processOutbox } from './outbox.ts';
import { httpSmsTransport, transportsFor } from './transports.ts';

/** A tiny SMTP server in the test: collects raw messages; `failNext` rejects the next DATA with 451. */
async function smtpSink() {
  const received: { from: string; to: string[]; raw: Buffer; auth?: string }[] = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'motcua' && auth.password === 's3cret-pass') return cb(null, { user: auth.username });
      cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--;
          const e = new Error('mailbox busy, try later') as Error & { responseCode: number };
          e.responseCode = 451;
          return cb(e);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          auth: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    fail: (n: number) => {
      failNext = n;
    },
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}

describe('notification transports from configuration', () => {
  it('reads SMTP_* and SMS_GATEWAY_* and keeps logging transports when unset', () => {
    const c = loadConfig({
      SMTP_HOST: 'mail.example.vn',
      SMTP_SECURE: 'true',
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'p',
      MAIL_FROM: 'Một cửa <motcua@example.vn>',
      SMS_GATEWAY_URL: 'https://sms.example.vn/send',
    });
    expect(c.smtp).toEqual({ host: 'mail.example.vn', port: 465, secure: true, user: 'u', password: 'p' });
    expect(loadConfig({ SMTP_HOST: 'h' }).smtp).toEqual({ host: 'h', port: 587, secure: false });
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(transportsFor(c).sms.name).toBe('sms');
    const logged: string[] = [];
    const t = transportsFor(loadConfig({}), (l) => logged.push(l));
    return t.email.send({ to: 'a@b.vn', subject: 's', body: 'b' }).then(() => expect(logged[0]).toMatch(/^\[email\]/));
  });

  it('rejects a bad port without echoing secrets', () => {
    expect(() => loadConfig({ SMTP_HOST: 'h', SMTP_PORT: 'x', SMTP_PASSWORD: 'topsecret' })).toThrow(/SMTP_PORT/);
    try {
      loadConfig({ SMTP_HOST: 'h', SMTP_PORT: '70000', SMTP_USER: 'u', SMTP_PASSWORD: 'topsecret' });
    } catch (e) {
      expect(String(e)).toMatch(/SMTP_PORT/);
      expect(String(e)).not.toContain('topsecret');
    }
  });

  it('posts SMS to the HTTP gateway with the bearer token; a non-2xx answer fails the send', async () => {
    const got: { auth?: string; body: unknown }[] = [];
    let status = 200;
    const srv = createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => {
        got.push({ auth: req.headers.authorization, body: JSON.parse(b) });
        res.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/send`;
    const sms = httpSmsTransport(url, 'tok');
    await sms.send({ to: '0987654321', subject: 'x', body: 'Hồ sơ đã được tiếp nhận' });
    expect(got).toEqual([{ auth: 'Bearer tok', body: { to: '0987654321', text: 'Hồ sơ đã được tiếp nhận' } }]);
    status = 503;
    await expect(sms.send({ to: '0987654321', subject: 'x', body: 'y' })).rejects.toThrow(/503/);
    await new Promise((r) => srv.close(r));
  });
});

describe.each(DB_KINDS)('e-mail over SMTP through the outbox on %s', (kind) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let officer: Session;

  beforeAll(async () => {
    sink = await smtpSink();
    t = await createTestApp(kind, {
      seed: seedCatalogue,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_USER: 'motcua',
        SMTP_PASSWORD: 's3cret-pass',
        MAIL_FROM: 'Bộ phận Một cửa <motcua@thuongcat.hanoi.gov.vn>',
      },
    });
    officer = await t.login('motcua.thuongcat@cchc.local');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('delivers one message with the Vietnamese subject and body intact; a refused send stays and is retried once', async () => {
    const procedureId = (await buildingPermit(t.database.db)).id;
    const tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
    const r = await officer.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: tc.id,
      applicant: { name: 'Nguyễn Thị Hằng', phone: '0987654321', email: 'hang@example.vn' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(201);
    const code: string = r.body.code;
    const transports = transportsFor(t.deps.config, () => {});
    try {
      // the server refuses the first attempt: nothing is lost, the row waits with its error
      sink.fail(1);
      await processOutbox(t.database.db, transports);
      expect(sink.received).toHaveLength(0);
      const pending = await t.database.db.execute(
        sql`select attempts, last_error, sent_at from dossier_outbox where channel = 'email' and recipient = 'hang@example.vn'`,
      );
      const row = ((pending as unknown as { rows: unknown[] }).rows ?? pending)[0] as {
        attempts: number;
        last_error: string;
        sent_at: unknown;
      };
      expect(row.attempts).toBe(1);
      expect(row.sent_at).toBeNull();
      expect(row.last_error).toMatch(/451/);
      expect(row.last_error).not.toContain('s3cret-pass');

      // the next run sends it, the one after sends nothing: exactly one message arrives
      await processOutbox(t.database.db, transports);
      await processOutbox(t.database.db, transports);
    } finally {
      await transports.email.close?.();
    }
    const mails = sink.received.filter((m) => m.to.includes('hang@example.vn'));
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.auth).toBe('motcua');
    expect(m.from).toBe('motcua@thuongcat.hanoi.gov.vn');
    // headers are 7-bit: the subject travels as RFC 2047 encoded words
    const head = m.raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(/^[\x20-\x7e\r\n\t]*$/.test(head)).toBe(true);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im);
    const parsed = await simpleParser(m.raw);
    // messages.ts: "[Một cửa] Hồ sơ <code> đã được tiếp nhận"
    expect(parsed.subject).toBe(`[Một cửa] Hồ sơ ${code} đã được tiếp nhận`);
    expect(parsed.text?.trim()).toMatch(
      new RegExp(
        `^Hồ sơ ${code} \\(Cấp giấy phép xây dựng[^)]*\\) đã được tiếp nhận\\. Hẹn trả: \\d{2}/\\d{2}/\\d{4}\\.$`,
      ),
    );
    expect(parsed.from?.value[0]?.name).toBe('Bộ phận Một cửa');
  });

  it('leaves the other e-mails of a run alone once the server refuses one, and sends each exactly once later', async () => {
    const procedureId = (await buildingPermit(t.database.db)).id;
    const tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
    const to = ['a1@example.vn', 'a2@example.vn', 'a3@example.vn'];
    for (const email of to) {
      const r = await officer.post('/api/v1/dossiers/intake', {
        procedureId,
        receivingUnitId: tc.id,
        applicant: { name: 'Vũ Văn Khoa', phone: '0988777666', email },
        componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
      });
      expect(r.status, r.raw).toBe(201);
    }
    const transports = transportsFor(t.deps.config, () => {});
    const attempts = async () => {
      const r = await t.database.db.execute(
        sql`select recipient, attempts from dossier_outbox where channel = 'email' and recipient like 'a_@example.vn' order by recipient`,
      );
      return (((r as unknown as { rows: unknown[] }).rows ?? r) as { recipient: string; attempts: number }[]).map(
        (x) => x.attempts,
      );
    };
    try {
      sink.fail(1);
      await processOutbox(t.database.db, transports, { batch: 2 });
      expect((await attempts()).sort()).toEqual([0, 0, 1]); // one refused, two untouched
      await processOutbox(t.database.db, transports, { batch: 2 });
      await processOutbox(t.database.db, transports, { batch: 2 });
    } finally {
      await transports.email.close?.();
    }
    for (const email of to) expect(sink.received.filter((m) => m.to.includes(email))).toHaveLength(1);
  });
});

describe.each(DB_KINDS)('the outbox holds no transaction while a gateway answers, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedCatalogue });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets other statements run during a slow send, and a second sender claims nothing of it', async () => {
    const officer = await t.login('motcua.thuongcat@cchc.local');
    const procedureId = (await buildingPermit(t.database.db)).id;
    const tc = await unitByCodes(t.database.db, UNIT_CODES.thuongCat);
    const r = await officer.post('/api/v1/dossiers/intake', {
      procedureId,
      receivingUnitId: tc.id,
      applicant: { name: 'Đỗ Văn Chậm', phone: '0911222333', email: 'cham@example.vn' },
      componentsReceived: ['don_de_nghi', 'giay_to_dat', 'ban_ve'],
    });
    expect(r.status, r.raw).toBe(201);
    // a gateway that holds every message until released
    let release!: () => void;
    const gate = new Promise<void>((res) => {
      release = res;
    });
    let started!: () => void;
    const sending = new Promise<void>((res) => {
      started = res;
    });
    const slow: string[] = [];
    const slowTransports = {
      email: {
        name: 'slow',
        send: async (m: { to: string }) => {
          started();
          await gate;
          slow.push(m.to);
        },
      },
      sms: { name: 'sms', send: async () => {} },
    };
    const other: string[] = [];
    const otherTransports = {
      email: { name: 'other', send: async (m: { to: string }) => void other.push(m.to) },
      sms: { name: 'sms', send: async () => {} },
    };
    const run = processOutbox(t.database.db, slowTransports as never);
    await sending;
    // while the message is at the gateway: the database answers, and a second sender finds it claimed
    const answered = await Promise.race([
      t.database.db.execute(sql`select 1`).then(() => 'answered'),
      new Promise((res) => setTimeout(() => res('blocked'), 3000)),
    ]);
    expect(answered).toBe('answered');
    await processOutbox(t.database.db, otherTransports as never);
    expect(other).not.toContain('cham@example.vn');
    release();
    await run;
    expect(slow.filter((x) => x === 'cham@example.vn')).toHaveLength(1);
    const row = await t.database.db.execute(
      sql`select sent_at, claimed_until, attempts from dossier_outbox where recipient = 'cham@example.vn'`,
    );
    const got = ((row as unknown as { rows: unknown[] }).rows ?? row)[0] as {
      sent_at: unknown;
      claimed_until: unknown;
      attempts: number;
    };
    expect(got.sent_at).not.toBeNull();
    expect(got.claimed_until).toBeNull();
    expect(got.attempts).toBe(1);
  });
});
