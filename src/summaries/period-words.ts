/**
 * @module summaries/period-words
 * "this week", "last month", "weekly", "pichle hafte" … as a named period for on-demand charts and
 * summaries. The words are the vocabulary's (roles last, this, period_unit, op_avg), in every
 * language it has; only the order ("last" before "week") is read here. Pure.
 */
import { fold } from '../language/normalize.js';
import { wordsOf } from '../language/vocab/vocabulary.js';
import type { NamedPeriod } from './windows.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex alternation of phrases, longest first, between word edges. */
const any = (phrases: Iterable<string>): string => `(?:${[...phrases].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
const single = (s: ReadonlySet<string>): Set<string> => new Set([...s].filter((p) => !p.includes(' ')));

let patterns: { period: NamedPeriod; re: RegExp }[] | null = null;

function build(): { period: NamedPeriod; re: RegExp }[] {
  const edge = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
  const last = any(wordsOf('last')), now = any(wordsOf('this'));
  const week = any(wordsOf('period_unit', 'week')), month = any(wordsOf('period_unit', 'month'));
  // "weekly", "monthly": the one-word ways of asking per week or month.
  const weekly = any(single(wordsOf('op_avg', 'week'))), monthly = any(single(wordsOf('op_avg', 'month')));
  return [
    { period: 'last week', re: edge(`${last}\\s+${week}`) },
    { period: 'last month', re: edge(`${last}\\s+${month}`) },
    { period: 'this week', re: edge(`(?:${now}\\s+)?(?:${week}|${weekly})`) },
    { period: 'this month', re: edge(`(?:${now}\\s+)?(?:${month}|${monthly})`) },
  ];
}

/**
 * The period a message names, or `fallback` when it names none.
 * e.g. namedPeriodIn('summary for last week', 'this week') === 'last week'; namedPeriodIn('pichle mahine ka chart', 'this month') === 'last month'
 */
export function namedPeriodIn(text: string, fallback: NamedPeriod): NamedPeriod {
  const s = fold(text).replace(/\s+/g, ' ');
  patterns ??= build();
  for (const p of patterns) if (p.re.test(s)) return p.period;
  return fallback;
}
