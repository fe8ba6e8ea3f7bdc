import { sql } from 'drizzle-orm';
import { hcmDate } from '../../../calendar/index.ts';
import type { Db } from '../../../db/client.ts';
import {
  type DrillDownRow,
  type MetricDef,
  type MetricScope,
  registerMetric,
} from '../../reform-index/metrics/metric-registry.ts';
import { dossierStats, type StatsRow, scopeSql, THRESHOLDS } from './stats.ts';

function period(scope: MetricScope) {
  const from = hcmDate(scope.from);
  const to = hcmDate(new Date(scope.to.getTime() - 1));
  const today = hcmDate(new Date());
  return { from, to, asOf: [to, today].sort()[0]! };
}

async function total(db: Db, scope: MetricScope): Promise<StatsRow | undefined> {
  const p = period(scope);
  return (await dossierStats(db, { unitPath: scope.unitPath, ...p, groupBy: 'none', scope: 'involved' }))[0];
}

/** SQL predicate (on table `dossiers`) that says whether a dossier counts for the numerator. */
function drill(countsSql: string, inDenominatorSql = 'true') {
  return async (db: Db, scope: MetricScope, page: { limit: number; offset: number }) => {
    const p = period(scope);
    const where = sql`${scopeSql(scope.unitPath, 'involved')}
      and submitted_at >= (${p.from}::date::timestamp - interval '7 hours') at time zone 'UTC'
      and submitted_at < (${p.to}::date::timestamp + interval '17 hours') at time zone 'UTC'
      and (${sql.raw(inDenominatorSql.replaceAll(':asOf', `'${p.asOf}'::date`))})`;
    const counts = sql.raw(countsSql.replaceAll(':asOf', `'${p.asOf}'::date`));
    const r = await db.execute(sql`select id, code, applicant_name, status, submitted_at, (${counts}) as counts,
        count(*) over () as total from dossiers where ${where} order by submitted_at limit ${page.limit} offset ${page.offset}`);
    const rows = ((r as unknown as { rows: Record<string, unknown>[] }).rows ?? r) as Record<string, unknown>[];
    const items: DrillDownRow[] = rows.map((x) => ({
      id: String(x.id),
      code: String(x.code),
      label: `${x.code} — ${x.status}`,
      counts: x.counts === true || x.counts === 't',
      at: new Date(x.submitted_at as string).toISOString(),
      link: `/dossiers/${x.id}`,
    }));
    return { total: Number(rows[0]?.total ?? 0), items };
  };
}

const FIN = "((finished_at at time zone 'UTC') + interval '7 hours')::date";
const JUDGED = `(finished_at is not null and due_date is not null) or (finished_at is null and status <> 'supplement_requested' and due_date < :asOf)`;

export const DOSSIER_METRICS: MetricDef[] = [
  {
    key: 'dossiers.onTimeRate',
    name: { vi: 'Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers resolved early or on time' },
    unit: 'rate',
    source: THRESHOLDS.onTimeRate.source,
    async compute(db, scope) {
      const t = await total(db, scope);
      const judged = t ? t.early + t.onTime + t.late : 0;
      return { value: t?.onTimeRate ?? null, numerator: t ? t.early + t.onTime : 0, denominator: judged };
    },
    drillDown: drill(`finished_at is not null and ${FIN} <= due_date and supplement_count <= 1`, JUDGED),
  },
  {
    key: 'dossiers.onlineShare',
    name: { vi: 'Tỷ lệ hồ sơ nộp trực tuyến', en: 'Share of dossiers filed online' },
    unit: 'rate',
    source: THRESHOLDS.onlineShare.source,
    async compute(db, scope) {
      const t = await total(db, scope);
      return { value: t?.onlineShare ?? null, numerator: t?.online ?? 0, denominator: t?.received ?? 0 };
    },
    drillDown: drill('channel = 2'),
  },
  {
    key: 'dossiers.digitisedShare',
    name: { vi: 'Tỷ lệ hồ sơ được số hóa', en: 'Share of digitised dossiers' },
    unit: 'rate',
    source: THRESHOLDS.digitisedShare.source,
    async compute(db, scope) {
      const t = await total(db, scope);
      return { value: t?.digitisedShare ?? null, numerator: t?.digitised ?? 0, denominator: t?.received ?? 0 };
    },
    drillDown: drill('digitised and has_e_result'),
  },
  {
    key: 'dossiers.avgProcessingDays',
    name: { vi: 'Thời gian giải quyết trung bình (ngày)', en: 'Average processing time (days)' },
    unit: 'days',
    source: THRESHOLDS.avgProcessingDays.source,
    async compute(db, scope) {
      const t = await total(db, scope);
      return { value: t?.avgDays ?? null, denominator: t?.resolved ?? 0 };
    },
    drillDown: drill(`status in ('resolved','returned')`, `status in ('resolved','returned')`),
  },
  {
    key: 'dossiers.satisfactionRate',
    name: { vi: 'Tỷ lệ hài lòng về tiếp nhận, giải quyết TTHC', en: 'Satisfaction with handling of procedures' },
    unit: 'rate',
    source: THRESHOLDS.satisfactionRate.source,
    async compute(db, scope) {
      const t = await total(db, scope);
      return {
        value: t?.satisfactionRate ?? null,
        numerator: t ? Math.max(0, t.received - t.dissatisfied - t.late) : 0,
        denominator: t?.received ?? 0,
      };
    },
    drillDown: drill(
      `not (coalesce(rating, 5) <= 2 or (finished_at is not null and ${FIN} > due_date) or (finished_at is null and status <> 'supplement_requested' and due_date < :asOf))`,
    ),
  },
];

for (const m of DOSSIER_METRICS) registerMetric(m);
