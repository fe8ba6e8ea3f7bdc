/**
 * Results (Kết quả Chỉ số CCHC): recomputed from stored scores by the domain engine and stored;
 * read back for the public results, the unit profile and the narratives. Nothing here types a
 * number in: percentages, ranks and changes all come out of `computeResultsFromMatrix`.
 */
import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getUnit } from '../org/org.repository.ts';
import {
  compileFramework,
  computeResultsFromMatrix,
  type Lang,
  narrateGroup,
  narrateUnit,
  type PreviousResults,
  type ResultsOutput,
} from './domain/index.ts';
import { getMetric } from './metrics/metric-registry.ts';
import { loadScoreMatrix } from './reform-index.matrix.ts';
import * as repo from './reform-index.repository.ts';
import type { ResultsView, UnitResultView } from './reform-index.schemas.ts';
import { toDomainFramework } from './reform-index.service.ts';

/** Measures every computed criterion of an unpublished cycle from the metric registry. */
export async function measureComputed(db: Db, cycleId: string) {
  const cycle = await repo.getCycle(db, cycleId);
  if (!cycle || cycle.status === 'published') return { measured: 0, unregistered: [] as string[] };
  const criteria = (await repo.listCriteria(db, cycle.frameworkId)).filter(
    (c) => c.method === 'computed' && c.metricKey,
  );
  if (!criteria.length) return { measured: 0, unregistered: [] };
  const assessments = await repo.listAssessments(db, cycleId);
  const from = new Date(`${cycle.periodFrom}T00:00:00+07:00`);
  const to = new Date(Date.parse(`${cycle.periodTo}T00:00:00+07:00`) + 86_400_000);
  const rows: Parameters<typeof repo.setComputed>[1] = [];
  const unregistered = new Set<string>();
  for (const c of criteria) {
    const metric = getMetric(c.metricKey!);
    for (const a of assessments) {
      if (!metric) {
        // no fake values: the criterion stays unscored and says why
        unregistered.add(c.metricKey!);
        rows.push({
          assessmentId: a.a.id,
          criterionCode: c.code,
          value: null,
          snapshot: { status: 'metric_not_registered', metricKey: c.metricKey },
        });
        continue;
      }
      const v = await metric.compute(db, { unitId: a.a.unitId, unitPath: a.unitPath, from, to });
      rows.push({
        assessmentId: a.a.id,
        criterionCode: c.code,
        value: v.value,
        snapshot: {
          status: v.value === null ? 'nothing_to_measure' : 'measured',
          metricKey: c.metricKey,
          ...v,
          from,
          to,
          at: new Date(),
        },
      });
    }
  }
  await repo.setComputed(db, rows);
  return { measured: rows.length, unregistered: [...unregistered] };
}

/** The previous year's stored results of the same peer group (by code), in the engine's shape. */
async function previousResults(db: DbOrTx, groupCode: string, year: number): Promise<PreviousResults | undefined> {
  const prev = await repo.publishedCycles(db, { year: year - 1, groupCode });
  if (!prev.length) return undefined;
  const ids = prev.map((p) => p.cycle.id);
  const rows = await repo.resultsOfCycles(db, ids);
  const areas = await repo.areaResultsOfCycles(db, ids);
  const sums = await repo.summariesOfCycles(db, ids);
  const areasOf = new Map<string, { code: string; pct: number | null; rank: number | null }[]>();
  for (const a of areas) {
    const list = areasOf.get(a.unitId) ?? [];
    list.push({ code: a.areaCode, pct: a.percent, rank: a.rank });
    areasOf.set(a.unitId, list);
  }
  const summary = (kind: string) =>
    sums
      .filter((s) => s.kind === kind)
      .map((s) => ({ code: s.code, averagePct: (s.summary as { averagePct: number | null }).averagePct }));
  return {
    units: rows.map(({ r }) => ({
      unitCode: r.unitCode,
      indexPct: r.percent,
      rank: r.rank,
      areas: areasOf.get(r.unitId) ?? [],
    })),
    groups: summary('group'),
    blocks: summary('block'),
  };
}

/** Milliseconds spent in each phase of one recompute (filled in when passed to `recomputeCycle`). */
export interface RecomputePhases {
  /** computed criteria measured from the metric registry (unpublished cycles only) */
  measure: number;
  /** cycle, framework, criteria, members; the framework compiled */
  framework: number;
  /** stored scores → dense score matrix */
  loadScores: number;
  /** last year's stored results of the peer group */
  previous: number;
  /** the pure engine: aggregation, ranking, summaries */
  compute: number;
  /** results written (one transaction) */
  store: number;
}

