import { describe, expect, it } from 'vitest';
import { cellText } from './xlsx.ts';

describe('cellText: a cell as a person reads it', () => {
  it('reads every kind of cell exceljs gives', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  Tiêu chí 1.1 ')).toBe('  Tiêu chí 1.1 '); // callers decide what to trim
    expect(cellText(2.5)).toBe('2.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2025, 3, 26)))).toBe('2025-04-26');
    expect(cellText({ richText: [{ text: 'Cải cách ' }, { text: 'hành chính' }] })).toBe('Cải cách hành chính');
    expect(cellText({ text: 'Cổng DVC', hyperlink: 'https://dichvucong.gov.vn' })).toBe('Cổng DVC');
    expect(cellText({ formula: 'A1+B1', result: 7 })).toBe('7');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 10, 27)) })).toBe('2026-11-27');
    expect(cellText({ sharedFormula: 'A2', result: undefined })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});
