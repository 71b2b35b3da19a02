/**
 * @module bench/receipts
 * Receipt photos on this machine: rendered receipts (test/support/receipts/render.ts: Indian, US,
 * UK and German layouts, varied fonts, widths, rotations, noise, blur, thermal paper) read by the
 * real tesseract.js adapter and the receipt reader. Prints total / merchant / date accuracy,
 * seconds per image (clean-up + OCR + reading), worker start-up, and the process RSS.
 * Also reads the receipt images shipped in the npm package receiptline.
 * Run alone: `npm run bench -- receipts` (RECEIPTS_N=48, RECEIPTS_SEED=2026 by default;
 * RECEIPTS_SHOW=1 lists the misses with their OCR text).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { contextFromSettings, languageContext } from '../src/language/context.js';
import type { Ocr } from '../src/receipts/port.js';
import { readReceipt } from '../src/receipts/reader.js';
import { createTesseractOcr } from '../src/receipts/tesseract/adapter.js';
import { renderReceipts, sameMerchant } from '../test/support/receipts/render.js';
import { summarize, type BenchResult } from './stats.js';

const TODAY = '2026-03-02';
const require = createRequire(import.meta.url);

/** Receipt images made by others, shipped in the npm package receiptline: what munshi reads off them. */
async function publicImages(ocr: Ocr): Promise<string[]> {
  let dir: string;
  try {
    dir = path.dirname(require.resolve('receiptline/package.json'));
  } catch {
    return ['public images: receiptline is not installed (devDependency)'];
  }
  const sharp = (await import('sharp')).default;
  const out = ['public images (npm package receiptline):'];
  const cases = [
    { file: 'screenshot_en.png', crop: true, tz: 'America/New_York', cur: 'USD', want: 'TOTAL 6.00' },
    { file: 'screenshot_de.png', crop: true, tz: 'Europe/Berlin', cur: 'EUR', want: 'Summe 6,34 (gross)' },
    { file: 'readme_printer.jpg', crop: false, tz: 'Asia/Tokyo', cur: 'JPY', want: '合計 18,580 (a photo of a Japanese receipt in a printer)' },
  ];
  for (const c of cases) {
    let img = sharp(fs.readFileSync(path.join(dir, c.file)));
    if (c.crop) {
      const { width = 0, height = 0 } = await img.metadata();
      img = img.extract({ left: Math.floor(width * 0.52), top: 0, width: width - Math.floor(width * 0.52), height });
    }
    const t0 = Date.now();
    const { text } = await ocr.recognize(await img.png().toBuffer(), 'image/png');
    const r = readReceipt(text, languageContext({ now: new Date(`${TODAY}T12:00:00Z`), timeZone: c.tz, currency: c.cur }));
    const got = r.amountMinor === null ? 'no total' : `${r.amountMinor} minor ${r.currency} (${r.totalFrom})`;
    out.push(`  ${c.file}: want ${c.want} → ${got} in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
  }
  return out;
}

export async function benchReceipts(): Promise<BenchResult> {
  const n = Number(process.env.RECEIPTS_N ?? 48);
  const show = process.env.RECEIPTS_SHOW === '1';
  const seed = Number(process.env.RECEIPTS_SEED ?? 2026);
  const receipts = renderReceipts(n, seed, TODAY);
  const ocr = createTesseractOcr({ idleMs: 0 });
  const lines: string[] = [];
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const t0 = Date.now();
  await ocr.recognize(receipts[0]!.png, 'image/png'); // worker start-up + first image
  const firstMs = Date.now() - t0;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpu0);
  const cpuPer = (cpu.user + cpu.system) / 1e6 / receipts.length;
  lines.push(...(await publicImages(ocr)));
  await ocr.close();
  const s = summarize(times);
  const pct = (k: number) => `${((100 * k) / receipts.length).toFixed(1)}%`;
  lines.unshift(
    `${receipts.length} rendered receipts, seed ${seed} (${[...byRegion].map(([r, v]) => `${r} ${v.total}/${v.n}`).join(', ')} totals right)`,
    `total right ${pct(ok.total)} · merchant ${pct(ok.merchant)} · date ${pct(ok.date)}`,
    `seconds per image (clean-up + OCR + reading): p50 ${(s.p50 / 1000).toFixed(2)} s · p99 ${(s.p99 / 1000).toFixed(2)} s · max ${(s.max / 1000).toFixed(2)} s`,
    `CPU per image (all threads of the process, independent of load): ${cpuPer.toFixed(2)} s · load average at the end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
    `first image incl. worker start: ${(firstMs / 1000).toFixed(2)} s`,
    `RSS before ${(rss0 / 2 ** 20).toFixed(0)} MiB · peak while reading ${(peak / 2 ** 20).toFixed(0)} MiB (main process; tesseract runs in a worker thread of it)`,
  );
  return { name: 'receipts', lines };
}
