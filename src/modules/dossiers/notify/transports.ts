import type { Config } from '../../../config.ts';

/**
 * Channels to reach people. A transport sends one message or throws; the outbox (outbox.ts)
 * keeps a message whose send threw and tries it again later, so a transport never retries itself.
 */
export interface Message {
  to: string;
  subject: string;
  body: string;
}

export interface Transport {
  name: string;
  send(m: Message): Promise<void>;
  close?(): Promise<void>;
}

export interface Transports {
  email: Transport;
  sms: Transport;
}

type Log = (line: string) => void;
const stdoutLog: Log = (l) => process.stdout.write(`${l}\n`);

export function loggingTransport(name: string, log: Log): Transport {
  return {
    name,
    async send(m) {
      log(`[${name}] to=${m.to} subject=${JSON.stringify(m.subject)} body=${JSON.stringify(m.body.slice(0, 200))}`);
    },
  };
}

/**
 * E-mail over SMTP (nodemailer, loaded on first use). Subject and body are UTF-8: nodemailer
 * writes the subject as an RFC 2047 encoded word and the body as quoted-printable, so Vietnamese
 * arrives intact. Short timeouts: a dead server fails the send (the row stays in the outbox) instead
 * of holding the outbox transaction for minutes. The password is only handed to nodemailer.
 */
export function smtpTransport(smtp: NonNullable<Config['smtp']>, from: string): Transport {
  type Mailer = { sendMail(o: object): Promise<{ rejected?: unknown[] }>; close(): void };
  let mailer: Promise<Mailer> | undefined;
  const get = () =>
    (mailer ??= import('nodemailer').then(
      (m) =>
        m.default.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
          logger: false,
          debug: false,
        }) as unknown as Mailer,
    ));
  return {
    name: 'email',
    async send(m) {
      const info = await (await get()).sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.body,
        textEncoding: 'quoted-printable',
      });
      if (info.rejected?.length) throw new Error(`recipient rejected: ${m.to}`);
    },
    async close() {
      if (mailer) (await mailer).close();
      mailer = undefined;
    },
  };
}

/**
 * SMS through an HTTP gateway: `POST <url>` with `{"to": "<phone>", "text": "<message>"}` and,
 * when a token is configured, `Authorization: Bearer <token>`. Any 2xx is accepted; anything else
 * (or no answer within 10 s) fails the send and the outbox retries it.
 */
export function httpSmsTransport(url: string, token?: string): Transport {
  return {
    name: 'sms',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: m.to, text: m.body }),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

/** The configured transports: SMTP when SMTP_HOST is set, the SMS gateway when SMS_GATEWAY_URL is; else logging. */
export function transportsFor(
  config: Pick<Config, 'smtp' | 'mailFrom' | 'smsGatewayUrl' | 'smsGatewayToken'>,
  log: Log = stdoutLog,
): Transports {
  return {
    email: config.smtp ? smtpTransport(config.smtp, config.mailFrom) : loggingTransport('email', log),
    sms: config.smsGatewayUrl
      ? httpSmsTransport(config.smsGatewayUrl, config.smsGatewayToken)
      : loggingTransport('sms', log),
  };
}

/** Both channels log (development and the demo). */
export function defaultTransports(log: Log = stdoutLog): Transports {
  return transportsFor({ mailFrom: '' }, log);
}

/** Collects messages in memory (tests). */
export function memoryTransports(): Transports & { sent: (Message & { channel: string })[] } {
  const sent: (Message & { channel: string })[] = [];
  const t = (channel: string): Transport => ({ name: channel, send: async (m) => void sent.push({ ...m, channel }) });
  return { email: t('email'), sms: t('sms'), sent };
}
