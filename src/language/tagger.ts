/**
 * @module language/tagger
 * Tags a message's tokens once, from the vocabulary: every phrase of the locale's vocabulary that
 * occurs gets a Tag with its role and value (longest phrases and overlapping readings are all
 * kept: "kal" is both yesterday and tomorrow, "may" a month and a modal; the grammars decide).
 * Letters and digits written together are tried as one word too ("w/", "a/c", "7up").
 */
import type { Role } from './vocab/roles.js';
import type { Vocabulary, VocabEntry } from './vocab/vocabulary.js';
import { fold } from './normalize.js';
import type { Token } from './tokens.js';

export interface Tag {
  role: Role;
  value: string | null;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** The folded phrase that matched. */
  phrase: string;
  entry: VocabEntry;
}

export interface Tagged {
  text: string;
  tokens: readonly Token[];
  tags: readonly Tag[];
  /** Tags starting at each token index. */
  at: readonly (readonly Tag[])[];
  /** Roles present anywhere (for cheap gates). */
  roles: ReadonlySet<Role>;
}

/**
 * Roles a possessive takes from the word it is made of: "friday's coffee", "last night's menulog",
 * "monday's top up" are that day; "fridays" without the apostrophe stays a recurring day.
 */
const FROM_POSSESSIVE: ReadonlySet<Role> = new Set<Role>(['weekday', 'relative_day', 'part_of_day', 'homograph']);

/** Roles a word may take when written glued to a number ("1.2k", "20rs", "2kg", "9pm"); "3rd" is not "rd". */
const GLUED_TO_NUMBER: ReadonlySet<Role> = new Set<Role>(['magnitude', 'unit', 'currency', 'clock', 'month', 'money_word', 'label', 'each', 'period_unit', 'subunit', 'approx', 'times']);

// Tokens a vocabulary phrase may span: words and numbers, and hyphens/apostrophes/slashes inside a glued run.
const INNER = new Set(['-', '/', "'", '.', '&']);

/**
 * The word keys that start at token i: for each way of reading forward, the folded phrase and
 * where it ends. "day before yesterday" yields "day", "day before", "day before yesterday";
 * "w/" yields "w" and "w/"; "e-rickshaw" yields "e", "e rickshaw" and "e-rickshaw". Reading forward
 * stops where no phrase of the vocabulary goes on ("chai" is no phrase's first word: one key).
 */
function keysFrom(tokens: readonly Token[], i: number, vocab: Vocabulary): { key: string; end: number }[] {
  const out: { key: string; end: number }[] = [];
  const first = tokens[i]!;
  if (first.kind !== 'word' && first.kind !== 'num' && first.kind !== 'sym' && first.kind !== 'emoji') return out;
  // fold(text) is the word's norm already (tokenize folds words).
  const head = first.kind === 'word' ? first.norm : fold(first.text);
  let spaced = head;
  let words = 1;
  out.push({ key: spaced, end: i + 1 });
  // The glued run: "w/", "a/c", "e-rickshaw", "7up", "rs.".
  let glued = head;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (!t.glued || t.kind === 'newline') break;
    if (t.kind === 'punct' && !INNER.has(t.text)) break;
    glued += t.kind === 'word' ? t.norm : fold(t.text);
    out.push({ key: glued, end: j + 1 });
  }
  for (let j = i + 1; j < tokens.length && words < vocab.maxWords; j++) {
    const t = tokens[j]!;
    if (t.kind === 'punct' && t.glued && INNER.has(t.text) && tokens[j + 1]?.glued) continue; // "e-rickshaw" as "e rickshaw"
    if (t.kind !== 'word' && t.kind !== 'num') break;
    if (!vocab.continues(spaced)) break;
    spaced += ' ' + t.norm;
    words++;
    out.push({ key: spaced, end: j + 1 });
  }
  return out;
}

/**
 * Tags every vocabulary phrase in the tokens.
 * e.g. tag(tokenize('kal petrol 500'), vocab).tags → relative_day "kal" (-1|1) ...
 */
export function tag(text: string, tokens: readonly Token[], vocab: Vocabulary): Tagged {
  const tags: Tag[] = [];
  const at: Tag[][] = tokens.map(() => []);
  const roles = new Set<Role>();
  for (let i = 0; i < tokens.length; i++) {
    const afterNumber = tokens[i]!.glued && tokens[i]!.kind === 'word' && tokens[i - 1]?.kind === 'num';
    const keys = keysFrom(tokens, i, vocab);
    for (let k = 0; k < keys.length; k++) {
      const { key, end } = keys[k]!;
      let seen = false;
      for (let q = 0; q < k && !seen; q++) seen = keys[q]!.key === key;
      if (seen) continue;
      // "friday's": the possessive of a time word is that time, never the plural.
      const possessive = /'s$/.test(tokens[end - 1]!.text.toLowerCase()) && key.endsWith('s');
      for (const e of vocab.lookup(key)) {
        if (afterNumber && !GLUED_TO_NUMBER.has(e.role)) continue;
        if (possessive && e.role === 'weekday_set') continue;
        const tg: Tag = { role: e.role, value: e.value, start: i, end, phrase: key, entry: e };
        tags.push(tg);
        at[i]!.push(tg);
        roles.add(e.role);
      }
      if (possessive) {
        const base = key.slice(0, -1);
        for (const e of vocab.lookup(base)) {
          if (!FROM_POSSESSIVE.has(e.role) || at[i]!.some((g) => g.role === e.role && g.end === end)) continue;
          const tg: Tag = { role: e.role, value: e.value, start: i, end, phrase: base, entry: e };
          tags.push(tg);
          at[i]!.push(tg);
          roles.add(e.role);
        }
      }
    }
  }
  return { text, tokens, tags, at, roles };
}

/** Tags of a role starting at token i. */
export function tagsAt(t: Tagged, i: number, role: Role): readonly Tag[] {
  return (t.at[i] ?? []).filter((g) => g.role === role);
}

/** Whether some tag of the role covers token i. */
export function covered(t: Tagged, i: number, role: Role): boolean {
  return t.tags.some((g) => g.role === role && g.start <= i && i < g.end);
}
