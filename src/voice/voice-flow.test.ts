import { describe, expect, it } from 'vitest';
import { MunshiError } from '../core/errors.js';
import type { InboundMedia } from '../core/types.js';
import { FakeTranscriber } from './fake-transcriber.js';
import { EMPTY_REPLY, failedReply, heardPrefix, isDoubtful, noModelReply, transcribeVoiceNote } from './voice-flow.js';

const note = (bytes = Buffer.from('OggS fake opus')): InboundMedia & { downloads: number } => {
  const m = {
    kind: 'voice' as const,
    mimeType: 'audio/ogg; codecs=opus',
    downloads: 0,
    async download() {
      m.downloads++;
      return bytes;
    },
  };
  return m;
};

describe('transcribeVoiceNote', () => {
  it('returns the transcript, tidied', async () => {
    const t = new FakeTranscriber([{ text: '  petrol   five hundred ', confidence: 0.93, language: 'en' }]);
    const media = note();
    const r = await transcribeVoiceNote(t, media);
    expect(r).toEqual({ kind: 'ok', transcript: { text: 'petrol five hundred', confidence: 0.93, language: 'en' } });
    expect(media.downloads).toBe(1);
    expect(t.calls).toEqual([{ bytes: 14, mimeType: 'audio/ogg; codecs=opus' }]);
  });

  it('with no model: does not download the audio and names the command that enables voice', async () => {
    const media = note();
    const r = await transcribeVoiceNote(new FakeTranscriber([], false), media);
    expect(r).toMatchObject({ kind: 'no_model', enableCommand: 'npm run --silent cli -- models download whisper base' });
    expect(media.downloads).toBe(0);
    const none = await transcribeVoiceNote(undefined, media);
    expect(none).toMatchObject({ kind: 'no_model', enableCommand: 'npm run --silent cli -- models download whisper base' });
  });

  it('reports silence as empty, and failures with a ready reply instead of throwing', async () => {
    const t = new FakeTranscriber([
      { text: ' … ', confidence: null, language: null },
      { error: new MunshiError('timeout', 'whisper-cli took longer than 120000 ms and was stopped') },
      { error: new MunshiError('bad_input', 'voice note is 612 s long; the limit is 300 s') },
    ]);
    expect((await transcribeVoiceNote(t, note())).kind).toBe('empty');
    const timeout = await transcribeVoiceNote(t, note());
    expect(timeout).toMatchObject({ kind: 'failed', reply: '🎙️ That voice note took too long to transcribe. Could you type it?' });
    const long = await transcribeVoiceNote(t, note());
    expect(long.kind === 'failed' && long.reply).toContain('612 s long; the limit is 300 s');
    const emptyAudio = await transcribeVoiceNote(new FakeTranscriber(['x']), note(Buffer.alloc(0)));
    expect(emptyAudio.kind).toBe('failed');
    expect(EMPTY_REPLY).toMatch(/couldn't hear/);
  });
});

describe('reply helpers', () => {
  it('quotes what was heard in front of the bookkeeper reply', () => {
    expect(heardPrefix('petrol five hundred') + '✅ ₹500 · Transport › Fuel').toBe('🎙️ “petrol five hundred” → ✅ ₹500 · Transport › Fuel');
  });
  it('shortens a long transcript in the quote', () => {
    const p = heardPrefix('a '.repeat(100));
    expect(p.length).toBeLessThan(95);
    expect(p).toContain('…”');
  });
  it('treats low confidence as doubtful and unknown confidence as not', () => {
    expect(isDoubtful({ text: 'x', confidence: 0.31, language: null })).toBe(true);
    expect(isDoubtful({ text: 'x', confidence: 0.8, language: null })).toBe(false);
    expect(isDoubtful({ text: 'x', confidence: null, language: null })).toBe(false);
  });
  it('words the no-model and failure replies', () => {
    expect(noModelReply('npm run --silent cli -- models download whisper base')).toContain('\nnpm run --silent cli -- models download whisper base\n');
    expect(failedReply(new MunshiError('unavailable', 'busy: 20 voice notes are already waiting'))).toMatch(/earlier voice notes/);
    expect(failedReply(new Error('?'))).toBe("🎙️ I couldn't transcribe that voice note. Could you type it?");
  });
});