/**
 * Recompute a cycle's results from its stored scores and store them (unit, area, group and block
 * rows replaced in one transaction). Returns the engine output. `phases`, when given, receives the
 * time of each phase (the benchmark prints them).
 */
export async function recomputeCycle(db: Db, cycleId: string, phases?: RecomputePhases): Promise<ResultsOutput> {
  let t = performance.now();
  const lap = (k: keyof RecomputePhases) => {
    const now = performance.now();
    if (phases) phases[k] = now - t;
    t = now;
  };
  const cycle = await repo.getCycle(db, cycleId);
  if (!cycle) throw new AppError('NOT_FOUND', { what: 'cycle' });
  if (cycle.status !== 'published') await measureComputed(db, cycleId);
  lap('measure');
  const fw = (await repo.getFramework(db, cycle.frameworkId))!;
  const group = (await repo.getGroup(db, fw.groupId))!;
  const criteria = await repo.listCriteria(db, fw.id);
  const plan = compileFramework(toDomainFramework(fw, criteria));
  const members = await repo.groupMembers(db, group.id);
  const units = members.map((m) => ({ code: m.code, peerGroup: group.code, block: m.block || group.code }));
  lap('framework');
  const { matrix, issues } = await loadScoreMatrix(
    db,
    cycleId,
    plan,
    units.map((u) => u.code),
  );
  lap('loadScores');
  const previous = await previousResults(db, group.code, fw.year);
  lap('previous');
  const out = computeResultsFromMatrix(plan, units, matrix, {
    bands: fw.bands,
    ...(fw.topN ? { topN: fw.topN } : {}),
    ...(previous ? { previous } : {}),
  });
  out.issues = issues;
  lap('compute');
  await storeResults(db, cycleId, members, out);
  lap('store');
  return out;
}

/**
 * Stores the engine output of a cycle in one transaction (replacing the previous results). The
 * rows travel as columns (one array parameter each, see `repo.replaceResults`), built straight
 * from the output without an object per row.
 */
export async function storeResults(db: Db, cycleId: string, members: repo.MemberRow[], out: ResultsOutput) {
  const idOf = new Map(members.map((m) => [m.code, m.unitId]));
  const units = out.units;
  const unitIds = units.map((u) => idOf.get(u.unitCode)!);
  const col = <T>(name: string, type: string, f: (u: ResultsOutput['units'][number]) => T) =>
    [name, type, units.map(f)] as const;
  const results = {
    unitIndex: units.map((_, i) => i + 1),
    cols: [
      col('unit_code', 'text', (u) => u.unitCode),
      col('block', 'text', (u) => u.block),
      col('points', 'float8', (u) => u.points),
      col('max_points', 'float8', (u) => u.maxPoints),
      col('applicable_max', 'float8', (u) => u.applicableMax),
      col('percent', 'float8', (u) => u.indexPct),
      col('rank', 'int4', (u) => u.rank),
      col('rank_of', 'int4', (u) => u.rankOf),
      col('previous_percent', 'float8', (u) => u.previousIndexPct),
      col('delta_percent_points', 'float8', (u) => u.indexChange),
      col('previous_rank', 'int4', (u) => u.previousRank),
      col('rank_change', 'int4', (u) => u.rankChange),
      col('band', 'text', (u) => u.band),
      col('in_top_n', 'bool', (u) => u.inTopN),
      col('previous_in_top_n', 'bool', (u) => u.previousInTopN),
      col('missing_leaves', 'int4', (u) => u.missingLeaves),
      col('not_applicable_leaves', 'int4', (u) => u.notApplicableLeaves),
    ],
  };
  // area rows, unit-major: one array per column filled in a single pass
  const n = units.reduce((k, u) => k + u.areas.length, 0);
  const unitIndex = new Array<number>(n);
  const area = {
    area_code: new Array<string>(n),
    sort_order: new Array<number>(n),
    points: new Array<number>(n),
    applicable_max: new Array<number>(n),
    percent: new Array<number | null>(n),
    rank: new Array<number | null>(n),
    rank_of: new Array<number>(n),
    previous_percent: new Array<number | null>(n),
    delta_percent_points: new Array<number | null>(n),
    previous_rank: new Array<number | null>(n),
    rank_change: new Array<number | null>(n),
  };
  let k = 0;
  units.forEach((u, ui) => {
    u.areas.forEach((a, i) => {
      unitIndex[k] = ui + 1;
      area.area_code[k] = a.code;
      area.sort_order[k] = i;
      area.points[k] = a.points;
      area.applicable_max[k] = a.applicableMax;
      area.percent[k] = a.pct;
      area.rank[k] = a.rank;
      area.rank_of[k] = a.rankOf;
      area.previous_percent[k] = a.previousPct;
      area.delta_percent_points[k] = a.pctChange;
      area.previous_rank[k] = a.previousRank;
      area.rank_change[k] = a.rankChange;
      k++;
    });
  });
  const types: Record<keyof typeof area, string> = {
    area_code: 'text',
    sort_order: 'int4',
    points: 'float8',
    applicable_max: 'float8',
    percent: 'float8',
    rank: 'int4',
    rank_of: 'int4',
    previous_percent: 'float8',
    delta_percent_points: 'float8',
    previous_rank: 'int4',
    rank_change: 'int4',
  };
  const areas = {
    unitIndex,
    cols: (Object.keys(area) as (keyof typeof area)[]).map((c) => [c, types[c], area[c]] as const),
  };
  const summaries = [
    ...out.groups.map((g) => ({ cycleId, kind: 'group', code: g.code, summary: g })),
    ...out.blocks.map((g) => ({ cycleId, kind: 'block', code: g.code, summary: g })),
  ];
  await db.transaction(async (tx) => {
    await repo.replaceResults(tx, cycleId, unitIds, results, areas, summaries);
    await repo.setCycle(tx, cycleId, { computedAt: new Date() });
  });
}

