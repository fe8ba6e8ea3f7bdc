import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks, rankMembers } from './ranking.ts';

describe('competition ranking', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    expect(competitionRanks([96.3, 95.7, 95.7, 95.22])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([95.22, 95.7, 96.3, 95.7])).toEqual([4, 2, 1, 2]);
    expect(competitionRanks([90, 90, 90])).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
  });
  it('leaves missing values unranked and out of the count', () => {
    expect(competitionRanks([80, null, 90])).toEqual([2, null, 1]);
  });
  it('ranks only the members of a group', () => {
    const values = new Int32Array([9630, 9000, 9570, 9100]);
    const out = new Int32Array(4);
    expect(rankMembers(values, new Int32Array([1, 3]), out)).toBe(2);
    expect([...out]).toEqual([0, 2, 0, 1]);
  });
  it('property: ranks in 1..n, equal value ⇒ equal rank, higher value ⇒ better rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (hundredths) => {
        const values = hundredths.map((h) => h / 100);
        const ranks = competitionRanks(values) as number[];
        const n = values.length;
        for (let i = 0; i < n; i++) {
          expect(ranks[i]).toBeGreaterThanOrEqual(1);
          expect(ranks[i]).toBeLessThanOrEqual(n);
          // the rank is one more than the number of strictly better values
          expect(ranks[i]).toBe(1 + values.filter((v) => v > values[i]!).length);
          for (let j = 0; j < n; j++) {
            if (values[i] === values[j]) expect(ranks[i]).toBe(ranks[j]);
            if (values[i]! > values[j]!) expect(ranks[i]).toBeLessThan(ranks[j]!);
          }
        }
      }),
    );
  });
});
