import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DB_KINDS, type TestApp } from '../../../../test/harness.ts';
import { units } from '../../org/org.table.ts';
import { DEMO_METRIC_RATES_2023 } from '../../reform-index/demo/targets.ts';
import { getMetric } from '../../reform-index/metrics/metric-registry.ts';
import { feedbackItems } from '../feedback.table.ts';
import { scanDeadlines } from '../jobs/deadline-scan.ts';
import { seedFeedbackDemo } from './feedback-demo.ts';

describe.each(DB_KINDS)('feedback demo data on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { seed: seedFeedbackDemo });
  });
  afterAll(() => t?.close());

  it('has exactly 981 items received in 2023 in Bắc Từ Liêm, all answered and published in 2023', async () => {
    const leader = await t.login('lanhdao.btl@cchc.local');
    const s = await leader.get('/api/v1/feedback/stats?from=2023-01-01&to=2023-12-31&groupBy=month');
    expect(s.status).toBe(200);
    expect(s.body.total.received).toBe(981);
    expect(s.body.total.answered).toBe(981);
    expect(s.body.rows).toHaveLength(12);
    const [open] = await t.database.db
      .select({ n: sql<number>`count(*)::int`, late: sql<number>`max(${feedbackItems.sentAt})` })
      .from(feedbackItems)
      .where(
        sql`${feedbackItems.code} like 'PAKN-2023-%' and (${feedbackItems.status} <> 'published' or ${feedbackItems.sentAt} >= '2024-01-01T00:00:00+07:00' or ${feedbackItems.receivedAt} < '2023-01-01T00:00:00+07:00')`,
      );
    expect(open?.n).toBe(0);
    for (const g of ['category', 'unit', 'channel']) {
      const by = (await leader.get(`/api/v1/feedback/stats?from=2023-01-01&to=2023-12-31&groupBy=${g}`)).body;
      expect(by.rows.length).toBeGreaterThan(4);
      expect(by.rows.reduce((n: number, r: { received: number }) => n + r.received, 0)).toBe(981);
    }
    // the seeder is idempotent
    await seedFeedbackDemo(t.deps);
    expect(
      (await leader.get('/api/v1/feedback/stats?from=2023-01-01&to=2023-12-31&groupBy=month')).body.total.received,
    ).toBe(981);
  });

  it('gives every unit exactly its 2023 reform-index "answered on time" rate, with drill-down', async () => {
    const metric = getMetric('feedback.answeredOnTimeRate')!;
    expect(metric).toBeTruthy();
    const rates = DEMO_METRIC_RATES_2023['feedback.answeredOnTimeRate'];
    const rows = await t.database.db.select().from(units);
    const scope = (u: (typeof rows)[number]) => ({
      unitId: u.id,
      unitPath: u.path,
      from: new Date('2023-01-01T00:00:00+07:00'),
      to: new Date('2024-01-01T00:00:00+07:00'),
    });
    for (const [code, rate] of Object.entries(rates)) {
      const u = rows.find((x) => x.code === code)!;
      const v = await metric.compute(t.database.db, scope(u));
      expect([code, v.value]).toEqual([code, rate]);
    }
    const qldt = rows.find((x) => x.code === 'HN-BTL-PB-QLDT')!;
    const dd = await metric.drillDown(t.database.db, scope(qldt), { limit: 500, offset: 0 });
    expect(dd.total).toBe(100);
    expect(dd.items.filter((i) => i.counts)).toHaveLength(85);
    const btl = rows.find((x) => x.code === 'HN-BTL')!;
    const sat = await getMetric('feedback.satisfactionRate')!.compute(t.database.db, scope(btl));
    expect(sat.denominator).toBe(981);
    expect(sat.value).toBeGreaterThan(0.5);
    const avg = await getMetric('feedback.averageAnswerDays')!.compute(t.database.db, scope(btl));
    expect(avg.value).toBeGreaterThan(3);
    expect(avg.value).toBeLessThan(16);
  });

  it('has 2024 items in every state, and the deadline job escalates the overdue ones', async () => {
    const head = await t.login('truongphong.qldt@cchc.local');
    const inbox = (await head.get('/api/v1/feedback/items?from=2024-01-01&to=2024-12-31&limit=100')).body;
    expect(new Set(inbox.items.map((i: { status: string }) => i.status))).toEqual(
      new Set([
        'received',
        'info_requested',
        'info_supplied',
        'assigned',
        'answer_drafted',
        'answer_approved',
        'sent',
        'published',
        'rejected',
      ]),
    );
    const r1 = await scanDeadlines(t.database.db, new Date('2025-01-20T09:00:00+07:00'));
    expect(r1.escalated).toBeGreaterThan(0);
    const again = await scanDeadlines(t.database.db, new Date('2025-01-20T09:00:00+07:00'));
    expect(again.changed).toBe(0); // idempotent
    const overdue = (await head.get('/api/v1/feedback/items?deadlineState=overdue&limit=100')).body;
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((i: { escalationLevel: number }) => i.escalationLevel === 2)).toBe(true);
    const d = (await head.get(`/api/v1/feedback/items/${overdue.items[0].id}`)).body;
    expect(d.events.at(-1).action).toBe('escalate');
  });
});
