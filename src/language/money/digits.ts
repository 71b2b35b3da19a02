/**
 * @module language/money/digits
 * One number token's digits and separators ("1,250.50", "1.250,50", "12,50", "1,20,000", "1'250")
 * read by the locale's decimal mark. Pure string work on one token; no words.
 */

export interface DigitReading {
  /** The value as a plain decimal string ("1250.5"). */
  value: string;
  /** Another value the same digits may mean ("1.250" = 1.25 or 1250), with how much less likely. */
  alt?: { value: string; drop: number };
  /** Grouping separators were written and valid. */
  grouped: boolean;
  /** Digits after the decimal mark. */
  decimals: number;
  /** How far the writing departs from the locale (a decimal comma in a "." locale). */
  penalty: number;
  /** Digit count, separators left out. */
  digits: number;
}

export type DigitResult = DigitReading | { malformed: true };

const WESTERN = /^\d{1,3}(?:,\d{3})+$/;
const INDIAN = /^\d{1,2}(?:,\d{2})*,\d{3}$/;

function validGroups(intPart: string, sep: string): boolean {
  const s = sep === ',' ? intPart : intPart.split(sep).join(',');
  return WESTERN.test(s) || (sep === ',' && INDIAN.test(s));
}

function strip0(s: string): string {
  return s.replace(/^0+(?=\d)/, '');
}

/**
 * Reads one number token.
 * e.g. readDigits('1,250.50', '.') → 1250.50; readDigits('1.250,50', ',') → 1250.50;
 *      readDigits('12,50', ',') → 12.50; readDigits('1,20,000', '.') → 120000; readDigits('1,2,3', '.') → malformed
 */
export function readDigits(text: string, decimal: '.' | ','): DigitResult {
  const digits = text.replace(/\D/g, '').length;
  if (/^\d+$/.test(text)) return { value: strip0(text), grouped: false, decimals: 0, penalty: 0, digits };
  const group = decimal === '.' ? ',' : '.';
  // Swiss and some others group with an apostrophe: always grouping.
  let t = text;
  if (t.includes("'")) {
    const [intPart, ...rest] = t.split(/(?=[.,])/);
    if (!/^\d{1,3}(?:'\d{3})+$/.test(intPart!)) return { malformed: true };
    t = intPart!.replace(/'/g, '') + rest.join('');
    if (/^\d+$/.test(t)) return { value: strip0(t), grouped: true, decimals: 0, penalty: 0, digits };
  }
  const seps = t.replace(/\d/g, '');
  const kinds = new Set(seps);
  if (kinds.size === 1) {
    const c = seps[0]!;
    const parts = t.split(c);
    if (seps.length === 1) {
      const [a, b] = parts as [string, string];
      if (c === decimal) {
        const value = `${strip0(a)}.${b}`;
        // "1.250" in a "." locale (or "1,250" in a "," one): three decimals are rare in money, so the
        // other convention's thousands is a close alternative.
        if (b.length === 3 && a !== '0' && a.length <= 3) return { value, alt: { value: a + b, drop: 0.1 }, grouped: false, decimals: 3, penalty: 0, digits };
        return { value, grouped: false, decimals: b.length, penalty: 0, digits };
      }
      // The locale's grouping mark.
      if (b.length === 3 && a.length <= 3) return { value: strip0(a + b), grouped: true, decimals: 0, penalty: 0, digits };
      // "12,50" in a "." locale: a decimal comma from someone used to it.
      if (b.length <= 2) return { value: `${strip0(a)}.${b}`, grouped: false, decimals: b.length, penalty: 0.1, digits };
      return { malformed: true };
    }
    // Several of one mark: only grouping ("1,20,000", "1.250.000").
    if (!validGroups(t, c)) return { malformed: true };
    return { value: strip0(parts.join('')), grouped: true, decimals: 0, penalty: c === decimal ? 0.1 : 0, digits };
  }
  if (kinds.size === 2) {
    // Both marks: the last one is the decimal mark, written once, after every grouping mark.
    const d = t[t.search(/[.,](?=\d+$)/)]!;
    const g = d === '.' ? ',' : '.';
    const at = t.lastIndexOf(d);
    const intPart = t.slice(0, at), frac = t.slice(at + 1);
    if (intPart.includes(d) || frac.includes(g) || !validGroups(intPart, g)) return { malformed: true };
    return { value: `${strip0(intPart.split(g).join(''))}.${frac}`, grouped: true, decimals: frac.length, penalty: d === decimal ? 0 : 0.05, digits };
  }
  return { malformed: true };
}
