import { describe, expect, it } from 'vitest';
import { normaliseSearch, similarity, trigrams } from './normalise.ts';

describe('search normalisation and trigram similarity', () => {
  it('drops Vietnamese accents and đ, lower-cases, and collapses non-letters', () => {
    expect(normaliseSearch('Bắc Từ Liêm — Đông Ngạc!')).toBe('bac tu liem dong ngac');
  });

  it('counts each distinct trigram of the padded normalised text once', () => {
    // " ab", "abc", "bc " — the same for "ABC" and "abc"
    expect(trigrams('abc')).toHaveLength(3);
    expect([...trigrams('ABC')]).toEqual([...trigrams('abc')]);
    // " aa", "aaa", "aa " (the middle one twice in "aaaa") → 3 distinct
    expect(trigrams('aaaa')).toHaveLength(3);
    expect(trigrams('')).toHaveLength(0);
  });

  it('is the Jaccard index of the trigram sets', () => {
    // " ab" is common; "abc", "bc " and "abd", "bd " are not: 1 / (3 + 3 - 1)
    expect(similarity('abc', 'abd')).toBeCloseTo(1 / 5, 10);
    // " lan chiem ": 9 trigrams, all among the 16 of " lan chiem via he " (" la" … "em ", "m v" … "he ")
    expect(similarity('lấn chiếm', 'Lấn chiếm vỉa hè')).toBeCloseTo(9 / 16, 10);
    expect(similarity('xyz', 'abc')).toBe(0);
    expect(similarity('', 'abc')).toBe(0);
    expect(similarity('Bắc Từ Liêm', 'bac tu liem')).toBe(1);
  });
});
