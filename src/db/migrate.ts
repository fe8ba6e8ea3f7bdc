import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../paths.ts';
import type { Database } from './client.ts';

/** Applies pending SQL migrations. On PostgreSQL an advisory lock keeps two starting instances apart. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  await database.withLock(727274, () => migratePg(database.db as never, { migrationsFolder }));
}
