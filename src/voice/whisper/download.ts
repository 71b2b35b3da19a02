/**
 * @module voice/whisper/download
 * Fetches a ggml model into models/: streams to `<file>.part` while hashing, checks the byte size,
 * SHA-1 and SHA-256 against the table, then renames into place, so a daemon never loads a
 * half-downloaded or corrupted model.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MunshiError } from '../../core/errors.js';
import { modelPath, modelUrl, type ModelInfo } from './models.js';

export interface DownloadOptions {
  modelsDir: string;
  /** Defaults to Hugging Face; tests point it at a server on 127.0.0.1. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Called as bytes arrive (total from content-length, else the table's size). */
  onProgress?: (received: number, total: number) => void;
  /** Re-download even when a verified file is present. */
  force?: boolean;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** False when a verified copy was already there. */
  downloaded: boolean;
}

/** Streams a file through SHA-1 and SHA-256 without reading it whole (models are up to 470 MB). */
export async function hashFile(file: string): Promise<{ bytes: number; sha1: string; sha256: string }> {
  const h1 = createHash('sha1');
  const h256 = createHash('sha256');
  let bytes = 0;
  const fh = await fs.open(file, 'r');
  try {
    for await (const chunk of fh.createReadStream({ highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      h1.update(chunk);
      h256.update(chunk);
      bytes += chunk.length;
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
  return { bytes, sha1: h1.digest('hex'), sha256: h256.digest('hex') };
}

/** Checks a downloaded file against the table; returns a reason when it does not match. */
export function verifyDigest(model: ModelInfo, got: { bytes: number; sha1: string; sha256: string }): string | null {
  if (got.bytes !== model.bytes) return `size is ${got.bytes} bytes, expected ${model.bytes}`;
  if (got.sha1 !== model.sha1) return `SHA-1 is ${got.sha1}, expected ${model.sha1}`;
  if (got.sha256 !== model.sha256) return `SHA-256 is ${got.sha256}, expected ${model.sha256}`;
  return null;
}

export async function downloadModel(model: ModelInfo, opts: DownloadOptions): Promise<DownloadResult> {
  const dest = modelPath(opts.modelsDir, model);
  const part = `${dest}.part`;
  const url = modelUrl(model, opts.baseUrl);
  const doFetch = opts.fetch ?? fetch;
  await fs.mkdir(opts.modelsDir, { recursive: true });

  if (!opts.force) {
    const st = await fs.stat(dest).catch(() => null);
    if (st && st.size === model.bytes && verifyDigest(model, await hashFile(dest)) === null) {
      return { path: dest, bytes: st.size, downloaded: false };
    }
  }

  let res: Response;
  try {
    res = await doFetch(url, { redirect: 'follow' });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : e instanceof Error ? e.message : String(e);
    throw new MunshiError(
      'unavailable',
      `could not download ${model.file} from ${url} (${cause}). Is this machine offline? ` +
        `You can copy ${model.file} from another machine into ${opts.modelsDir}/ (SHA-1 ${model.sha1}).`,
      e,
    );
  }
  if (!res.ok || !res.body) {
    throw new MunshiError('unavailable', `could not download ${model.file} from ${url}: HTTP ${res.status}`);
  }
  const total = Number(res.headers.get('content-length')) || model.bytes;

  const h1 = createHash('sha1');
  const h256 = createHash('sha256');
  let received = 0;
  const out = createWriteStream(part);
  const outDone = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      h1.update(chunk);
      h256.update(chunk);
      received += chunk.length;
      // Stop early instead of filling the disk when a server sends more than the model's size.
      if (received > model.bytes) throw new MunshiError('bad_input', `${model.file}: server sent more than ${model.bytes} bytes`);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      opts.onProgress?.(received, total);
    }
    out.end();
    await outDone;
  } catch (e) {
    out.destroy();
    await fs.rm(part, { force: true });
    if (e instanceof MunshiError) throw e;
    throw new MunshiError('unavailable', `download of ${model.file} was interrupted after ${received} bytes: ${e instanceof Error ? e.message : String(e)}`, e);
  }

  const bad = verifyDigest(model, { bytes: received, sha1: h1.digest('hex'), sha256: h256.digest('hex') });
  if (bad) {
    await fs.rm(part, { force: true });
    throw new MunshiError('bad_input', `${model.file} failed verification: ${bad}. Nothing was installed; try again.`);
  }
  await fs.rename(part, dest);
  return { path: dest, bytes: received, downloaded: true };
}

export interface InstalledModel {
  model: ModelInfo;
  path: string;
  bytes: number;
  /** Size matches the table (hashing every file on each `list` would take seconds). */
  sizeOk: boolean;
}

/** Known model files present in modelsDir. */
export async function listInstalled(modelsDir: string, models: readonly ModelInfo[]): Promise<InstalledModel[]> {
  const found: InstalledModel[] = [];
  for (const m of models) {
    const p = path.join(modelsDir, m.file);
    const st = await fs.stat(p).catch(() => null);
    if (st?.isFile()) found.push({ model: m, path: p, bytes: st.size, sizeOk: st.size === m.bytes });
  }
  return found;
}
