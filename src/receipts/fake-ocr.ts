/**
 * @module receipts/fake-ocr
 * A scripted Ocr for tests of the bot and the receipt flow: returns the text registered for the
 * image bytes (or a default), can be made slow, failing or unavailable, and counts calls.
 */
import { MunshiError } from '../core/errors.js';
import type { Ocr, OcrResult } from './port.js';

export interface FakeOcrOptions {
  /** Text by image content (the bytes as a UTF-8 string), else `text`. */
  texts?: Record<string, string>;
  text?: string;
  confidence?: number | null;
  delayMs?: number;
  fail?: Error;
  unavailable?: string;
}

export class FakeOcr implements Ocr {
  calls = 0;
  closed = false;
  constructor(private readonly o: FakeOcrOptions = {}) {}

  async available(): Promise<{ ok: true } | { ok: false; reason: string }> {
    return this.o.unavailable ? { ok: false, reason: this.o.unavailable } : { ok: true };
  }

  async recognize(bytes: Buffer): Promise<OcrResult> {
    this.calls++;
    if (this.o.delayMs) await new Promise((r) => setTimeout(r, this.o.delayMs));
    if (this.o.fail) throw this.o.fail;
    if (this.o.unavailable) throw new MunshiError('unavailable', this.o.unavailable);
    const key = bytes.toString('utf8');
    const text = this.o.texts?.[key] ?? this.o.text ?? '';
    return { text, confidence: this.o.confidence ?? null, ms: this.o.delayMs ?? 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
