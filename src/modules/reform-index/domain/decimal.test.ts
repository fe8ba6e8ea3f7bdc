import { describe, expect, it } from 'vitest';
import { meanHundredths, pctHundredths, ratioRounded, round2, roundHalfUp, toMilli } from './decimal.ts';

describe('roundHalfUp', () => {
  it('rounds on the decimal value, not the binary one', () => {
    // the traps: naive Math.round(x * 100) / 100 and toFixed(2) get these wrong
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect((8.575).toFixed(2)).toBe('8.57');
    expect(round2(94.265)).toBe(94.27);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(0.005)).toBe(0.01);
    expect(round2(0.015)).toBe(0.02);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(0.0049999)).toBe(0);
    expect(round2(96.375)).toBe(96.38);
    expect(round2(8.575)).toBe(8.58);
    expect(round2(0.285)).toBe(0.29);
  });
  it('leaves exact values alone and handles other precisions', () => {
    expect(round2(94.27)).toBe(94.27);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(roundHalfUp(7.25, 1)).toBe(7.3);
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(1234567.125, 2)).toBe(1234567.13);
    expect(roundHalfUp(1e21, 2)).toBe(1e21);
    expect(roundHalfUp(1.5e-7, 2)).toBe(0);
  });
  it('rounds negatives half away from zero', () => {
    expect(round2(-0.005)).toBe(-0.01);
    expect(round2(-94.265)).toBe(-94.27);
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });
});

describe('integer ratios', () => {
  it('computes the index in hundredths exactly', () => {
    expect(pctHundredths(toMilli(94.265), toMilli(100))).toBe(9427);
    expect(pctHundredths(toMilli(7.3), toMilli(8))).toBe(9125);
    expect(pctHundredths(toMilli(15.42), toMilli(16))).toBe(9638); // 96.375 → 96.38
    expect(pctHundredths(toMilli(12.72), toMilli(13))).toBe(9785); // 97.846…
    expect(pctHundredths(0, 5000)).toBe(0);
  });
  it('rounds half up at exactly .5 and down below', () => {
    expect(ratioRounded(1, 2, 1)).toBe(1);
    expect(ratioRounded(1, 3, 1)).toBe(0);
    expect(ratioRounded(5, 1000, 100)).toBe(1); // 0.5 → 1
    expect(ratioRounded(4, 1000, 100)).toBe(0);
  });
  it('averages hundredths half up', () => {
    expect(meanHundredths(9427 + 9428, 2)).toBe(9428); // 94.275 → 94.28
    expect(meanHundredths(119574, 13)).toBe(9198);
  });
  it('toMilli is immune to float products', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(toMilli(4.35)).toBe(4350);
    expect(toMilli(7.3)).toBe(7300);
  });
});
