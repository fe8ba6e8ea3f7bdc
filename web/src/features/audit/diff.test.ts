import { describe, expect, it } from 'vitest';
import { diffEntries, showValue } from './diff.ts';

describe('audit diff', () => {
  it('lists changed fields first, then unchanged ones', () => {
    const rows = diffEntries(
      { name: 'A', code: 'X', version: 1 },
      { name: 'B', code: 'X', version: 2, validTo: '2025-01-01' },
    );
    expect(rows.map((r) => `${r.field}:${r.changed}`)).toEqual([
      'name:true',
      'version:true',
      'validTo:true',
      'code:false',
    ]);
  });

  it('handles creations, deletions and scalars', () => {
    expect(diffEntries(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1, changed: true }]);
    expect(diffEntries({ a: 1 }, null)[0]!.after).toBeUndefined();
    expect(diffEntries(null, null)).toEqual([]);
    expect(diffEntries(1, 2)).toEqual([{ field: '', before: 1, after: 2, changed: true }]);
    expect(showValue({ x: [1] })).toBe('{"x":[1]}');
    expect(showValue(undefined)).toBe('');
  });
});
