/**
 * @module understanding/alerts/vocab
 * The alert reader's data, read once: its vocabulary (language/vocab/alerts/*.tsv, in the one row
 * format phrase|role|value|lang|region), the pieces of payee names that are no part of a name
 * (noise.tsv) and its grammar (language/vocab/grammar/alerts.tsv). Kept apart from the chat
 * vocabulary on purpose: "debited" or "Avl Bal" must not change how "spent 500 on chai" is read.
 */
import { fileURLToPath } from 'node:url';
import type { LocalePack } from '../../language/locale.js';
import { fold } from '../../language/normalize.js';
import { readRuleFile, readTsvFile } from '../../language/vocab/tsv.js';
import { entriesFromRows, rowApplies, Vocabulary, VOCAB_COLUMNS, type VocabEntry } from '../../language/vocab/vocabulary.js';
import type { RuleDef } from '../../language/grammar.js';

const dir = (p: string): string => fileURLToPath(new URL(`../../language/vocab/${p}`, import.meta.url));

let entries: VocabEntry[] | null = null;
let noise: Set<string> | null = null;
let rules: RuleDef[] | null = null;
const perPack = new Map<string, Vocabulary>();

function alertEntries(): VocabEntry[] {
  entries ??= [...entriesFromRows(readTsvFile(dir('alerts/cues.tsv'), VOCAB_COLUMNS)), ...entriesFromRows(readTsvFile(dir('alerts/months.tsv'), VOCAB_COLUMNS))];
  return entries;
}

/** The alert vocabulary a locale pack reads. */
export function alertVocabulary(pack: LocalePack): Vocabulary {
  const key = `${pack.langs.join(',')}|${pack.regions.join(',')}`;
  let v = perPack.get(key);
  if (!v) {
    v = new Vocabulary(alertEntries().filter((e) => rowApplies(e, pack)));
    perPack.set(key, v);
  }
  return v;
}

/** Folded words and phrases that are no part of a payee's name ("order", "pvt", "mktp"). */
export function noiseWords(): ReadonlySet<string> {
  noise ??= new Set(entriesFromRows(readTsvFile(dir('alerts/noise.tsv'), VOCAB_COLUMNS)).map((e) => e.phrase));
  return noise;
}

/** Folded names of banks and payment apps: never a merchant. */
export function bankNames(): ReadonlySet<string> {
  return new Set(alertEntries().filter((e) => e.role === 'alert_field' && (e.value === 'bank' || e.value === 'app')).map((e) => e.phrase));
}

let banks: ReadonlySet<string> | null = null;
export function isBankName(s: string): boolean {
  banks ??= bankNames();
  return banks.has(fold(s));
}

/** The alert grammar's rules. */
export function alertRules(): readonly RuleDef[] {
  rules ??= readRuleFile(dir('grammar/alerts.tsv'));
  return rules;
}
