/**
 * Standard competition ranking ("1224"): equal values share a rank and the next rank skips, as
 * Hà Nội publishes (Nam Từ Liêm and Hoàn Kiếm both 95,7 → 2nd; Cầu Giấy 4th). Higher is better.
 */

/**
 * Ranks of `values[members[i]]` among the members, written to `out[members[i]]`. NaN values are
 * unranked (0 in `out`). Returns how many members were ranked. O(m log m); no per-item objects.
 */
export function rankMembers(values: Float64Array | Int32Array, members: Int32Array, out: Int32Array): number {
  const sorted = new Float64Array(members.length);
  let n = 0;
  for (let i = 0; i < members.length; i++) {
    const v = values[members[i]!]!;
    if (!Number.isNaN(v)) sorted[n++] = v;
  }
  const ranked = sorted.subarray(0, n).sort();
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    const v = values[m]!;
    // rank = 1 + how many members are strictly greater = 1 + n − (index after the last equal value)
    out[m] = !Number.isNaN(v) ? 1 + n - upperBound(ranked, v) : 0;
  }
  return n;
}

function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Convenience form: ranks of a list of values (null = unranked). */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const vals = Float64Array.from(values, (v) => (v === null ? Number.NaN : v));
  const out = new Int32Array(values.length);
  rankMembers(vals, Int32Array.from(values.keys()), out);
  return Array.from(out, (r) => (r === 0 ? null : r));
}
