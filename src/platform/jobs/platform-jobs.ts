import type { Deps } from '../http/types.ts';

/** Housekeeping jobs of the platform itself. */
export function registerPlatformJobs(deps: Deps) {
  deps.jobs.register({
    name: 'sessions-purge-expired',
    cron: '17 * * * *',
    handler: async () => {
      await deps.auth.purgeExpired(new Date());
    },
  });
}
