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
