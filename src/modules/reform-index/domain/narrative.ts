/**
 * Written summaries of published results, in Vietnamese and English, in the style of the district
 * press releases: "Năm 2023, UBND quận Bắc Từ Liêm đạt kết quả Chỉ số CCHC là 94,27% (xếp thứ
 * 10/30 quận, huyện, thị xã), tăng 0,64 điểm so với năm 2022, …". Labels come from the caller.
 */
import {
  formatDate,
  formatNumber,
  formatPct,
  formatPoints,
  type Lang,
  type LocalText,
  ordinalEn,
  pick,
} from './format.ts';
import type { AreaResult, ResultsOutput, UnitResult } from './results.types.ts';

export interface UnitNarrativeInput {
  output: ResultsOutput;
  unitCode: string;
  /** the unit's designation, e.g. { vi: 'UBND quận Bắc Từ Liêm', en: "Bắc Từ Liêm District People's Committee" } */
  unitName: LocalText;
  /** plural label of the peer group, e.g. { vi: 'quận, huyện, thị xã', en: 'districts, towns and rural districts' } */
  peerGroupLabel: LocalText;
  /** default: the framework's year − 1 */
  previousYear?: number;
  /** the N of "nhóm 10 …" when the results were computed with topN */
  topN?: number;
  /** how many best- and worst-ranked areas to name (defaults 2 and 1) */
  best?: number;
  worst?: number;
  /** 'YYYY-MM-DD' of the announcement */
  publishedOn?: string;
}

const T = {
  vi: {
    noResult: (y: number, u: string) => `Năm ${y}, ${u} chưa có kết quả Chỉ số CCHC.`,
    lead: (y: number, u: string, pct: string, rank: number, n: number, g: string) =>
      `Năm ${y}, ${u} đạt kết quả Chỉ số CCHC là ${pct} (xếp thứ ${rank}/${n} ${g})`,
    up: (d: string, py: number) => `tăng ${d} điểm so với năm ${py}`,
    down: (d: string, py: number) => `giảm ${d} điểm so với năm ${py}`,
    same: (py: number) => `giữ nguyên so với năm ${py}`,
    rankUp: (k: number, r: number) => `thứ hạng tăng ${k} bậc (năm trước xếp thứ ${r})`,
    rankDown: (k: number, r: number) => `thứ hạng giảm ${k} bậc (năm trước xếp thứ ${r})`,
    rankSame: () => 'giữ nguyên thứ hạng',
    topKeep: (n: number, g: string) => `giữ vị trí trong nhóm ${n} ${g} có Chỉ số CCHC cao nhất`,
    topEnter: (n: number, g: string) => `vào nhóm ${n} ${g} có Chỉ số CCHC cao nhất`,
    topIn: (n: number, g: string) => `thuộc nhóm ${n} ${g} có Chỉ số CCHC cao nhất`,
    topLeave: (n: number, g: string) => `ra khỏi nhóm ${n} ${g} có Chỉ số CCHC cao nhất`,
    firstYear: 'Chưa có kết quả năm trước để so sánh.',
    area: (name: string, pts: string, max: string, pct: string, rank: number, n: number) =>
      `${name} đạt ${pts}/${max} điểm (${pct}), xếp thứ ${rank}/${n}`,
    best: (k: number) => (k > 1 ? 'Các lĩnh vực có thứ hạng cao nhất: ' : 'Lĩnh vực có thứ hạng cao nhất: '),
    worst: (k: number) => (k > 1 ? 'Các lĩnh vực có thứ hạng thấp nhất: ' : 'Lĩnh vực có thứ hạng thấp nhất: '),
    published: (d: string) => `Kết quả được công bố ngày ${d}.`,
  },
  en: {
    noResult: (y: number, u: string) => `${u} has no PAR Index result for ${y}.`,
    lead: (y: number, u: string, pct: string, rank: number, n: number, g: string) =>
      `In ${y}, ${u} scored ${pct} on the PAR Index (ranked ${ordinalEn(rank)} of ${n} ${g})`,
    up: (d: string, py: number) => `up ${d} points on ${py}`,
    down: (d: string, py: number) => `down ${d} points on ${py}`,
    same: (py: number) => `unchanged from ${py}`,
    rankUp: (k: number, r: number) => `up ${k} ${k > 1 ? 'places' : 'place'} (previously ${ordinalEn(r)})`,
    rankDown: (k: number, r: number) => `down ${k} ${k > 1 ? 'places' : 'place'} (previously ${ordinalEn(r)})`,
    rankSame: () => 'keeping its rank',
    topKeep: (n: number, g: string) => `staying in the top ${n} ${g}`,
    topEnter: (n: number, g: string) => `entering the top ${n} ${g}`,
    topIn: (n: number, g: string) => `among the top ${n} ${g}`,
    topLeave: (n: number, g: string) => `leaving the top ${n} ${g}`,
    firstYear: 'There is no previous result to compare with.',
    area: (name: string, pts: string, max: string, pct: string, rank: number, n: number) =>
      `${name}, ${pts}/${max} points (${pct}), ranked ${ordinalEn(rank)} of ${n}`,
    best: (k: number) => (k > 1 ? 'Best-ranked areas: ' : 'Best-ranked area: '),
    worst: (k: number) => (k > 1 ? 'Lowest-ranked areas: ' : 'Lowest-ranked area: '),
    published: (d: string) => `Results announced on ${d}.`,
  },
} as const;

