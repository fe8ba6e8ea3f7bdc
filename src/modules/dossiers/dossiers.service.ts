import './dossiers.errors.ts';
import { randomUUID } from 'node:crypto';
import { hcmDate, isPromiseOnDayOff, isProvisionalPromise } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { getUnit } from '../org/org.repository.ts';
import type { ProcedureRow } from '../procedures/procedures.repository.ts';
import { cachedProcedure as getProcedure } from '../procedures/procedures.service.ts';
import { isOverdue, receiptDueDate, remainingWorkingDays, resumedDueDate, stepDueDate } from './domain/deadline.ts';
import { awaitingFee, feeTotal, formatVnd, nationalStatus } from './domain/fees.ts';
import {
  actingParty,
  allowedActions,
  type DossierAction,
  type DossierStatus,
  NATIONAL_CODE,
  nextState,
  STATUS_VI,
} from './domain/workflow.ts';
import { feeView } from './dossier-fees.ts';
import type { StoredFile } from './dossier-files.ts';
import { cachedUnit, resolveStepUnit } from './dossier-units.ts';
import * as policy from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';
import type { DossierView, IntakeInput, SubmitInput, TransitionInput } from './dossiers.schemas.ts';
import { isNearDue, nearDueDays, nearDueHorizon } from './due-warnings.ts';
import { writeDossier } from './intake-writer.ts';
import { notificationsFor } from './notify/messages.ts';

type Signed = RequestContext & { actor: Actor };

export function decisionIndex(p: ProcedureRow): number {
  const i = p.workflow.findLastIndex((s) => s.role === 'leader');
  return i > 0 ? i : p.workflow.length - 2;
}

export function machine(d: repo.DossierRow, p: ProcedureRow) {
  return {
    status: d.status as DossierStatus,
    stepIndex: d.stepIndex,
    steps: p.workflow.length,
    decisionIndex: decisionIndex(p),
    supplementCount: d.supplementCount,
    apologyCount: d.apologyCount,
    statusBeforeSupplement: d.statusBeforeSupplement as DossierStatus | null,
  };
}

/** May this actor perform `action` on the dossier (state aside)? */
export function mayAct(actor: Actor | null, d: repo.DossierRow, p: ProcedureRow, action: DossierAction): boolean {
  const party = actingParty(action, d.status as DossierStatus);
  switch (party) {
    case 'one_stop':
      return policy.isOneStop(actor, d);
    case 'applicant_or_one_stop':
      return policy.isApplicant(actor, d) || policy.isOneStop(actor, d);
    case 'applicant':
      return policy.isApplicant(actor, d);
    case 'step_holder': {
      const step = p.workflow[d.stepIndex];
      return !!step && policy.holdsStep(actor, d, step.role);
    }
  }
}

