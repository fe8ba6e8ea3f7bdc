/**
 * Test harness: fresh databases (PGlite in memory, and PostgreSQL when TEST_DATABASE_URL is set),
 * an app built on them with the demo organisation and accounts, and signed-in HTTP sessions.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts, seedUnits } from '../src/db/seed/demo.ts';
import { DEMO_UNITS } from '../src/modules/org/demo/demo-units.ts';
import { AuthService } from '../src/platform/auth/auth.service.ts';
import type { App, Deps } from '../src/platform/http/types.ts';
import { createJobs } from '../src/platform/jobs/jobs.ts';

export type DbKind = 'pglite' | 'postgres';
/** The databases every integration test runs on. */
export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  url?: string;
  dispose(): Promise<void>;
}

/** A new, migrated, empty database. On PostgreSQL a throw-away database is created on the server. */
export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { ...database, dispose: () => database.close() };
  }
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `cchc_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  await migrate(database);
  return {
    ...database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: App;
  deps: Deps;
  database: TestDatabase;
  /** signs a demo (or other) account in; password defaults to the demo password */
  login(login: string, password?: string): Promise<Session>;
  /** an anonymous client */
  anon: Session;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: string;
}

export class Session {
  constructor(
    private app: App,
    public cookie?: string,
    public csrf?: string,
    public headers: Record<string, string> = {},
  ) {}
  async request(
    method: string,
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined
        ? Buffer.isBuffer(body) || typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }
        : {}),
    });
    let parsed: unknown = res.body;
    if (/json/.test(String(res.headers['content-type']))) {
      try {
        parsed = JSON.parse(res.body);
      } catch {}
    }
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
  }
  get = (url: string, h?: Record<string, string>) => this.request('GET', url, undefined, h);
  post = (url: string, body?: unknown, h?: Record<string, string>) => this.request('POST', url, body ?? {}, h);
  patch = (url: string, body?: unknown, h?: Record<string, string>) => this.request('PATCH', url, body ?? {}, h);
  put = (url: string, body?: unknown, h?: Record<string, string>) => this.request('PUT', url, body ?? {}, h);
  delete = (url: string, h?: Record<string, string>) => this.request('DELETE', url, undefined, h);
}

/**
 * An app on a fresh database with the demo organisation and demo accounts (no module demo data
 * unless `seed` adds it).
 */
export async function createTestApp(
  kind: DbKind,
  opts: { seed?: (deps: Deps) => Promise<void>; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ CCHC_DATA_DIR: '/tmp/cchc-test', LOG_LEVEL: 'silent', CCHC_JOBS: 'false', ...opts.env });
  const jobs = createJobs(database, { worker: false });
  const deps: Deps = { config, database, auth: new AuthService(database.db, config), jobs };
  await database.db.transaction(async (tx) => {
    await seedUnits(tx as never, DEMO_UNITS);
    await seedDemoAccounts(tx as never);
  });
  if (opts.seed) await opts.seed(deps);
  const app = await buildApp(deps, { serveWeb: false, logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  return {
    app,
    deps,
    database,
    anon: new Session(app),
    async login(login, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']).split(';')[0]!;
      return new Session(app, setCookie, JSON.parse(res.body).csrfToken);
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
