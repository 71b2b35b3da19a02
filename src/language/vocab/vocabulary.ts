/**
 * @module language/vocab/vocabulary
 * The one vocabulary: every function word munshi knows (number words, currencies, units, date
 * words, verbs, question words, negations, glue ...), read once from vocab/words/*.tsv, validated,
 * and indexed for longest-match lookup. A locale pack sees only the rows of its languages and
 * regions. Items, merchants and concepts live in the lexicon (vocab/lexicon/), in the same form.
 *
 * Row format (tab-separated, header `phrase role value lang region note`):
 *   phrase   one or more spellings separated by "|" ("yesterday|yday|yest"); multi-word allowed
 *   role     one of ROLES (vocab/roles.ts)
 *   value    what the word means for its role (a number, an ISO code, a weekday index ...)
 *   lang     the language of the word (en, hi, ta, de ...); "en" when empty
 *   region   only for these regions (comma-separated, e.g. "GB" for "quid"); empty = everywhere
 */
import { fileURLToPath } from 'node:url';
import { fold, splitElisions } from '../normalize.js';
import { isLang, isRegion, isRole, LOOKUP_ONLY, type Lang, type Region, type Role } from './roles.js';
import { readTsvDir, VocabError, type TsvRow } from './tsv.js';
import { holidayVocabRows } from './holidays.js';
import type { LocalePack } from '../locale.js';

export interface VocabEntry {
  /** Folded phrase, words joined by one space. */
  phrase: string;
  words: readonly string[];
  role: Role;
  value: string | null;
  lang: Lang;
  regions: readonly Region[];
  /** file:line of the row, for error messages and docs. */
  source: string;
}

/** What a role's value must look like; a row that breaks it is reported at load. */
const VALUE_CHECKS: Partial<Record<Role, (v: string) => boolean>> = {
  number: (v) => /^\d+(\.\d+)?$/.test(v),
  magnitude: (v) => /^\d+(\.\d+)?$/.test(v),
  fraction: (v) => /^\d+(\.\d+)?$/.test(v),
  money_word: (v) => /^\d+(\.\d+)? (?:[A-Z]{3}|LOCAL:[A-Z]+)$/.test(v),
  subunit: (v) => /^[A-Z]{3}$/.test(v) || /^LOCAL:[A-Z]+$/.test(v),
  num_adjust: (v) => /^-?0\.\d+$/.test(v),
  approx: (v) => v === 'after',
  each: (v) => ['before', 'unit', 'deal'].includes(v),
  currency: (v) => /^[A-Z]{3}$/.test(v) || /^LOCAL:[A-Z]+$/.test(v),
  weekday: (v) => /^[0-6]$/.test(v),
  month: (v) => /^(?:[1-9]|1[0-2])$/.test(v),
  relative_day: (v) => /^-?\d+(\|-?\d+)?$/.test(v),
  part_of_day: (v) => ['morning', 'afternoon', 'evening', 'night'].includes(v),
  period_unit: (v) => ['day', 'week', 'weekend', 'fortnight', 'month', 'quarter', 'year'].includes(v),
  ordinal: (v) => /^-?\d+$/.test(v),
  half: (v) => v === 'first' || v === 'second',
  season: (v) => ['winter', 'spring', 'summer', 'autumn', 'monsoon'].includes(v),
  clock: (v) => v === 'am' || v === 'pm',
  ago: (v) => v === 'pre' || v === 'post',
  this: (v) => v === 'post',
  last: (v) => v === 'rolling' || v === 'post',
  next: (v) => v === 'post',
  time_from: (v) => v === 'between',
  time_since: (v) => ['pre', 'post', 'after', 'after_post'].includes(v),
  time_until: (v) => ['pre', 'post', 'before'].includes(v),
  time_at: (v) => v === 'pre' || v === 'post',
  weekday_set: (v) => /^[0-6](,[0-6])*$/.test(v),
  quarter: (v) => /^[1-4]$/.test(v),
  period_part: (v) => ['early', 'mid', 'late'].includes(v),
  time_prep: (v) => v === 'pre' || v === 'post' || v === 'det',
  homograph: (v) => v === 'strong' || v === 'start' || v === 'weak',
  prep: (v) => ['place', 'purpose', 'dest', 'with', 'in', 'via', 'time', 'benefit', 'source', 'agent'].includes(v),
  group_by: (v) => ['category', 'merchant', 'day', 'item'].includes(v),
  op_avg: (v) => ['day', 'week', 'month', 'occasion'].includes(v),
  postp: (v) => ['place', 'purpose', 'in', 'via', 'drop', 'time', 'dest', 'with'].includes(v),
  label: (v) => /^[a-z_]+:(after|before|both)(:\d+(-\d+)?)?$/.test(v),
  command: (v) => /^[a-z_]+$/.test(v),
  subject_edge: (v) => ['lead', 'trail', 'occasion', 'shop', 'trip'].includes(v),
  place_currency: (v) => /^[A-Z]{3}$/.test(v),
  category_alias: (v) => /^[a-z_]+(\/[a-z_]+)?$/.test(v),
};

