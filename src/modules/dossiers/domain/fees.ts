/**
 * Fees and charges of a dossier (phí, lệ phí) — pure. A procedure with fees (a positive amount in
 * its catalogue entry) asks the applicant to pay before the result is handed over ("trả kết quả,
 * thu phí"). While an approved result waits for that payment the dossier reports the national sync
 * code 6, "Yêu cầu thực hiện nghĩa vụ tài chính"; once the fee is recorded it is back to 9 (resolved)
 * and then 10 (returned). Refused dossiers owe nothing.
 */
import { type DossierStatus, NATIONAL_CODE, STATUS_VI } from './workflow.ts';

/** tiền mặt, chuyển khoản, thanh toán trực tuyến (Cổng DVC / nền tảng thanh toán), thẻ qua máy POS */
export const FEE_METHODS = ['cash', 'bank_transfer', 'online', 'pos'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FEE_STATUS_CODE = 6;
export const FEE_STATUS_VI = 'Yêu cầu thực hiện nghĩa vụ tài chính';

/** Statuses in which the one-stop shop may record a payment (received up to the result being ready). */
export const FEE_RECORDABLE: readonly DossierStatus[] = ['received', 'processing', 'supplement_requested', 'resolved'];

interface FeeItem {
  name: string;
  amount: number;
}

/** The procedure's fees with an amount, and their total (VND). */
export function feeTotal(fees: readonly FeeItem[]): number {
  return fees.reduce((s, f) => s + Math.max(f.amount, 0), 0);
}
export const hasFees = (fees: readonly FeeItem[]) => feeTotal(fees) > 0;

const vnd = new Intl.NumberFormat('vi-VN');
/** An amount of đồng as written in Vietnamese documents: 75.000 */
export const formatVnd = (amount: number) => vnd.format(amount);

interface DossierFeeState {
  status: string;
  outcome: string | null;
  feePaidAt: Date | null;
}

/** True while an approved result waits for the applicant's payment. */
export function awaitingFee(d: DossierFeeState, fees: readonly FeeItem[]): boolean {
  return d.status === 'resolved' && d.outcome === 'approved' && !d.feePaidAt && hasFees(fees);
}

/** The national sync status (TrangThaiHoSo) of a dossier: its state's code, or 6 while the fee is due. */
export function nationalStatus(d: DossierFeeState, fees: readonly FeeItem[]): { code: number; name: string } {
  if (awaitingFee(d, fees)) return { code: FEE_STATUS_CODE, name: FEE_STATUS_VI };
  const s = d.status as DossierStatus;
  return { code: NATIONAL_CODE[s], name: STATUS_VI[s] };
}

/** Whether a payment may be recorded now; the reason when not. */
export function feeRecordable(
  d: DossierFeeState,
  fees: readonly FeeItem[],
): { ok: true } | { ok: false; why: 'no_fee' | 'paid' | 'status' } {
  if (!hasFees(fees)) return { ok: false, why: 'no_fee' };
  if (d.feePaidAt) return { ok: false, why: 'paid' };
  if (!FEE_RECORDABLE.includes(d.status as DossierStatus)) return { ok: false, why: 'status' };
  if (d.status === 'resolved' && d.outcome !== 'approved') return { ok: false, why: 'status' };
  return { ok: true };
}
