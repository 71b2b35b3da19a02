/**
 * @module query/next/periods
 * TEMPORARY bridge: question periods and weekday sets as time readings, from the old question period
 * finder, until the language layer's time grammar (src/language/time/) lands; then this file re-exports
 * its readTimes/bestTimes.
 */
import type { LanguageContext } from '../../language/context.js';
import type { Tagged } from '../../language/tagger.js';
import type { TimeReading } from '../../understanding/next/times.js';
import { findPeriods, findWeekdaySet } from '../time.js';

/** Token span of the characters blanked between `text` and `rest` (same length), grouped into runs. */
function blankedRuns(text: string, rest: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (rest[i] === ' ' && text[i] !== ' ') {
      let j = i;
      while (j < text.length && (rest[j] === ' ') && !(text[j] === ' ' && rest[j + 1] !== ' ')) j++;
      runs.push({ start: i, end: j });
      i = j;
    } else i++;
  }
  return runs;
}

function tokenSpan(t: Tagged, a: number, b: number): { start: number; end: number } | null {
  const toks = t.tokens.filter((k) => k.start >= a && k.end <= b);
  if (!toks.length) return null;
  return { start: toks[0]!.i, end: toks[toks.length - 1]!.i + 1 };
}

export function readTimes(t: Tagged, ctx: LanguageContext, opts: { mode: 'record' | 'question' }): TimeReading[] {
  void opts;
  const lower = t.text.toLowerCase();
  if (lower.length !== t.text.length) return [];
  const dayFirst = ctx.pack.dateOrder === 'DMY';
  const o = { today: ctx.today, weekStartsOn: ctx.weekStartsOn, dayFirst };
  const out: TimeReading[] = [];
  const wd = findWeekdaySet(lower, o);
  const base = wd ? wd.rest : lower;
  const found = findPeriods(base, o);
  const runs = blankedRuns(base, found.rest);
  found.periods.forEach((p, k) => {
    const r = runs[k];
    const sp = r ? tokenSpan(t, r.start, r.end) : null;
    if (!sp) return;
    out.push({ ...sp, kind: p.from === p.to ? 'day' : 'range', from: p.from, to: p.to, grain: 'custom', future: false, score: 0.9, label: p.label, ...(wd ? { weekdays: wd.weekdays } : {}) });
  });
  if (wd && !out.length) {
    const r = blankedRuns(lower, wd.rest)[0];
    const sp = r ? tokenSpan(t, r.start, r.end) : null;
    if (sp) out.push({ ...sp, kind: 'range', from: null, to: null, grain: 'custom', future: false, score: 0.8, label: wd.label, weekdays: wd.weekdays });
  }
  return out;
}

export function bestTimes(rs: readonly TimeReading[]): TimeReading[] {
  return [...rs];
}
