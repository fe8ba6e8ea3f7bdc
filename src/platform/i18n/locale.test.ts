import { describe, expect, it } from 'vitest';
import { formatDateVi, pickLocale } from './locale.ts';

describe('locale', () => {
  it('answers in Vietnamese unless English is preferred', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('fr-FR, en;q=0.5, vi;q=0.8')).toBe('vi');
    expect(pickLocale('de')).toBe('vi');
  });
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2024-03-13')).toBe('13/03/2024');
    expect(formatDateVi('2023-10-09T08:00:00+07:00')).toBe('09/10/2023');
  });
});