function changePhrases(u: UnitResult, py: number, lang: Lang): string[] {
  const t = T[lang];
  const out: string[] = [];
  if (u.indexChange !== null) {
    const d = formatNumber(Math.abs(u.indexChange), lang);
    out.push(u.indexChange > 0 ? t.up(d, py) : u.indexChange < 0 ? t.down(d, py) : t.same(py));
  }
  if (u.rankChange !== null && u.previousRank !== null) {
    const k = Math.abs(u.rankChange);
    out.push(
      u.rankChange > 0 ? t.rankUp(k, u.previousRank) : u.rankChange < 0 ? t.rankDown(k, u.previousRank) : t.rankSame(),
    );
  }
  return out;
}

function topPhrase(u: UnitResult, n: number | undefined, group: string, lang: Lang): string | null {
  if (n === undefined || u.inTopN === null) return null;
  const t = T[lang];
  if (u.inTopN)
    return u.previousInTopN === true
      ? t.topKeep(n, group)
      : u.previousInTopN === false
        ? t.topEnter(n, group)
        : t.topIn(n, group);
  return u.previousInTopN === true ? t.topLeave(n, group) : null;
}

/** Areas ordered best first: by rank, then by %, then framework order. */
function rankedAreas(u: UnitResult): AreaResult[] {
  return u.areas
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.rank !== null)
    .sort((x, y) => x.a.rank! - y.a.rank! || (y.a.pct ?? 0) - (x.a.pct ?? 0) || x.i - y.i)
    .map(({ a }) => a);
}

