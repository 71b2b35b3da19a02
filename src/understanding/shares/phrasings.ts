/**
 * @module understanding/shares/phrasings
 * The phrasings of shared money (phrasings.tsv) compiled into patterns over a message's skeleton:
 * its words in lower case with every amount the money grammar read replaced by a placeholder
 * ("#0"), and a possessive written apart ("rahul 's"). Pure; the file is read once, lazily.
 */
import { fileURLToPath } from 'node:url';
import { readTsvFile, VocabError } from '../../language/vocab/tsv.js';

export const SHARE_KINDS = [
  'split_with', 'split_half_with', 'split_ways', 'split_half', 'part_of', 'my_share', 'payer',
  'owes_me', 'owes_me_bare', 'i_owe', 'lent', 'borrowed', 'paid_back_to_me', 'paid_back_by_me', 'settled',
  'q_owed_to_me', 'q_i_owe', 'q_person', 'q_all', 'q_history', 'q_settle', 'q_who_spent',
] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export interface Phrasing {
  kind: ShareKind;
  pattern: string;
  re: RegExp;
  /** The same pattern, global with match indices, compiled once: what the reader scans a message with. */
  scan: RegExp;
  /**
   * Words a match cannot do without, each list one element of the pattern (a word, or a choice's
   * first words): a skeleton that holds none of a list's words as a piece cannot match, so the
   * reader skips the pattern without running it. A cheap gate, never a different answer.
   */
  needs: readonly (readonly string[])[];
  line: number;
}

/**
 * Words that are never a person's name in a slot: pronouns, glue, time words, money words. A name
 * slot that would take one of these does not match (the pattern then tries elsewhere).
 */
export const NOT_A_NAME = new Set(
  `i me my mine myself we us our you your he him his she her they them their it its this that these those the a an and or with to from for of on at in by
  back all everyone everybody someone somebody anyone nobody yesterday today tomorrow kal aaj parso ko se ne ka ki ke ki hai he tha the mujhe maine mera meri mere
  hum humne apne money rs inr usd eur gbp rupees rupee bucks dollars euros pounds cash bill split share part half paid pay owes owe owed lent borrowed loan
  who what whom how much many is was are am be do does did got get gave give sent received returned repaid udhaar udhar wapas vapas
  dinner lunch breakfast food cab taxi uber ola rent movie movies tickets ticket drinks groceries petrol fuel trip hotel party`.split(/\s+/).filter(Boolean),
);

const NAME = String.raw`[\p{L}][\p{L}\p{M}.\-]*`;
/** A name not in NOT_A_NAME; one or two words (the second is checked for a capital by the reader). */
const notStop = (): string => String.raw`(?!(?:${[...NOT_A_NAME].map(escape).join('|')})(?= ))`;
const PERSON = (g: string): string => ` (?<${g}>${notStop()}${NAME}(?: ${notStop()}${NAME})?)`;
const PEOPLE = (g: string): string => ` (?<${g}>${notStop()}${NAME}(?:(?: ,| and| &| aur| n)? ${notStop()}${NAME})*)`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
}

/** Compiles one pattern; every element matches with its leading space (" owes", " #0"). */
export function compile(pattern: string, where = 'pattern'): RegExp {
  let i = 0;
  const seen = new Set<string>();
  function seq(stop: string | null): string {
    let out = '';
    while (i < pattern.length) {
      const c = pattern[i]!;
      if (c === ' ') { i++; continue; }
      if (stop && c === stop) return out;
      if (c === '|' && (stop === ')' || stop === ']')) return out;
      out += element();
    }
    if (stop) throw new VocabError(`${where}: "${pattern}" lacks "${stop}"`);
    return out;
  }
  function element(): string {
    const c = pattern[i]!;
    if (c === '(') {
      i++;
      return `(?:${alternatives(')')})`;
    }
    if (c === '[') {
      i++;
      return `(?:${alternatives(']')})?`;
    }
    if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) throw new VocabError(`${where}: "${pattern}" lacks "}"`);
      const slot = pattern.slice(i + 1, end);
      i = end + 1;
      if (seen.has(slot)) throw new VocabError(`${where}: "${pattern}" names {${slot}} twice`);
      seen.add(slot);
      switch (slot) {
        case 'p': return PERSON('p');
        case 'ps': return PEOPLE('ps');
        case 'a': return ' #(?<a>\\d+)';
        case 'a2': return ' #(?<a2>\\d+)';
        case 'n': return ' (?<n>\\d+|#\\d+|two|three|four|five|six|seven|eight|nine|ten|do|teen|char|paanch|chhe|saat|aath)';
        case 'x': return '(?<x>(?: \\S+)*)';
        default: throw new VocabError(`${where}: "${pattern}" has an unknown slot {${slot}}`);
      }
    }
    let w = '';
    while (i < pattern.length && !' ()[]{}|'.includes(pattern[i]!)) w += pattern[i++]!;
    if (!w) throw new VocabError(`${where}: "${pattern}" has a stray "${pattern[i]}"`);
    return ' ' + escape(w);
  }
  function alternatives(stop: string): string {
    const alts: string[] = [];
    for (;;) {
      alts.push(seq(stop));
      if (pattern[i] === '|') { i++; continue; }
      if (pattern[i] === stop) { i++; break; }
      throw new VocabError(`${where}: "${pattern}" lacks "${stop}"`);
    }
    return alts.join('|');
  }
  const body = seq(null);
  return new RegExp(`${body}(?= )`, 'u');
}

