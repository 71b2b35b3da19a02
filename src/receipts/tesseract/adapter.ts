/**
 * @module receipts/tesseract/adapter
 * The Ocr port on tesseract.js (Tesseract 5's LSTM engine compiled to WebAssembly, run in a
 * worker thread) with English data from the npm package @tesseract.js-data/eng, so nothing is
 * fetched at run time and `npm ci` installs all of it. Images are cleaned with sharp (libvips)
 * first: EXIF orientation applied, grey, contrast stretched, resized so receipt text is about
 * 30 px high; the engine's own page-layout pass straightens small skews (rotateAuto).
 *
 * One image at a time (recognition already fills a core), a bounded wait line, a timeout that
 * kills a stuck worker, and the worker is let go after a quiet spell so an idle daemon stays small.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { MunshiError, isMunshiError } from '../../core/errors.js';
import { createSerialQueue } from '../../voice/queue.js';
import type { Ocr, OcrResult } from '../port.js';

export interface TesseractOptions {
  /** A recognition slower than this is abandoned (the worker is restarted). Default 30 s. */
  timeoutMs?: number;
  /** The worker is terminated after this long without work. Default 5 min; 0 keeps it. */
  idleMs?: number;
  /** Images waiting beyond the one being read; more are refused as busy. Default 4. */
  maxPending?: number;
  /** Folder holding eng.traineddata.gz (default: the @tesseract.js-data/eng package). */
  langPath?: string;
  /** Largest image accepted, in bytes. Default 20 MB. */
  maxBytes?: number;
}

const require = createRequire(import.meta.url);

/** The language data shipped on npm: the smaller, faster "best_int" model. */
function defaultLangPath(): string | null {
  try {
    const pkg = require.resolve('@tesseract.js-data/eng/package.json');
    return path.join(path.dirname(pkg), '4.0.0_best_int');
  } catch {
    return null;
  }
}

/** Target width for recognition: receipts photographed at 3-4k px are shrunk, tiny scans grown. */
const MIN_WIDTH = 1000;
const MAX_WIDTH = 1800;

/**
 * Cleans a photo for OCR: orientation from EXIF, grey, contrast stretched, a sensible width.
 * e.g. const png = await cleanForOcr(jpegBytes)
 */
export async function cleanForOcr(bytes: Buffer): Promise<Buffer> {
  let img = sharp(bytes, { limitInputPixels: 60_000_000, failOn: 'error' }).rotate();
  const meta = await img.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  if (!width) throw new MunshiError('bad_input', 'not an image');
  img = img.greyscale().normalise();
  if (width < MIN_WIDTH) img = img.resize({ width: Math.min(MIN_WIDTH * 2, width * 2), kernel: 'lanczos3' });
  else if (width > MAX_WIDTH) img = img.resize({ width: MAX_WIDTH });
  return img.png({ compressionLevel: 1 }).toBuffer();
}

export function createTesseractOcr(o: TesseractOptions = {}): Ocr {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const idleMs = o.idleMs ?? 5 * 60_000;
  const maxBytes = o.maxBytes ?? 20 * 1024 * 1024;
  const langPath = o.langPath ?? defaultLangPath();
  const queue = createSerialQueue({ maxPending: (o.maxPending ?? 4) + 1 });
  let worker: Promise<Worker> | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;

  function startWorker(): Promise<Worker> {
    worker ??= (async () => {
      if (!langPath) throw new MunshiError('unavailable', 'the OCR language data (@tesseract.js-data/eng) is not installed');
      const w = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
      // Receipts are columns of short lines; a fixed DPI also keeps the engine from guessing aloud.
      await w.setParameters({ user_defined_dpi: '300' });
      return w;
    })().catch((err: unknown) => {
      worker = null;
      throw isMunshiError(err) ? err : new MunshiError('unavailable', `OCR could not start: ${err instanceof Error ? err.message : String(err)}`);
    });
    return worker;
  }

  async function stopWorker(): Promise<void> {
    const w = worker;
    worker = null;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (w) await w.then((x) => x.terminate()).catch(() => undefined);
  }

  function armIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    if (idleMs > 0) {
      idleTimer = setTimeout(() => void stopWorker(), idleMs);
      idleTimer.unref();
    }
  }

  async function readOnce(bytes: Buffer): Promise<OcrResult> {
    const started = Date.now();
    let clean: Buffer;
    try {
      clean = await cleanForOcr(bytes);
    } catch (err) {
      if (isMunshiError(err)) throw err;
      throw new MunshiError('bad_input', `not an image I can read (${err instanceof Error ? err.message : String(err)})`);
    }
    const w = await startWorker();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new MunshiError('timeout', `OCR took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const r = await Promise.race([w.recognize(clean, { rotateAuto: true }), timeout]);
      return { text: r.data.text ?? '', confidence: typeof r.data.confidence === 'number' ? r.data.confidence / 100 : null, ms: Date.now() - started };
    } catch (err) {
      // A worker that timed out or crashed may still be busy: start afresh next time.
      await stopWorker();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async available() {
      if (!langPath) return { ok: false, reason: 'the OCR language data (@tesseract.js-data/eng) is not installed' };
      return { ok: true };
    },
    async recognize(bytes: Buffer, _mimeType: string): Promise<OcrResult> {
      if (closed) throw new MunshiError('unavailable', 'OCR is shut down');
      if (!bytes.length) throw new MunshiError('bad_input', 'the image was empty');
      if (bytes.length > maxBytes) throw new MunshiError('bad_input', `the image is ${Math.round(bytes.length / 1e6)} MB; the limit is ${Math.round(maxBytes / 1e6)} MB`);
      try {
        return await queue.run(() => readOnce(bytes));
      } catch (err) {
        if (isMunshiError(err, 'unavailable') && /^busy/.test(err.message)) throw new MunshiError('unavailable', 'busy: other receipts are being read');
        throw err;
      } finally {
        armIdle();
      }
    },
    async close() {
      closed = true;
      await queue.idle();
      await stopWorker();
    },
  };
}
