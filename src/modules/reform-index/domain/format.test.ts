import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPct, formatPoints, ordinalEn } from './format.ts';

describe('formatting', () => {
  it('writes Vietnamese numbers with a decimal comma and dot thousands', () => {
    expect(formatPct(94.27, 'vi')).toBe('94,27%');
    expect(formatPct(96.3, 'vi')).toBe('96,30%');
    expect(formatPct(94.265, 'vi')).toBe('94,27%');
    expect(formatNumber(0.64, 'vi')).toBe('0,64');
    expect(formatNumber(3500, 'vi', 0)).toBe('3.500');
    expect(formatNumber(1234567.891, 'vi')).toBe('1.234.567,89');
    expect(formatNumber(-0.38, 'vi')).toBe('-0,38');
    expect(formatNumber(-0.001, 'vi')).toBe('0,00');
  });
  it('writes English numbers with a decimal point and comma thousands', () => {
    expect(formatPct(94.27, 'en')).toBe('94.27%');
    expect(formatNumber(35000, 'en', 0)).toBe('35,000');
  });
  it('trims trailing zeros of points', () => {
    expect(formatPoints(7.3, 'vi')).toBe('7,3');
    expect(formatPoints(8, 'vi')).toBe('8');
    expect(formatPoints(12.72, 'en')).toBe('12.72');
  });
  it('writes dates dd/mm/yyyy in Vietnamese', () => {
    expect(formatDate('2024-03-13', 'vi')).toBe('13/03/2024');
    expect(formatDate('2024-02-20', 'en')).toBe('20 February 2024');
    expect(() => formatDate('13/03/2024', 'vi')).toThrow(RangeError);
  });
  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinalEn)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '10th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});