const DELIMS = ' ()[]{}|';

/**
 * The pattern's top-level words and choices, read as compile reads them: a word ("owes") must be a
 * piece of the skeleton, and of a choice ("(paid|gave|sent)") one alternative's first word must be,
 * when every alternative starts with a word. Every element of a compiled pattern starts with a space
 * and the pattern ends before a space, so a word of a match is always " word " in the skeleton.
 * Optional parts and slots need nothing.
 */
export function needsOf(pattern: string): string[][] {
  const out: string[][] = [];
  let i = 0;
  const word = (at: number): string => {
    let j = at;
    while (j < pattern.length && !DELIMS.includes(pattern[j]!)) j++;
    return pattern.slice(at, j);
  };
  // The index just past the bracket that closes the one at `at`.
  const close = (at: number): number => {
    let depth = 0;
    for (let j = at; j < pattern.length; j++) {
      const c = pattern[j]!;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      if (depth === 0) return j + 1;
    }
    return pattern.length;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === ' ') i++;
    else if (c === '[' || c === '{') i = close(i);
    else if (c === '(') {
      const end = close(i);
      // The alternatives' first words, split at this group's own bars.
      const firsts: string[] = [];
      let ok = true;
      let start = i + 1;
      let depth = 0;
      for (let j = i + 1; j < end; j++) {
        const d = pattern[j]!;
        if (d === '(' || d === '[' || d === '{') depth++;
        else if ((d === ')' || d === ']' || d === '}') && depth > 0) depth--;
        else if ((d === '|' && depth === 0) || j === end - 1) {
          let a = start;
          while (pattern[a] === ' ') a++;
          const w = a < j ? word(a) : '';
          if (!w) ok = false;
          else firsts.push(w);
          start = j + 1;
        }
      }
      if (ok && firsts.length) out.push(firsts);
      i = end;
    } else {
      const w = word(i);
      if (!w) return out; // a stray character: compile has thrown already
      out.push([w]);
      i += w.length;
    }
  }
  return out;
}

/** Whether a skeleton (" w1 w2 … ") holds, for each of the phrasing's needs, one of its words. */
export function mayMatch(p: Phrasing, skeletonText: string): boolean {
  for (const any of p.needs) {
    let found = false;
    for (const w of any) {
      if (skeletonText.includes(` ${w} `)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

let table: Phrasing[] | null = null;

/** Every phrasing, in file order. */
export function phrasings(): Phrasing[] {
  if (table) return table;
  const file = fileURLToPath(new URL('./phrasings.tsv', import.meta.url));
  table = readTsvFile(file, ['pattern', 'kind']).map((r) => {
    const kind = r.cells.kind as ShareKind;
    if (!SHARE_KINDS.includes(kind)) throw new VocabError(`${r.file}:${r.line}: unknown kind "${r.cells.kind}"`);
    const pattern = r.cells.pattern ?? '';
    const re = compile(pattern, `${r.file}:${r.line}`);
    return { kind, pattern, re, scan: new RegExp(re.source, 'gud'), needs: needsOf(pattern), line: r.line };
  });
  return table;
}
