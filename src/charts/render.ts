/**
 * @module charts/render
 * Renders a chart spec to PNG with no browser: vega-lite → vega View (renderer 'none') → SVG →
 * resvg → PNG. The only place vega and resvg are imported, lazily. The daemon calls this through
 * charts/child-renderer.ts, in a process of its own, so they never stay in the daemon's memory.
 */
import { MunshiError } from '../core/errors.js';
import { chartSpec, FONT, type ChartInput } from './spec.js';

export interface RenderOptions {
  /** Output width in pixels (phone-readable default: 1080). */
  width?: number;
}

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

/** A renderer as a value, so services can run without charts (or with a counting one in tests). */
export type ChartRenderer = (input: ChartInput, opts?: RenderOptions) => Promise<RenderedChart>;

export async function specToSvg(spec: Record<string, unknown>): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function svgToPng(svg: string, width: number): Promise<RenderedChart> {
  const { renderAsync } = await import('@resvg/resvg-js');
  // renderAsync rasterizes on the libuv pool, so a chart never stalls other chats' replies.
  const r = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: 'white',
    // System fonts: DejaVu carries ₹; other scripts fall back to whatever fonts the host has.
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
  });
  return { png: r.asPng(), width: r.width, height: r.height };
}

/** The spending chart as a PNG. */
export const renderSpendingChart: ChartRenderer = async (input, opts = {}) => {
  if (!input.categories.length) throw new MunshiError('bad_input', 'nothing to chart: no spending in the period');
  return svgToPng(await specToSvg(chartSpec(input)), opts.width ?? 1080);
};
