import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, capItem, sanitize, titleCase, tokenize } from './text.js';

const kinds = (s: string): string[] => tokenize(sanitize(s)).map((t) => `${t.kind}:${t.text}`);

describe('sanitize', () => {
  it('lower-cases, strips control and zero-width characters, collapses spaces', () => {
    expect(sanitize('  Chai\u0000  20\u200b ')).toBe('chai 20');
    expect(sanitize('A\tB\u00a0C')).toBe('a b c');
    expect(sanitize('milk 60\r\n\r\nbread 40')).toBe('milk 60\nbread 40');
  });
  it('normalizes full-width and Devanagari digits', () => {
    expect(sanitize('chai ２０')).toBe('chai 20');
    expect(sanitize('चाय ५०')).toBe('चाय 50');
  });
  it('drops markup and script bodies', () => {
    expect(sanitize('<b>Pizza</b> 300')).toBe('pizza 300');
    expect(sanitize('<script>alert(1)</script>')).toBe('');
  });
  it('expands chat shorthand', () => {
    expect(sanitize('bday cake w/ friends')).toBe('birthday cake with friends');
  });
  it('bounds the input and never throws on odd values', () => {
    expect(sanitize('a'.repeat(100_000)).length).toBe(MAX_INPUT_CHARS);
    expect(sanitize(undefined)).toBe('');
    expect(sanitize(42 as unknown)).toBe('');
  });
});

describe('tokenize', () => {
  it('keeps grouped numbers whole and splits lists', () => {
    expect(kinds('₹1,640')).toEqual(['cur:₹', 'num:1640']);
    expect(kinds('1,00,000')).toEqual(['num:100000']);
    expect(kinds('milk 60,bread 40')).toEqual(['word:milk', 'num:60', 'sep:,', 'word:bread', 'num:40']);
  });
  it('splits units and currencies off numbers but keeps digit names whole', () => {
    expect(kinds('500rs')).toEqual(['num:500', 'word:rs']);
    expect(kinds('2kg')).toEqual(['num:2', 'word:kg']);
    expect(kinds('1mg 560')).toEqual(['word:1mg', 'num:560']);
    expect(kinds('zee5 599')).toEqual(['word:zee5', 'num:599']);
    expect(kinds('chai20')).toEqual(['word:chai', 'num:20']);
  });
  it('marks separators, dashes and question marks', () => {
    expect(kinds('chai - 20; coffee?')).toEqual(['word:chai', 'sep:-', 'num:20', 'sep:;', 'word:coffee', 'q:?']);
    expect(kinds('-500')).toEqual(['dash:-', 'num:500']);
  });
});

describe('titleCase and capItem', () => {
  it('formats unknown merchants and caps items on a word boundary', () => {
    expect(titleCase('blue tokai')).toBe('Blue Tokai');
    const long = capItem('word '.repeat(30).trim());
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('word')).toBe(true);
  });
});