export function narrateUnit(input: UnitNarrativeInput, lang: Lang): string {
  const t = T[lang];
  const { output } = input;
  const u = output.units.find((x) => x.unitCode === input.unitCode);
  if (!u) throw new RangeError(`unit ${input.unitCode} is not in the results`);
  const year = output.year;
  const name = pick(input.unitName, lang);
  if (u.indexPct === null || u.rank === null) return t.noResult(year, name);
  const group = pick(input.peerGroupLabel, lang);
  const py = input.previousYear ?? year - 1;

  const lead = [
    t.lead(year, name, formatPct(u.indexPct, lang), u.rank, u.rankOf, group),
    ...changePhrases(u, py, lang),
  ];
  const top = topPhrase(u, input.topN, group, lang);
  if (top) lead.push(top);
  const sentences = [`${lead.join(', ')}.`];
  if (u.indexChange === null) sentences.push(t.firstYear);

  const areaName = new Map(output.areas.map((a) => [a.code, pick({ vi: a.name, en: a.nameEn }, lang)]));
  const describe = (a: AreaResult) =>
    t.area(
      areaName.get(a.code) ?? a.code,
      formatPoints(a.points, lang),
      formatPoints(a.applicableMax, lang),
      formatPct(a.pct!, lang),
      a.rank!,
      a.rankOf,
    );
  const ranked = rankedAreas(u);
  // the worst areas first, then the best among those ranked strictly better than all of them
  const worst = (input.worst ?? 1) > 0 ? ranked.slice(-(input.worst ?? 1)) : [];
  const worstRank = worst.length ? Math.min(...worst.map((a) => a.rank!)) : Number.POSITIVE_INFINITY;
  const best = ranked.filter((a) => a.rank! < worstRank).slice(0, input.best ?? 2);
  if (best.length) sentences.push(`${t.best(best.length)}${best.map(describe).join('; ')}.`);
  if (worst.length && (input.worst ?? 1) > 0)
    sentences.push(`${t.worst(worst.length)}${worst.map(describe).join('; ')}.`);
  if (input.publishedOn) sentences.push(t.published(formatDate(input.publishedOn, lang)));
  return sentences.join(' ');
}

export interface GroupNarrativeInput {
  output: ResultsOutput;
  /** a peer-group code ('groups') or a block code ('blocks') */
  code: string;
  of: 'groups' | 'blocks';
  /** plural label, e.g. { vi: 'phường', en: 'wards' } */
  label: LocalText;
  /** short names for the highest and lowest units */
  unitName: (unitCode: string) => LocalText;
  previousYear?: number;
  publishedOn?: string;
}

const G = {
  vi: {
    lead: (y: number, n: number, g: string, avg: string) => `Năm ${y}, Chỉ số CCHC trung bình của ${n} ${g} đạt ${avg}`,
    high: (names: string, pct: string) => `Cao nhất là ${names} (${pct})`,
    low: (names: string, pct: string) => `thấp nhất là ${names} (${pct})`,
    above: (k: number, n: number) => `${k}/${n} đơn vị có kết quả cao hơn mức trung bình.`,
    and: ' và ',
  },
  en: {
    lead: (y: number, n: number, g: string, avg: string) =>
      `In ${y}, the average PAR Index of the ${n} ${g} was ${avg}`,
    high: (names: string, pct: string) => `Highest: ${names} (${pct})`,
    low: (names: string, pct: string) => `lowest: ${names} (${pct})`,
    above: (k: number, n: number) => `${k} of ${n} units scored above the average.`,
    and: ' and ',
  },
} as const;

export function narrateGroup(input: GroupNarrativeInput, lang: Lang): string {
  const t = T[lang];
  const g = G[lang];
  const s = input.output[input.of].find((x) => x.code === input.code);
  if (!s) throw new RangeError(`${input.of} ${input.code} is not in the results`);
  const year = input.output.year;
  const label = pick(input.label, lang);
  if (s.averagePct === null) return t.noResult(year, label);
  const py = input.previousYear ?? year - 1;
  const lead = [g.lead(year, s.count, label, formatPct(s.averagePct, lang))];
  if (s.averageChange !== null) {
    const d = formatNumber(Math.abs(s.averageChange), lang);
    lead.push(s.averageChange > 0 ? t.up(d, py) : s.averageChange < 0 ? t.down(d, py) : t.same(py));
  }
  const names = (codes: string[]) => codes.map((c) => pick(input.unitName(c), lang)).join(g.and);
  const sentences = [
    `${lead.join(', ')}.`,
    `${g.high(names(s.highestUnitCodes), formatPct(s.highestPct!, lang))}; ${g.low(names(s.lowestUnitCodes), formatPct(s.lowestPct!, lang))}.`,
    g.above(s.aboveAverageCount, s.count),
  ];
  if (input.publishedOn) sentences.push(t.published(formatDate(input.publishedOn, lang)));
  return sentences.join(' ');
}
