/**
 * Voice notes through the real bot (real SQLite in a temp dir): the fake transcriber for the
 * reply and draft flows, then the real whisper.cpp path (ffmpeg + whisper-cli + the scripted test
 * model) when whisper-cli is built, and a real model when one is installed (opt-in).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../bot/bot.js';
import { FakeClock } from '../clock/clock.js';
import { MunshiError } from '../core/errors.js';
import type { InboundMessage, OwnerSettings } from '../core/types.js';
import { openRepositories, type Repositories } from '../app/repositories.js';
import { FakeTranscriber } from './fake-transcriber.js';
import type { Transcriber } from './port.js';
import { missingTools, speak, toOggOpus } from '../../test/support/voice/tools.js';
import { writeTestModel } from '../../test/support/voice/test-model.js';
import { createWhisperTranscriber } from './whisper/transcriber.js';
import { MODELS, type WhisperModelName } from './whisper/models.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let dir: string;
let opened: Repositories;
let n = 0;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-voicebot-'));
  opened = await openRepositories(path.join(dir, 'munshi.db'));
});
afterEach(async () => {
  await opened.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function makeBot(transcriber?: Transcriber): { bot: Bot; clock: FakeClock } {
  const clock = new FakeClock('2026-01-15T14:00:00Z');
  return { bot: createBot({ expenses: opened.expenses, preferences: opened.preferences, queries: opened.queries, clock, defaults: INDIA, transcriber }), clock };
}

/** Sends a voice note (or text) and returns interim replies and final replies separately. */
async function send(bot: Bot, clock: FakeClock, what: { audio: Buffer } | string): Promise<{ interim: string[]; replies: string }> {
  const interim: string[] = [];
  const msg: InboundMessage = {
    id: `m${++n}`,
    chatId: 'self',
    senderId: 'me',
    text: typeof what === 'string' ? what : '',
    timestamp: clock.now(),
    ...(typeof what === 'string' ? {} : { media: { kind: 'voice' as const, mimeType: 'audio/ogg; codecs=opus', download: async () => what.audio } }),
  };
  const replies = await bot.handle(msg, { send: async (r) => void interim.push(r.text), typing: async () => undefined });
  return { interim, replies: replies.map((r) => r.text).join('\n') };
}

const ledger = () => opened.expenses.between({ owner: 'me' });
const note = { audio: Buffer.from('OggS fake voice note') };

describe('voice notes through the bot, with a fake transcriber', () => {
  it('says "transcribing…", then records what was heard and quotes it', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber(['petrol five hundred']));
    const r = await send(bot, clock, note);
    expect(r.interim).toEqual(['🎙️ transcribing…']);
    expect(r.replies).toMatch(/^🎙️ “petrol five hundred” → ✅ ₹500 · Transport › Fuel/);
    const rows = await ledger();
    expect(rows.map((e) => [e.amountMinor, e.category, e.source])).toEqual([[50000, 'transport', 'voice']]);
  });

  it('keeps a doubtful transcript as a draft until "ok"', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber([{ text: 'petrol five hundred', confidence: 0.31, language: 'en' }]));
    const r = await send(bot, clock, note);
    expect(r.replies).toMatch(/^🎙️ “petrol five hundred” → .*₹500/);
    expect(r.replies).toContain('Reply "ok" to record it');
    expect(await ledger()).toHaveLength(0);
    const ok = await send(bot, clock, 'ok');
    expect(ok.replies).toMatch(/✅ ₹500/);
    const rows = await ledger();
    expect(rows.map((e) => [e.amountMinor, e.source])).toEqual([[50000, 'voice']]);
  });

  it('lets the user correct a doubtful draft before it is recorded', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber([{ text: 'petrol fifteen hundred', confidence: 0.3, language: 'en' }]));
    await send(bot, clock, note);
    const fix = await send(bot, clock, 'no, 500');
    expect(fix.replies).toMatch(/₹500/);
    expect(await ledger()).toHaveLength(0);
    await send(bot, clock, 'ok');
    expect((await ledger()).map((e) => e.amountMinor)).toEqual([50000]);
  });

  it('drops a doubtful draft on "cancel"', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber([{ text: 'petrol five hundred', confidence: 0.2, language: 'en' }]));
    await send(bot, clock, note);
    await send(bot, clock, 'cancel');
    await send(bot, clock, 'ok');
    expect(await ledger()).toHaveLength(0);
  });

  it('with no model: tells the command once, keeps working for text', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber([], false));
    const first = await send(bot, clock, note);
    expect(first.interim).toEqual([]);
    expect(first.replies).toContain('npm run --silent cli -- models download whisper base');
    const second = await send(bot, clock, note);
    expect(second.replies).not.toContain('models download');
    const text = await send(bot, clock, 'chai 20');
    expect(text.replies).toMatch(/✅ ₹20/);
    expect(await ledger()).toHaveLength(1);
  });

  it('answers a failed transcription politely and records nothing', async () => {
    const { bot, clock } = makeBot(new FakeTranscriber([{ error: new MunshiError('timeout', 'whisper-cli took too long') }]));
    const r = await send(bot, clock, note);
    expect(r.replies).toMatch(/took too long/);
    expect(await ledger()).toHaveLength(0);
  });
});

