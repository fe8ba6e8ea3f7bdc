import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DossierView } from '../dossiers.schemas.ts';
import { renderForm, vnDateWithLunar } from './forms-pdf.ts';

describe('dates on the printed forms', () => {
  it('gives the lunar date beside the solar one, as paper forms do', () => {
    // Tết Trung thu 2023 (15/8 âm lịch) fell on 29/09/2023, so 09/10/2023 is 25/8 Quý Mão
    expect(vnDateWithLunar('2023-10-09')).toBe('09/10/2023 (âm lịch 25/8 năm Quý Mão)');
    // 2023 had a leap 2nd month (22/03–19/04/2023); Giỗ Tổ 10/3 fell on 29/04/2023, so 1/3 was 20/04
    expect(vnDateWithLunar('2023-04-19')).toBe('19/04/2023 (âm lịch 29/2 nhuận năm Quý Mão)');
    expect(vnDateWithLunar('2024-02-10')).toBe('10/02/2024 (âm lịch 1/1 năm Giáp Thìn)');
  });
});

describe('form 01, the receipt and appointment slip', () => {
  it('says from which day the time limit counts when the receipt came after the cut-off', async () => {
    const d = {
      code: 'HN-BTL-P-TC-230915-0007',
      procedure: {
        id: 'p',
        code: '1.009994',
        name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
        processingDays: 15,
      },
      applicant: { name: 'Nguyễn Văn An', phone: '0912345678', email: null, address: null },
      channel: 1,
      receivingUnit: { id: 'u', name: 'UBND phường Thượng Cát' },
      holderUnit: { id: 'u', name: 'UBND phường Thượng Cát' },
      // Friday 15/9/2023 at 16:00 in Hà Nội: after 15:00, so the 15 working days count from Monday 18/9
      receivedAt: '2023-09-15T09:00:00.000Z',
      effectiveReceiptDate: '2023-09-18',
      dueDate: '2023-10-09',
      originalDueDate: '2023-10-09',
      dueDateProvisional: false,
    } as unknown as DossierView;
    const pdf = await renderForm('01', d, { officer: 'Trần Thị Bình', now: new Date('2023-09-15T09:05:00Z') });
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Thời điểm tiếp nhận: 16:00 ngày 15/09/2023');
    expect(text).toContain('Thời hạn tính từ ngày: 18/09/2023');
    // 09/10/2023 is 25/8 Quý Mão (Tết Trung thu, 15/8, fell on 29/9/2023)
    expect(text).toContain('Ngày hẹn trả kết quả: 09/10/2023 (âm lịch 25/8 năm Quý Mão)');
  });
});
