/**
 * @module categories/lexicon.test
 * The lexicon data itself: size, valid categories, no phrase filed under two categories, brand
 * spellings, glue words kept out, and that building it is fast.
 */
import { describe, expect, it } from 'vitest';
import { ALL_GROUPS, buildLexicon, LEXICON } from './lexicon.js';
import { GLUE_WORDS } from './data/glue.js';
import { PRIMARIES } from './taxonomy.js';

describe('lexicon data', () => {
  it('is broad: at least 1500 terms, every primary but other has items and merchants', () => {
    expect(LEXICON.entries.length).toBeGreaterThanOrEqual(1500);
    for (const p of PRIMARIES.filter((x) => x !== 'other')) {
      expect(LEXICON.entries.filter((e) => e.primary === p && e.kind === 'item').length, p).toBeGreaterThan(20);
      expect(LEXICON.entries.filter((e) => e.primary === p && e.kind === 'merchant').length, p).toBeGreaterThan(5);
    }
  });

  it('files no phrase under two different categories', () => {
    expect(LEXICON.conflicts).toEqual([]);
  });

  it('rejects a malformed category path', () => {
    expect(() => buildLexicon([{ cat: 'food/nonsense', items: 'x' }], '')).toThrow(/bad category/);
    expect(() => buildLexicon([{ cat: 'snacks', items: 'x' }], '')).toThrow(/bad category/);
  });

  it('keeps glue words out of the one-word phrases', () => {
    for (const w of ['more', 'total', 'the', 'spent', 'paid', 'via', 'kal', 'today', 'three', 'time']) {
      expect(LEXICON.phrases.has(w), w).toBe(false);
    }
    expect(buildLexicon([{ cat: 'food/groceries', merchants: 'More|more supermarket' }], 'more').phrases.has('more')).toBe(false);
  });

  it('uses brand spellings for merchant canonicals', () => {
    const canon = (alias: string) => LEXICON.phrases.get(alias)?.canonical;
    expect(canon('ccd')).toBe('Cafe Coffee Day');
    expect(canon('dmart')).toBe('DMart');
    expect(canon('oyo')).toBe('OYO');
    expect(canon('hotstar')).toBe('JioHotstar');
    expect(canon('indigo')).toBe('IndiGo');
    expect(canon('bookmyshow')).toBe('BookMyShow');
    expect(canon('pharmeasy')).toBe('PharmEasy');
    expect(canon('mcdonalds')).toBe("McDonald's");
    expect(canon('1mg')).toBe('1mg');
    // Every merchant canonical starts with a capital or digit (a brand, not a lower-case word),
    // except brands that style themselves lower case.
    const lowerBrands = new Set(['boAt', 'upGrad', 'goSTOPS', 'inDrive', 'edX', 'eBay', 'd2h', 'iPlanet', 'easyJet', 'redBus', 'ixigo']);
    for (const { entry } of LEXICON.merchants.values()) {
      if (lowerBrands.has(entry.canonical)) continue;
      expect(entry.canonical, entry.canonical).toMatch(/^[\p{Lu}\d@~]/u);
    }
  });

  it('stores items in lower case', () => {
    for (const e of LEXICON.entries) if (e.kind === 'item') expect(e.canonical).toBe(e.canonical.toLowerCase());
  });
});
