/**
 * @module bench/summary
 * Summary and chart cost: composing a weekly summary over a year of expenses in a real SQLite
 * file, and rendering the spending chart (vega-lite → SVG → resvg PNG), cold and warm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderSpendingChart } from '../src/charts/render.js';
import { chartSpec, type ChartInput } from '../src/charts/spec.js';
import { specToSvg, svgToPng } from '../src/charts/render.js';
import { addDays } from '../src/core/dates.js';
import type { ExpenseDraft } from '../src/core/types.js';
import { openRepositories } from '../src/app/repositories.js';
import { composeSummary } from '../src/summaries/compose.js';
import { scheduledWindow } from '../src/summaries/windows.js';
import { ms, summarize, type BenchResult } from './stats.js';

const CATS: Array<[ExpenseDraft['category'], string]> = [
  ['food', 'coffee'], ['food', 'groceries'], ['transport', 'fuel'], ['shopping', 'online'], ['utilities', 'electricity'], ['entertainment', 'movies'],
];

export async function benchSummary(samples = 20): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-summary-'));
  const repos = await openRepositories(path.join(dir, 'ledger.db'));
  const db = repos.expenses;
  const close = () => repos.close();
  try {
    // A year of 20 expenses a day.
    const drafts: ExpenseDraft[] = [];
    for (let d = 0; d < 365; d++) {
      for (let i = 0; i < 20; i++) {
        const [category, detail] = CATS[(d * 7 + i) % CATS.length]!;
        drafts.push({ amountMinor: 1000 + ((d * 31 + i * 17) % 50000), currency: 'INR', category, detail, item: `thing ${i}`, merchant: null, note: null, date: addDays('2025-01-01', d) });
      }
    }
    await db.record(drafts, { owner: 'me', source: 'import', messageId: null, now: '2026-01-01T00:00:00Z' });

    const week = scheduledWindow('week', '2025-12-28');
    const month = scheduledWindow('month', '2026-01-01');
    const settings = { currency: 'INR', locale: 'en-IN' };
    const textMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await composeSummary(db, 'me', week, settings);
      textMs.push(performance.now() - t);
    }
    const input: ChartInput = {
      title: 'Spending · December 2025', currency: 'INR',
      categories: CATS.map(([c], i) => ({ label: c, amountMinor: (i + 1) * 123400 })),
      daily: Array.from({ length: 31 }, (_, i) => ({ date: addDays('2025-12-01', i), amountMinor: 5000 + i * 1000 })),
    };
    let t = performance.now();
    await renderSpendingChart(input);
    const cold = performance.now() - t;
    const svgMs: number[] = [], pngMs: number[] = [], fullMs: number[] = [];
    let size = 0;
    for (let i = 0; i < samples; i++) {
      t = performance.now();
      const svg = await specToSvg(chartSpec(input));
      const t2 = performance.now();
      const png = await svgToPng(svg, 1080);
      pngMs.push(performance.now() - t2);
      svgMs.push(t2 - t);
      size = png.png.length;
    }
    for (let i = 0; i < Math.min(samples, 5); i++) {
      t = performance.now();
      await composeSummary(db, 'me', month, settings, { renderChart: renderSpendingChart });
      fullMs.push(performance.now() - t);
    }
    const p = (xs: number[]) => {
      const s = summarize(xs);
      return `p50 ${ms(s.p50)} · p99 ${ms(s.p99)}`;
    };
    return {
      name: 'summary',
      lines: [
        `ledger: ${drafts.length} expenses over 365 days (SQLite file)`,
        `weekly summary text (5 weeks of rows): ${p(textMs)}`,
        `chart, first render (loads vega + resvg): ${ms(cold)}`,
        `chart vega-lite → SVG: ${p(svgMs)}`,
        `chart SVG → PNG 1080 px: ${p(pngMs)} · ${(size / 1024).toFixed(0)} KiB`,
        `monthly summary with chart: ${p(fullMs)}`,
      ],
    };
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