const noBin = await fs.access(path.join(root, 'models/bin/whisper-cli')).then(
  () => null,
  () => 'skipped: whisper-cli not built (npm run --silent cli -- models build-whisper)',
);
const skipReal = missingTools('ffmpeg', 'espeak-ng') ?? noBin;

describe.skipIf(skipReal !== null)(`a spoken note through ffmpeg and the real whisper-cli (scripted test model) ${skipReal ?? ''}`, () => {
  it('records the expense the model "heard"', async () => {
    const model = path.join(dir, 'test-model.bin');
    await writeTestModel(model, ['petrol', 'five', 'hundred']);
    await speak('petrol five hundred', path.join(dir, 'spoken.wav'));
    await toOggOpus(path.join(dir, 'spoken.wav'), path.join(dir, 'note.ogg'));
    const t = createWhisperTranscriber({ modelsDir: dir, model: 'tiny', modelFile: model, language: 'en', whisperBin: path.join(root, 'models/bin/whisper-cli') });
    const { bot, clock } = makeBot(t);
    const r = await send(bot, clock, { audio: await fs.readFile(path.join(dir, 'note.ogg')) });
    expect(r.replies).toMatch(/^🎙️ “petrol five hundred” → ✅ ₹500 · Transport › Fuel/);
    expect((await ledger()).map((e) => [e.amountMinor, e.source])).toEqual([[50000, 'voice']]);
  }, 120_000);
});

/**
 * Opt-in: with a real model installed (npm run --silent cli -- models download whisper base) this
 * checks actual recognition. Choose the model with MUNSHI_TEST_WHISPER_MODEL (default base).
 */
const realModel = (process.env.MUNSHI_TEST_WHISPER_MODEL ?? 'base') as WhisperModelName;
const realFile = MODELS[realModel] ? path.join(root, 'models', MODELS[realModel].file) : '';
const noModel = await fs.stat(realFile).then(
  (s) => (s.size === MODELS[realModel].bytes ? null : `skipped: ${realFile} is incomplete`),
  () => `skipped: no real whisper model installed (npm run --silent cli -- models download whisper ${realModel})`,
);
const skipModel = skipReal ?? noModel;

describe.skipIf(skipModel !== null)(`a spoken note with a real whisper model ${skipModel ?? ''}`, () => {
  it('hears "I spent fifty rupees on tea" and records ₹50 of tea', async () => {
    await speak('I spent fifty rupees on tea', path.join(dir, 'spoken.wav'));
    await toOggOpus(path.join(dir, 'spoken.wav'), path.join(dir, 'note.ogg'));
    const t = createWhisperTranscriber({ modelsDir: path.join(root, 'models'), model: realModel, language: 'en' });
    const { bot, clock } = makeBot(t);
    const r = await send(bot, clock, { audio: await fs.readFile(path.join(dir, 'note.ogg')) });
    expect(r.replies).toMatch(/^🎙️ “.*tea.*” → /i);
    const rows = await ledger();
    expect(rows.map((e) => [e.amountMinor, e.currency, e.category])).toEqual([[5000, 'INR', 'food']]);
  }, 300_000);
});
