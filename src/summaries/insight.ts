/**
 * @module summaries/insight
 * One sentence worth reading, computed from the data: the category that moved most against its
 * recent average ("Coffee up 40% on your 4-week average"), else the total against that average,
 * else the biggest share or day. Pure; every figure comes from CurrencyStats.
 */
import { isPrimary, primaryDef, type Primary } from '../categories/taxonomy.js';
import { formatDay } from '../core/dates.js';
import { formatMoney, minorDigits } from '../core/money.js';
import type { CurrencyStats } from './stats.js';
import type { SummaryKind } from './windows.js';

/** Below this relative change a move is noise. */
const MIN_CHANGE = 0.25;

export function keyLabel(key: string): string {
  const [p, d] = key.split('/') as [Primary, string | undefined];
  if (!isPrimary(p)) return key;
  const def = primaryDef(p);
  return (d && def.details.find((x) => x.slug === d)?.label) || def.label;
}

const pct = (a: number, b: number) => Math.round((Math.abs(a - b) * 100) / b);

function averageLabel(kind: SummaryKind, depth: number): string {
  return kind === 'week' ? `${depth}-week average` : `${depth}-month average`;
}

/**
 * The insight line (without emoji), or null when there is nothing to say.
 * `depth` is how many history windows are fully tracked (only those enter averages).
 */
export function pickInsight(s: CurrencyStats, kind: SummaryKind, depth: number, locale?: string): string | null {
  if (s.total === 0) return null;
  const money = (m: number) => formatMoney(m, s.currency, locale);
  // Averages are shown in whole units: "₹925", not "₹924.75".
  const whole = (m: number) => formatMoney(Math.round(m / 10 ** minorDigits(s.currency)) * 10 ** minorDigits(s.currency), s.currency, locale);
  const hist = s.keyTotals.history.slice(0, depth);
  if (depth >= 2) {
    // The category whose spend moved most (in money) against its own average, if the move is real.
    const keys = new Set<string>([...s.keyTotals.current.keys(), ...hist.flatMap((h) => [...h.keys()])]);
    let best: { key: string; cur: number; avg: number; diff: number } | null = null;
    for (const key of keys) {
      const cur = s.keyTotals.current.get(key) ?? 0;
      const avg = Math.round(hist.reduce((a, h) => a + (h.get(key) ?? 0), 0) / depth);
      if (avg <= 0 || cur <= 0) continue;
      // A monthly bill against a weekly average is not news: only habits (seen in at least half
      // of the earlier windows) count.
      if (hist.filter((h) => (h.get(key) ?? 0) > 0).length * 2 < depth) continue;
      const diff = cur - avg;
      if (Math.abs(diff) / avg < MIN_CHANGE || Math.abs(diff) < s.total * 0.03) continue;
      // Prefer the finer key when a detail explains its primary's move (coffee over food).
      const better = !best || Math.abs(diff) > Math.abs(best.diff) || (Math.abs(diff) === Math.abs(best.diff) && key.includes('/'));
      if (better) best = { key, cur, avg, diff };
    }
    if (best) {
      const dir = best.diff > 0 ? 'up' : 'down';
      return `${keyLabel(best.key)} ${dir} ${pct(best.cur, best.avg)}% on your ${averageLabel(kind, depth)} (${money(best.cur)} vs ${whole(best.avg)}).`;
    }
    const avgTotal = Math.round(s.historyTotals.slice(0, depth).reduce((a, b) => a + b, 0) / depth);
    if (avgTotal > 0 && Math.abs(s.total - avgTotal) / avgTotal >= 0.1) {
      const dir = s.total > avgTotal ? 'more' : 'less';
      return `You spent ${pct(s.total, avgTotal)}% ${dir} than your ${averageLabel(kind, depth)} (${money(s.total)} vs ${whole(avgTotal)}).`;
    }
    if (avgTotal > 0) return `Right on your ${averageLabel(kind, depth)} of ${whole(avgTotal)}.`;
  }
  const top = s.categories[0];
  if (top && s.categories.length > 1) {
    return `${primaryDef(top.category).label} was ${Math.round((top.total / s.total) * 100)}% of your spending.`;
  }
  const bigDay = [...s.daily].sort((a, b) => b.total - a.total || a.date.localeCompare(b.date))[0];
  if (bigDay && bigDay.total > 0) return `Your biggest day was ${formatDay(bigDay.date)} (${money(bigDay.total)}).`;
  return null;
}
