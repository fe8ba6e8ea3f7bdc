import { resolve } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The only reader of process.env. Everything else receives a Config. */
export const ConfigSchema = Type.Object({
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.String({ minLength: 1 }),
  host: Type.String(),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  /** cookies get the Secure flag (set behind HTTPS) */
  cookieSecure: Type.Boolean(),
  sessionTtlHours: Type.Integer({ minimum: 1, maximum: 24 * 90 }),
  /** wrong passwords allowed per account and per IP within the window before throttling */
  loginMaxAttempts: Type.Integer({ minimum: 1 }),
  loginWindowMinutes: Type.Integer({ minimum: 1 }),
  seedDemo: Type.Boolean(),
  /** behind a reverse proxy: take the client address from X-Forwarded-For */
  trustProxy: Type.Boolean(),
  /** start the pg-boss worker in this process */
  jobs: Type.Boolean(),
  publicUrl: Type.String(),
  smtpUrl: Type.Optional(Type.String()),
  mailFrom: Type.String(),
  uploadMaxBytes: Type.Integer({ minimum: 1024 }),
});
export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(`expected true/false, got "${v}"`);
}

function int(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  if (!/^\d+$/.test(v)) throw new ConfigError(`${name} must be a whole number, got "${v}"`);
  return Number(v);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cfg: Config = {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CCHC_DATA_DIR || './data'),
    host: env.HOST || '0.0.0.0',
    port: int('PORT', env.PORT, 3000),
    logLevel: (env.LOG_LEVEL || 'info') as Config['logLevel'],
    cookieSecure: bool(env.COOKIE_SECURE, false),
    sessionTtlHours: int('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12),
    loginMaxAttempts: int('LOGIN_MAX_ATTEMPTS', env.LOGIN_MAX_ATTEMPTS, 5),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', env.LOGIN_WINDOW_MINUTES, 15),
    seedDemo: bool(env.CCHC_SEED_DEMO, true),
    trustProxy: bool(env.TRUST_PROXY, false),
    jobs: bool(env.CCHC_JOBS, true),
    publicUrl: env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'cchc <no-reply@localhost>',
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    ...overrides,
  };
  if (!cfg.databaseUrl) delete cfg.databaseUrl;
  if (!cfg.smtpUrl) delete cfg.smtpUrl;
  const first = [...Value.Errors(ConfigSchema, cfg)][0];
  if (first) {
    const names: Record<string, string> = { '/databaseUrl': 'DATABASE_URL', '/port': 'PORT', '/logLevel': 'LOG_LEVEL' };
    throw new ConfigError(`${names[first.path] ?? first.path.slice(1)}: ${first.message}`);
  }
  return cfg;
}