function formsOf(d: repo.DossierRow): string[] {
  const f: string[] = [];
  if (d.receivedAt) f.push('01');
  if (d.supplementCount > 0) f.push('02');
  if (d.status === 'rejected') f.push('03');
  if (d.apologyCount > 0) f.push('04');
  if (d.status === 'stopped') f.push('05');
  return f;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function dossierView(
  db: DbOrTx,
  d: repo.DossierRow,
  actor: Actor | null,
  now: Date,
  detail = false,
  known?: { p: ProcedureRow; units: { id: string; name: string }[] },
): Promise<DossierView> {
  const p = known?.p ?? (await getProcedure(db, d.procedureId));
  const unitRows = known?.units ?? (await repo.unitsByIds(db, [d.receivingUnitId, d.holderUnitId]));
  const name = (id: string) => unitRows.find((u) => u.id === id)?.name ?? '';
  const cal = await getCalendar(db as Db);
  const view: DossierView = {
    id: d.id,
    code: d.code,
    procedure: { id: p.id, code: p.code, name: p.name, processingDays: p.processingDays },
    receivingUnit: { id: d.receivingUnitId, name: name(d.receivingUnitId) },
    holderUnit: { id: d.holderUnitId, name: name(d.holderUnitId) },
    status: d.status,
    nationalCode: nationalStatus(d, p.fees).code,
    statusName: nationalStatus(d, p.fees).name,
    outcome: d.outcome,
    channel: d.channel,
    applicant: { name: d.applicantName, phone: d.applicantPhone, email: d.applicantEmail, address: d.applicantAddress },
    formData: d.formData,
    submittedAt: d.submittedAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    effectiveReceiptDate: d.effectiveReceiptDate,
    dueDate: d.dueDate,
    dueDateProvisional: isProvisionalPromise(cal, d.submittedAt, d.dueDate),
    dueDateOnDayOff: isPromiseOnDayOff(cal, d.dueDate, !d.finishedAt),
    originalDueDate: d.originalDueDate,
    stepIndex: d.stepIndex,
    stepDueDate: d.stepDueDate,
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    overdue: isOverdue(d, now),
    dueSoon: isNearDue(cal, d, now),
    supplementCount: d.supplementCount,
    apologyCount: d.apologyCount,
    reason: d.reason,
    rating: d.rating,
    digitised: d.digitised,
    version: d.version,
    allowedActions: allowedActions(machine(d, p)).filter(
      (a) => mayAct(actor, d, p, a) && !(a === 'return_result' && awaitingFee(d, p.fees)),
    ),
    forms: formsOf(d),
    fee: feeView(actor, d, p),
  };
  if (detail) {
    const [evs, fs] = await Promise.all([repo.events(db, d.id), repo.files(db, d.id)]);
    view.history = evs.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      nationalCode: NATIONAL_CODE[e.toStatus as DossierStatus],
      stepName: e.stepName,
      unitName: e.unitName,
      dueDate: e.dueDate,
      actorName: e.actorName,
      note: e.note,
    }));
    view.files = fs.map((f) => ({
      id: f.id,
      kind: f.kind,
      componentKey: f.componentKey,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      uploadedAt: f.uploadedAt.toISOString(),
    }));
    const final = ['rejected', 'withdrawn', 'stopped', 'returned'].includes(d.status);
    view.steps = p.workflow.map((s, i) => ({
      key: s.key,
      name: s.name,
      role: s.role,
      days: s.days,
      state:
        final || i < d.stepIndex || (d.status === 'submitted' && false)
          ? 'done'
          : i === d.stepIndex && d.status !== 'submitted'
            ? 'current'
            : 'pending',
      dueDate: i === d.stepIndex && !final ? d.stepDueDate : null,
    }));
  }
  return view;
}

/** A dossier the actor may see, else NOT_FOUND (existence does not leak). */
export async function visibleDossier(db: DbOrTx, actor: Actor | null, id: string) {
  const d = await repo.getDossier(db, id);
  if (!d || !policy.canSeeDossier(actor, d)) throw new AppError('NOT_FOUND', { what: 'dossier' });
  return d;
}

function checkComponents(p: ProcedureRow, present: string[]) {
  for (const k of present)
    if (!p.components.some((c) => c.key === k)) throw new AppError('DOSSIER_COMPONENT_UNKNOWN', { key: k });
  const missing = p.components.filter((c) => c.mandatory && !present.includes(c.key));
  if (missing.length) {
    throw new AppError(
      'DOSSIER_COMPONENTS_MISSING',
      { list: missing.map((c) => c.name).join('; ') },
      { missing: missing.map((c) => ({ key: c.key, name: c.name })) },
    );
  }
}

async function receivingUnitFor(db: DbOrTx, p: ProcedureRow, unitId: string) {
  const u = await cachedUnit(db, unitId);
  if (!u || u.validTo || !p.receivingKinds.includes(u.kind)) throw new AppError('DOSSIER_RECEIVING_UNIT_INVALID');
  return u;
}

interface NewDossier {
  p: ProcedureRow;
  unit: NonNullable<Awaited<ReturnType<typeof getUnit>>>;
  applicant: SubmitInput['applicant'];
  formData: Record<string, unknown>;
  channel: number;
  status: 'submitted' | 'received';
  at: Date;
  files: StoredFile[];
  idempotencyKey: string | null;
  applicantUserId: string | null;
}

