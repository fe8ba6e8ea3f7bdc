import type { Actor } from '../../platform/auth/actor.ts';
import type { ProcedureRow } from '../procedures/procedures.repository.ts';
import { awaitingFee, feeRecordable, feeTotal, hasFees } from './domain/fees.ts';
import { isOneStop } from './dossiers.policy.ts';
import type { DossierRow } from './dossiers.repository.ts';
import type { FeeViewSchema } from './dossiers.schemas.ts';

type FeeView = import('@sinclair/typebox').Static<typeof FeeViewSchema>;

/** Who records a payment: the one-stop officers of the receiving unit (they collect fees and hand over results). */
export const mayRecordFee = (actor: Actor | null, d: DossierRow, p: ProcedureRow) =>
  isOneStop(actor, d) && feeRecordable(d, p.fees).ok;

/** The fee part of a dossier's view: null when the procedure has no fee. */
export function feeView(actor: Actor | null, d: DossierRow, p: ProcedureRow): FeeView | null {
  if (!hasFees(p.fees)) return null;
  return {
    items: p.fees.filter((f) => f.amount > 0).map((f) => ({ name: f.name, amount: f.amount })),
    total: feeTotal(p.fees),
    awaiting: awaitingFee(d, p.fees),
    paid: d.feePaidAt
      ? {
          at: d.feePaidAt.toISOString(),
          amount: d.feeAmount ?? 0,
          method: d.feeMethod ?? '',
          receiptNo: d.feeReceiptNo ?? '',
        }
      : null,
    canRecord: mayRecordFee(actor, d, p),
  };
}