/** Roles whose rows must carry a value. */
const NEEDS_VALUE: ReadonlySet<Role> = new Set(['number', 'magnitude', 'fraction', 'money_word', 'currency', 'weekday', 'month', 'relative_day', 'period_unit', 'ordinal', 'label', 'command', 'prep', 'postp', 'holiday', 'half', 'season', 'clock', 'unit', 'part_of_day', 'emoji', 'group_by', 'subunit', 'num_adjust', 'ago', 'time_since', 'time_until', 'weekday_set', 'quarter', 'period_part', 'time_prep', 'homograph', 'subject_edge', 'category_alias', 'place_currency']);

export const VOCAB_COLUMNS = ['phrase', 'role', 'value', 'lang', 'region'] as const;

/** Validates rows into entries; throws a VocabError naming file:line on the first bad row. */
export function entriesFromRows(rows: readonly TsvRow[]): VocabEntry[] {
  const out: VocabEntry[] = [];
  for (const r of rows) {
    const c = r.cells;
    const where = `${r.file}:${r.line}`;
    const role = c.role ?? '';
    if (!isRole(role)) throw new VocabError(`${where}: unknown role "${role}"`);
    const value = c.value ? c.value : null;
    if (NEEDS_VALUE.has(role) && value === null) throw new VocabError(`${where}: role ${role} needs a value`);
    const check = VALUE_CHECKS[role];
    if (value !== null && check && !check(value)) throw new VocabError(`${where}: value "${value}" does not fit role ${role}`);
    const lang = c.lang || 'en';
    if (!isLang(lang)) throw new VocabError(`${where}: unknown language "${lang}"`);
    const regions = (c.region ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    for (const g of regions) if (!isRegion(g)) throw new VocabError(`${where}: unknown region "${g}"`);
    // Spellings that fold alike ("didn't", "didnt") are one entry.
    // A French elision is also read apart ("j'ai payé" as "j ai paye"), as packs that read France tokenize it.
    const spellings = [...new Set((c.phrase ?? '').split('|').flatMap((p) => [fold(p), fold(splitElisions(p))]).filter(Boolean))];
    if (spellings.length === 0) throw new VocabError(`${where}: empty phrase`);
    for (const p of spellings) {
      out.push({ phrase: p, words: p.split(' '), role, value, lang, regions: regions as Region[], source: where });
    }
  }
  return out;
}

/** What a lookup that finds nothing returns: one shared empty list, not a new one per miss. */
const NO_ENTRIES: readonly VocabEntry[] = Object.freeze([]);

/** A locale's view of the vocabulary: longest-match lookup by first word. */
export class Vocabulary {
  readonly entries: readonly VocabEntry[];
  private readonly byFirst = new Map<string, VocabEntry[]>();
  private readonly byRole = new Map<Role, VocabEntry[]>();
  private readonly byPhrase = new Map<string, VocabEntry[]>();
  /** Every leading run of words of a phrase that has more words ("day", "day before" of "day before yesterday"). */
  private readonly heads = new Set<string>();
  readonly maxWords: number;

  constructor(entries: readonly VocabEntry[]) {
    this.entries = entries;
    let max = 1;
    for (const e of entries) {
      const first = e.words[0]!;
      let list = this.byFirst.get(first);
      if (!list) this.byFirst.set(first, (list = []));
      list.push(e);
      let r = this.byRole.get(e.role);
      if (!r) this.byRole.set(e.role, (r = []));
      r.push(e);
      let p = this.byPhrase.get(e.phrase);
      if (!p) this.byPhrase.set(e.phrase, (p = []));
      p.push(e);
      if (e.words.length > max) max = e.words.length;
      for (let k = 1; k < e.words.length; k++) this.heads.add(e.words.slice(0, k).join(' '));
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.maxWords = max;
  }

  /** Entries whose phrase starts with this folded word, longest phrases first. */
  startingWith(word: string): readonly VocabEntry[] {
    return this.byFirst.get(word) ?? NO_ENTRIES;
  }

  /** Whether some phrase goes on after these words: a tagger reading forward stops where none does. */
  continues(words: string): boolean {
    return this.heads.has(words);
  }

  /** Entries for exactly this folded phrase. */
  lookup(phrase: string): readonly VocabEntry[] {
    return this.byPhrase.get(phrase) ?? NO_ENTRIES;
  }

  /** Whether the folded phrase has the role. e.g. vocab.is('yesterday', 'relative_day') */
  is(phrase: string, role: Role): boolean {
    return (this.byPhrase.get(phrase) ?? []).some((e) => e.role === role);
  }

  /** The value of the phrase in that role, or null. */
  valueOf(phrase: string, role: Role): string | null {
    return (this.byPhrase.get(phrase) ?? []).find((e) => e.role === role)?.value ?? null;
  }

  /** Every entry of a role. */
  ofRole(role: Role): readonly VocabEntry[] {
    return this.byRole.get(role) ?? [];
  }

  /** The phrases of a role, as a set. */
  phrasesOf(role: Role): ReadonlySet<string> {
    return new Set(this.ofRole(role).map((e) => e.phrase));
  }
}

let allEntries: VocabEntry[] | null = null;

/** Every row of vocab/words/*.tsv and every holiday name of vocab/holidays.tsv, validated (read once). */
export function allVocabEntries(): readonly VocabEntry[] {
  if (!allEntries) {
    const dir = fileURLToPath(new URL('./words/', import.meta.url));
    // Holiday and festival names live beside their annual rules in holidays.tsv.
    allEntries = entriesFromRows([...readTsvDir(dir, VOCAB_COLUMNS), ...holidayVocabRows()]);
  }
  return allEntries;
}

const perPack = new Map<string, Vocabulary>();

/** True when a row applies to the pack: its language is on and its regions (if any) overlap. */
export function rowApplies(e: { lang: Lang; regions: readonly Region[] }, pack: LocalePack): boolean {
  if (!pack.langs.includes(e.lang)) return false;
  return e.regions.length === 0 || e.regions.some((g) => pack.regions.includes(g));
}

/** The vocabulary a locale pack reads. e.g. vocabularyFor(resolveLocale(...)).is('quid', 'currency') */
export function vocabularyFor(pack: LocalePack): Vocabulary {
  const key = `${pack.langs.join(',')}|${pack.regions.join(',')}`;
  let v = perPack.get(key);
  if (!v) {
    v = new Vocabulary(allVocabEntries().filter((e) => rowApplies(e, pack) && !LOOKUP_ONLY.has(e.role)));
    perPack.set(key, v);
  }
  return v;
}

const byRoleValue = new Map<string, ReadonlySet<string>>();

/**
 * The phrases of a role (and value), in every language: for modules that match words outside a
 * tagged message (concept phrases, merchant names). e.g. wordsOf('subject_edge', 'trail').has('bills')
 */
export function wordsOf(role: Role, value?: string): ReadonlySet<string> {
  const key = `${role}|${value ?? ''}`;
  let set = byRoleValue.get(key);
  if (!set) {
    set = new Set(allVocabEntries().filter((e) => e.role === role && (value === undefined || e.value === value)).map((e) => e.phrase));
    byRoleValue.set(key, set);
  }
  return set;
}
