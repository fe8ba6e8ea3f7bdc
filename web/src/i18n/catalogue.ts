import { en } from './en.ts';
import { vi } from './vi.ts';

/** The shape of a catalogue: vi.ts with every leaf widened to string. */
export type Catalogue = Widen<typeof vi>;
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Dotted key of a message, e.g. 'units.title' — checked by tsc. */
export type MessageKey = Paths<typeof vi>;
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const catalogues: Record<Lang, Catalogue> = { vi, en };

export type Params = Record<string, string | number | null | undefined>;

/** Looks a key up in one catalogue; falls back to Vietnamese, then to the key itself. */
export function translate(lang: Lang, key: MessageKey | string, params?: Params): string {
  const text = lookup(catalogues[lang], key) ?? lookup(catalogues.vi, key) ?? key;
  return params ? interpolate(text, params) : text;
}

/** True when the key exists (for dynamic keys such as `roles.${role}`). */
export function hasKey(key: string): boolean {
  return lookup(catalogues.vi, key) !== undefined;
}

function lookup(cat: unknown, key: string): string | undefined {
  let node: unknown = cat;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? m : String(v);
  });
}

/** Every dotted key of a catalogue with its value (used by the catalogue test). */
export function flatten(cat: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(cat as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}
