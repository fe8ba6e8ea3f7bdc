import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Actor, RequestContext } from '../../platform/auth/actor.ts';
import { cachedProcedure as getProcedure } from '../procedures/procedures.service.ts';
import { feeRecordable, formatVnd } from './domain/fees.ts';
import { type DossierStatus, STATUS_VI } from './domain/workflow.ts';
import { mayRecordFee } from './dossier-fees.ts';
import * as repo from './dossiers.repository.ts';
import type { FeeInput } from './dossiers.schemas.ts';
import { dossierView, visibleDossier } from './dossiers.service.ts';

const METHOD_VI: Record<string, string> = {
  cash: 'tiền mặt',
  bank_transfer: 'chuyển khoản',
  online: 'thanh toán trực tuyến',
  pos: 'thẻ (POS)',
};

/**
 * The one-stop shop records the procedure's fee as paid (đã thu phí): amount, method, receipt
 * number. One transaction: the dossier (version check), a history event and the audit entry.
 * Once: a second payment is DOSSIER_FEE_ALREADY_PAID. An approved result waiting for the fee
 * reports national code 6 until this is done (domain/fees.ts).
 */
export async function recordFee(db: Db, ctx: RequestContext & { actor: Actor }, id: string, b: FeeInput) {
  const d = await visibleDossier(db, ctx.actor, id);
  const p = await getProcedure(db, d.procedureId);
  const can = feeRecordable(d, p.fees);
  if (!can.ok && can.why === 'no_fee') throw new AppError('DOSSIER_NO_FEE');
  if (!can.ok && can.why === 'paid')
    throw new AppError('DOSSIER_FEE_ALREADY_PAID', { receiptNo: d.feeReceiptNo ?? '' });
  if (!mayRecordFee(ctx.actor, d, p))
    throw new AppError(
      'DOSSIER_ACTION_NOT_ALLOWED',
      { action: 'record_fee', status: STATUS_VI[d.status as DossierStatus] ?? d.status },
      { allowedActions: [] },
    );
  const now = ctx.now;
  const after = await db.transaction(async (tx) => {
    const updated = await repo.updateDossier(tx, d.id, b.version, {
      feePaidAt: now,
      feeAmount: b.amount,
      feeMethod: b.method,
      feeReceiptNo: b.receiptNo,
    });
    if (!updated) {
      const current = await repo.getDossier(tx, d.id);
      throw new AppError(
        'VERSION_CONFLICT',
        {},
        { current: current && { id: current.id, status: current.status, version: current.version } },
      );
    }
    await repo.insertEvent(tx, {
      dossierId: d.id,
      at: now,
      action: 'record_fee',
      fromStatus: d.status,
      toStatus: d.status,
      stepKey: p.workflow[d.stepIndex]?.key ?? null,
      stepName: p.workflow[d.stepIndex]?.name ?? null,
      actorName: ctx.actor.fullName,
      note: `Đã thu ${formatVnd(b.amount)} đồng (${METHOD_VI[b.method]}), biên lai số ${b.receiptNo}`,
      data: { amount: b.amount, method: b.method, receiptNo: b.receiptNo },
    });
    await audit(tx, ctx, {
      action: 'dossier.fee_paid',
      targetType: 'dossier',
      targetId: d.id,
      unitId: d.receivingUnitId,
      before: { feePaidAt: null },
      after: { amount: b.amount, method: b.method, receiptNo: b.receiptNo },
    });
    return updated;
  });
  return dossierView(db, after, ctx.actor, now, true);
}
