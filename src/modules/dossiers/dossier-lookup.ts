import { isPromiseOnDayOff, isProvisionalPromise } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { cachedProcedure as getProcedure } from '../procedures/procedures.service.ts';
import { isOverdue } from './domain/deadline.ts';
import { nationalStatus } from './domain/fees.ts';
import { type DossierStatus, NATIONAL_CODE, STATUS_VI } from './domain/workflow.ts';
import * as repo from './dossiers.repository.ts';

/**
 * Failed lookups per IP: a code plus 4 digits could be guessed, so misses are throttled
 * (20 per 10 minutes per address); successful lookups are not.
 */
const misses = new Map<string, { n: number; until: number }>();
const MAX_MISSES = 20;
const WINDOW_MS = 10 * 60_000;

function checkThrottle(ip: string, now: number) {
  const m = misses.get(ip);
  if (m?.until !== undefined && m.until > now && m.n >= MAX_MISSES)
    throw new AppError('DOSSIER_LOOKUP_THROTTLED', { retryAfter: Math.ceil((m.until - now) / 1000) });
}

function miss(ip: string, now: number): never {
  const m = misses.get(ip);
  if (!m || m.until <= now) misses.set(ip, { n: 1, until: now + WINDOW_MS });
  else m.n++;
  if (misses.size > 100_000) misses.clear();
  throw new AppError('NOT_FOUND', { what: 'dossier' });
}

/** Unit names change rarely: kept 60 s per process for the public lookup. */
const unitNames = new Map<string, { name: string; at: number }>();
async function cachedUnitName(db: Db, id: string) {
  const hit = unitNames.get(id);
  if (hit && Date.now() - hit.at < 60_000) return hit.name;
  const name = (await repo.unitsByIds(db, [id]))[0]?.name ?? '';
  if (unitNames.size > 10_000) unitNames.clear();
  unitNames.set(id, { name, at: Date.now() });
  return name;
}

/** Test hook. */
export const resetLookupThrottle = () => misses.clear();

async function findByCodeAndPhone(db: Db, ctx: RequestContext, code: string, phone4: string) {
  const now = ctx.now.getTime();
  checkThrottle(ctx.ip, now);
  const d = await repo.getDossierByCode(db, code.trim());
  if (!d?.applicantPhone.endsWith(phone4)) miss(ctx.ip, now);
  return d;
}

/** Public lookup: status history and due date, nothing personal (no names, notes or files). One query. */
export async function publicLookup(db: Db, ctx: RequestContext, code: string, phone4: string) {
  const now = ctx.now.getTime();
  checkThrottle(ctx.ip, now);
  const d = await repo.publicLookupRow(db, code.trim());
  if (!d?.applicantPhone.endsWith(phone4)) miss(ctx.ip, now);
  const [p, unitName, cal] = await Promise.all([
    getProcedure(db, d.procedureId),
    cachedUnitName(db, d.receivingUnitId),
    getCalendar(db),
  ]);
  const status = d.status as DossierStatus;
  // 6 while an approved result waits for the fee (domain/fees.ts)
  const national = nationalStatus(d, p.fees);
  return {
    code: d.code,
    procedureName: p.name,
    receivingUnitName: unitName,
    status,
    nationalCode: national.code,
    statusName: national.name,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: d.receivedAt?.toISOString() ?? null,
    dueDate: d.dueDate,
    dueDateProvisional: isProvisionalPromise(cal, d.submittedAt, d.dueDate),
    dueDateOnDayOff: isPromiseOnDayOff(cal, d.dueDate, !d.finishedAt),
    finishedAt: d.finishedAt?.toISOString() ?? null,
    returnedAt: d.returnedAt?.toISOString() ?? null,
    overdue: isOverdue(d, ctx.now),
    canRate: status === 'returned' && d.rating === null,
    history: d.history.map((e) => ({ ...e, nationalCode: NATIONAL_CODE[e.toStatus as DossierStatus] })),
  };
}

/** Satisfaction rating after the result is returned (feeds 766 indicator 5.4); once per dossier. */
export async function rateDossier(
  db: Db,
  ctx: RequestContext,
  b: { code: string; phone4: string; rating: number; comment?: string },
) {
  const d = await findByCodeAndPhone(db, ctx, b.code, b.phone4);
  if (d.status !== 'returned')
    throw new AppError(
      'DOSSIER_ACTION_NOT_ALLOWED',
      { action: 'rate', status: STATUS_VI[d.status as DossierStatus] },
      { allowedActions: [] },
    );
  if (d.rating !== null) throw new AppError('DOSSIER_ALREADY_RATED');
  await db.transaction(async (tx) => {
    const u = await repo.updateDossier(tx, d.id, d.version, {
      rating: b.rating,
      ratingComment: b.comment ?? null,
      ratedAt: ctx.now,
    });
    if (!u) throw new AppError('VERSION_CONFLICT');
    await audit(tx, ctx, {
      action: 'dossier.rate',
      targetType: 'dossier',
      targetId: d.id,
      unitId: d.receivingUnitId,
      after: { rating: b.rating },
    });
  });
  return { rated: true };
}
