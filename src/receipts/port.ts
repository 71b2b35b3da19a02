/**
 * @module receipts/port
 * Text from a picture (or a PDF's text layer). Adapters run the recognizer off the event loop,
 * one image at a time; the reader (receipts/reader.ts) never sees how the text was obtained.
 */
export interface OcrResult {
  text: string;
  /** 0..1 mean word confidence when the engine reports it; null when unknown. */
  confidence: number | null;
  /** Milliseconds spent (clean-up + recognition), for logs and the benchmark. */
  ms: number;
}

export interface Ocr {
  /** Whether the engine and its language data are installed. */
  available(): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Reads the text of an image (JPEG, PNG, WebP...) or a PDF with a text layer. Throws MunshiError
   * 'bad_input' for bytes it cannot read, 'timeout' when it takes too long, 'unavailable' when busy. */
  recognize(bytes: Buffer, mimeType: string): Promise<OcrResult>;
  /** Frees the engine (workers, memory). Idempotent. */
  close(): Promise<void>;
}
