import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, nowInVietnam, todayInVietnam } from './format.ts';

describe('formatDate', () => {
  it('shows ISO dates as day/month/year', () => {
    expect(formatDate('2024-03-13')).toBe('13/03/2024');
    expect(formatDate('2024-03-13', 'en')).toBe('13/03/2024');
    expect(formatDate(null)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows instants in Vietnam time (UTC+7)', () => {
    expect(formatDateTime('2024-03-13T17:05:09Z')).toBe('14/03/2024 00:05:09');
  });
});

describe('formatNumber', () => {
  it('uses a decimal comma in Vietnamese and a point in English', () => {
    expect(formatNumber(94.27)).toBe('94,27');
    expect(formatNumber(94.27, 'en')).toBe('94.27');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(80, 'vi', 2)).toBe('80,00');
    expect(formatNumber(undefined)).toBe('');
  });
});

describe('todayInVietnam', () => {
  it('is the Vietnamese calendar date', () => {
    expect(todayInVietnam(new Date('2024-03-13T18:00:00Z'))).toBe('2024-03-14');
  });
});

describe('nowInVietnam', () => {
  it('gives the Vietnam wall clock (UTC+7), across midnight and whatever the process zone', () => {
    expect(nowInVietnam(new Date('2024-02-09T16:59:00Z'))).toBe('2024-02-09T23:59');
    expect(nowInVietnam(new Date('2024-02-09T17:00:00Z'))).toBe('2024-02-10T00:00');
  });
});
