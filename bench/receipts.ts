/**
 * @module bench/receipts
 * Receipt photos on this machine: rendered receipts (test/support/receipts/render.ts: Indian, US,
 * UK and German layouts, varied fonts, widths, rotations, noise, blur, thermal paper) read by the
 * real tesseract.js adapter and the receipt reader. Prints total / merchant / date accuracy,
 * seconds per image (clean-up + OCR + reading), worker start-up, and the process RSS.
 * Run alone: `npm run bench -- receipts` (RECEIPTS_N=48 by default; RECEIPTS_SHOW=1 lists misses).
 */
import { contextFromSettings } from '../src/language/context.js';
import { readReceipt } from '../src/receipts/reader.js';
import { createTesseractOcr } from '../src/receipts/tesseract/adapter.js';
import { renderReceipts, sameMerchant } from '../test/support/receipts/render.js';
import { summarize, type BenchResult } from './stats.js';

const TODAY = '2026-03-02';

export async function benchReceipts(): Promise<BenchResult> {
  const n = Number(process.env.RECEIPTS_N ?? 48);
  const show = process.env.RECEIPTS_SHOW === '1';
  const receipts = renderReceipts(n, 2026, TODAY);
  const ocr = createTesseractOcr({ idleMs: 0 });
  const lines: string[] = [];
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const t0 = Date.now();
  await ocr.recognize(receipts[0]!.png, 'image/png'); // worker start-up + first image
  const firstMs = Date.now() - t0;
  const times: number[] = [];
  const ok = { total: 0, merchant: 0, date: 0 };
  const byRegion = new Map<string, { n: number; total: number }>();
  for (const rc of receipts) {
    const started = Date.now();
    const text = (await ocr.recognize(rc.png, 'image/png')).text;
    const settings = { timeZone: rc.owner.timeZone, currency: rc.owner.currency, locale: 'en', dayFirst: rc.region !== 'US', weekStartsOn: 1 as const };
    const got = readReceipt(text, contextFromSettings(new Date(`${TODAY}T12:00:00Z`), settings));
    times.push(Date.now() - started);
    peak = Math.max(peak, process.memoryUsage().rss);
    const totalOk = got.amountMinor === rc.expect.amountMinor;
    const merchantOk = sameMerchant(got.merchant, rc.expect.merchant);
    const dateOk = got.date === rc.expect.date;
    ok.total += Number(totalOk);
    ok.merchant += Number(merchantOk);
    ok.date += Number(dateOk);
    const reg = byRegion.get(rc.region) ?? { n: 0, total: 0 };
    reg.n++;
    reg.total += Number(totalOk);
    byRegion.set(rc.region, reg);
    if (show && !(totalOk && merchantOk && dateOk)) {
      lines.push(`  miss ${rc.id} (${rc.look}): total ${got.amountMinor}/${rc.expect.amountMinor} merchant ${got.merchant}/${rc.expect.merchant} date ${got.date}/${rc.expect.date}`);
      lines.push('    ' + text.replace(/\n+/g, ' | '));
    }
  }
  await ocr.close();
  const s = summarize(times);
  const pct = (k: number) => `${((100 * k) / receipts.length).toFixed(1)}%`;
  lines.unshift(
    `${receipts.length} rendered receipts (${[...byRegion].map(([r, v]) => `${r} ${v.total}/${v.n}`).join(', ')} totals right)`,
    `total right ${pct(ok.total)} · merchant ${pct(ok.merchant)} · date ${pct(ok.date)}`,
    `seconds per image (clean-up + OCR + reading): p50 ${(s.p50 / 1000).toFixed(2)} s · p99 ${(s.p99 / 1000).toFixed(2)} s · max ${(s.max / 1000).toFixed(2)} s`,
    `first image incl. worker start: ${(firstMs / 1000).toFixed(2)} s`,
    `RSS before ${(rss0 / 2 ** 20).toFixed(0)} MiB · peak while reading ${(peak / 2 ** 20).toFixed(0)} MiB (main process; tesseract runs in a worker thread of it)`,
  );
  return { name: 'receipts', lines };
}
