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

/** Character trigrams of the normalised text, for duplicate suggestions. */
export function trigrams(text: string): Set<string> {
  const s = ` ${normaliseSearch(text)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Jaccard similarity of two texts' (or precomputed) trigram sets, 0..1. */
export function similarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? trigrams(a) : a;
  const y = typeof b === 'string' ? trigrams(b) : b;
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common);
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
