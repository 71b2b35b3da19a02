/**
 * @module voice/whisper/cli-output
 * Reads what whisper.cpp's `whisper-cli` produces: the `-ojf` JSON file (segments with per-token
 * probabilities, from which munshi derives a confidence) and, as a fallback, its stdout lines
 * `[00:00:00.000 --> 00:00:02.000]   text`. Pure functions.
 */
import type { Transcript } from '../port.js';

interface JsonToken {
  text?: string;
  id?: number;
  p?: number;
}
interface JsonSegment {
  text?: string;
  tokens?: JsonToken[];
}
interface WhisperJson {
  params?: { language?: string };
  result?: { language?: string };
  transcription?: JsonSegment[];
}

/** whisper.cpp names its special tokens "[_BEG_]", "[_TT_42]", "[_LANG_en]", …; they carry no words. */
function isSpecialToken(text: string): boolean {
  return text.startsWith('[_') && text.endsWith(']');
}

/**
 * whisper-cli escapes only quotes and backslashes in its JSON, so a control character inside a
 * string would make JSON.parse fail; those are replaced first (tabs and newlines between values
 * are kept, they are legal whitespace there).
 */
function sanitizeJson(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

/** Whisper's own markers for silence and non-speech ("[BLANK_AUDIO]", "(music)", "[ Silence ]"). */
const NON_SPEECH = /\[\s*[A-Z_ ]+\s*\]|\(\s*[a-z ]+\s*\)|\*[a-z ]+\*/gi;

/** Joins segment texts and removes non-speech markers; "" means nothing was said. */
export function cleanText(segments: readonly string[]): string {
  return segments
    .join(' ')
    .replace(NON_SPEECH, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses the `-oj`/`-ojf` JSON file. Confidence is the mean probability of the word tokens (only
 * present with `-ojf`; null otherwise). Returns null when the text is not whisper-cli JSON.
 * Example: `parseWhisperJson(fs.readFileSync('out.json','utf8'))?.text === 'petrol five hundred'`.
 */
export function parseWhisperJson(raw: string): Transcript | null {
  let doc: WhisperJson;
  try {
    doc = JSON.parse(sanitizeJson(raw)) as WhisperJson;
  } catch {
    return null;
  }
  if (!doc || !Array.isArray(doc.transcription)) return null;
  const texts: string[] = [];
  const probs: number[] = [];
  for (const seg of doc.transcription) {
    if (typeof seg.text === 'string') texts.push(seg.text);
    for (const tok of seg.tokens ?? []) {
      if (typeof tok.text !== 'string' || typeof tok.p !== 'number' || !Number.isFinite(tok.p)) continue;
      if (isSpecialToken(tok.text)) continue;
      probs.push(tok.p);
    }
  }
  const text = cleanText(texts);
  const confidence = probs.length > 0 && text !== '' ? round3(probs.reduce((a, b) => a + b, 0) / probs.length) : null;
  const lang = doc.result?.language ?? doc.params?.language ?? null;
  return { text, confidence, language: lang && lang !== 'auto' ? lang : null };
}

const LINE = /^\[(\d\d:\d\d:\d\d[.,]\d{3}) --> (\d\d:\d\d:\d\d[.,]\d{3})\]\s?(.*)$/;

/**
 * Parses whisper-cli's stdout: one `[from --> to]  text` line per segment (the default), or bare
 * text with `-nt`. Log lines, which whisper-cli writes to stderr, are not expected here.
 */
export function parseWhisperStdout(stdout: string): Transcript {
  const lines = stdout.split(/\r?\n/).map((l) => l.trimEnd());
  const timed = lines.map((l) => LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const segments = timed.length > 0 ? timed.map((m) => m[3]!) : lines.filter((l) => l.trim() !== '');
  return { text: cleanText(segments), confidence: null, language: null };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