/**
 * One transaction: sequence number, dossier, event, notifications, audit (intake-writer.ts: the
 * dossiers of one unit and day arriving together share that transaction's counter upsert and commit).
 */
async function createDossier(db: Db, ctx: Signed, n: NewDossier) {
  const cal = await getCalendar(db);
  const { effectiveReceiptDate, dueDate } = receiptDueDate(cal, n.at, n.p.processingDays, n.p.receiptCutoff);
  const received = n.status === 'received';
  const firstStep = n.p.workflow[0]!;
  const id = randomUUID();
  const day = hcmDate(n.at);
  return writeDossier(db, {
    ctx,
    identifier: n.unit.agencyCode || n.unit.code,
    day,
    dossier: {
      id,
      procedureId: n.p.id,
      receivingUnitId: n.unit.id,
      receivingUnitPath: n.unit.path,
      holderUnitId: n.unit.id,
      holderUnitPath: n.unit.path,
      unitPaths: [n.unit.path],
      status: n.status,
      channel: n.channel,
      applicantUserId: n.applicantUserId,
      applicantName: n.applicant.name.trim(),
      applicantPhone: n.applicant.phone.replace(/[^0-9+]/g, ''),
      applicantEmail: n.applicant.email ?? null,
      applicantAddress: n.applicant.address ?? null,
      formData: n.formData,
      submittedAt: n.at,
      receivedAt: received ? n.at : null,
      effectiveReceiptDate: received ? effectiveReceiptDate : null,
      // online: the expected date, fixed when the one-stop shop accepts the dossier
      dueDate,
      originalDueDate: received ? dueDate : null,
      stepIndex: 0,
      stepStartedAt: received ? n.at : null,
      stepDueDate: received ? stepDueDate(cal, n.at, firstStep.days, n.p.receiptCutoff) : null,
      digitised: n.files.length > 0,
      idempotencyKey: n.idempotencyKey,
      createdBy: ctx.actor.userId,
    },
    event: {
      id: randomUUID(),
      dossierId: id,
      at: n.at,
      action: received ? 'intake' : 'submit',
      fromStatus: null,
      toStatus: n.status,
      stepKey: firstStep.key,
      stepName: firstStep.name,
      unitName: n.unit.name,
      actorName: ctx.actor.fullName,
      dueDate,
    },
    files: n.files.map((f) => ({ ...f, dossierId: id, kind: 'input', uploadedBy: ctx.actor.userId })),
    action: received ? 'intake' : 'submit',
    procedureName: n.p.name,
    audit: {
      action: received ? 'dossier.intake' : 'dossier.submit',
      targetType: 'dossier',
      targetId: id,
      unitId: n.unit.id,
      after: { status: n.status, dueDate, channel: n.channel },
    },
  });
}

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } })?.code === '23505' ||
  (e as { cause?: { code?: string } })?.cause?.code === '23505';

/** Online submission by a citizen (KenhThucHien = 2). An Idempotency-Key returns the same dossier. */
export async function submitOnline(
  db: Db,
  ctx: Signed,
  b: SubmitInput,
  files: StoredFile[],
  idempotencyKey: string | null,
) {
  if (idempotencyKey) {
    const prior = await repo.getByIdempotencyKey(db, ctx.actor.userId, idempotencyKey);
    if (prior) return { dossier: await dossierView(db, prior, ctx.actor, ctx.now), replayed: true };
  }
  const p = await getProcedure(db, b.procedureId);
  if (p.onlineLevel === 'none') throw new AppError('DOSSIER_PROCEDURE_NOT_ONLINE');
  const unit = await receivingUnitFor(db, p, b.receivingUnitId);
  checkComponents(p, [...new Set(files.map((f) => f.componentKey!))]);
  try {
    const d = await createDossier(db, ctx, {
      p,
      unit,
      applicant: b.applicant,
      formData: b.formData ?? {},
      channel: 2,
      status: 'submitted',
      at: ctx.now,
      files,
      idempotencyKey,
      applicantUserId: ctx.actor.userId,
    });
    return { dossier: await dossierView(db, d, ctx.actor, ctx.now, false, { p, units: [unit] }), replayed: false };
  } catch (e) {
    if (idempotencyKey && isUniqueViolation(e)) {
      const prior = await repo.getByIdempotencyKey(db, ctx.actor.userId, idempotencyKey);
      if (prior) return { dossier: await dossierView(db, prior, ctx.actor, ctx.now), replayed: true };
    }
    throw e;
  }
}

