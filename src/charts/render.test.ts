import fs from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.js';
import { renderSpendingChart, specToSvg } from './render.js';
import { chartSpec, type ChartInput } from './spec.js';

const week: ChartInput = {
  title: 'Spending · Mon 12 Jan – Sun 18 Jan · ₹3,640',
  currency: 'INR',
  categories: [
    { label: 'Shopping', amountMinor: 180000 },
    { label: 'Transport', amountMinor: 100000 },
    { label: 'Personal care', amountMinor: 84000 },
  ],
  daily: Array.from({ length: 7 }, (_, i) => ({ date: addDays('2026-01-12', i), amountMinor: i * 10000 })),
};

describe('spending chart', () => {
  it('renders a phone-sized PNG that a decoder reads', async () => {
    const out = await renderSpendingChart(week);
    const png = PNG.sync.read(out.png);
    expect(png.width).toBe(1080);
    expect(out.width).toBe(1080);
    expect(png.height).toBe(out.height);
    expect(png.height).toBeGreaterThan(500);
    // Not a blank image: some pixels carry the bar colour.
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 80 && png.data[i + 1]! > 100) coloured++;
    expect(coloured).toBeGreaterThan(1000);
    if (process.env.MUNSHI_CHART_OUT) fs.writeFileSync(process.env.MUNSHI_CHART_OUT, out.png);
  });

  it('honours a custom width and a month of days', async () => {
    const month: ChartInput = { ...week, daily: Array.from({ length: 31 }, (_, i) => ({ date: addDays('2026-01-01', i), amountMinor: 5000 })) };
    const out = await renderSpendingChart(month, { width: 640 });
    expect(PNG.sync.read(out.png).width).toBe(640);
  });

  it('draws the formatted amounts and day labels as text in a DejaVu font', async () => {
    const svg = await specToSvg(chartSpec(week));
    expect(svg).toContain('₹1,800');
    expect(svg).toContain('Tue 13');
    expect(svg).toContain('DejaVu Sans');
  });

  it('refuses an empty period rather than drawing nothing', async () => {
    await expect(renderSpendingChart({ ...week, categories: [] })).rejects.toThrow(/nothing to chart/);
  });
});
