import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';

/**
 * Service statistics over the dossiers *received* (submitted) in a period by the units of a
 * subtree — the Decision 766/QĐ-TTg indicators cchc's own records can compute.
 *
 * - on time (2.1): end of processing (NgayKetThucXuLy = finished_at, Hà Nội date) ≤ due date;
 *   "early" = before the due date; open dossiers already past their due date at the period end
 *   (or today, if earlier) count as late; open dossiers not yet due are left out.
 * - online share (3.3): KenhThucHien = 2 ÷ all received.
 * - digitised share (4.2): inputs attached digitally and an electronic result ÷ all received.
 * - average processing time (2.2): calendar days from official receipt to end, resolved dossiers.
 * - satisfaction (5.4): (total − dissatisfied ratings (1–2) − overdue) ÷ total.
 */
export const THRESHOLDS = {
  onTimeRate: { source: 'QĐ 766/QĐ-TTg 2.1', fullScoreAt: 1, note: 'score ∝ rate (20 points for group TDGQ)' },
  onlineShare: { source: 'QĐ 766/QĐ-TTg 3.3', fullScoreAt: 0.5, note: '≥ 50 % full score, else rate × max ÷ 50 %' },
  digitisedShare: { source: 'QĐ 766/QĐ-TTg 4.2', fullScoreAt: 0.8, note: '≥ 80 % full score' },
  satisfactionRate: {
    source: 'QĐ 766/QĐ-TTg 5.4',
    fullScoreAt: 0.9,
    note: '≥ 90 % full score, else rate × max ÷ 90 %',
  },
  avgProcessingDays: { source: 'QĐ 766/QĐ-TTg 2.2', fullScoreAt: null, note: 'reported, no threshold' },
} as const;

export interface StatsRow {
  key: string | null;
  received: number;
  accepted: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  online: number;
  digitised: number;
  rated: number;
  dissatisfied: number;
  avgDays: number | null;
  onTimeRate: number | null;
  onlineShare: number | null;
  digitisedShare: number | null;
  satisfactionRate: number | null;
}

const dateHn = (col: ReturnType<typeof sql.raw>) => sql`((${col} at time zone 'UTC') + interval '7 hours')::date`;

export interface StatsFilter {
  unitPath: string;
  /** Hà Nội dates, inclusive */
  from: string;
  to: string;
  /** the day on which open dossiers are judged (min(to, today)) */
  asOf: string;
  groupBy: 'unit' | 'procedure' | 'none';
  /** receiving = dossiers received by the subtree's units (default); involved = dossiers that passed through them */
  scope?: 'receiving' | 'involved';
}

export function scopeSql(unitPath: string, scope: 'receiving' | 'involved' = 'receiving') {
  return scope === 'receiving'
    ? sql`receiving_unit_path like ${`${unitPath}%`}`
    : sql`exists (select 1 from unnest(unit_paths) up where up like ${`${unitPath}%`})`;
}

export async function dossierStats(db: DbOrTx, f: StatsFilter): Promise<StatsRow[]> {
  return (f.scope ?? 'receiving') === 'receiving' ? rolledUpStats(db, f) : rawStats(db, f);
}

/**
 * From the daily roll-up (what is settled) plus a live count of the open dossiers (what depends
 * on the day asked): a district's year reads a few thousand roll-up rows.
 */
async function rolledUpStats(db: DbOrTx, f: StatsFilter): Promise<StatsRow[]> {
  const key = (unitCol: string) =>
    sql.raw(f.groupBy === 'unit' ? `${unitCol}::text` : f.groupBy === 'procedure' ? 'procedure_id::text' : "''");
  const r = await db.execute(sql`
    with r as (
      select ${key('unit_id')} as key, sum(received)::int as received, sum(accepted)::int as accepted, sum(resolved)::int as resolved,
        sum(early)::int as early, sum(on_time)::int as on_time, sum(late_finished)::int as late_finished, sum(online)::int as online,
        sum(digitised)::int as digitised, sum(rated)::int as rated, sum(dissatisfied)::int as dissatisfied,
        sum(days_sum) as days_sum, sum(days_n)::int as days_n
      from dossier_daily_stats
      where unit_path like ${`${f.unitPath}%`} and day between ${f.from}::date and ${f.to}::date
      group by 1),
    o as (
      select ${key('receiving_unit_id')} as key, count(*)::int as pending,
        count(*) filter (where status <> 'supplement_requested' and due_date < ${f.asOf}::date)::int as overdue
      from dossiers
      where finished_at is null and receiving_unit_path like ${`${f.unitPath}%`}
        and submitted_at >= (${f.from}::date::timestamp - interval '7 hours') at time zone 'UTC'
        and submitted_at < (${f.to}::date::timestamp + interval '17 hours') at time zone 'UTC'
      group by 1)
    select coalesce(r.key, o.key) as key, coalesce(received, 0) as received, coalesce(accepted, 0) as accepted, coalesce(resolved, 0) as resolved,
      coalesce(early, 0) as early, coalesce(on_time, 0) as on_time, coalesce(late_finished, 0) + coalesce(overdue, 0) as late,
      coalesce(pending, 0) as pending, coalesce(overdue, 0) as overdue, coalesce(online, 0) as online, coalesce(digitised, 0) as digitised,
      coalesce(rated, 0) as rated, coalesce(dissatisfied, 0) as dissatisfied,
      case when days_n > 0 then days_sum / days_n end as avg_days
    from r full join o on o.key = r.key
    order by 2 desc`);
  return toRows(r, true);
}