/** Published cycles of later years of the same peer group (their changes compare against this one). */
export async function downstreamCycles(db: Db, cycleId: string): Promise<string[]> {
  const cycle = (await repo.getCycle(db, cycleId))!;
  const fw = (await repo.getFramework(db, cycle.frameworkId))!;
  const group = (await repo.getGroup(db, fw.groupId))!;
  const later = await repo.publishedCycles(db, { groupCode: group.code });
  return later.filter((l) => l.framework.year > fw.year).map((l) => l.cycle.id);
}

// ---------- reading stored results ----------
type Published = Awaited<ReturnType<typeof repo.publishedCycles>>;

interface SummaryJson {
  code: string;
  count: number;
  averagePct: number | null;
  highestPct: number | null;
  lowestPct: number | null;
  previousAveragePct: number | null;
  averageChange: number | null;
  aboveAverageCount: number;
  highestUnitCodes: string[];
  lowestUnitCodes: string[];
}
const summaryView = (s: SummaryJson, name: string) => ({
  name,
  count: s.count,
  average: s.averagePct,
  highest: s.highestPct,
  lowest: s.lowestPct,
  previousAverage: s.previousAveragePct,
  deltaPercentPoints: s.averageChange,
  aboveAverageCount: s.aboveAverageCount,
});

