import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText, parseWhisperJson, parseWhisperStdout } from './cli-output.js';

const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../../test/fixtures/whisper/${name}`, import.meta.url)), 'utf8');

describe('parseWhisperJson (whisper-cli -ojf output)', () => {
  it('reads the text, the detected language and a confidence from word-token probabilities', () => {
    const t = parseWhisperJson(fixture('whisper-cli-clear.ojf.json'))!;
    expect(t.text).toBe('Petrol, five hundred.');
    expect(t.language).toBe('en');
    // mean of the six word tokens; [_BEG_] and [_TT_92] are whisper.cpp specials and do not count
    const words = [0.912734, 0.998102, 0.871223, 0.967551, 0.989904, 0.934467];
    expect(t.confidence).toBeCloseTo(words.reduce((a, b) => a + b) / words.length, 3);
  });

  it('reads a file written by the real whisper-cli 1.9.1 (built here, run with the weightless test model)', () => {
    const t = parseWhisperJson(fixture('whisper-cli-1.9.1-real.ojf.json'))!;
    expect(t.text).toBe('petrol five hundred');
    expect(t.language).toBe('nl'); // the test model has no language knowledge: detection is a coin toss
    expect(t.confidence!).toBeGreaterThan(0.99);
  });

  it('gives a low confidence for a mumbled note', () => {
    const t = parseWhisperJson(fixture('whisper-cli-doubtful.ojf.json'))!;
    expect(t.text).toBe('Kal... uh, pitrol?');
    expect(t.language).toBe('hi');
    expect(t.confidence!).toBeLessThan(0.5);
  });

  it('turns whisper’s [BLANK_AUDIO] marker into an empty transcript with no confidence', () => {
    const t = parseWhisperJson(fixture('whisper-cli-silence.ojf.json'))!;
    expect(t.text).toBe('');
    expect(t.confidence).toBeNull();
  });

  it('handles -oj output without tokens (confidence unknown) and rejects non-whisper JSON', () => {
    const doc = JSON.parse(fixture('whisper-cli-clear.ojf.json')) as { transcription: Array<Record<string, unknown>> };
    for (const s of doc.transcription) delete s.tokens;
    const t = parseWhisperJson(JSON.stringify(doc))!;
    expect(t).toEqual({ text: 'Petrol, five hundred.', confidence: null, language: 'en' });
    expect(parseWhisperJson('{"hello": 1}')).toBeNull();
    expect(parseWhisperJson('not json')).toBeNull();
  });

  it('survives a raw control character inside a text value (whisper-cli escapes only quotes and backslashes)', () => {
    const raw = fixture('whisper-cli-clear.ojf.json').replace('" Petrol, five hundred."', '" Petrol,\u0007 five hundred."');
    expect(parseWhisperJson(raw)!.text).toBe('Petrol, five hundred.');
  });
});

describe('parseWhisperStdout', () => {
  it('reads the [from --> to] segment lines whisper-cli prints', () => {
    const t = parseWhisperStdout(fixture('whisper-cli-stdout.txt'));
    expect(t.text).toBe('Spent 500 on a latte at Starbucks yesterday. And chai 20.');
    expect(t.confidence).toBeNull();
  });
  it('reads bare lines printed with -nt', () => {
    expect(parseWhisperStdout('\n chai twenty\n').text).toBe('chai twenty');
  });
});

describe('cleanText', () => {
  it('drops non-speech markers and squeezes whitespace', () => {
    expect(cleanText([' (music)', '  tea  fifty ', '[ Silence ]'])).toBe('tea fifty');
  });
});
