import type { Db } from '../../../db/client.ts';

/**
 * Metrics that cchc measures from its own records (on-time dossiers, online share, feedback
 * answered on time …). A criterion bound to a metric key is scored from the metric's value by the
 * criterion's rule. Modules register their metrics at import time with `registerMetric`.
 */
export interface MetricScope {
  /** the unit being scored; its subtree's records count */
  unitId: string;
  unitPath: string;
  /** inclusive start and exclusive end of the period, as instants */
  from: Date;
  to: Date;
}

export interface MetricValue {
  /** a rate in [0, 1], a count or a number of days; null when there is nothing to measure (denominator 0) */
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export interface DrillDownRow {
  id: string;
  /** the record's public code (dossier code, feedback code …) */
  code: string;
  label: string;
  /** whether this record counts for (true) or against (false) the numerator */
  counts: boolean;
  at?: string;
  link?: string;
}

export interface MetricDef {
  key: string;
  name: { vi: string; en: string };
  unit: 'rate' | 'count' | 'days';
  /** the source, e.g. "QĐ 766/QĐ-TTg 2.1" */
  source?: string;
  compute(db: Db, scope: MetricScope): Promise<MetricValue>;
  drillDown(
    db: Db,
    scope: MetricScope,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: DrillDownRow[] }>;
}

const metrics = new Map<string, MetricDef>();

export function registerMetric(def: MetricDef): void {
  if (metrics.has(def.key) && metrics.get(def.key) !== def) throw new Error(`metric ${def.key} registered twice`);
  metrics.set(def.key, def);
}

export function getMetric(key: string): MetricDef | undefined {
  return metrics.get(key);
}

export function listMetrics(): MetricDef[] {
  return [...metrics.values()];
}
