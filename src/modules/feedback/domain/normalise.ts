/**
 * Search normalisation: Vietnamese text → unaccented lower case with đ → d and every run of
 * non-letters/digits collapsed to one space, so "Bắc Từ Liêm" and "bac tu liem" meet.
 */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of a search query, normalised, at most 8. */
export function searchWords(q: string): string[] {
  return normaliseSearch(q).split(' ').filter(Boolean).slice(0, 8);
}

/** A prefix tsquery of a search query ("bac:* & tu:* & liem:*"), or null when it has no words. */
export function searchQuery(q: string): string | null {
  const words = searchWords(q);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** 0 for the space, 1–26 for a–z, 27–36 for 0–9: the only characters a normalised text holds. */
const letter = (c: number) => (c === 32 ? 0 : c >= 97 ? c - 96 : c - 21);

/**
 * Character trigrams of the normalised text, for duplicate suggestions: each trigram as its number
 * in base 37 (exact, the normalised alphabet has 37 characters), sorted, without repeats.
 */
export function trigrams(text: string): Int32Array {
  const s = ` ${normaliseSearch(text)} `;
  if (s.length < 3) return new Int32Array(0);
  const all = new Int32Array(s.length - 2);
  for (let i = 0; i < all.length; i++)
    all[i] = (letter(s.charCodeAt(i)) * 37 + letter(s.charCodeAt(i + 1))) * 37 + letter(s.charCodeAt(i + 2));
  all.sort();
  let k = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[k++] = all[i]!;
  return all.subarray(0, k);
}

/** Jaccard similarity of two texts' (or precomputed) trigram sets, 0..1. */
export function similarity(a: string | Int32Array, b: string | Int32Array): number {
  const x = typeof a === 'string' ? trigrams(a) : a;
  const y = typeof b === 'string' ? trigrams(b) : b;
  if (!x.length || !y.length) return 0;
  // both sorted: count the common ones in one merge
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const d = x[i]! - y[j]!;
    if (d === 0) {
      common++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return common / (x.length + y.length - common);
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
// Vietnamese phone numbers: 0xx… or +84 …, 9–11 digits with optional separators
const PHONE = /(\+84|\b0)[\s.-]?\d(?:[\s.-]?\d){7,9}\b/g;

/**
 * Removes personal data from text shown publicly: e-mail addresses, phone numbers and the
 * reporter's own name and address when they appear verbatim.
 */
export function redactPersonal(text: string, reporter: { name?: string | null; address?: string | null } = {}): string {
  let out = text.replace(EMAIL, '***').replace(PHONE, '***');
  for (const s of [reporter.name, reporter.address]) {
    const v = s?.trim();
    if (v && v.length >= 4) out = out.split(v).join('***');
  }
  return out;
}
