/** Channels to reach applicants. Real gateways plug in here; the default ones only log. */
export interface Message {
  to: string;
  subject: string;
  body: string;
}

export interface Transport {
  name: string;
  send(m: Message): Promise<void>;
}

export interface Transports {
  email: Transport;
  sms: Transport;
}

type Log = (line: string) => void;

export function loggingTransport(name: string, log: Log): Transport {
  return {
    name,
    async send(m) {
      log(`[${name}] to=${m.to} subject=${JSON.stringify(m.subject)} body=${JSON.stringify(m.body.slice(0, 200))}`);
    },
  };
}

/**
 * Email: SMTP is configured by SMTP_URL, but no SMTP client library is installed yet, so email
 * is logged too (the interface is what a nodemailer transport would implement).
 */
export function defaultTransports(log: Log = (l) => process.stdout.write(`${l}\n`)): Transports {
  return { email: loggingTransport('email', log), sms: loggingTransport('sms', log) };
}

/** Collects messages in memory (tests). */
export function memoryTransports(): Transports & { sent: (Message & { channel: string })[] } {
  const sent: (Message & { channel: string })[] = [];
  const t = (channel: string): Transport => ({ name: channel, send: async (m) => void sent.push({ ...m, channel }) });
  return { email: t('email'), sms: t('sms'), sent };
}
