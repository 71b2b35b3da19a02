/** The chart renderer in its own process: real vega and resvg in a real child, and its failures. */
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isMunshiError } from '../core/errors.js';
import { childProcessChartRenderer, type ChildChartRenderer } from './child-renderer.js';
import type { ChartInput } from './spec.js';

const input: ChartInput = {
  title: 'Spending · this week · ₹1,500',
  currency: 'INR',
  categories: [{ label: 'Food', amountMinor: 100000 }, { label: 'Transport', amountMinor: 50000 }],
  daily: [{ date: '2026-01-12', amountMinor: 100000 }, { date: '2026-01-13', amountMinor: 50000 }],
};

let r: ChildChartRenderer | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

describe('charts drawn in a child process', () => {
  it('draws the same PNG as in process, keeps the child for the next chart, and lets it go when idle', async () => {
    r = childProcessChartRenderer({ idleMs: 300 });
    expect(r.running()).toBe(false);
    const [a, b] = await Promise.all([r.render(input), r.render(input, { width: 600 })]);
    expect(PNG.sync.read(a.png).width).toBe(1080);
    expect(b.width).toBe(600);
    expect(r.running()).toBe(true);
    await new Promise((res) => setTimeout(res, 1200));
    expect(r.running()).toBe(false);
    // A new chart after the child left starts another.
    expect((await r.render(input)).width).toBe(1080);
  });

  it('reports a chart it cannot draw as bad input, and keeps serving', async () => {
    r = childProcessChartRenderer();
    const err = await r.render({ ...input, categories: [] }).catch((e: unknown) => e);
    expect(isMunshiError(err, 'bad_input')).toBe(true);
    expect((await r.render(input)).width).toBe(1080);
  });

  it('fails charts in flight when it is closed, and a hung chart times out', async () => {
    r = childProcessChartRenderer({ timeoutMs: 1 });
    const err = await r.render(input).catch((e: unknown) => e);
    expect(isMunshiError(err, 'timeout')).toBe(true);
    const slow = childProcessChartRenderer();
    const pending = slow.render(input).catch((e: unknown) => e);
    await slow.close();
    expect(isMunshiError(await pending, 'unavailable')).toBe(true);
  });
});