/** Counter intake by a one-stop officer: the dossier is received at once. */
export async function intakeAtCounter(db: Db, ctx: Signed, b: IntakeInput, idempotencyKey: string | null) {
  if (idempotencyKey) {
    const prior = await repo.getByIdempotencyKey(db, ctx.actor.userId, idempotencyKey);
    if (prior) return { dossier: await dossierView(db, prior, ctx.actor, ctx.now), replayed: true };
  }
  const p = await getProcedure(db, b.procedureId);
  const unit = await receivingUnitFor(db, p, b.receivingUnitId);
  if (
    !policy.isOneStop(ctx.actor, {
      receivingUnitPath: unit.path,
      applicantUserId: null,
      unitPaths: [unit.path],
      holderUnitPath: unit.path,
    })
  ) {
    throw new AppError('NOT_FOUND', { what: 'unit' });
  }
  checkComponents(p, [...new Set(b.componentsReceived)]);
  let at = ctx.now;
  if (b.receivedAt) {
    at = new Date(b.receivedAt);
    if (!(at.getTime() <= ctx.now.getTime() + 60_000 && at.getTime() >= ctx.now.getTime() - 30 * 86_400_000))
      throw new AppError('DOSSIER_RECEIVED_AT_INVALID');
  }
  try {
    const d = await createDossier(db, ctx, {
      p,
      unit,
      applicant: b.applicant,
      formData: b.formData ?? {},
      channel: b.channel ?? 1,
      status: 'received',
      at,
      files: [],
      idempotencyKey,
      applicantUserId: null,
    });
    return { dossier: await dossierView(db, d, ctx.actor, ctx.now, false, { p, units: [unit] }), replayed: false };
  } catch (e) {
    if (idempotencyKey && isUniqueViolation(e)) {
      const prior = await repo.getByIdempotencyKey(db, ctx.actor.userId, idempotencyKey);
      if (prior) return { dossier: await dossierView(db, prior, ctx.actor, ctx.now), replayed: true };
    }
    throw e;
  }
}

const NEEDS_REASON: DossierAction[] = ['refuse_intake', 'return_step', 'refuse', 'stop', 'apologise'];

/** The signed electronic result (PDF) joins the dossier: files and audit in one transaction. */
export async function attachResultFiles(db: Db, ctx: Signed, d: repo.DossierRow, files: StoredFile[]) {
  await db.transaction(async (tx) => {
    await repo.insertFiles(
      tx,
      files.map((f) => ({ ...f, dossierId: d.id, kind: 'result', uploadedBy: ctx.actor.userId })),
    );
    if (d.status === 'resolved') await repo.updateDossier(tx, d.id, d.version, { hasEResult: true });
    await audit(tx, ctx, {
      action: 'dossier.result_file',
      targetType: 'dossier',
      targetId: d.id,
      unitId: d.holderUnitId,
      after: { files: files.map((f) => f.fileName) },
    });
  });
}

