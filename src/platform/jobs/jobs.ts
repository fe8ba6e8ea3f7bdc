import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.ts';

/** A job is data: its name, an optional cron schedule (Asia/Ho_Chi_Minh) and an idempotent handler. */
export interface JobDef<P = unknown> {
  name: string;
  cron?: string;
  handler: (payload: P) => Promise<void>;
}

export interface Jobs {
  /** enqueue a job (outside a transaction); returns the job id */
  send(name: string, payload?: object, opts?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
  register(def: JobDef<any>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database. pg-boss 10 is the newest that runs on Node 20; it takes a `db`
 * adapter, which is how it runs on PGlite too (see docs/decisions/0002-pg-boss-10-on-pglite.md).
 */
export function createJobs(database: Database, opts: { worker: boolean }): Jobs {
  const defs: JobDef<any>[] = [];
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        if (!values?.length && database.kind === 'pglite' && text.includes(';')) {
          await database.sql.exec(text);
          return { rows: [] };
        }
        return database.sql.query(text, values);
      },
    },
    schema: 'pgboss',
    // PGlite is one connection shared with the web requests: poll gently there.
    ...(database.kind === 'pglite' ? { monitorStateIntervalSeconds: 60, maintenanceIntervalSeconds: 300 } : {}),
  } as never);
  boss.on('error', () => {});
  let started = false;
  return {
    async send(name, payload = {}, o = {}) {
      return boss.send(name, payload, o);
    },
    register(def) {
      defs.push(def);
    },
    async start() {
      await boss.start();
      started = true;
      for (const def of defs) {
        await boss.createQueue(def.name).catch(() => {});
        if (!opts.worker) continue;
        await boss.work(
          def.name,
          { pollingIntervalSeconds: database.kind === 'pglite' ? 5 : 2 },
          async (jobs: { data: unknown }[]) => {
            for (const j of jobs) await def.handler(j.data);
          },
        );
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => {});
      started = false;
    },
  };
}
