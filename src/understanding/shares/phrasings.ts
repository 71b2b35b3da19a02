/**
 * @module understanding/shares/phrasings
 * The phrasings of shared money (phrasings.tsv) compiled into patterns over a message's skeleton:
 * its words in lower case with every amount the money grammar read replaced by a placeholder
 * ("#0"), and a possessive written apart ("rahul 's"). Pure; the file is read once, lazily.
 */
import { fileURLToPath } from 'node:url';
import { readTsvFile, VocabError } from '../../language/vocab/tsv.js';

export const SHARE_KINDS = [
  'split_with', 'split_half_with', 'split_ways', 'split_half', 'part_of', 'my_share', 'for_me_and', 'payer',
  'owes_me', 'owes_me_bare', 'i_owe', 'lent', 'borrowed', 'paid_back_to_me', 'paid_back_by_me', 'settled',
  'q_owed_to_me', 'q_i_owe', 'q_person', 'q_all', 'q_history', 'q_settle', 'q_who_spent',
] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export interface Phrasing {
  kind: ShareKind;
  pattern: string;
  re: RegExp;
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

let table: Phrasing[] | null = null;

/** Every phrasing, in file order. */
export function phrasings(): Phrasing[] {
  if (table) return table;
  const file = fileURLToPath(new URL('./phrasings.tsv', import.meta.url));
  table = readTsvFile(file, ['pattern', 'kind']).map((r) => {
    const kind = r.cells.kind as ShareKind;
    if (!SHARE_KINDS.includes(kind)) throw new VocabError(`${r.file}:${r.line}: unknown kind "${r.cells.kind}"`);
    const pattern = r.cells.pattern ?? '';
    return { kind, pattern, re: compile(pattern, `${r.file}:${r.line}`), line: r.line };
  });
  return table;
}
