/**
 * @module categories/text
 * Small pure string helpers shared by the lexicon, spelling and concept code: the one token
 * normalization every lookup uses, naive English singulars, and Damerau-Levenshtein distance.
 */

/**
 * The form a single token is looked up under: lower case, Latin accents and apostrophes dropped,
 * hyphens and dots removed so "D-Mart", "dmart" and "McDonald's" meet their lexicon keys.
 * e.g. normToken("McDonald's") === 'mcdonalds'
 */
export function normToken(token: string): string {
  let t = token.toLowerCase();
  // Fast path: plain ASCII letters/digits are by far the common case on the message path.
  if (/^[a-z0-9]+$/.test(t)) return t;
  // Only Latin accents go: Devanagari vowel signs are letters of the word ("मटर" is not "मेट्रो").
  t = t.normalize('NFKD').replace(LATIN_MARKS, '$1').normalize('NFC');
  return t.replace(/['’`.\-]/g, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, '');
}

const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Splits free text into normalized tokens. e.g. tokenize("Cafe Coffee-Day!") → ['cafe','coffeeday'] */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,;:!?()"/+&]+/)) {
    const t = normToken(raw);
    if (t) out.push(t);
  }
  return out;
}

/**
 * Candidate singular forms of an English plural, most likely first. WordNet ships no exception
 * lists and the lexicon stores base forms, so lookups try these after the exact token.
 * e.g. singulars('berries') → ['berry', 'berrie', 'berri']; singulars('glass') → []
 */
export function singulars(w: string): string[] {
  if (w.length < 4 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return [];
  const out: string[] = [];
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  out.push(w.slice(0, -1));
  return out;
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance, giving up early once it must exceed `max`.
 * e.g. damerau('jiuce', 'juice') === 1
 */
export function damerau(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb]!;
}
