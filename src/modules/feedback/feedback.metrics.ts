import { and, asc, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import { countWorkingDaysBetweenInstants, hcmDate } from '../../calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { type MetricScope, registerMetric } from '../reform-index/metrics/metric-registry.ts';
import { feedbackCalendar } from './feedback.reference.ts';
import { feedbackItems as f } from './feedback.table.ts';

/** Items of the scope's subtree received in the period, within its competence (not rejected). */
const inScope = (s: MetricScope): SQL =>
  and(
    like(f.responsibleUnitPath, `${s.unitPath}%`),
    gte(f.receivedAt, s.from),
    lt(f.receivedAt, s.to),
    sql`${f.status} <> 'rejected'`,
  )!;

/** Decided by the end of the period: answered, or past its answer date without an answer (overdue). */
const decided = (s: MetricScope) => sql`(${f.sentAt} is not null or ${f.answerDue} < ${hcmDate(s.to)}::date)`;
const answeredOnTime = sql`(${f.sentAt} is not null and ${f.onTime} is true)`;
const dissatisfied = (s: MetricScope) =>
  sql`(${f.rating} = 'unsatisfied' or ${f.reopenCount} > 0 or ${f.onTime} is false or (${f.sentAt} is null and ${f.answerDue} < ${hcmDate(s.to)}::date))`;

const rate = (n: number, d: number) => ({ value: d ? n / d : null, numerator: n, denominator: d });

async function drill(db: Db, where: SQL, counts: SQL, page: { limit: number; offset: number }) {
  const [rows, [c]] = await Promise.all([
    db
      .select({
        id: f.id,
        code: f.code,
        title: f.title,
        receivedAt: f.receivedAt,
        counts: sql<boolean>`coalesce(${counts}, false)`,
      })
      .from(f)
      .where(where)
      .orderBy(asc(f.receivedAt), asc(f.code))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(f).where(where),
  ]);
  return {
    total: c?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      label: r.title,
      counts: r.counts,
      at: r.receivedAt.toISOString(),
      link: `/feedback/items/${r.id}`,
    })),
  };
}

/** QĐ 766 5.2 — feedback answered on time ÷ feedback decided in the period. */
registerMetric({
  key: 'feedback.answeredOnTimeRate',
  name: { vi: 'Tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn', en: 'Feedback answered on time' },
  unit: 'rate',
  source: 'QĐ 766/QĐ-TTg 5.2',
  async compute(db, s) {
    const [r] = await db
      .select({ n: sql<number>`count(*) filter (where ${answeredOnTime})::int`, d: sql<number>`count(*)::int` })
      .from(f)
      .where(and(inScope(s), decided(s)));
    return rate(r?.n ?? 0, r?.d ?? 0);
  },
  drillDown: (db, s, page) => drill(db, and(inScope(s), decided(s))!, answeredOnTime, page),
});

/** QĐ 766 5.3 — (total − unsatisfied − reopened − overdue) ÷ total. */
registerMetric({
  key: 'feedback.satisfactionRate',
  name: { vi: 'Tỷ lệ hài lòng về xử lý phản ánh, kiến nghị', en: 'Satisfaction with feedback handling' },
  unit: 'rate',
  source: 'QĐ 766/QĐ-TTg 5.3',
  async compute(db, s) {
    const [r] = await db
      .select({ bad: sql<number>`count(*) filter (where ${dissatisfied(s)})::int`, d: sql<number>`count(*)::int` })
      .from(f)
      .where(inScope(s));
    const d = r?.d ?? 0;
    return rate(d - (r?.bad ?? 0), d);
  },
  drillDown: (db, s, page) => drill(db, inScope(s), sql`not ${dissatisfied(s)}`, page),
});

/** Average answer time in working days (receipt → answer sent), answered items of the period. */
registerMetric({
  key: 'feedback.averageAnswerDays',
  name: {
    vi: 'Thời gian trả lời phản ánh trung bình (ngày làm việc)',
    en: 'Average feedback answer time (working days)',
  },
  unit: 'days',
  source: 'QĐ 766/QĐ-TTg 2.2 (áp dụng cho PAKN)',
  async compute(db, s) {
    const rows = await db
      .select({ receivedAt: f.receivedAt, sentAt: f.sentAt })
      .from(f)
      .where(and(inScope(s), sql`${f.sentAt} is not null`));
    if (!rows.length) return { value: null, denominator: 0 };
    const cal = await feedbackCalendar(db);
    const total = rows.reduce((sum, r) => sum + countWorkingDaysBetweenInstants(cal, r.receivedAt, r.sentAt!).count, 0);
    return { value: Math.round((total / rows.length) * 100) / 100, numerator: total, denominator: rows.length };
  },
  drillDown: (db, s, page) => drill(db, and(inScope(s), sql`${f.sentAt} is not null`)!, sql`true`, page),
});
