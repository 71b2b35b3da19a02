/**
 * @module understanding/next/times
 * TEMPORARY bridge: time readings in the shape the language layer's time grammar
 * (src/language/time/, being written) will export, computed with the old record-date scanner (records only;
 * questions go through query/next/periods.ts). Replaced by readTimes() when that lands.
 */
import type { IsoDate } from '../../core/dates.js';
import type { LanguageContext } from '../../language/context.js';
import type { Tagged } from '../../language/tagger.js';
import { scanDates } from '../dates.js';

export interface TimeReading {
  start: number; end: number;
  kind: 'day' | 'range' | 'clock' | 'part_of_day';
  from: IsoDate | null; to: IsoDate | null;
  grain: 'day' | 'week' | 'weekend' | 'fortnight' | 'month' | 'quarter' | 'season' | 'year' | 'custom';
  future: boolean; score: number; label: string;
  open?: 'since' | 'until'; weekdays?: number[];
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
