import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { ConfigError } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

/** A plain SQL runner, used by pg-boss and by raw maintenance statements. */
export interface SqlRunner {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  /** several statements without parameters */
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  sql: SqlRunner;
  /** where it lives, without credentials */
  describe: string;
  /** runs fn while holding a cluster-wide lock (PostgreSQL advisory lock; PGlite has one process) */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite directory; undefined = in memory (tests) */
  dataDir?: string | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 20) : openPglite(opts.dataDir);
}

/**
 * Settings of the embedded PostgreSQL, given on its command line (PGlite rewrites postgresql.conf
 * when given `postgresqlconf`, so that is avoided). PGlite runs one backend in a WebAssembly heap
 * whose size follows shared_buffers: the default 128 MB made the server's resident memory ~400 MB
 * and its start ~0.5 s slower. 16 MB holds the demo's working set; the OS page cache holds the rest.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new ConfigError(`data directory ${dataDir} is not writable (set CCHC_DATA_DIR or fix its permissions)`);
    }
    dir = join(dataDir, 'pgdata');
  }
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = new PGlite(dir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  try {
    await client.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    describe: dir ? `PGlite at ${dir}` : 'PGlite in memory',
    sql: {
      query: async (text, values) => {
        const r = await client.query(text, values as unknown[] | undefined);
        return { rows: r.rows as never[] };
      },
      exec: async (text) => {
        await client.exec(text);
      },
    },
    withLock: (_key, fn) => fn(),
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  let safe: string;
  try {
    const u = new URL(url);
    safe = `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new ConfigError(`cannot connect to ${safe}: ${(err as Error).message}`);
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    describe: safe,
    sql: {
      query: async (text, values) => {
        const r = await pool.query(text, values as unknown[] | undefined);
        return { rows: r.rows };
      },
      exec: async (text) => {
        await pool.query(text);
      },
    },
    withLock: async (key, fn) => {
      const c = await pool.connect();
      try {
        await c.query('select pg_advisory_lock($1)', [key]);
        return await fn();
      } finally {
        await c.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
