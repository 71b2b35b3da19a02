import { describe, expect, it } from 'vitest';
import { localePacks, resolveLocale } from '../locale.js';
import { parseTsv, VocabError } from './tsv.js';
import { allVocabEntries, entriesFromRows, vocabularyFor, wordsOf } from './vocabulary.js';

describe('the vocabulary files', () => {
  it('load and validate', () => {
    expect(allVocabEntries().length).toBeGreaterThan(500);
  });
  it('hold no row twice', () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const e of allVocabEntries()) {
      const k = `${e.phrase}|${e.role}|${e.value}|${e.lang}|${e.regions.join(',')}`;
      const prev = seen.get(k);
      if (prev) dups.push(`${k} at ${e.source} and ${prev}`);
      else seen.set(k, e.source);
    }
    expect(dups).toEqual([]);
  });
  it('report a bad row with its file and line', () => {
    const bad = 'phrase\trole\tvalue\tlang\tregion\nfoo\tnot_a_role\t\t\t\n';
    expect(() => entriesFromRows(parseTsv(bad, 'x.tsv', ['phrase', 'role']))).toThrow(/x\.tsv:2: unknown role/);
    const badValue = 'phrase\trole\tvalue\tlang\tregion\nfoo\tweekday\t9\t\t\n';
    expect(() => entriesFromRows(parseTsv(badValue, 'y.tsv', ['phrase', 'role']))).toThrow(VocabError);
  });
});

describe('locale packs', () => {
  it('come from the zone, then the currency', () => {
    expect(resolveLocale({ timeZone: 'America/Chicago', currency: 'USD' }).dateOrder).toBe('MDY');
    expect(resolveLocale({ timeZone: 'Europe/London', currency: 'GBP' }).id).toBe('en-GB');
    expect(resolveLocale({ timeZone: 'Europe/Berlin', currency: 'EUR' }).decimal).toBe(',');
    expect(resolveLocale({ timeZone: 'UTC', currency: 'USD' }).id).toBe('en-US');
    expect(resolveLocale({ timeZone: 'UTC', currency: 'XYZ' }).id).toBe('en-IN');
  });
  it('follow an explicit locale and day-first choice', () => {
    expect(resolveLocale({ locale: 'en-US', timeZone: 'Asia/Kolkata', currency: 'INR' }).id).toBe('en-US');
    expect(resolveLocale({ timeZone: 'America/New_York', currency: 'USD', dayFirst: true }).dateOrder).toBe('DMY');
  });
  it('switch languages on per pack', () => {
    const us = vocabularyFor(resolveLocale({ timeZone: 'America/Chicago', currency: 'USD' }));
    const india = vocabularyFor(resolveLocale({ timeZone: 'Asia/Kolkata', currency: 'INR' }));
    expect(india.is('kharcha', 'spend_verb')).toBe(true);
    expect(us.is('kharcha', 'spend_verb')).toBe(false);
    expect(localePacks().every((p) => p.langs.includes('en'))).toBe(true);
  });
});

describe('lookup-only roles', () => {
  it('are read by role in every language and never tagged in a message', () => {
    expect(wordsOf('subject_edge', 'shop').has('pump')).toBe(true);
    expect(wordsOf('subject_edge', 'lead').has('mera')).toBe(true);
    expect(wordsOf('possessive').has('da')).toBe(true);
    const india = vocabularyFor(resolveLocale({ timeZone: 'Asia/Kolkata', currency: 'INR' }));
    expect(india.lookup('pump').map((e) => e.role)).toEqual(['generic_place']);
    expect(india.is('bills', 'subject_edge')).toBe(false);
    expect(india.is('bills', 'occasion')).toBe(true);
  });
});