/** Stored results of cycles as the public view (optionally of one unit). */
export async function resultsView(db: Db, cycles: Published, year: number, unitCode?: string): Promise<ResultsView> {
  const ids = cycles.map((c) => c.cycle.id);
  const rows = await repo.resultsOfCycles(db, ids, unitCode);
  const areaRows = await repo.areaResultsOfCycles(db, ids, unitCode ? rows.map((r) => r.r.unitId) : undefined);
  const sums = await repo.summariesOfCycles(db, ids);
  const areaNames = new Map<string, Map<string, { name: string; nameEn: string | null; max: number }>>();
  for (const c of cycles) {
    const crit = await repo.listCriteria(db, c.framework.id);
    areaNames.set(
      c.cycle.id,
      new Map(
        crit
          .filter((x) => x.parentCode === null)
          .map((x) => [x.code, { name: x.name, nameEn: x.nameEn ?? null, max: x.maxPoints }]),
      ),
    );
  }
  const groupOf = new Map(cycles.map((c) => [c.cycle.id, c.group]));
  const areasBy = new Map<string, repo.AreaResultRow[]>();
  for (const a of areaRows) {
    const k = `${a.cycleId}/${a.unitId}`;
    const list = areasBy.get(k) ?? [];
    list.push(a);
    areasBy.set(k, list);
  }
  const results: UnitResultView[] = rows.map(({ r, name, shortName, nameEn }) => ({
    unitCode: r.unitCode,
    unitName: name,
    unitShortName: shortName,
    unitNameEn: nameEn,
    groupId: groupOf.get(r.cycleId)!.code,
    block: r.block,
    points: r.points,
    maxPoints: r.maxPoints,
    applicableMax: r.applicableMax,
    percent: r.percent,
    rank: r.rank,
    rankOf: r.rankOf,
    previousPercent: r.previousPercent,
    deltaPercentPoints: r.deltaPercentPoints,
    previousRank: r.previousRank,
    rankChange: r.rankChange,
    band: r.band,
    inTopN: r.inTopN,
    areas: (areasBy.get(`${r.cycleId}/${r.unitId}`) ?? []).map((a) => {
      const meta = areaNames.get(r.cycleId)?.get(a.areaCode);
      return {
        code: a.areaCode,
        name: meta?.name ?? a.areaCode,
        nameEn: meta?.nameEn ?? null,
        points: a.points,
        maxPoints: a.applicableMax,
        percent: a.percent,
        rank: a.rank,
        rankOf: a.rankOf,
        deltaPercentPoints: a.deltaPercentPoints,
        rankChange: a.rankChange,
      };
    }),
  }));
  const groups = cycles.flatMap((c) => {
    const s = sums.find((x) => x.cycleId === c.cycle.id && x.kind === 'group');
    if (!s) return [];
    return [
      {
        groupId: c.group.code,
        year: c.framework.year,
        label: c.group.labelVi,
        publishedOn: c.cycle.publishedOn,
        frameworkCode: c.framework.code,
        ...summaryView(s.summary as SummaryJson, c.group.name),
      },
    ];
  });
  const blocks = sums
    .filter((s) => s.kind === 'block')
    .map((s) => ({
      code: s.code,
      groupId: groupOf.get(s.cycleId)!.code,
      ...summaryView(s.summary as SummaryJson, blockName(s.code, groupOf.get(s.cycleId)!)),
    }));
  return { year, results, groups, blocks };
}

const BLOCK_NAMES: Record<string, string> = {
  districts: 'Khối quận, huyện, thị xã',
  departments: 'Khối phòng chuyên môn và Đội Quản lý TTXD đô thị',
  wards: 'Khối phường',
};
function blockName(code: string, group: repo.GroupRow) {
  return BLOCK_NAMES[code] ?? (code === group.code ? group.name : code);
}

/** Public: published results of a year, optionally one group (by code or id) and one unit. */
export async function publicResults(db: Db, q: { year: number; group?: string; unitCode?: string }) {
  let cycles = await repo.publishedCycles(db, { year: q.year });
  if (q.group) cycles = cycles.filter((c) => c.group.code === q.group || c.group.id === q.group);
  const view = await resultsView(db, cycles, q.year, q.unitCode);
  if (q.unitCode) {
    const keep = new Set(view.results.map((r) => r.groupId));
    view.groups = view.groups.filter((g) => keep.has(g.groupId));
    view.blocks = view.blocks.filter((b) => keep.has(b.groupId) && view.results.some((r) => r.block === b.code));
  }
  return view;
}

/** Public unit profile: every published year's result with its areas, and the narrative. */
export async function unitProfile(db: Db, unitCode: string, lang: Lang) {
  const cycles = await repo.publishedCycles(db, {});
  const years: (UnitResultView & { year: number })[] = [];
  for (const c of cycles) {
    const v = await resultsView(db, [c], c.framework.year, unitCode);
    if (v.results[0]) years.push({ year: c.framework.year, ...v.results[0] });
  }
  const latest = years[years.length - 1];
  if (!latest) throw new AppError('RI_RESULTS_NOT_FOUND', { what: unitCode });
  return {
    unitCode,
    unitName: latest.unitName,
    unitShortName: latest.unitShortName,
    unitNameEn: latest.unitNameEn,
    years,
    narrative: (await unitNarrative(db, { year: latest.year, unitCode, lang })).text,
  };
}

