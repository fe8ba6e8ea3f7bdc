import { formatDateVi } from '../../../platform/i18n/locale.ts';
import type { feedbackOutbox } from '../feedback.table.ts';

export type OutboxRow = typeof feedbackOutbox.$inferInsert;

/** What the citizen is told (SMS to the phone, e-mail when given). */
export type CitizenNews = 'receive' | 'request_info' | 'reject' | 'send' | 'reopen';
/** What staff are told: a deadline near, or an escalation (to the head, then the leader). */
export type StaffNews = 'near' | 'escalate_head' | 'escalate_leader';

interface ItemLike {
  id: string;
  code: string;
  title: string;
  answerDue: string;
  publishDue?: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  infoRequest?: string | null;
  rejectReason?: string | null;
}

const vn = (d: string | null | undefined) => (d ? formatDateVi(d) : '');
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Outbox rows telling the citizen about one event of their item (none when nothing is news). */
export function citizenNotifications(it: ItemLike, eventId: string, news: CitizenNews): OutboxRow[] {
  const text: Record<CitizenNews, string> = {
    receive: `đã được tiếp nhận. Hạn trả lời: ${vn(it.answerDue)}.`,
    request_info: `cần bổ sung thông tin: ${short(it.infoRequest ?? '', 200)}. Vui lòng bổ sung tại trang theo dõi phản ánh.`,
    reject: `không được tiếp nhận. Lý do: ${short(it.rejectReason ?? '', 200)}.`,
    send: 'đã có câu trả lời. Xem và đánh giá tại trang theo dõi phản ánh.',
    reopen: `đã được mở lại. Hạn trả lời mới: ${vn(it.answerDue)}.`,
  };
  const subject = `[Phản ánh, kiến nghị] ${it.code}`;
  const body = `Phản ánh ${it.code} (${short(it.title, 80)}) ${text[news]}`;
  const rows: OutboxRow[] = [];
  if (it.reporterPhone)
    rows.push({
      itemId: it.id,
      eventId,
      channel: 'sms',
      recipient: it.reporterPhone,
      subject,
      body: body.slice(0, 480),
    });
  if (it.reporterEmail)
    rows.push({ itemId: it.id, eventId, channel: 'email', recipient: it.reporterEmail, subject, body });
  return rows;
}

export interface StaffRecipient {
  userId: string;
  fullName: string;
  email: string | null;
  phone: string | null;
}

/** Outbox rows telling staff (the head, or the leader) that an item is near or past its deadline. */
export function staffNotifications(
  it: ItemLike & { status: string },
  eventId: string,
  news: StaffNews,
  due: string,
  to: StaffRecipient[],
): OutboxRow[] {
  const what =
    news === 'near'
      ? `sắp đến hạn ${vn(due)}`
      : `đã quá hạn ${vn(due)}, chưa được ${it.status === 'sent' ? 'công khai' : 'trả lời'}`;
  const who =
    news === 'escalate_leader' ? 'Báo cáo Lãnh đạo UBND' : news === 'escalate_head' ? 'Báo Trưởng đơn vị' : 'Nhắc việc';
  const subject = `[Phản ánh, kiến nghị] ${it.code} ${news === 'near' ? 'sắp đến hạn' : 'quá hạn'}`;
  const body = `${who}: phản ánh ${it.code} (${short(it.title, 80)}) ${what}.`;
  return to.flatMap((u) => [
    ...(u.email
      ? [{ itemId: it.id, eventId, channel: 'email', recipient: u.email, recipientUserId: u.userId, subject, body }]
      : []),
    ...(u.phone
      ? [
          {
            itemId: it.id,
            eventId,
            channel: 'sms',
            recipient: u.phone,
            recipientUserId: u.userId,
            subject,
            body: body.slice(0, 480),
          },
        ]
      : []),
  ]);
}
