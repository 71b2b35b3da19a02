/**
 * @module llm/numbers
 * The guard rails that keep model output honest about numbers: which amounts a message actually
 * contains (digits, "1.2k", "2 lakh", "two hundred", "do sau"), and whether a rephrased reply
 * carries exactly the numbers of the computed one. Pure.
 */

const SCALE_WORDS: Record<string, number> = {
  k: 1_000, thousand: 1_000, thousands: 1_000, hazaar: 1_000, hazar: 1_000, hajar: 1_000,
  l: 100_000, lakh: 100_000, lakhs: 100_000, lac: 100_000, lacs: 100_000,
  cr: 10_000_000, crore: 10_000_000, crores: 10_000_000,
  m: 1_000_000, mn: 1_000_000, million: 1_000_000,
};

/** Multipliers that may follow a figure but only scale it by a hundred ("5 sau", "2 hundred"). */
const HUNDRED_WORDS = new Set(['hundred', 'sau']);

const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90,
  // Hinglish, as people type it.
  ek: 1, do: 2, teen: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, chhah: 6, saat: 7, aath: 8,
  nau: 9, das: 10, gyarah: 11, barah: 12, pandrah: 15, bees: 20, pachees: 25, pacchis: 25, tees: 30,
  chalis: 40, chaalis: 40, pachas: 50, pachaas: 50, saath: 60, sattar: 70, assi: 80, nabbe: 90,
  dedh: 1.5, dhai: 2.5, adhai: 2.5,
};

/** "a" and "an" count only inside a number phrase ("a hundred"), never alone. */
const WEAK_UNITS = new Set(['a', 'an', 'do']);

const FIGURE = /(\d{1,3}(?:,\d{2,3})+|\d+)(?:\.(\d+))?(?:\s*(k|l|cr|m|mn|lakhs?|lacs?|crores?|thousands?|million|hundred|hazaa?r|hajar|sau)\b)?/giu;

/**
 * Every amount a message could mean, in major units: each figure as written and, when a scale
 * follows, scaled; and each run of number words. e.g. amountsInText('kal petrol 1.2k') → [1.2, 1200]
 */
export function amountsInText(text: string): number[] {
  const out = new Set<number>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(FIGURE)) {
    const whole = m[1]!.replace(/,/g, '');
    const value = Number(m[2] ? `${whole}.${m[2]}` : whole);
    if (!Number.isFinite(value)) continue;
    out.add(value);
    const scale = m[3];
    if (scale) {
      const mult = HUNDRED_WORDS.has(scale) ? 100 : SCALE_WORDS[scale.replace(/s$/, '')] ?? SCALE_WORDS[scale];
      if (mult) out.add(round(value * mult));
    }
  }
  for (const v of numberWordRuns(lower)) out.add(v);
  return [...out];
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Values of maximal runs of number words ("two hundred and fifty", "do sau", "dedh hazaar"). */
function numberWordRuns(lower: string): number[] {
  const tokens = lower.split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
  const out: number[] = [];
  let total = 0, current = 0, words = 0, strong = false;
  const flush = () => {
    if (words && strong) out.push(round(total + current));
    total = 0; current = 0; words = 0; strong = false;
  };
  for (const t of tokens) {
    const unit = UNIT_WORDS[t];
    if (unit !== undefined) {
      current += unit;
      words++;
      if (!WEAK_UNITS.has(t)) strong = true;
      continue;
    }
    if (HUNDRED_WORDS.has(t) && words) {
      current = (current || 1) * 100;
      words++;
      strong = true;
      continue;
    }
    const scale = SCALE_WORDS[t];
    if (scale && t.length > 2 && words) {
      total += (current || 1) * scale;
      current = 0;
      words++;
      strong = true;
      continue;
    }
    if (t === 'and' && words) continue;
    flush();
  }
  flush();
  return out;
}

/**
 * True when `major` (a model's amount) is written in the message in some form.
 * e.g. amountAppears(1200, 'kal petrol 1.2k') === true; amountAppears(500, 'chai 20') === false
 */
export function amountAppears(major: number, text: string): boolean {
  return amountsInText(text).some((v) => Math.abs(v - major) < 0.005);
}

/** The numbers written as figures in a text ("₹1,250.50" → 1250.5; "13 Jan" → 13). */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d+(?:[,.]\d+)*/g)) {
    let s = m[0];
    // A trailing ".dd" is a decimal part; every comma is grouping (Indian 1,00,000 or 1,000,000).
    const dec = /\.(\d+)$/.exec(s);
    s = dec ? s.slice(0, -dec[0].length).replace(/[,.]/g, '') + dec[0] : s.replace(/[,.]/g, '');
    const n = Number(s);
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

/**
 * True when two texts carry the same set of numbers: a model's rephrasing of a reply is kept only
 * if it neither drops, changes nor invents a figure. e.g. sameNumbers('₹1,250 on 3 coffees', 'You spent ₹1250 on 3 coffees') === true
 */
export function sameNumbers(a: string, b: string): boolean {
  const sa = new Set(numbersIn(a)), sb = new Set(numbersIn(b));
  if (sa.size !== sb.size) return false;
  for (const n of sa) if (!sb.has(n)) return false;
  return true;
}
