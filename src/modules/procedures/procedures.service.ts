import './procedures.errors.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { type Actor, hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { listUnits } from '../org/org.repository.ts';
import * as repo from './procedures.repository.ts';
import type { ProcedureInput, ProcedureView } from './procedures.schemas.ts';

type Signed = RequestContext & { actor: Actor };

export function procedureView(p: repo.ProcedureRow): ProcedureView {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level as ProcedureView['level'],
    receivingKinds: p.receivingKinds,
    processingDays: p.processingDays,
    receiptCutoff: p.receiptCutoff,
    fees: p.fees,
    components: p.components,
    onlineLevel: p.onlineLevel as ProcedureView['onlineLevel'],
    legalBasis: p.legalBasis,
    workflow: p.workflow,
    resultName: p.resultName,
    validFrom: p.validFrom,
    validTo: p.validTo,
    version: p.version,
  };
}

/** Problems of a procedure definition (empty = valid). Pure. */
export function procedureProblems(p: Pick<ProcedureInput, 'components' | 'workflow' | 'processingDays'>): string[] {
  const out: string[] = [];
  const dup = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
  for (const k of dup(p.components.map((c) => c.key))) out.push(`component key ${k} repeated`);
  for (const k of dup(p.workflow.map((s) => s.key))) out.push(`step key ${k} repeated`);
  const first = p.workflow[0];
  const last = p.workflow[p.workflow.length - 1];
  if (first && (first.role !== 'one_stop_officer' || first.unit !== 'receiving'))
    out.push('the first step must be the receipt at the receiving unit (one_stop_officer, receiving)');
  if (last && (last.role !== 'one_stop_officer' || last.unit !== 'receiving'))
    out.push('the last step must be the return of the result at the receiving unit (one_stop_officer, receiving)');
  const total = p.workflow.reduce((s, x) => s + x.days, 0);
  if (total > p.processingDays)
    out.push(`the steps take ${total} working days, more than the ${p.processingDays} allowed`);
  return out;
}

function check(p: Pick<ProcedureInput, 'components' | 'workflow' | 'processingDays'>) {
  const problems = procedureProblems(p);
  if (problems.length) throw new AppError('PROCEDURE_INVALID', { detail: problems.join('; ') }, { problems });
}

const today = (ctx: RequestContext) => ctx.now.toISOString().slice(0, 10);

export async function listProcedures(
  db: Db,
  ctx: RequestContext,
  q: { q?: string; level?: string; field?: string; at?: string },
) {
  const rows = await repo.listProcedures(db, { ...q, at: q.at ?? today(ctx) });
  return rows.map(procedureView);
}

/**
 * Procedures read on every dossier request change rarely: a process keeps them 30 s (dropped at
 * once when this process changes the catalogue; other processes see a change within 30 s).
 */
const cache = new Map<string, { row: repo.ProcedureRow; at: number }>();
const CACHE_MS = 30_000;
export const forgetProcedures = () => cache.clear();

export async function cachedProcedure(db: DbOrTx, id: string) {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
  const row = await getProcedure(db, id);
  if (cache.size > 5000) cache.clear();
  cache.set(id, { row, at: Date.now() });
  return row;
}

export async function getProcedure(db: DbOrTx, id: string) {
  const p = await repo.getProcedure(db, id);
  if (!p) throw new AppError('NOT_FOUND', { what: 'procedure' });
  return p;
}

/** Units where a dossier of the procedure can be filed (public: citizens choose their ward). */
export async function receivingUnits(db: Db, ctx: RequestContext, id: string) {
  const p = await getProcedure(db, id);
  const units = await listUnits(db, { roots: ['/'], at: today(ctx) });
  return units
    .filter((u) => p.receivingKinds.includes(u.kind))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind }));
}

const isAdmin = (a: Actor) => hasRole(a, ['admin']);

export async function createProcedure(db: Db, ctx: Signed, b: ProcedureInput) {
  if (!isAdmin(ctx.actor)) throw new AppError('FORBIDDEN');
  check(b);
  return db.transaction(async (tx) => {
    if (await repo.getProcedureByCode(tx, b.code)) throw new AppError('PROCEDURE_CODE_TAKEN', { code: b.code });
    const row = await repo.insertProcedure(tx, {
      ...b,
      resultName: b.resultName ?? '',
      validFrom: b.validFrom ?? today(ctx),
      validTo: b.validTo ?? null,
    });
    await audit(tx, ctx, {
      action: 'procedure.create',
      targetType: 'procedure',
      targetId: row.id,
      after: procedureView(row),
    });
    forgetProcedures();
    return procedureView(row);
  });
}

export async function updateProcedure(
  db: Db,
  ctx: Signed,
  id: string,
  b: Partial<ProcedureInput> & { version: number },
) {
  if (!isAdmin(ctx.actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await getProcedure(tx, id);
    const { version, ...set } = b;
    check({
      components: set.components ?? before.components,
      workflow: set.workflow ?? before.workflow,
      processingDays: set.processingDays ?? before.processingDays,
    });
    if (set.code && set.code !== before.code && (await repo.getProcedureByCode(tx, set.code)))
      throw new AppError('PROCEDURE_CODE_TAKEN', { code: set.code });
    const after = await repo.updateProcedure(tx, id, version, set);
    if (!after) throw new AppError('VERSION_CONFLICT', {}, { current: procedureView(before) });
    await audit(tx, ctx, {
      action: 'procedure.update',
      targetType: 'procedure',
      targetId: id,
      before: procedureView(before),
      after: procedureView(after),
    });
    forgetProcedures();
    return procedureView(after);
  });
}

/** Inserts or updates (by code) — used by the xlsx import and the demo seed. */
export async function upsertProcedures(tx: DbOrTx, ctx: RequestContext, list: ProcedureInput[]) {
  let created = 0;
  let updated = 0;
  for (const b of list) {
    check(b);
    const existing = await repo.getProcedureByCode(tx, b.code);
    const values = {
      ...b,
      resultName: b.resultName ?? '',
      validFrom: b.validFrom ?? '2000-01-01',
      validTo: b.validTo ?? null,
    };
    if (existing) {
      const after = await repo.updateProcedure(tx, existing.id, existing.version, values);
      await audit(tx, ctx, {
        action: 'procedure.update',
        targetType: 'procedure',
        targetId: existing.id,
        before: procedureView(existing),
        after: after && procedureView(after),
      });
      updated++;
    } else {
      const row = await repo.insertProcedure(tx, values);
      await audit(tx, ctx, {
        action: 'procedure.create',
        targetType: 'procedure',
        targetId: row.id,
        after: procedureView(row),
      });
      created++;
    }
  }
  forgetProcedures();
  return { created, updated };
}
