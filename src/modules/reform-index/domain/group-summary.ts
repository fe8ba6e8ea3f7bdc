/** Peer-group and block summaries: mean of the units' rounded %, rounded half up; highest, lowest. */
import { meanHundredths } from './decimal.ts';
import type { Band, GroupSummary, UnitResult } from './results.types.ts';

export interface SummaryContext {
  results: readonly UnitResult[];
  pctH: Float64Array;
  areaPctH: Float64Array;
  areaCount: number;
  bands: readonly Band[];
}

export function summarise(
  code: string,
  members: Int32Array,
  ctx: SummaryContext,
  previous: readonly { code: string; averagePct: number | null }[] | undefined,
): GroupSummary {
  let count = 0;
  let sum = 0;
  let hi = Number.NEGATIVE_INFINITY;
  let lo = Number.POSITIVE_INFINITY;
  for (const m of members) {
    const v = ctx.pctH[m]!;
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v > hi) hi = v;
    if (v < lo) lo = v;
  }
  const avgH = count > 0 ? meanHundredths(sum, count) : Number.NaN;
  const highestUnitCodes: string[] = [];
  const lowestUnitCodes: string[] = [];
  const bandCounts: Record<string, number> = Object.fromEntries(ctx.bands.map((b) => [b.code, 0]));
  let aboveAverageCount = 0;
  for (const m of members) {
    const v = ctx.pctH[m]!;
    if (Number.isNaN(v)) continue;
    const r = ctx.results[m]!;
    if (v === hi) highestUnitCodes.push(r.unitCode);
    if (v === lo) lowestUnitCodes.push(r.unitCode);
    if (v > avgH) aboveAverageCount++;
    if (r.band !== null) bandCounts[r.band] = (bandCounts[r.band] ?? 0) + 1;
  }
  const areaAveragePct: (number | null)[] = [];
  for (let a = 0; a < ctx.areaCount; a++) {
    let n = 0;
    let s = 0;
    for (const m of members) {
      const v = ctx.areaPctH[m * ctx.areaCount + a]!;
      if (Number.isNaN(v)) continue;
      n++;
      s += v;
    }
    areaAveragePct.push(n > 0 ? meanHundredths(s, n) / 100 : null);
  }
  const averagePct = count > 0 ? avgH / 100 : null;
  const previousAveragePct = previous?.find((p) => p.code === code)?.averagePct ?? null;
  return {
    code,
    count,
    averagePct,
    highestPct: count > 0 ? hi / 100 : null,
    lowestPct: count > 0 ? lo / 100 : null,
    highestUnitCodes,
    lowestUnitCodes,
    aboveAverageCount,
    previousAveragePct,
    averageChange:
      averagePct === null || previousAveragePct === null
        ? null
        : (Math.round(averagePct * 100) - Math.round(previousAveragePct * 100)) / 100,
    bandCounts,
    areaAveragePct,
  };
}
