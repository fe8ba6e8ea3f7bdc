import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { upsertProcedures } from '../procedures.service.ts';
import { DEMO_PROCEDURES, DISTRICT_PROCEDURES } from './catalogue.ts';

export const systemContext = (requestId = 'seed'): RequestContext => ({
  actor: null,
  requestId,
  ip: '127.0.0.1',
  locale: 'vi',
  now: new Date(),
});

/** The demo procedure catalogue (idempotent: upsert by code). */
export async function seedProcedures(db: Db) {
  return db.transaction((tx) => upsertProcedures(tx, systemContext(), [...DEMO_PROCEDURES, ...DISTRICT_PROCEDURES]));
}
