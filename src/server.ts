import { buildApp } from './app.ts';
import { type Config, ConfigError } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { AuthService } from './platform/auth/auth.service.ts';
import type { App, Deps } from './platform/http/types.ts';
import { createJobs } from './platform/jobs/jobs.ts';
import { registerPlatformJobs } from './platform/jobs/platform-jobs.ts';

export interface Running {
  app: App;
  deps: Deps;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, optionally seeds, starts jobs and the HTTP server. */
export async function startServer(
  config: Config,
  opts: { seed?: (deps: Deps) => Promise<void>; logger?: boolean | object; listen?: boolean } = {},
): Promise<Running> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  let app: App | undefined;
  let jobs: Deps['jobs'] | undefined;
  try {
    await migrate(database);
    jobs = createJobs(database, { worker: config.jobs });
    const deps: Deps = { config, database, auth: new AuthService(database.db, config), jobs };
    registerPlatformJobs(deps);
    if (opts.seed) await opts.seed(deps);
    app = await buildApp(deps, { logger: opts.logger ?? false });
    let url = '';
    if (opts.listen ?? true) {
      try {
        url = await app.listen({ port: config.port, host: config.host });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (e.code === 'EADDRINUSE')
          throw new ConfigError(`port ${config.port} is already in use (set PORT to another port)`);
        if (e.code === 'EACCES') throw new ConfigError(`no permission to listen on port ${config.port}`);
        throw err;
      }
    }
    // Jobs start in the background shortly after the server answers: they are not needed to serve
    // the first request, and on the embedded database (one connection) pg-boss's start-up queries
    // would queue ahead of it.
    const startJobs = config.jobs ? deferredStart(jobs, app) : undefined;
    const running: Running = {
      app,
      deps,
      url,
      stop: async () => {
        await startJobs?.cancel();
        await app!.close();
        await jobs!.stop();
        await database.close();
      },
    };
    return running;
  } catch (err) {
    await app?.close().catch(() => {});
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}

const JOBS_START_DELAY_MS = 1500;

/** Starts the job worker after a delay; `cancel` stops a pending start or waits for a running one. */
function deferredStart(jobs: Deps['jobs'], app: App) {
  let running: Promise<void> | undefined;
  const timer = setTimeout(() => {
    running = jobs.start().catch((err) => app.log.error({ err }, 'the job worker did not start'));
  }, JOBS_START_DELAY_MS);
  timer.unref();
  return {
    async cancel() {
      clearTimeout(timer);
      await running;
    },
  };
}
