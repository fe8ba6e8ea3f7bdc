import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Database, openDatabase } from '../src/db/client.ts';
import { type DbKind, openTestDatabase, type TestDatabase } from './harness.ts';
import { freePort, runCchc, waitHealthy } from './process.ts';

export interface Burst<A> {
  /** after the server answers, before the burst (sign in, look up ids the requests need) */
  before?: (base: string) => Promise<void>;
  /** request `i`: its acknowledgement, or null when refused; throws when the connection is lost */
  send: (base: string, i: number) => Promise<A | null>;
  /** requests at most; the server is killed once `killAfter` are acknowledged */
  total: number;
  killAfter: number;
  /** on the restarted server */
  restarted: (base: string, acknowledged: A[]) => Promise<void>;
  /** on the database, the server stopped; `attempted` = requests started before the kill */
  inspect: (database: Database, acknowledged: A[], attempted: number) => Promise<void>;
}

/**
 * The crash tests' skeleton: the server runs as a child process (embedded database in a fresh
 * folder, or a fresh PostgreSQL database), 8 concurrent streams fire `send` at it, it is killed
 * with SIGKILL in the middle, restarted on the same data and then stopped; the database is opened
 * for `inspect`. The requests and the checks are the caller's.
 */
export async function killMidBurst<A>(kind: DbKind, env: NodeJS.ProcessEnv, burst: Burst<A>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-crash-'));
  let pgdb: TestDatabase | undefined;
  const e: NodeJS.ProcessEnv = { ...env, CCHC_DATA_DIR: dataDir, CCHC_JOBS: 'false', HOST: '127.0.0.1' };
  try {
    if (kind === 'postgres') {
      pgdb = await openTestDatabase('postgres');
      e.DATABASE_URL = pgdb.url;
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    e.PORT = String(port);
    const first = runCchc(['serve'], e);
    await waitHealthy(`${base}/health`, 240_000);
    await burst.before?.(base);

    const acknowledged: A[] = [];
    let next = 0;
    const stream = async () => {
      while (next < burst.total) {
        const i = next++;
        try {
          const a = await burst.send(base, i);
          if (a !== null) acknowledged.push(a);
        } catch {
          return; // connection lost: the server is gone
        }
        if (acknowledged.length >= burst.killAfter && first.child.exitCode === null && !first.child.killed)
          first.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 8 }, stream));
    await first.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(burst.killAfter);

    const second = runCchc(['serve'], e);
    try {
      await waitHealthy(`${base}/health`, 240_000);
      await burst.restarted(base, acknowledged);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }

    const database = await openDatabase(pgdb ? { databaseUrl: pgdb.url } : { dataDir });
    try {
      await burst.inspect(database, acknowledged, next);
    } finally {
      await database.close();
    }
  } finally {
    await pgdb?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
