import type { Calendar } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import * as repo from './feedback.repository.ts';

/**
 * Reference data read on every intake (categories, routing rules), cached per database for a
 * few seconds; administrators' changes clear the cache of this process at once.
 */
interface Cached {
  at: number;
  categories: Map<string, repo.CategoryRow>;
  rules: { rule: repo.RuleRow; areaPath: string | null }[];
}
const cache = new WeakMap<object, Cached>();
const TTL_MS = 10_000;

export async function reference(db: DbOrTx): Promise<Cached> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const [cats, rules] = await Promise.all([repo.listCategories(db), repo.listRules(db)]);
  const fresh = { at: Date.now(), categories: new Map(cats.map((c) => [c.code, c])), rules };
  cache.set(db, fresh);
  return fresh;
}

export function forgetReference(db: DbOrTx) {
  cache.delete(db);
  unitCache.delete(db);
}

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.getUnitRow>>>;
const unitCache = new WeakMap<object, Map<string, { at: number; row: UnitRow | undefined }>>();

/** A unit by id, cached for a few seconds (intake reads the ward and the responsible unit). */
export async function cachedUnit(db: DbOrTx, id: string): Promise<UnitRow | undefined> {
  let m = unitCache.get(db);
  if (!m) {
    m = new Map();
    unitCache.set(db, m);
  }
  const hit = m.get(id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
  const row = await repo.getUnitRow(db, id);
  if (m.size > 10_000) m.clear();
  m.set(id, { at: Date.now(), row });
  return row;
}

export interface Route {
  responsibleUnitId: string;
  headAnswers: boolean;
  ruleId: string;
}

/**
 * The responsible unit for a category in an area: the most specific matching rule wins (a rule
 * naming the category beats one for any category; a deeper area beats a wider one).
 */
export function resolveRoute(rules: Cached['rules'], category: repo.CategoryRow, areaPath: string): Route | null {
  let best: { score: number; r: Cached['rules'][number] } | null = null;
  for (const r of rules) {
    if (r.rule.categoryCode && r.rule.categoryCode !== category.code) continue;
    if (r.rule.areaUnitId && !(r.areaPath && areaPath.startsWith(r.areaPath))) continue;
    const score = (r.rule.categoryCode ? 1000 : 0) + (r.areaPath ? r.areaPath.length : 0);
    if (!best || score > best.score) best = { score, r };
  }
  if (!best) return null;
  return {
    responsibleUnitId: best.r.rule.responsibleUnitId,
    headAnswers: best.r.rule.headAnswers ?? category.hot,
    ruleId: best.r.rule.id,
  };
}

/** The effective working-day calendar (administrator-edited schedules over the official ones). */
export function feedbackCalendar(db: DbOrTx): Promise<Calendar> {
  return getCalendar(db as Db);
}
