import { describe, expect, it } from 'vitest';
import { awaitingFee, feeRecordable, feeTotal, nationalStatus } from './fees.ts';

// Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ (demo catalogue): one fee with a positive amount
const permitFees = [{ name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', amount: 75_000 }];

describe('fees and the national status code 6', () => {
  it('totals the fees with an amount', () => {
    expect(
      feeTotal([
        { name: 'a', amount: 2_000 },
        { name: 'b', amount: 0 },
        { name: 'c', amount: 1_000 },
      ]),
    ).toBe(3_000);
    expect(feeTotal([])).toBe(0);
  });

  it('reports 6 "Yêu cầu thực hiện nghĩa vụ tài chính" while an approved result waits for the fee, then 9 and 10', () => {
    const resolved = { status: 'resolved', outcome: 'approved', feePaidAt: null };
    expect(nationalStatus(resolved, permitFees)).toEqual({ code: 6, name: 'Yêu cầu thực hiện nghĩa vụ tài chính' });
    expect(awaitingFee(resolved, permitFees)).toBe(true);
    expect(nationalStatus({ ...resolved, feePaidAt: new Date() }, permitFees)).toEqual({
      code: 9,
      name: 'Đã xử lý xong',
    });
    expect(nationalStatus({ ...resolved, status: 'returned', feePaidAt: new Date() }, permitFees).code).toBe(10);
    // refused: nothing is owed; no fee in the catalogue: never 6; still processing: 4
    expect(nationalStatus({ ...resolved, outcome: 'refused' }, permitFees).code).toBe(9);
    expect(nationalStatus(resolved, []).code).toBe(9);
    expect(nationalStatus({ ...resolved, status: 'processing', outcome: null }, permitFees).code).toBe(4);
  });

  it('lets a payment be recorded once, from receipt until an approved result is handed over', () => {
    const d = { status: 'processing', outcome: null, feePaidAt: null };
    expect(feeRecordable(d, permitFees)).toEqual({ ok: true });
    expect(feeRecordable({ ...d, status: 'resolved', outcome: 'approved' }, permitFees)).toEqual({ ok: true });
    expect(feeRecordable(d, [])).toEqual({ ok: false, why: 'no_fee' });
    expect(feeRecordable({ ...d, feePaidAt: new Date() }, permitFees)).toEqual({ ok: false, why: 'paid' });
    expect(feeRecordable({ ...d, status: 'submitted' }, permitFees)).toEqual({ ok: false, why: 'status' });
    expect(feeRecordable({ ...d, status: 'returned' }, permitFees)).toEqual({ ok: false, why: 'status' });
    expect(feeRecordable({ ...d, status: 'resolved', outcome: 'refused' }, permitFees)).toEqual({
      ok: false,
      why: 'status',
    });
  });
});
