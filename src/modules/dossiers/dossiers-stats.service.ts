import { hcmDate } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { getUnit } from '../org/org.repository.ts';
import { listProcedures } from '../procedures/procedures.repository.ts';
import * as policy from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';
import { dossierStats, THRESHOLDS } from './stats/stats.ts';

/** Statistics for a unit's subtree (default: the actor's broadest scope) and a period. */
export async function statsFor(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  q: { unitId?: string; from: string; to: string; groupBy?: 'unit' | 'procedure' | 'none' },
) {
  let unitId = q.unitId;
  if (!unitId) {
    const root = policy.dossierScope(ctx.actor)[0];
    if (!root) throw new AppError('FORBIDDEN');
    unitId = root.split('/').filter(Boolean).pop()!;
  }
  const unit = await getUnit(db, unitId);
  if (!unit || !policy.canReadStats(ctx.actor, unit.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
  if (q.to < q.from) throw new AppError('BAD_REQUEST', { detail: 'to before from' });
  const today = hcmDate(ctx.now);
  const groupBy = q.groupBy ?? 'unit';
  const rows = await dossierStats(db, {
    unitPath: unit.path,
    from: q.from,
    to: q.to,
    asOf: [q.to, today].sort()[0]!,
    groupBy,
  });
  const names = new Map<string, string>();
  if (groupBy === 'unit')
    for (const u of await repo.unitsByIds(db, rows.map((r) => r.key!).filter(Boolean))) names.set(u.id, u.name);
  if (groupBy === 'procedure') for (const p of await listProcedures(db, {})) names.set(p.id, p.name);
  const totals =
    (
      await dossierStats(db, {
        unitPath: unit.path,
        from: q.from,
        to: q.to,
        asOf: [q.to, today].sort()[0]!,
        groupBy: 'none',
      })
    )[0] ?? null;
  return {
    unit: { id: unit.id, name: unit.name },
    from: q.from,
    to: q.to,
    thresholds: THRESHOLDS,
    totals,
    rows: rows.map((r) => ({ ...r, name: r.key ? (names.get(r.key) ?? r.key) : 'Tổng' })),
  };
}