/** Rebuilds the engine output of a stored cycle (for the narrative functions of the domain). */
async function storedOutput(db: Db, c: Published[number]): Promise<ResultsOutput> {
  const rows = await repo.resultsOfCycles(db, [c.cycle.id]);
  const areaRows = await repo.areaResultsOfCycles(db, [c.cycle.id]);
  const sums = await repo.summariesOfCycles(db, [c.cycle.id]);
  const crit = await repo.listCriteria(db, c.framework.id);
  const areasBy = new Map<string, repo.AreaResultRow[]>();
  for (const a of areaRows) areasBy.set(a.unitId, [...(areasBy.get(a.unitId) ?? []), a]);
  return {
    frameworkCode: c.framework.code,
    year: c.framework.year,
    areas: crit
      .filter((x) => x.parentCode === null)
      .map((x) => ({ code: x.code, name: x.name, nameEn: x.nameEn, maxPoints: x.maxPoints })),
    units: rows.map(({ r }) => ({
      unitCode: r.unitCode,
      peerGroup: c.group.code,
      block: r.block,
      points: r.points,
      maxPoints: r.maxPoints,
      applicableMax: r.applicableMax,
      indexPct: r.percent,
      rank: r.rank,
      rankOf: r.rankOf,
      previousIndexPct: r.previousPercent,
      indexChange: r.deltaPercentPoints,
      previousRank: r.previousRank,
      rankChange: r.rankChange,
      band: r.band,
      inTopN: r.inTopN,
      previousInTopN: r.previousInTopN,
      missingLeaves: r.missingLeaves,
      notApplicableLeaves: r.notApplicableLeaves,
      areas: (areasBy.get(r.unitId) ?? []).map((a) => ({
        code: a.areaCode,
        points: a.points,
        applicableMax: a.applicableMax,
        pct: a.percent,
        rank: a.rank,
        rankOf: a.rankOf,
        previousPct: a.previousPercent,
        pctChange: a.deltaPercentPoints,
        previousRank: a.previousRank,
        rankChange: a.rankChange,
      })),
    })),
    groups: sums.filter((s) => s.kind === 'group').map((s) => s.summary as ResultsOutput['groups'][number]),
    blocks: sums.filter((s) => s.kind === 'block').map((s) => s.summary as ResultsOutput['blocks'][number]),
    issues: [],
  };
}

/** Written summary (vi/en) of a unit's or a group's published result. */
export async function unitNarrative(db: Db, q: { year: number; unitCode?: string; group?: string; lang: Lang }) {
  const cycles = await repo.publishedCycles(db, { year: q.year });
  for (const c of cycles) {
    if (q.group && c.group.code !== q.group && c.group.id !== q.group) continue;
    const out = await storedOutput(db, c);
    const label = { vi: c.group.labelVi, en: c.group.labelEn ?? undefined };
    if (q.unitCode) {
      const row = (await repo.resultsOfCycles(db, [c.cycle.id], q.unitCode))[0];
      if (!row) continue;
      return {
        year: q.year,
        lang: q.lang,
        text: narrateUnit(
          {
            output: out,
            unitCode: q.unitCode,
            unitName: { vi: row.name, en: row.nameEn ?? undefined },
            peerGroupLabel: label,
            ...(c.framework.topN ? { topN: c.framework.topN } : {}),
            ...(c.cycle.publishedOn ? { publishedOn: c.cycle.publishedOn } : {}),
          },
          q.lang,
        ),
      };
    }
    const names = new Map(
      (await repo.resultsOfCycles(db, [c.cycle.id])).map((r) => [r.r.unitCode, { vi: r.shortName, en: r.shortName }]),
    );
    return {
      year: q.year,
      lang: q.lang,
      text: narrateGroup(
        { output: out, code: c.group.code, of: 'groups', label, unitName: (code) => names.get(code) ?? { vi: code } },
        q.lang,
      ),
    };
  }
  throw new AppError('RI_RESULTS_NOT_FOUND', { what: q.unitCode ?? q.group ?? String(q.year) });
}

/** Unpublished (working) results of a cycle, for the coordinator. */
export async function cycleResults(db: Db, cycleId: string) {
  const cycle = await repo.getCycle(db, cycleId);
  const fw = cycle && (await repo.getFramework(db, cycle.frameworkId));
  const group = fw && (await repo.getGroup(db, fw.groupId));
  if (!cycle || !fw || !group) throw new AppError('NOT_FOUND', { what: 'cycle' });
  void getUnit;
  return resultsView(db, [{ cycle, framework: fw, group }], fw.year);
}
