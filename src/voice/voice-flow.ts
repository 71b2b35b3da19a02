/**
 * @module voice/voice-flow
 * What the bot does with a voice note, minus the bot: get a transcript (or a clear reason why
 * not), decide whether it is too doubtful to record without asking, and word the voice-specific
 * replies. The bot then treats the transcript like typed text. No clock reads: dates come in.
 */
import { MunshiError, isMunshiError } from '../core/errors.js';
import type { InboundMedia } from '../core/types.js';
import type { Transcriber, Transcript } from './port.js';
import { downloadCommand } from './whisper/models.js';

/** The interim reply sent before transcription starts (whisper takes seconds on a small box). */
export const TRANSCRIBING = '🎙️ transcribing…';

/** Below this mean token probability a transcript is "doubtful": its expense waits for "ok". */
export const DOUBTFUL_CONFIDENCE = 0.5;

export type VoiceNoteResult =
  | { kind: 'ok'; transcript: Transcript }
  /** No model / no whisper build / no ffmpeg: reply (once a day) with the command that fixes it. */
  | { kind: 'no_model'; reason: string; enableCommand: string }
  /** The note held no words (silence, music). */
  | { kind: 'empty'; transcript: Transcript }
  /** It went wrong for this note (timeout, unreadable audio, busy); `reply` is ready to send. */
  | { kind: 'failed'; reason: string; reply: string };

/**
 * Downloads and transcribes one voice note. Never throws for expected failures: each becomes a
 * result the bot can answer. Example:
 * `const r = await transcribeVoiceNote(t, msg.media); if (r.kind === 'ok') handleText(r.transcript.text)`.
 */
export async function transcribeVoiceNote(transcriber: Transcriber | undefined, media: InboundMedia): Promise<VoiceNoteResult> {
  if (!transcriber) return { kind: 'no_model', reason: 'voice is not configured', enableCommand: downloadCommand() };
  const avail = await transcriber.available();
  if (!avail.ok) return { kind: 'no_model', reason: avail.reason, enableCommand: avail.enableCommand };
  let transcript: Transcript;
  try {
    const audio = await media.download();
    if (audio.length === 0) throw new MunshiError('bad_input', 'the voice note was empty');
    transcript = await transcriber.transcribe(audio, media.mimeType);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { kind: 'failed', reason, reply: failedReply(e) };
  }
  const text = transcript.text.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return { kind: 'empty', transcript: { ...transcript, text: '' } };
  return { kind: 'ok', transcript: { ...transcript, text } };
}

/** Low confidence means the expense waits as a draft the user confirms with "ok" or corrects. */
export function isDoubtful(t: Transcript, threshold = DOUBTFUL_CONFIDENCE): boolean {
  return t.confidence !== null && t.confidence < threshold;
}

const MAX_QUOTE = 80;

/**
 * The quote that opens the reply to a voice note.
 * Example: `heardPrefix('petrol five hundred') + '✅ ₹500 · Transport › Fuel'`
 *   → `🎙️ “petrol five hundred” → ✅ ₹500 · Transport › Fuel`.
 */
export function heardPrefix(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const q = t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1).trimEnd()}…` : t;
  return `🎙️ “${q}” → `;
}

export function noModelReply(enableCommand: string): string {
  return `🎙️ Voice notes need a speech model. On the munshi box run:\n${enableCommand}\nUntil then, type it, e.g. "petrol 500".`;
}

export const EMPTY_REPLY = "🎙️ I couldn't hear any words in that voice note. Could you type it?";

export function failedReply(e: unknown): string {
  if (isMunshiError(e, 'timeout')) return '🎙️ That voice note took too long to transcribe. Could you type it?';
  if (isMunshiError(e, 'bad_input') && /limit is/.test(e.message)) return `🎙️ That voice note is too long for me (${e.message.replace(/^voice note is /, '')}). Could you send a shorter one or type it?`;
  if (isMunshiError(e, 'unavailable') && /^busy/.test(e.message)) return "🎙️ I'm still working through earlier voice notes. Send this one again in a minute, or type it.";
  return "🎙️ I couldn't transcribe that voice note. Could you type it?";
}
