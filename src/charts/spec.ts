/**
 * @module charts/spec
 * The spending chart as a vega-lite spec: spending by category (horizontal bars, labelled with
 * the amount) above daily spending over the period. Pure data in, JSON spec out; sized and
 * fonted for a phone screen once scaled to ~1080 px.
 */
import { formatDay, type IsoDate } from '../core/dates.js';
import { formatMoney, toMajor } from '../core/money.js';

export interface ChartInput {
  /** "Spending · January 2026 · ₹12,340" */
  title: string;
  currency: string;
  locale?: string;
  /** Biggest first. */
  categories: Array<{ label: string; amountMinor: number }>;
  /** Every day of the period, zeros included, oldest first. */
  daily: Array<{ date: IsoDate; amountMinor: number }>;
}

/** Logical width of the SVG; the PNG is scaled up from it. */
export const CHART_WIDTH = 560;
export const FONT = 'DejaVu Sans';
const BAR_COLOR = '#2f7d5b';
const DAY_COLOR = '#4a6fa5';

export function chartSpec(input: ChartInput): Record<string, unknown> {
  const money = (m: number) => formatMoney(m, input.currency, input.locale);
  const cats = input.categories.map((c) => ({ label: c.label, amount: toMajor(c.amountMinor, input.currency), text: money(c.amountMinor) }));
  const longPeriod = input.daily.length > 10;
  const days = input.daily.map((d) => ({
    // Short tick labels so a month of bars stays readable: "3" for a month, "Tue 13" for a week.
    day: longPeriod ? String(Number(d.date.slice(8))) : formatDay(d.date).split(' ').slice(0, 2).join(' '),
    amount: toMajor(d.amountMinor, input.currency),
  }));
  const barHeight = 30;
  const maxAmount = Math.max(1e-9, ...cats.map((c) => c.amount));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, fontSize: 18, anchor: 'start', offset: 14 },
    padding: 16,
    background: 'white',
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFontSize: 13, titleFontSize: 13, labelColor: '#333', grid: false, domainColor: '#999', tickColor: '#999' },
      title: { font: FONT, color: '#111' },
    },
    spacing: 28,
    vconcat: [
      {
        title: { text: 'By category', fontSize: 14, anchor: 'start', color: '#555' },
        width: CHART_WIDTH - 150,
        height: Math.max(1, cats.length) * barHeight,
        data: { values: cats },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 140, labelPadding: 8, ticks: false, domain: false } },
          // Headroom on the right so the amount printed after the longest bar is not clipped.
          x: { field: 'amount', type: 'quantitative', title: null, axis: null, scale: { domain: [0, maxAmount * 1.3], nice: false } },
        },
        layer: [
          { mark: { type: 'bar', color: BAR_COLOR, cornerRadiusEnd: 3, height: barHeight - 8 } },
          { mark: { type: 'text', align: 'left', dx: 5, fontSize: 13, color: '#111' }, encoding: { text: { field: 'text' } } },
        ],
        resolve: { scale: { x: 'shared' } },
      },
      {
        title: { text: 'Daily', fontSize: 14, anchor: 'start', color: '#555' },
        width: CHART_WIDTH - 60,
        height: 170,
        data: { values: days },
        mark: { type: 'bar', color: DAY_COLOR, cornerRadiusEnd: 2 },
        encoding: {
          x: { field: 'day', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0, labelFontSize: longPeriod ? 10 : 13 } },
          y: { field: 'amount', type: 'quantitative', title: null, axis: { labelExpr: "datum.value >= 1000 ? format(datum.value / 1000, '~r') + 'k' : format(datum.value, '~r')", tickCount: 4, grid: true, gridColor: '#eee' } },
        },
      },
    ],
  };
}
