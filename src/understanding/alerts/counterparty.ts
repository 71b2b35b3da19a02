/**
 * @module understanding/alerts/counterparty
 * Turns a payee as banks print it into the name a person would say: a VPA's handle without its
 * gateway and order words ("swiggy.order@axis" → "Swiggy"), a card descriptor without processor
 * prefixes, store numbers, cities and legal suffixes ("SQ *BLUE BOTTLE" → "Blue Bottle",
 * "SUNOCO 0731 PHILA" → "Sunoco", "AMAZON MKTPLACE PMTS" → "Amazon"). A known merchant keeps the
 * lexicon's spelling (the owner's regions' lexicon when given: "SHABABS BIRMINGHAM" is a British
 * chain). A bank or a payment app is never the counterparty. Pure.
 */
import { findKnownTerms } from '../../categories/index.js';
import { fold } from '../../language/normalize.js';
import { isBankName, noiseWords } from './vocab.js';

/** The longest name kept; descriptors run on with cities and codes. */
const MAX_WORDS = 4;

/**
 * The cleaned counterparty, or null when nothing name-like is left (a phone-number VPA, a bank).
 * e.g. cleanCounterparty('swiggy.order@axis', true) === 'Swiggy'
 */
export function cleanCounterparty(raw: string, vpa: boolean, regions?: readonly string[] | null): string | null {
  let s = raw.trim();
  if (!s) return null;
  if (vpa || /^[\w.-]+@[\w.-]+$/.test(s)) {
    s = s.slice(0, s.indexOf('@'));
    return fromWords(s.split(/[._\-\d]+/).filter(Boolean), true, regions);
  }
  s = s.replace(/^\$(?=[a-z])/i, ''); // a Cash App $cashtag
  // Bank narrations: "UPI-SWIGGY-merchant@paytm", "NEFT-ACME CORP", "UPI/P2M/…/SWIGGY".
  s = s.replace(/[\w.-]+@[\w.-]+/g, ' ').split(/[\s/]+/).map((w) => (/-/.test(w) && w.split('-').some((p) => noiseWords().has(fold(p))) ? w.split('-').filter((p) => !noiseWords().has(fold(p))).join(' ') : w)).join(' ');
  // "SQ *BLUE BOTTLE", "PAYPAL *NETFLIX": the part after the star names the merchant, unless it is a code.
  const star = s.indexOf('*');
  if (star >= 0) {
    const before = s.slice(0, star).trim(), after = s.slice(star + 1).trim();
    const afterFirst = after.split(/\s+/)[0] ?? '';
    const afterIsCode = !afterFirst || /\d/.test(afterFirst);
    // "SQ *BLUE BOTTLE": a processor, then the merchant; "UBER *TRIP", "AMZN Mktp US*2K4": the merchant, then a detail.
    // "UBER *EATS": a known merchant whose name the star splits keeps both halves.
    const beforeWords = before.split(/\s+/).filter(Boolean);
    const joined = [...beforeWords, ...after.split(/\s+/).filter(Boolean)].map((w) => fold(w.replace(/[^\p{L}\p{N}&'-]/gu, '')));
    const across = findKnownTerms(joined, regions).some((k) => k.kind === 'merchant' && !k.repaired && k.start < beforeWords.length && k.end > beforeWords.length);
    s = across ? `${before} ${after}` : before && (!isProcessor(before) || afterIsCode) ? before : after;
  }
  // Domains: "AMAZON.IN", "Netflix.com" → the name.
  s = s.replace(/\.(?:com|in|co\.uk|co|net|org|io)\b/gi, ' ');
  const words: string[] = [];
  for (const w of s.split(/\s+/)) {
    if (!w) continue;
    // Store numbers, terminal ids and everything after them ("SUNOCO 0731 PHILA", "WALGREENS #1234").
    if (words.length > 0 && /[#\d]/.test(w)) break;
    if (/^\d+$/.test(w)) continue;
    const clean = w.replace(/[.,;:\-]+$/, '');
    if (clean) words.push(clean);
  }
  return fromWords(words, false, regions);
}

function isProcessor(s: string): boolean {
  return noiseWords().has(fold(s));
}

function fromWords(words0: string[], vpa: boolean, regions?: readonly string[] | null): string | null {
  const noise = noiseWords();
  let words = words0.map((w) => w.replace(/[^\p{L}\p{N}&'-]/gu, '')).filter(Boolean);
  // A known merchant anywhere in the name keeps the lexicon's spelling ("AMZN Mktp" → "Amazon").
  // A city glued on by a hyphen ("BHARAT PETROLEUM-MARGAO") is looked past: each part is a word.
  const folded = words.flatMap((w) => fold(w).split('-').filter(Boolean));
  // Read with the owner's regional lexicon: "COSTCO GAS" is Costco's gas station for an American.
  const known = findKnownTerms(folded, regions).find((k) => k.kind === 'merchant' && !k.repaired && !k.weak);
  if (known && !isBankName(known.canonical)) return known.canonical;
  words = words.filter((w) => !noise.has(fold(w)));
  if (vpa) words = words.slice(0, 1);
  words = words.slice(0, MAX_WORDS);
  // A lone letter left of a store code ("TARGET T-1234" → "TARGET T").
  while (!vpa && words.length > 1 && /^\p{L}$/u.test(words[words.length - 1]!)) words = words.slice(0, -1);
  // A trailing state or country code: "BLUE BOTTLE CA".
  if (!vpa && words.length > 1 && /^[A-Z]{2}$/.test(words[words.length - 1]!)) words = words.slice(0, -1);
  if (!words.length) return null;
  const name = words.map(titleCase).join(' ');
  if (isBankName(name) || words.every((w) => isBankName(w))) return null;
  if (!/\p{L}{2}/u.test(name)) return null;
  return name;
}

/** "SUNOCO" → "Sunoco", "mcdonalds" → "Mcdonalds"; short all-caps names stay ("KFC", "BP"). */
function titleCase(w: string): string {
  if (w.length <= 3 && w === w.toUpperCase() && /\p{L}/u.test(w)) return w;
  if (/\p{Ll}/u.test(w) && /\p{Lu}/u.test(w.slice(1))) return w; // "McDonald's", "eBay" as written
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}
