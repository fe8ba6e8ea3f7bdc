import { resolve } from 'node:path';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** The only reader of process.env. Everything else receives a Config. */
export const ConfigSchema = Type.Object({
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** PostgreSQL connections of the web process's pool (pg-boss keeps its own) */
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 1000 }),
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
  /** e-mail notifications over SMTP; unset host = a logging transport */
  smtp: Type.Optional(
    Type.Object({
      host: Type.String({ minLength: 1 }),
      port: Type.Integer({ minimum: 1, maximum: 65535 }),
      /** TLS from the start (port 465); false = STARTTLS when the server offers it */
      secure: Type.Boolean(),
      user: Type.Optional(Type.String()),
      password: Type.Optional(Type.String()),
    }),
  ),
  mailFrom: Type.String(),
  /** SMS gateway: JSON POST {to, text} to this URL (bearer token optional); unset = a logging transport */
  smsGatewayUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
  smsGatewayToken: Type.Optional(Type.String()),
  /** where uploaded files live: local disk under dataDir/files, or an S3-compatible bucket */
  storage: Type.Union([
    Type.Object({ kind: Type.Literal('local') }),
    Type.Object({
      kind: Type.Literal('s3'),
      endpoint: Type.Optional(Type.String({ pattern: '^https?://' })),
      bucket: Type.String({ minLength: 1 }),
      region: Type.String({ minLength: 1 }),
      accessKeyId: Type.String({ minLength: 1 }),
      secretAccessKey: Type.String({ minLength: 1 }),
      forcePathStyle: Type.Boolean(),
    }),
  ]),
  /** dossiers within this many working days of a step's or their own due date warn their holders */
  dossierNearDueDays: Type.Integer({ minimum: 0, maximum: 30 }),
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

function storageConfig(env: NodeJS.ProcessEnv): Config['storage'] {
  const kind = env.STORAGE || (env.S3_BUCKET ? 's3' : 'local');
  if (kind === 'local') return { kind };
  if (kind !== 's3') throw new ConfigError(`STORAGE must be local or s3, got "${kind}"`);
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new ConfigError(`${name} is required when STORAGE=s3`);
    return v;
  };
  return {
    kind,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    bucket: need('S3_BUCKET'),
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: need('S3_ACCESS_KEY_ID'),
    secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
    forcePathStyle: bool(env.S3_FORCE_PATH_STYLE, !!env.S3_ENDPOINT),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cfg: Config = {
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: int('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 20),
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
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          secure: bool(env.SMTP_SECURE, false),
          port: int('SMTP_PORT', env.SMTP_PORT, bool(env.SMTP_SECURE, false) ? 465 : 587),
          ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD ?? '' } : {}),
        }
      : undefined,
    mailFrom: env.MAIL_FROM || 'cchc <no-reply@localhost>',
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    storage: storageConfig(env),
    dossierNearDueDays: int('DOSSIER_NEAR_DUE_DAYS', env.DOSSIER_NEAR_DUE_DAYS, 1),
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
    ...overrides,
  };
  if (!cfg.databaseUrl) delete cfg.databaseUrl;
  for (const k of ['smtp', 'smsGatewayUrl', 'smsGatewayToken'] as const) if (!cfg[k]) delete cfg[k];
  const first = [...Value.Errors(ConfigSchema, cfg)][0];
  if (first) {
    const names: Record<string, string> = {
      '/databaseUrl': 'DATABASE_URL',
      '/port': 'PORT',
      '/logLevel': 'LOG_LEVEL',
      '/smtp/port': 'SMTP_PORT',
      '/smsGatewayUrl': 'SMS_GATEWAY_URL',
      '/storage/endpoint': 'S3_ENDPOINT',
      '/dossierNearDueDays': 'DOSSIER_NEAR_DUE_DAYS',
    };
    // never echo a value: the message names the variable and the rule only
    throw new ConfigError(`${names[first.path] ?? first.path.slice(1)}: ${first.message}`);
  }
  return cfg;
}
