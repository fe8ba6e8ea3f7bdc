import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { WorkflowStep } from '../procedures/procedures.table.ts';
import * as repo from './dossiers.repository.ts';

type UnitRow = Awaited<ReturnType<typeof repo.unitsByIds>>[number];
const DISTRICT_KINDS = ['district', 'town', 'rural_district', 'city', 'province'];

/** The unit that holds a step, resolved from the receiving unit (see WorkflowStep.unit). */
export async function resolveStepUnit(db: DbOrTx, receiving: UnitRow, step: WorkflowStep): Promise<UnitRow> {
  if (step.unit === 'receiving') return receiving;
  const ancestorIds = receiving.path.split('/').filter(Boolean);
  const chain = await repo.unitsByIds(db, ancestorIds);
  const byId = new Map(chain.map((u) => [u.id, u]));
  const district = [...ancestorIds]
    .reverse()
    .map((id) => byId.get(id))
    .find((u) => u && DISTRICT_KINDS.includes(u.kind));
  if (!district) throw new AppError('DOSSIER_STEP_UNIT_MISSING', { step: step.name });
  if (step.unit === 'district') return district;
  const suffix = step.unit.slice('dept:'.length);
  const dept = await repo.childBySuffix(db, district.id, suffix);
  if (!dept) throw new AppError('DOSSIER_STEP_UNIT_MISSING', { step: step.name });
  return dept;
}

/**
 * A unit by id for the intake checks, kept one second per process (the same staleness the unit
 * list cache of the org module accepts): every intake checks its receiving unit, and at a thousand
 * intakes a second that lookup would be a thousand round trips for some thirty rows.
 */
const unitCache = new WeakMap<object, Map<string, { until: number; unit: Promise<UnitRow | undefined> }>>();
const UNIT_TTL_MS = 1000;

export function cachedUnit(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
  let byId = unitCache.get(db);
  if (!byId) {
    byId = new Map();
    unitCache.set(db, byId);
  }
  const now = Date.now();
  const hit = byId.get(id);
  if (hit && hit.until > now) return hit.unit;
  const unit = repo.unitsByIds(db, [id]).then((rows) => rows[0]);
  if (byId.size > 10_000) byId.clear();
  byId.set(id, { until: now + UNIT_TTL_MS, unit });
  unit.catch(() => byId.delete(id));
  return unit;
}
