import { describe, expect, it } from 'vitest';
import type { Primary } from '../categories/taxonomy.js';
import { addDays } from '../core/dates.js';
import type { Expense } from '../core/types.js';
import { pickInsight } from './insight.js';
import { computeStats } from './stats.js';
import { changeText, expenseTitle, summaryText } from './text.js';
import { monthWindow, scheduledWindow, weekWindow } from './windows.js';

let id = 0;
function ex(date: string, rupees: number, category: Primary, detail: string | null = null, item: string | null = null, currency = 'INR'): Expense {
  return {
    id: ++id, owner: 'me', amountMinor: Math.round(rupees * 100), currency, category, detail, item, merchant: null, note: null, date,
    source: 'text', messageId: null, createdAt: '', updatedAt: '', deletedAt: null,
  };
}

describe('windows', () => {
  it('a weekly summary on Sunday covers Monday to Sunday', () => {
    const w = weekWindow('2026-01-18');
    expect(w.current).toEqual({ from: '2026-01-12', to: '2026-01-18' });
    expect(w.previous).toEqual({ from: '2026-01-05', to: '2026-01-11' });
    expect(w.history).toHaveLength(4);
    expect(w.history[3]).toEqual({ from: '2025-12-15', to: '2025-12-21' });
    expect(w.label).toBe('Mon 12 Jan – Sun 18 Jan');
  });

  it('a monthly summary on the 1st covers the month before; mid-month compares like with like', () => {
    const w = scheduledWindow('month', '2026-03-01');
    expect(w.current).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(w.previous).toEqual({ from: '2026-01-01', to: '2026-01-28' });
    expect(w.label).toBe('February 2026');
    const mtd = monthWindow('2026-03-10', true);
    expect(mtd.current).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(mtd.previous).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(mtd.label).toBe('March 2026 so far');
    expect(monthWindow('2026-03-31', true).previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('summaryText', () => {
  const w = weekWindow('2026-01-18');
  // Four tracked weeks of ₹600 coffee and ₹1,000 fuel, then a week of ₹840 coffee.
  const history = [1, 2, 3, 4].flatMap((k) => [
    ex(addDays('2026-01-18', -7 * k - 2), 600, 'food', 'coffee', 'coffee'),
    ex(addDays('2026-01-18', -7 * k - 3), 1000, 'transport', 'fuel', 'petrol'),
  ]);
  const week = [
    ex('2026-01-12', 420, 'food', 'coffee', 'latte'),
    ex('2026-01-14', 420, 'food', 'coffee', 'latte'),
    ex('2026-01-15', 1000, 'transport', 'fuel', 'petrol'),
    ex('2026-01-17', 1800, 'shopping', 'clothes', 'shoes'),
    ex('2026-01-17', 45.99, 'shopping', 'online', 'ebook', 'USD'),
  ];

  it('reports totals, change, top categories, biggest expenses and an insight', () => {
    const stats = computeStats(w, [...history, ...week], 'INR', '2025-12-01');
    expect(stats.historyDepth).toBe(4);
    const inr = stats.currencies[0]!;
    expect(inr.total).toBe(364000);
    expect(inr.previousTotal).toBe(160000);
    expect(inr.daily).toHaveLength(7);
    expect(inr.daily.reduce((a, d) => a + d.total, 0)).toBe(364000);
    const text = summaryText(stats);
    expect(text).toContain('📊 *Weekly summary* · Mon 12 Jan – Sun 18 Jan');
    expect(text).toContain('Total *₹3,640* · 4 expenses · ▲ 128% vs last week (₹1,600)');
    expect(text).toContain('🛍️ Shopping ₹1,800 · new');
    expect(text).toContain('🚕 Transport ₹1,000 · same');
    expect(text).toContain('🍽️ Food ₹840 · ▲ 40%');
    expect(text).toContain('₹1,800 · Shoes · Sat 17 Jan');
    expect(text).toContain('Also *$45.99* in USD');
    expect(text).toContain('🔎 Coffee up 40% on your 4-week average (₹840 vs ₹600).');
  });

  it('skips averages without tracked history, and says so plainly when the week is empty', () => {
    const stats = computeStats(w, week, 'INR', '2026-01-12');
    expect(stats.historyDepth).toBe(0);
    expect(pickInsight(stats.currencies[0]!, 'week', 0)).toBe('Shopping was 49% of your spending.');
    const empty = computeStats(w, history, 'INR', '2025-12-01');
    expect(summaryText(empty)).toBe('📊 *Weekly summary* · Mon 12 Jan – Sun 18 Jan\nNo expenses recorded this week.\nLast week: ₹1,600.');
  });

  it('small helpers', () => {
    expect(changeText(120, 100)).toBe('▲ 20%');
    expect(changeText(80, 100)).toBe('▼ 20%');
    expect(changeText(5, 0)).toBe('new');
    expect(expenseTitle({ item: 'latte', merchant: 'Starbucks', category: 'food', detail: 'coffee' })).toBe('Latte at Starbucks');
    expect(expenseTitle({ item: null, merchant: null, category: 'food', detail: 'coffee' })).toBe('Food › Coffee');
  });
});