async function rawStats(db: DbOrTx, f: StatsFilter): Promise<StatsRow[]> {
  const fin = dateHn(sql.raw('finished_at'));
  const key =
    f.groupBy === 'unit'
      ? sql.raw('receiving_unit_id::text')
      : f.groupBy === 'procedure'
        ? sql.raw('procedure_id::text')
        : sql.raw('null::text');
  const r = await db.execute(sql`
    select ${key} as key,
      count(*)::int as received,
      count(received_at)::int as accepted,
      count(*) filter (where status in ('resolved','returned'))::int as resolved,
      count(*) filter (where finished_at is not null and due_date is not null and ${fin} < due_date and supplement_count <= 1)::int as early,
      count(*) filter (where finished_at is not null and due_date is not null and ${fin} = due_date and supplement_count <= 1)::int as on_time,
      count(*) filter (where (finished_at is not null and due_date is not null and (${fin} > due_date or supplement_count > 1))
                          or (finished_at is null and status <> 'supplement_requested' and due_date < ${f.asOf}::date))::int as late,
      count(*) filter (where finished_at is null)::int as pending,
      count(*) filter (where finished_at is null and status <> 'supplement_requested' and due_date < ${f.asOf}::date)::int as overdue,
      count(*) filter (where channel = 2)::int as online,
      count(*) filter (where digitised and has_e_result)::int as digitised,
      count(rating)::int as rated,
      count(*) filter (where rating <= 2)::int as dissatisfied,
      avg(extract(epoch from finished_at - received_at) / 86400) filter (where status in ('resolved','returned') and received_at is not null) as avg_days
    from dossiers
    where ${scopeSql(f.unitPath, f.scope)}
      and submitted_at >= (${f.from}::date::timestamp - interval '7 hours') at time zone 'UTC'
      and submitted_at < (${f.to}::date::timestamp + interval '17 hours') at time zone 'UTC'
    group by 1 order by 2 desc`);
  return toRows(r, false);
}

function toRows(r: unknown, emptyKeyIsNull: boolean): StatsRow[] {
  const rows = ((r as { rows?: Record<string, unknown>[] }).rows ?? r) as Record<string, unknown>[];
  return rows.map((x) => {
    const n = (k: string) => Number(x[k] ?? 0);
    const received = n('received');
    const judged = n('early') + n('on_time') + n('late');
    const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
    return {
      key: emptyKeyIsNull && x.key === '' ? null : ((x.key as string | null) ?? null),
      received,
      accepted: n('accepted'),
      resolved: n('resolved'),
      early: n('early'),
      onTime: n('on_time'),
      late: n('late'),
      pending: n('pending'),
      overdue: n('overdue'),
      online: n('online'),
      digitised: n('digitised'),
      rated: n('rated'),
      dissatisfied: n('dissatisfied'),
      avgDays: x.avg_days === null || x.avg_days === undefined ? null : Math.round(Number(x.avg_days) * 100) / 100,
      onTimeRate: rate(n('early') + n('on_time'), judged),
      onlineShare: rate(n('online'), received),
      digitisedShare: rate(n('digitised'), received),
      satisfactionRate: rate(Math.max(0, received - n('dissatisfied') - n('late')), received),
    };
  });
}

/**
 * Rebuilds the daily roll-up from the dossiers (same rules as the trigger in migration
 * 0007_dossiers_stats_trigger.sql): after a bulk load with the trigger disabled, or to repair.
 */
export async function rebuildDailyStats(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from dossier_daily_stats`);
  await db.execute(sql`
    insert into dossier_daily_stats (unit_id, unit_path, procedure_id, day, received, accepted, online, digitised, resolved,
      early, on_time, late_finished, rated, dissatisfied, days_sum, days_n)
    select receiving_unit_id, max(receiving_unit_path), procedure_id, d,
      count(*), count(received_at), count(*) filter (where channel = 2), count(*) filter (where digitised and has_e_result),
      count(*) filter (where status in ('resolved', 'returned')),
      count(*) filter (where finished_at is not null and due_date is not null and fin < due_date and supplement_count <= 1),
      count(*) filter (where finished_at is not null and due_date is not null and fin = due_date and supplement_count <= 1),
      count(*) filter (where finished_at is not null and due_date is not null and (fin > due_date or supplement_count > 1)),
      count(rating), count(*) filter (where coalesce(rating, 5) <= 2),
      coalesce(sum(extract(epoch from finished_at - received_at) / 86400) filter (where status in ('resolved', 'returned') and received_at is not null and finished_at is not null), 0),
      count(*) filter (where status in ('resolved', 'returned') and received_at is not null and finished_at is not null)
    from (select *, ((submitted_at at time zone 'UTC') + interval '7 hours')::date as d,
                    ((finished_at at time zone 'UTC') + interval '7 hours')::date as fin from dossiers) x
    group by receiving_unit_id, procedure_id, d`);
}
