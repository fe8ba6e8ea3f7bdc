import { describe, expect, it } from 'vitest';
import { catalogues, flatten, interpolate, translate } from './catalogue.ts';

const vi = flatten(catalogues.vi);
const en = flatten(catalogues.en);

describe('i18n catalogues', () => {
  it('have the same keys (a key in one catalogue only is a bug)', () => {
    const onlyVi = [...vi.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !vi.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it('have no empty or non-string values', () => {
    const bad = [...vi, ...en].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = [...vi.keys()].filter((k) => en.has(k) && names(vi.get(k)).join() !== names(en.get(k)).join());
    expect(differ).toEqual([]);
  });

  it('translates with parameters and falls back to the key', () => {
    expect(translate('vi', 'home.greeting', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(translate('en', 'home.greeting', { name: 'Lan' })).toBe('Hello, Lan');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
});