/** Every state change: check state and role, compute, write dossier + event + outbox + audit in one transaction. */
export async function transition(
  db: Db,
  ctx: Signed,
  id: string,
  b: TransitionInput,
  supplementFiles: StoredFile[] = [],
) {
  const d0 = await visibleDossier(db, ctx.actor, id);
  const p = await getProcedure(db, d0.procedureId);
  const cal = await getCalendar(db);
  const m = machine(d0, p);
  const allowed = allowedActions(m);
  if (!allowed.includes(b.action)) {
    throw new AppError(
      'DOSSIER_ACTION_NOT_ALLOWED',
      { action: b.action, status: STATUS_VI[m.status] },
      { status: d0.status, allowedActions: allowed.filter((a) => mayAct(ctx.actor, d0, p, a)) },
    );
  }
  if (!mayAct(ctx.actor, d0, p, b.action)) throw new AppError('FORBIDDEN');
  if (NEEDS_REASON.includes(b.action) && !b.reason) throw new AppError('DOSSIER_REASON_REQUIRED');
  if (b.action === 'request_supplement' && !b.missing?.length) throw new AppError('DOSSIER_SUPPLEMENT_LIST_REQUIRED');

  const now = ctx.now;
  const next = nextState(m, b.action);
  const set: Partial<repo.DossierInsert> = { status: next.status, stepIndex: next.stepIndex };
  let holder = { id: d0.holderUnitId, path: d0.holderUnitPath };
  let unitName: string | null = null;
  const step = p.workflow[next.stepIndex]!;
  const moveTo = async (stepIdx: number) => {
    const receiving = (await getUnit(db, d0.receivingUnitId))!;
    const u = await resolveStepUnit(db, receiving, p.workflow[stepIdx]!);
    holder = { id: u.id, path: u.path };
    unitName = u.name;
    set.holderUnitId = u.id;
    set.holderUnitPath = u.path;
    if (!d0.unitPaths.includes(u.path)) set.unitPaths = [...d0.unitPaths, u.path];
    set.stepStartedAt = now;
    set.stepDueDate = stepDueDate(cal, now, p.workflow[stepIdx]!.days, p.receiptCutoff);
  };
  let data: Record<string, unknown> | null = null;
  switch (b.action) {
    case 'accept': {
      const r = receiptDueDate(cal, now, p.processingDays, p.receiptCutoff);
      Object.assign(set, {
        receivedAt: now,
        effectiveReceiptDate: r.effectiveReceiptDate,
        dueDate: r.dueDate,
        originalDueDate: r.dueDate,
        stepStartedAt: now,
        stepDueDate: stepDueDate(cal, now, p.workflow[0]!.days, p.receiptCutoff),
      });
      break;
    }
    case 'refuse_intake':
    case 'stop':
    case 'withdraw':
      Object.assign(set, { finishedAt: now, reason: b.reason ?? null });
      break;
    case 'request_supplement':
      data = { missing: b.missing };
      Object.assign(set, {
        supplementCount: d0.supplementCount + 1,
        statusBeforeSupplement: d0.status,
        clockRemainingDays: d0.receivedAt && d0.dueDate ? remainingWorkingDays(cal, now, d0.dueDate) : null,
        reason: b.missing!.join('; '),
      });
      break;
    case 'supplement':
      Object.assign(set, {
        statusBeforeSupplement: null,
        clockRemainingDays: null,
        digitised: d0.digitised || supplementFiles.length > 0,
      });
      if (d0.clockRemainingDays !== null && d0.receivedAt) {
        // the clock restarts: the remaining working days count from the supplement's receipt
        set.dueDate = resumedDueDate(cal, now, d0.clockRemainingDays, p.receiptCutoff);
        data = { previousDueDate: d0.dueDate, remainingDays: d0.clockRemainingDays };
      } else if (!d0.receivedAt) {
        set.dueDate = receiptDueDate(cal, now, p.processingDays, p.receiptCutoff).dueDate;
      }
      break;
    case 'transfer':
    case 'return_step':
      await moveTo(next.stepIndex);
      if (b.reason) set.reason = b.reason;
      break;
    case 'approve':
    case 'refuse': {
      await moveTo(next.stepIndex);
      set.outcome = next.outcome ?? null;
      set.finishedAt = now;
      if (b.reason) set.reason = b.reason;
      const fs = await repo.files(db, d0.id);
      set.hasEResult = fs.some((f) => f.kind === 'result');
      break;
    }
    case 'return_result':
      // an approved result is handed over once its fee is paid (national status 6 until then)
      if (awaitingFee(d0, p.fees)) throw new AppError('DOSSIER_FEE_UNPAID', { amount: formatVnd(feeTotal(p.fees)) });
      set.returnedAt = now;
      break;
    case 'apologise': {
      const nd = b.newDueDate;
      if (!nd || !d0.dueDate || nd <= d0.dueDate || !isWorkingDate(cal, nd))
        throw new AppError('DOSSIER_NEW_DUE_DATE_INVALID', { dueDate: d0.dueDate ?? '' });
      Object.assign(set, { apologyCount: d0.apologyCount + 1, dueDate: nd, reason: b.reason });
      data = { previousDueDate: d0.dueDate, newDueDate: nd };
      break;
    }
  }
  if (supplementFiles.length && b.action !== 'supplement')
    throw new AppError('BAD_REQUEST', { detail: 'files only with a supplement' });

  const after = await db.transaction(async (tx) => {
    const updated = await repo.updateDossier(tx, d0.id, b.version, set);
    if (!updated) {
      const current = await repo.getDossier(tx, d0.id);
      throw new AppError(
        'VERSION_CONFLICT',
        {},
        { current: current && { id: current.id, status: current.status, version: current.version } },
      );
    }
    if (supplementFiles.length)
      await repo.insertFiles(
        tx,
        supplementFiles.map((f) => ({ ...f, dossierId: d0.id, kind: 'supplement', uploadedBy: ctx.actor.userId })),
      );
    const eventId = await repo.insertEvent(tx, {
      dossierId: d0.id,
      at: now,
      action: b.action,
      fromStatus: d0.status,
      toStatus: updated.status,
      stepKey: p.workflow[updated.stepIndex]?.key ?? step.key,
      stepName: p.workflow[updated.stepIndex]?.name ?? step.name,
      unitName,
      actorName: ctx.actor.fullName,
      note: b.reason ?? (b.missing ? b.missing.join('; ') : null),
      dueDate: updated.dueDate,
      data,
    });
    await repo.insertOutbox(
      tx,
      notificationsFor(
        updated,
        eventId,
        b.action,
        p.name,
        b.reason ?? b.missing?.join('; '),
        b.action === 'approve' && awaitingFee(updated, p.fees) ? feeTotal(p.fees) : 0,
      ),
    );
    await audit(tx, ctx, {
      action: `dossier.${b.action}`,
      targetType: 'dossier',
      targetId: d0.id,
      unitId: holder.id,
      before: { status: d0.status, stepIndex: d0.stepIndex, dueDate: d0.dueDate, version: d0.version },
      after: {
        status: updated.status,
        stepIndex: updated.stepIndex,
        dueDate: updated.dueDate,
        reason: b.reason ?? null,
        missing: b.missing ?? null,
      },
    });
    return updated;
  });
  return dossierView(db, after, ctx.actor, ctx.now, true);
}

