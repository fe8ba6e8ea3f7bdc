import { formatDateVi } from '../../../platform/i18n/locale.ts';
import { formatVnd } from '../domain/fees.ts';
import type { DossierRow } from '../dossiers.repository.ts';
import type { dossierOutbox } from '../dossiers.table.ts';

const TEXT: Record<string, string> = {
  submit: 'đã được gửi trực tuyến, đang chờ tiếp nhận',
  intake: 'đã được tiếp nhận',
  accept: 'đã được tiếp nhận',
  refuse_intake: 'không được tiếp nhận',
  request_supplement: 'cần bổ sung, hoàn thiện',
  supplement: 'đã được bổ sung',
  transfer: 'đang được xử lý',
  return_step: 'đang được xử lý',
  approve: 'đã có kết quả',
  refuse: 'đã được xử lý (từ chối giải quyết)',
  stop: 'đã bị dừng xử lý',
  withdraw: 'đã được rút theo đề nghị',
  return_result: 'đã được trả kết quả',
  apologise: 'được hẹn lại ngày trả kết quả',
};

const vnDate = (d: string | null) => (d ? formatDateVi(d) : '');

/**
 * Outbox rows for one event: SMS to the phone, email when the applicant gave one. `feeDue` (VND):
 * the fees the applicant must pay before the approved result is handed over (national status 6).
 */
export function notificationsFor(
  d: DossierRow,
  eventId: string,
  action: string,
  procedureName: string,
  note?: string,
  feeDue = 0,
): (typeof dossierOutbox.$inferInsert)[] {
  // moving between internal steps is not news for the applicant
  if (action === 'transfer' && d.stepIndex > 1) return [];
  if (action === 'return_step') return [];
  const what = TEXT[action] ?? 'được cập nhật';
  const due = d.dueDate && !d.finishedAt ? ` Hẹn trả: ${vnDate(d.dueDate)}.` : '';
  const why =
    note && ['refuse_intake', 'request_supplement', 'refuse', 'stop', 'apologise'].includes(action)
      ? ` Nội dung: ${note}.`
      : '';
  const fee =
    feeDue > 0
      ? ` Vui lòng nộp phí, lệ phí ${formatVnd(feeDue)} đồng (tại Bộ phận Một cửa hoặc trực tuyến) để nhận kết quả.`
      : '';
  const body = `Hồ sơ ${d.code} (${procedureName}) ${what}.${due}${why}${fee}`;
  const subject = `[Một cửa] Hồ sơ ${d.code} ${what}`;
  const rows: (typeof dossierOutbox.$inferInsert)[] = [
    { dossierId: d.id, eventId, channel: 'sms', recipient: d.applicantPhone, subject, body: body.slice(0, 480) },
  ];
  if (d.applicantEmail)
    rows.push({ dossierId: d.id, eventId, channel: 'email', recipient: d.applicantEmail, subject, body });
  return rows;
}
