/**
 * @module voice/port
 * Speech to text for voice notes. Adapters run the recognizer in a child process, one at a time.
 */
export interface Transcript {
  text: string;
  /** 0..1 when the recognizer reports it; null when unknown. */
  confidence: number | null;
  language: string | null;
  /** Seconds of audio heard, when the adapter measured it (for real-time-factor figures). */
  durationSec?: number;
}

export interface Transcriber {
  /** Whether a model is installed and the recognizer can run. */
  available(): Promise<{ ok: true } | { ok: false; reason: string; enableCommand: string }>;
  /** Transcribes audio bytes of any format ffmpeg reads. */
  transcribe(audio: Buffer, mimeType: string): Promise<Transcript>;
}