function isWorkingDate(cal: Awaited<ReturnType<typeof getCalendar>>, date: string) {
  try {
    return receiptDueDate(cal, new Date(`${date}T08:00:00+07:00`), 0).effectiveReceiptDate === date;
  } catch {
    return false;
  }
}

export async function getDossierView(db: Db, ctx: RequestContext, id: string) {
  const d = await visibleDossier(db, ctx.actor, id);
  return dossierView(db, d, ctx.actor, ctx.now, true);
}

export async function listDossiers(
  db: Db,
  ctx: Signed,
  q: {
    view?: 'queue' | 'all' | 'mine';
    status?: string;
    procedureId?: string;
    q?: string;
    overdue?: boolean;
    dueSoon?: boolean;
    limit?: number;
    offset?: number;
  },
) {
  const view = q.view ?? (policy.dossierScope(ctx.actor).length ? 'queue' : 'mine');
  const roots = policy.dossierScope(ctx.actor);
  const f = {
    status: q.status,
    procedureId: q.procedureId,
    q: q.q,
    overdueOn: q.overdue ? hcmDate(ctx.now) : undefined,
    nearDue: q.dueSoon
      ? { today: hcmDate(ctx.now), horizon: nearDueHorizon(await getCalendar(db), ctx.now, nearDueDays()) }
      : undefined,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  };
  const { rows, total } = await repo.listDossiers(
    db,
    view === 'mine'
      ? { ...f, applicantUserId: ctx.actor.userId }
      : view === 'queue'
        ? { ...f, holderRoots: roots }
        : { ...f, roots },
  );
  const items = [];
  for (const d of rows) items.push(await dossierView(db, d, ctx.actor, ctx.now));
  return { total, items };
}
