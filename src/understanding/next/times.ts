/**
 * @module understanding/next/times
 * TEMPORARY bridge: time readings in the shape the language layer's time grammar
 * (src/language/time/, being written) will export, computed with the old record-date scanner and the
 * old question period finder. Replaced by readTimes() when that lands.
 */
import type { IsoDate } from '../../core/dates.js';
import type { LanguageContext } from '../../language/context.js';
import type { Tagged } from '../../language/tagger.js';
import { scanDates } from '../dates.js';
import { findPeriods, findWeekdaySet } from '../../query/time.js';

export interface TimeReading {
  start: number; end: number;
  kind: 'day' | 'range' | 'clock' | 'part_of_day';
  from: IsoDate | null; to: IsoDate | null;
  grain: 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'season' | 'year' | 'custom';
  future: boolean; score: number; label: string;
  open?: 'since' | 'until'; weekdays?: number[];
}

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

export function readTimes(t: Tagged, ctx: LanguageContext, opts: { mode: 'record' | 'question'; tense?: 'past' | 'future' | null }): TimeReading[] {
  const lower = t.text.toLowerCase();
  if (lower.length !== t.text.length) return [];
  const dayFirst = ctx.pack.dateOrder === 'DMY';
  if (opts.mode === 'question') {
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
  const r = scanDates(lower, { today: ctx.today, dayFirst, futureTense: opts.tense === 'future' });
  const out: TimeReading[] = [];
  for (const m of r.matches) {
    const sp = tokenSpan(t, m.start, m.end);
    if (!sp) continue;
    out.push({ ...sp, kind: m.date ? 'day' : 'clock', from: m.date, to: m.date, grain: 'day', future: m.future, score: 0.9, label: lower.slice(m.start, m.end) });
  }
  return out;
}

export function bestTimes(rs: readonly TimeReading[]): TimeReading[] {
  return [...rs];
}
