/**
 * @module voice/fake-transcriber
 * A Transcriber for tests and the console chat: hands out scripted transcripts in order, or
 * reports "no model" exactly like the whisper adapter does. Same interface as the real one.
 */
import { MunshiError } from '../core/errors.js';
import type { Transcriber, Transcript } from './port.js';
import { downloadCommand } from './whisper/models.js';

export type FakeStep = Transcript | { error: MunshiError } | { delayMs: number; transcript: Transcript };

export class FakeTranscriber implements Transcriber {
  /** Every call, for assertions: what audio arrived with which type. */
  readonly calls: Array<{ bytes: number; mimeType: string }> = [];
  private steps: FakeStep[];

  constructor(
    steps: Array<FakeStep | string> = [],
    private installed = true,
  ) {
    this.steps = steps.map((s) => (typeof s === 'string' ? { text: s, confidence: 0.9, language: 'en' } : s));
  }

  /** Queues more transcripts; a string means a confident English transcript. */
  push(...steps: Array<FakeStep | string>): this {
    this.steps.push(...steps.map((s) => (typeof s === 'string' ? { text: s, confidence: 0.9, language: 'en' } : s)));
    return this;
  }

  setInstalled(on: boolean): void {
    this.installed = on;
  }

  async available(): Promise<{ ok: true } | { ok: false; reason: string; enableCommand: string }> {
    return this.installed
      ? { ok: true }
      : { ok: false, reason: 'no whisper model installed (fake)', enableCommand: downloadCommand() };
  }

  async transcribe(audio: Buffer, mimeType: string): Promise<Transcript> {
    if (!this.installed) throw new MunshiError('unavailable', 'no whisper model installed (fake)');
    this.calls.push({ bytes: audio.length, mimeType });
    const step = this.steps.shift();
    if (!step) throw new Error('FakeTranscriber: no scripted transcript left');
    if ('error' in step) throw step.error;
    if ('delayMs' in step) {
      await new Promise((r) => setTimeout(r, step.delayMs));
      return step.transcript;
    }
    return step;
  }
}
