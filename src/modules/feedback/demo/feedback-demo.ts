import { createHash } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import { addWorkingDays, type Calendar, hcmDate } from '../../../calendar/index.ts';
import { auditLog } from '../../../platform/audit/audit.table.ts';
import type { Deps } from '../../../platform/http/types.ts';
import { units } from '../../org/org.table.ts';
import { DEMO_METRIC_RATES_2023 } from '../../reform-index/demo/targets.ts';
import { deadlinesFor, dueFrom } from '../domain/deadlines.ts';
import { feedbackCalendar } from '../feedback.reference.ts';
import { searchTextOf } from '../feedback.service.ts';
import { seedFeedbackReference } from '../feedback.setup.ts';
import { feedbackEvents, feedbackItems } from '../feedback.table.ts';
import '../feedback.metrics.ts';
import { CONTENT, rng as makeRng, pick, type Rng, reporter } from './demo-text.ts';

/**
 * Bắc Từ Liêm 2023: 981 items received and all answered and published in 2023 (the article's
 * figure), spread over the units that answer them so that each unit's "answered on time" rate is
 * exactly the rate its 2023 reform-index criterion was scored from (DEMO_METRIC_RATES_2023).
 * Counts per unit: n × rate is a whole number for each.
 */
export const DEMO_ITEMS_2023: Record<string, number> = {
  'HN-BTL-PB-VP': 41,
  'HN-BTL-PB-NV': 20,
  'HN-BTL-PB-TP': 40,
  'HN-BTL-PB-TCKH': 40,
  'HN-BTL-PB-QLDT': 100,
  'HN-BTL-PB-TNMT': 80,
  'HN-BTL-PB-KT': 20,
  'HN-BTL-PB-VHTT': 40,
  'HN-BTL-PB-GDDT': 20,
  'HN-BTL-PB-YT': 20,
  'HN-BTL-PB-LDTBXH': 20,
  'HN-BTL-PB-TT': 40,
  'HN-BTL-DOI-TTXD': 60,
  'HN-BTL-P-CN1': 20,
  'HN-BTL-P-CN2': 30,
  'HN-BTL-P-DN': 30,
  'HN-BTL-P-DT': 40,
  'HN-BTL-P-LM': 40,
  'HN-BTL-P-MK': 30,
  'HN-BTL-P-PHD': 40,
  'HN-BTL-P-PCD': 40,
  'HN-BTL-P-TT': 40,
  'HN-BTL-P-TC': 40,
  'HN-BTL-P-TP': 40,
  'HN-BTL-P-XD': 20,
  'HN-BTL-P-XT': 30,
};

/** Which categories each unit answers (wards: field reports in their own area). */
const CATEGORIES: Record<string, string[]> = {
  VP: ['thu-tuc-hanh-chinh', 'thu-tuc-hanh-chinh', 'khac'],
  NV: ['hanh-vi-can-bo'],
  TP: ['thu-tuc-hanh-chinh'],
  TCKH: ['dang-ky-kinh-doanh'],
  QLDT: ['cap-phep-xay-dung', 'cap-phep-xay-dung', 'ha-tang-do-thi'],
  TNMT: ['dat-dai', 'dat-dai', 'moi-truong'],
  KT: ['thu-tuc-hanh-chinh', 'khac'],
  VHTT: ['khac', 'thu-tuc-hanh-chinh'],
  GDDT: ['thu-tuc-hanh-chinh', 'khac'],
  YT: ['moi-truong', 'khac'],
  LDTBXH: ['thu-tuc-hanh-chinh'],
  TT: ['hanh-vi-can-bo', 'khac'],
  TTXD: ['trat-tu-xay-dung'],
  ward: ['trat-tu-xay-dung', 'trat-tu-xay-dung', 'moi-truong', 'giao-thong', 'giao-thong', 'khac'],
};
const HOT = new Set(['dat-dai', 'cap-phep-xay-dung', 'dang-ky-kinh-doanh']);
const MONTH_WEIGHTS = [6, 6, 9, 8, 9, 10, 10, 9, 9, 9, 8, 5];
const CHANNELS: [string, number][] = [
  ['web', 40],
  ['hotline', 20],
  ['counter', 20],
  ['letter', 12],
  ['email', 8],
];
const HEADS = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thu',
  'Lê Quang Minh',
  'Phạm Thị Hòa',
  'Hoàng Văn Nam',
  'Đỗ Đức Long',
  'Vũ Thị Lan',
];

