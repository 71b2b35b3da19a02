/**
 * @module budgets/phrases
 * The small vocabulary shared by the budget and recurring chat commands: amounts as people type
 * them ("8k", "18,000", "₹1.2 lakh") and category names ("food", "coffee", "eating out"). Pure.
 */
import { TAXONOMY, isPrimary, type Primary } from '../categories/taxonomy.js';
import { MAX_MAJOR_AMOUNT, toMajor } from '../core/money.js';
import { analyze, languageContext } from '../language/context.js';
import { readNumbers } from '../language/money/index.js';
import { allVocabEntries } from '../language/vocab/vocabulary.js';
import type { Role } from '../language/vocab/roles.js';

function aliasesOf(role: Role): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of allVocabEntries()) if (e.role === role && e.value && !m.has(e.phrase)) m.set(e.phrase, e.value);
  return m;
}

export interface Money {
  amountMinor: number;
  currency: string;
}

/** The amount pattern, for embedding in command regexes (one capture group). */
export const AMOUNT_RE = String.raw`((?:₹|rs\.?|inr|\$|€|£|¥)?\s*\d[\d,]*(?:\.\d+)?\s*(?:k|thousand|lakhs?|lacs?|l|cr|crore|mn|m)?\b(?:\s*(?:rs\.?|inr|rupees?|usd|eur|gbp|aed|sgd|aud|cad|jpy|chf|npr|lkr)\b)?(?:\/-)?)`;

/**
 * Parses a typed amount with the one money grammar (language/money); the currency defaults to the
 * owner's, and "$" is a dollar-currency owner's own dollars. null when the text is not one amount.
 * e.g. parseMoney('8k', 'INR') → {amountMinor: 800000, currency: 'INR'}
 */
export function parseMoney(text: string, defaultCurrency: string): Money | null {
  const lc = languageContext({ now: new Date(0), timeZone: 'UTC', currency: defaultCurrency });
  const t = analyze(text.trim().replace(/\/-$/, ''), lc);
  const n = readNumbers(t, lc);
  // One money reading that is the whole text ("5 xyz" is not an amount; "1.2 lakh" is).
  const words = t.tokens.filter((k) => k.kind !== 'punct');
  const m = n.money.find((r) => words.every((k) => r.start <= k.i && k.i < r.end));
  if (!m || n.bad.length || m.rate) return null;
  if (m.minor <= 0 || toMajor(m.minor, m.currency) > MAX_MAJOR_AMOUNT) return null;
  return { amountMinor: m.minor, currency: m.currency };
}

export interface Scope {
  /** null = all spending. */
  category: Primary | null;
  detail: string | null;
}

export function scopeKey(s: Scope): string {
  return s.category ? (s.detail ? `${s.category}/${s.detail}` : s.category) : '*';
}

/** Everyday words for categories that the taxonomy labels do not spell out. */
/** Everyday words for categories that the taxonomy labels do not spell out (vocabulary role category_alias). */
const ALIASES: ReadonlyMap<string, string> = aliasesOf('category_alias');

const NAMES = new Map<string, string>();
for (const p of TAXONOMY) {
  NAMES.set(p.slug, p.slug);
  NAMES.set(p.label.toLowerCase(), p.slug);
  NAMES.set(p.slug.replace(/_/g, ' '), p.slug);
  for (const d of p.details) {
    const key = `${p.slug}/${d.slug}`;
    // Detail names never shadow a primary ("fees" is the primary, not education/fees).
    if (!NAMES.has(d.slug)) NAMES.set(d.slug, key);
    const label = d.label.toLowerCase();
    if (!NAMES.has(label)) NAMES.set(label, key);
    for (const part of label.split(/\s*(?:&|,)\s*/)) if (part && !NAMES.has(part)) NAMES.set(part, key);
  }
}
for (const [k, v] of ALIASES) if (!NAMES.has(k)) NAMES.set(k, v);

/**
 * A category named in plain words, or null. "food" → food; "coffee" → food/coffee;
 * "eating out" → food/restaurant. Trailing plural "s" is forgiven.
 */
export function parseScope(text: string): Scope | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^(?:the|my|for|on)\s+/, '');
  const hit = NAMES.get(s) ?? NAMES.get(s.replace(/s$/, '')) ?? NAMES.get(s.replace(/_/g, ' ')) ?? NAMES.get(`${s}s`);
  if (!hit) return null;
  const [p, d] = hit.split('/');
  return isPrimary(p!) ? { category: p, detail: d ?? null } : null;
}

/** Words that mean "all my spending". */
export function isTotalScope(text: string): boolean {
  return /^(?:(?:my|the|a)\s+)?(?:total|overall|all|everything|monthly|weekly|spending|expense|expenses)?$/.test(text.trim().toLowerCase());
}