const weighted = <T>(r: Rng, xs: [T, number][]) => {
  let x = r() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs[0]![0];
};
const at = (date: string, minutes: number) => new Date(`${date}T00:00:00+07:00`).getTime() + minutes * 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

type UnitRow = typeof units.$inferSelect;
type ItemInsert = typeof feedbackItems.$inferInsert;
type EventInsert = typeof feedbackEvents.$inferInsert;

function receipt(r: Rng, cal: Calendar, month: number, channel: string, late: boolean): Date {
  // late answers happen before December so that every 2023 item is answered in 2023
  const m = late ? Math.min(month, 11) : month;
  const lastDay = m === 12 ? 8 : new Date(Date.UTC(2023, m, 0)).getUTCDate();
  for (;;) {
    const date = `2023-${pad(m)}-${pad(1 + Math.floor(r() * lastDay))}`;
    if (channel === 'web' || channel === 'email') return new Date(at(date, 6 * 60 + Math.floor(r() * 16 * 60)));
    if (isWorking(cal, date)) return new Date(at(date, 7 * 60 + 30 + Math.floor(r() * 9 * 60)));
  }
}
function isWorking(cal: Calendar, date: string) {
  // addWorkingDays(d, 1) from the previous day lands on d only when d is a working day
  const prev = new Date(new Date(`${date}T12:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  return addWorkingDays(cal, prev, 1).date === date;
}
const workingAt = (cal: Calendar, from: string, n: number, r: Rng) =>
  new Date(at(addWorkingDays(cal, from, n).date, 8 * 60 + Math.floor(r() * 8 * 60)));

export async function seedFeedbackDemo(deps: Deps): Promise<void> {
  const db = deps.database.db;
  await seedFeedbackReference(db);
  const [seeded] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(feedbackItems)
    .where(like(feedbackItems.code, 'PAKN-2023-%'));
  if ((seeded?.n ?? 0) > 0) return;
  const all = await db.select().from(units);
  const byCode = new Map(all.map((u) => [u.code, u]));
  const district = byCode.get('HN-BTL');
  if (!district) return; // another organisation is loaded: no demo feedback
  const wards = all
    .filter((u) => u.parentId === district.id && u.kind === 'ward')
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const cal = await feedbackCalendar(db);
  const r = makeRng(2023);
  const rates = DEMO_METRIC_RATES_2023['feedback.answeredOnTimeRate'];
  const items: ItemInsert[] = [];
  const events: EventInsert[] = [];
  let seq = 0;

  for (const [code, n] of Object.entries(DEMO_ITEMS_2023)) {
    const unit = byCode.get(code);
    if (!unit) continue;
    const rate = rates[code] ?? 1;
    const onTimeCount = Math.round(rate * n);
    if (Math.abs(onTimeCount / n - rate) > 1e-12)
      throw new Error(`demo feedback: ${n} items cannot give ${rate} for ${code}`);
    const flags = Array.from({ length: n }, (_, i) => i < onTimeCount);
    for (let i = flags.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [flags[i], flags[j]] = [flags[j]!, flags[i]!];
    }
    const isWard = unit.kind === 'ward';
    const pool = CATEGORIES[isWard ? 'ward' : code.split('-').at(-1)!] ?? ['khac'];
    for (const onTime of flags) {
      const categoryCode = pick(r, pool);
      const area = isWard ? unit : pick(r, wards);
      const channel = weighted(r, CHANNELS);
      const month = weighted(
        r,
        MONTH_WEIGHTS.map((w, k) => [k + 1, w] as [number, number]),
      );
      const receivedAt = receipt(r, cal, month, channel, !onTime);
      const d = deadlinesFor(cal, receivedAt, { rejectDays: 2, infoDays: 5, answerDays: 15, publishDays: 2 });
      const sentAt = onTime
        ? workingAt(cal, d.effectiveReceiptDate, 3 + Math.floor(r() * 13), r)
        : workingAt(cal, d.answerDue, 1 + Math.floor(r() * 4), r);
      const publishedAt = workingAt(cal, hcmDate(sentAt), 1 + Math.floor(r() * 2), r);
      const text = CONTENT[categoryCode]!(r, area.shortName);
      const who = reporter(r, area.shortName);
      const rated = r() < 0.8;
      const rating = rated ? (r() < (onTime ? 0.93 : 0.5) ? 'satisfied' : 'unsatisfied') : null;
      const head = pick(r, HEADS);
      seq++;
      const id = crypto.randomUUID();
      const itemCode = `PAKN-2023-${String(seq).padStart(6, '0')}`;
      items.push({
        id,
        code: itemCode,
        categoryCode,
        channel,
        status: 'published',
        title: text.title,
        content: text.content,
        searchText: searchTextOf({
          code: itemCode,
          title: text.title,
          content: text.content,
          address: text.address,
          areaName: area.name,
          answer: text.answer,
        }),
        areaUnitId: area.id,
        address: text.address,
        lat: text.point && channel === 'web' ? text.point[0] : null,
        long: text.point && channel === 'web' ? text.point[1] : null,
        dossierCode: text.dossierCode ?? null,
        reporterName: who.name,
        reporterAddress: who.address,
        reporterPhone: channel === 'email' ? null : who.phone,
        reporterEmail: channel === 'email' || r() < 0.2 ? who.email : null,
        trackingHash: createHash('sha256').update(`demo:${itemCode}`).digest('hex'),
        responsibleUnitId: unit.id,
        responsibleUnitPath: unit.path,
        headAnswers: HOT.has(categoryCode),
        receivedAt,
        ...d,
        publishDue: dueFrom(cal, sentAt, 2),
        answerText: text.answer,
        answerApprovedByName: head,
        sentAt,
        onTime,
        publishedAt,
        rating,
        ratedAt: rating ? new Date(publishedAt.getTime() + 86_400_000) : null,
        version: 7,
        createdAt: receivedAt,
        updatedAt: publishedAt,
      });
      const steps: [string, string, string, Date][] = [
        ['receive', '', 'received', receivedAt],
        ['assign', 'received', 'assigned', new Date(receivedAt.getTime() + 3 * 3600_000)],
        ['draft_answer', 'assigned', 'answer_drafted', new Date(sentAt.getTime() - 26 * 3600_000)],
        ['approve', 'answer_drafted', 'answer_approved', new Date(sentAt.getTime() - 2 * 3600_000)],
        ['send', 'answer_approved', 'sent', sentAt],
        ['publish', 'sent', 'published', publishedAt],
      ];
      for (const [action, from, to, when] of steps) {
        events.push({
          itemId: id,
          at: when,
          action,
          fromStatus: from || null,
          toStatus: to,
          actorName: action === 'approve' ? head : null,
          note: null,
          data: action === 'receive' ? { channel } : null,
        });
      }
      if (rating)
        events.push({
          itemId: id,
          at: new Date(publishedAt.getTime() + 86_400_000),
          action: 'rate',
          fromStatus: 'published',
          toStatus: 'published',
          note: rating,
        });
    }
  }
  const open = openItems2024(r, cal, byCode, wards, seq);
  items.push(...open.items);
  events.push(...open.events);

  await db.transaction(async (tx) => {
    for (let i = 0; i < items.length; i += 250) await tx.insert(feedbackItems).values(items.slice(i, i + 250));
    for (let i = 0; i < events.length; i += 1000) await tx.insert(feedbackEvents).values(events.slice(i, i + 1000));
    await tx.execute(sql`select setval('feedback_code_seq', ${seq + open.items.length})`);
    await tx.insert(auditLog).values({
      action: 'seed.feedback',
      actorRole: 'system',
      targetType: 'system',
      after: { items2023: seq, open2024: open.items.length },
    });
  });
}

/** A few 2024 items in every state, at the QLĐT division (hot: building permits) and in Thượng Cát. */
function openItems2024(r: Rng, cal: Calendar, byCode: Map<string, UnitRow>, wards: UnitRow[], start: number) {
  const items: ItemInsert[] = [];
  const events: EventInsert[] = [];
  const qldt = byCode.get('HN-BTL-PB-QLDT');
  const tc = byCode.get('HN-BTL-P-TC') ?? wards[0];
  const states = [
    'received',
    'info_requested',
    'info_supplied',
    'assigned',
    'answer_drafted',
    'answer_approved',
    'sent',
    'published',
    'rejected',
  ];
  let seq = start;
  const chain = ['received', 'assigned', 'answer_drafted', 'answer_approved', 'sent', 'published'];
  const actionOf: Record<string, string> = {
    assigned: 'assign',
    answer_drafted: 'draft_answer',
    answer_approved: 'approve',
    sent: 'send',
    published: 'publish',
    info_requested: 'request_info',
    info_supplied: 'supply_info',
    rejected: 'reject',
  };
  states.forEach((status, k) => {
    for (const [unit, categoryCode] of [
      [qldt, 'cap-phep-xay-dung'],
      [tc, 'trat-tu-xay-dung'],
    ] as const) {
      if (!unit || !tc) continue;
      const area = unit.kind === 'ward' ? unit : pick(r, wards);
      const date = addWorkingDays(cal, '2024-12-02', k * 2).date;
      const receivedAt = new Date(at(date, 8 * 60 + 30 + k * 20));
      const d = deadlinesFor(cal, receivedAt, { rejectDays: 2, infoDays: 5, answerDays: 15, publishDays: 2 });
      const text = CONTENT[categoryCode]!(r, area.shortName);
      const who = reporter(r, area.shortName);
      const path =
        status === 'info_requested'
          ? ['received', 'info_requested']
          : status === 'info_supplied'
            ? ['received', 'info_requested', 'info_supplied']
            : status === 'rejected'
              ? ['received', 'rejected']
              : chain.slice(0, chain.indexOf(status) + 1);
      const times = path.map((_, i) => workingAt(cal, date, i, r));
      times[0] = receivedAt;
      const t = (s: string) => times[path.indexOf(s)] ?? null;
      const answered = ['answer_drafted', 'answer_approved', 'sent', 'published'].includes(status);
      const id = crypto.randomUUID();
      const code = `PAKN-2024-${String(++seq).padStart(6, '0')}`;
      items.push({
        id,
        code,
        categoryCode,
        channel: k % 2 ? 'web' : 'hotline',
        status,
        title: text.title,
        content: text.content,
        searchText: searchTextOf({
          code,
          title: text.title,
          content: text.content,
          address: text.address,
          areaName: area.name,
          answer: answered ? text.answer : null,
        }),
        areaUnitId: area.id,
        address: text.address,
        lat: text.point?.[0] ?? null,
        long: text.point?.[1] ?? null,
        dossierCode: text.dossierCode ?? null,
        reporterName: who.name,
        reporterAddress: who.address,
        reporterPhone: who.phone,
        reporterEmail: null,
        trackingHash: createHash('sha256').update(`demo:${code}`).digest('hex'),
        responsibleUnitId: unit.id,
        responsibleUnitPath: unit.path,
        headAnswers: HOT.has(categoryCode),
        receivedAt,
        ...d,
        infoRequest: path.includes('info_requested') ? 'Đề nghị cung cấp bản chụp giấy tờ và vị trí cụ thể.' : null,
        infoReply: path.includes('info_supplied') ? 'Đã gửi bổ sung ảnh và số nhà.' : null,
        rejectReason: status === 'rejected' ? 'Nội dung là khiếu nại, đã hướng dẫn gửi theo Luật Khiếu nại.' : null,
        rejectedAt: t('rejected'),
        onTime: status === 'rejected' ? true : ['sent', 'published'].includes(status) ? true : null,
        answerText: answered ? text.answer : null,
        answerApprovedByName: ['answer_approved', 'sent', 'published'].includes(status) ? 'Hoàng Văn Nam' : null,
        sentAt: t('sent'),
        publishDue: t('sent') ? dueFrom(cal, t('sent')!, 2) : null,
        publishedAt: t('published'),
        version: path.length,
        createdAt: receivedAt,
        updatedAt: times.at(-1)!,
      });
      path.forEach((s, i) => {
        events.push({
          itemId: id,
          at: times[i]!,
          action: i === 0 ? 'receive' : actionOf[s]!,
          fromStatus: i ? path[i - 1]! : null,
          toStatus: s,
          note: null,
        });
      });
    }
  });
  return { items, events };
}
