/**
 * The bot as a service on fakes: the in-memory repositories (checked against SQLite by the
 * contract tests), a fake clock, scripted skills, fallbacks and transcriber. The real rules read
 * the plain messages; a scripted reader drives the cases the rules' wording should not decide.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, type Repositories } from '../app/repositories.js';
import { FakeClock } from '../clock/clock.js';
import { MunshiError, type MunshiErrorCode } from '../core/errors.js';
import type { ExpenseDraft, InboundMessage, OwnerSettings } from '../core/types.js';
import { memoryLogger, type LogRecord } from '../logging/logger.js';
import type { Understanding } from '../understanding/types.js';
import { FakeTranscriber } from '../voice/fake-transcriber.js';
import { createBot, type Bot, type BotDeps } from './bot.js';
import * as R from './replies.js';
import type { Skill } from './skill.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const NOW = '2026-01-15T14:00:00Z'; // Thu 19:30 in Kolkata

let repos: Repositories;
let clock: FakeClock;
let logs: LogRecord[];
let n = 0;
beforeEach(() => {
  repos = memoryRepositories();
  clock = new FakeClock(NOW);
  logs = [];
});

function bot(deps: Partial<BotDeps> = {}): Bot {
  return createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock, defaults: INDIA, logger: memoryLogger(logs), ...deps });
}

const message = (text: string, p: Partial<InboundMessage> = {}): InboundMessage => ({ id: `m${++n}`, chatId: 'self', senderId: 'me', text, timestamp: clock.now(), ...p });

async function say(b: Bot, text: string, p: Partial<InboundMessage> = {}): Promise<string> {
  return (await b.handle(message(text, p))).map((r) => r.text).join('\n');
}

const ledger = () => repos.expenses.between({ owner: 'me' });

const draft = (p: Partial<ExpenseDraft> = {}): ExpenseDraft => ({
  amountMinor: 2000, currency: 'INR', category: 'food', detail: 'tea', item: 'chai', merchant: null, note: null, date: '2026-01-15', ...p,
});

/** A reader that returns what the test scripts, in order. */
function scripted(...steps: Understanding[]): BotDeps['understand'] {
  return () => {
    const s = steps.shift();
    if (!s) throw new Error('no scripted understanding left');
    return s;
  };
}

describe('recording', () => {
  it('confirms what it understood and stores it once per message id', async () => {
    const b = bot();
    const m = message('chai 20');
    expect((await b.handle(m)).map((r) => r.text)).toEqual(['✅ ₹20 · Food › Tea · today']);
    expect(await ledger()).toMatchObject([{ amountMinor: 2000, category: 'food', detail: 'tea', item: 'chai', messageId: m.id, source: 'text' }]);
    // WhatsApp delivers the same message again: same confirmation, nothing new.
    expect((await b.handle(m)).map((r) => r.text)).toEqual(['✅ ₹20 · Food › Tea · today']);
    expect(await ledger()).toHaveLength(1);
  });

  it('keeps several expenses of one message together, and undo removes them together', async () => {
    const b = bot();
    await say(b, 'chai 20');
    expect(await say(b, 'coffee 50 and sandwich 120')).toBe('✅ ₹50 · Food › Coffee · today\n✅ ₹120 · Food › Snacks · sandwich · today');
    expect(await say(b, 'undo')).toBe('🗑️ Removed:\n• ₹50 · Food › Coffee · today\n• ₹120 · Food › Snacks · sandwich · today');
    expect((await ledger()).map((e) => e.item)).toEqual(['chai']);
    // Without a remembered last message, undo shows the ledger's newest entry and asks first.
    expect(await say(b, 'undo')).toBe('Delete your latest entry, ₹20 · Food › Tea · today?\nReply "yes" to delete or "no" to keep.');
    expect(await ledger()).toHaveLength(1);
    expect(await say(b, 'yes')).toBe('🗑️ Removed ₹20 · Food › Tea · today');
    expect(await say(b, 'undo')).toBe(R.NOTHING_TO_UNDO);
    expect(await ledger()).toEqual([]);
  });

  it('asks for a missing amount and completes the expense from the answer', async () => {
    const b = bot();
    expect(await say(b, 'petrol')).toBe('How much was the petrol?');
    expect(await ledger()).toEqual([]);
    expect(await say(b, '500')).toBe('✅ ₹500 · Transport › Fuel · today');
    expect(await say(b, 'no, 60')).toBe('✏️ Updated: ₹60 · Transport › Fuel · today');
    expect(await ledger()).toMatchObject([{ amountMinor: 6000, item: 'petrol' }]);
  });

  it('a pending question belongs to its chat: another chat is not answered by it', async () => {
    const b = bot();
    expect(await say(b, 'petrol', { chatId: 'a' })).toBe('How much was the petrol?');
    await say(b, '500', { chatId: 'b' });
    expect((await ledger()).map((e) => e.item)).not.toContain('petrol');
  });

  it('keeps owners apart', async () => {
    const b = bot();
    await say(b, 'chai 20', { senderId: 'me' });
    await say(b, 'chai 30', { senderId: 'mom', chatId: 'mom-chat' });
    expect((await ledger()).map((e) => e.amountMinor)).toEqual([2000]);
    expect((await repos.expenses.between({ owner: 'mom' })).map((e) => e.amountMinor)).toEqual([3000]);
    // The household ledger: the access policy names the owner.
    await say(b, 'chai 40', { senderId: 'mom', owner: 'me', chatId: 'mom-chat' });
    expect((await ledger()).map((e) => e.amountMinor)).toEqual([2000, 4000]);
  });

  it('asks before recording a future date, and records on "ok"', async () => {
    const future = draft({ date: '2026-01-20', item: 'lunch', detail: 'restaurant', amountMinor: 30000 });
    const b = bot({ understand: scripted({ intent: 'add_expense', expenses: [future], confidence: 0.9, futureDate: true }, { intent: 'command', command: { kind: 'confirm' }, confidence: 1 }) });
    expect(await say(b, 'lunch 300 on 20th')).toBe('That date is in the future: ₹300 · Food › Restaurants · lunch · Tue 20 Jan.\nRecord it anyway? Reply "ok" to record or "cancel".');
    expect(await ledger()).toEqual([]);
    expect(await say(b, 'ok')).toMatch(/^✅ ₹300 · Food › Restaurants · lunch/);
    expect(await ledger()).toMatchObject([{ date: '2026-01-20', amountMinor: 30000 }]);
  });

  it('shows a draft when the reader is unsure, records nothing until "ok", and takes a corrected amount', async () => {
    const huge = draft({ amountMinor: 10_00_00_000_00 });
    const ok = { intent: 'command', command: { kind: 'confirm' }, confidence: 1 } as const;
    const b = bot({ understand: scripted({ intent: 'add_expense', expenses: [huge], confidence: 0.9, ask: 'implausible' }, ok) });
    expect(await say(b, 'chai 10 crore')).toBe('That amount looks unusual:\n📝 ₹10,00,00,000 · Food › Tea · today\nReply "ok" to record it, send the right amount, or "cancel".');
    expect(await ledger()).toEqual([]);
    expect(await say(b, 'ok')).toBe('✅ ₹10,00,00,000 · Food › Tea · today');
    expect(await ledger()).toHaveLength(1);

    const b2 = bot({ understand: scripted({ intent: 'add_expense', expenses: [draft({ item: 'walked', category: 'other', detail: null, amountMinor: 500000 })], confidence: 0.9, ask: 'unknown_item' }, { intent: 'incomplete', missing: 'item', confidence: 0.7, partial: { amountMinor: 4000, currency: 'INR', category: 'other', detail: null, item: null, merchant: null, note: null, date: '2026-01-15' } }) });
    expect(await say(b2, 'I walked 5000 steps')).toMatch(/^Not sure this is an expense:\n📝 ₹5,000 · Other · walked · today/);
    expect(await say(b2, '40')).toBe('✅ ₹40 · Other · walked · today');
    expect((await ledger()).map((e) => e.amountMinor)).toEqual([10_00_00_000_00, 4000]);
  });

  it('asks when a word nobody has filed was taken for the shop, and gives it back to the thing on "not a shop"', async () => {
    const b = bot();
    expect(await say(b, 'kamath dosa 90')).toBe('Is that the shop? I took it for one:\n📝 ₹90 · Food › Meals · dosa · Kamath · today\nReply "ok" to record it, "not a shop" if it isn\'t one, or "cancel".');
    expect(await ledger()).toEqual([]);
    expect(await say(b, 'not a shop')).toBe('₹90 · Food › Meals · kamath dosa · today\nReply "ok" to record it.');
    expect(await say(b, 'ok')).toBe('✅ ₹90 · Food › Meals · kamath dosa · today');
    expect((await ledger()).map((e) => [e.item, e.merchant])).toEqual([['kamath dosa', null]]);
    // Named after it was recorded: the last expense takes the shop.
    await say(b, 'filter coffee 40');
    expect(await say(b, 'shop was Brahmin Cafe')).toMatch(/₹40 · Food › Coffee · (filter coffee · )?Brahmin Cafe · today/);
    expect((await ledger()).find((e) => e.amountMinor === 4000)?.merchant).toBe('Brahmin Cafe');
  });

  it('asks the model about an unsure reading first, but keeps a doubt about the amount itself', async () => {
    const huge = draft({ amountMinor: 10_00_00_000_00 });
    const b = bot({
      understand: scripted({ intent: 'add_expense', expenses: [huge], confidence: 0.9, ask: 'implausible' }),
      fallbacks: { extract: async () => ({ intent: 'add_expense', expenses: [huge], confidence: 0.9 }) },
    });
    expect(await say(b, 'chai 10 crore')).toMatch(/^That amount looks unusual:/);
    expect(await ledger()).toEqual([]);
    const b2 = bot({
      understand: scripted({ intent: 'add_expense', expenses: [draft({ item: 'xyz', category: 'other', detail: null })], confidence: 0.9, ask: 'unknown_item' }),
      fallbacks: { extract: async () => ({ intent: 'add_expense', expenses: [draft({ item: 'xyz', category: 'shopping', detail: null })], confidence: 0.9 }) },
    });
    expect(await say(b2, 'xyz 20')).toBe('✅ ₹20 · Shopping · xyz · today');
  });

  it('remembers a category correction for the item and uses it next time', async () => {
    const b = bot();
    expect(await say(b, 'maggi 30')).toBe('✅ ₹30 · Food › Groceries · maggi · today');
    expect(await say(b, 'that was shopping')).toBe('✏️ Updated: ₹30 · Shopping · maggi · today');
    expect((await repos.preferences.overrides('me')).get('maggi')).toEqual({ key: 'maggi', category: 'shopping', detail: null });
    expect(await say(b, 'maggi 40')).toBe('✅ ₹40 · Shopping · maggi · today');
  });

  it('tells the semantic memory about new expenses only, and never fails a reply over it', async () => {
    const seen: string[] = [];
    const b = bot({ onRecorded: (es) => seen.push(...es.map((e) => e.item ?? '')) });
    const m = message('chai 20');
    await b.handle(m);
    await b.handle(m);
    expect(seen).toEqual(['chai']);
    const failing = bot({ onRecorded: () => { throw new Error('index down'); } });
    expect(await say(failing, 'coffee 50')).toBe('✅ ₹50 · Food › Coffee · today');
  });
});

describe('skills', () => {
  const echo: Skill = {
    name: 'echo',
    helpLine: 'echo anything',
    handle: async (t) => (t.startsWith('echo ') ? [{ text: t.slice(5) }] : null),
    afterRecord: async (es, ctx) => [{ text: `after ${es.length} for ${ctx.owner} in ${ctx.chatId}` }],
  };
  it('are offered the text first, hear about every recorded expense, and list themselves in help', async () => {
    const b = bot({ skills: [echo] });
    expect(await say(b, 'echo hello')).toBe('hello');
    expect(await ledger()).toEqual([]);
    expect(await say(b, 'chai 20')).toBe('✅ ₹20 · Food › Tea · today\nafter 1 for me in self');
    expect(await say(b, 'help')).toContain('• echo anything');
  });
  it('a failing afterRecord costs its own line, never the confirmation', async () => {
    const b = bot({ skills: [{ name: 'broken', afterRecord: async () => { throw new Error('boom'); } }] });
    expect(await say(b, 'chai 20')).toBe('✅ ₹20 · Food › Tea · today');
    expect(logs.some((l) => l.level === 'warn' && l.skill === 'broken')).toBe(true);
  });
});

describe('questions and settings', () => {
  it('answers from the ledger, exactly, for the asking owner only', async () => {
    const b = bot();
    await say(b, 'coffee 50 and sandwich 120');
    await say(b, 'latte 180 at starbucks');
    await say(b, 'coffee 999', { senderId: 'mom', chatId: 'mom-chat' });
    const r = await say(b, 'how much did I spend on coffee this month?');
    expect(r).toMatch(/^₹230 on coffee this month · 2 expenses\n/);
    expect(r).not.toContain('999');
  });

  it('changes currency and time zone per owner, and says when it does not know one', async () => {
    const b = bot();
    // A US currency brings the US date order, and says so.
    expect(await say(b, 'set currency USD')).toBe('👍 Default currency is now USD.\n' + R.dateOrderFollowed(false));
    expect(await repos.preferences.settings('me')).toEqual({ currency: 'USD', locale: 'en-US' });
    expect(await say(b, 'coffee 5')).toBe('✅ $5 · Food › Coffee · today');
    expect(await say(b, 'settings')).toBe('Currency USD · time zone Asia/Kolkata · locale en-US · dates month/day');
    const tz = bot({ understand: scripted({ intent: 'command', command: { kind: 'set_timezone', timeZone: 'Mars/Base' }, confidence: 1 }, { intent: 'command', command: { kind: 'set_timezone', timeZone: 'Europe/London' }, confidence: 1 }) });
    expect(await say(tz, 'set timezone Mars/Base')).toMatch(/^I don't know the time zone "Mars\/Base"/);
    expect(await repos.preferences.settings('me')).not.toHaveProperty('timeZone');
    expect(await say(tz, 'set timezone Europe/London')).toBe('👍 Time zone is now Europe/London. Today there is 2026-01-15.');
    expect(await repos.preferences.settings('me')).toMatchObject({ timeZone: 'Europe/London' });
    // Mom's ledger keeps the appliance defaults.
    expect(await say(b, 'coffee 5', { senderId: 'mom', chatId: 'mom-chat' })).toBe('✅ ₹5 · Food › Coffee · today');
  });
});

describe('the local model, when there is one', () => {
  const unsure: Understanding = { intent: 'other', kind: 'unknown', confidence: 0.2 };
  it('is asked only when the rules are unsure, and its reading is recorded as the llm\'s', async () => {
    const asked: string[] = [];
    const b = bot({
      understand: scripted(unsure, { intent: 'add_expense', expenses: [draft()], confidence: 0.95 }),
      fallbacks: { extract: async (t) => (asked.push(t), { intent: 'add_expense', expenses: [draft({ item: 'stuff for the kids', category: 'shopping', detail: null, amountMinor: 5000 })], confidence: 0.7 }) },
    });
    expect(await say(b, 'bought some stuff for the kids, fifty')).toBe('✅ ₹50 · Shopping · stuff for the kids · today');
    expect(await say(b, 'chai 20')).toBe('✅ ₹20 · Food › Tea · today');
    expect(asked).toEqual(['bought some stuff for the kids, fifty']);
    expect((await ledger()).map((e) => e.item)).toEqual(['stuff for the kids', 'chai']);
  });
  it('down or broken, the rules answer and nothing is lost', async () => {
    const b = bot({ understand: scripted(unsure), fallbacks: { extract: async () => { throw new MunshiError('unavailable', 'Ollama down'); } } });
    expect(await say(b, 'xyzzy')).toBe(R.OTHER_REPLIES.unknown);
    expect(logs.some((l) => l.level === 'warn' && /LLM extraction unavailable/.test(l.msg))).toBe(true);
  });
});

describe('voice notes and photos', () => {
  const voice = (p: Partial<InboundMessage> = {}) => message('', { media: { kind: 'voice', mimeType: 'audio/ogg', download: async () => Buffer.from('ogg') }, ...p });
  it('transcribes, shows what it heard, and records it like text', async () => {
    const sent: string[] = [];
    const b = bot({ transcriber: new FakeTranscriber(['petrol five hundred']) });
    const replies = await b.handle(voice(), { send: async (r) => void sent.push(r.text) });
    expect(sent).toEqual(['🎙️ transcribing…']);
    expect(replies.map((r) => r.text)).toEqual(['🎙️ “petrol five hundred” → ✅ ₹500 · Transport › Fuel · today']);
    expect(await ledger()).toMatchObject([{ amountMinor: 50000, source: 'voice' }]);
  });
  it('says how to enable voice once per chat, then briefly', async () => {
    const b = bot({ transcriber: new FakeTranscriber([], false) });
    expect(await say(b, '', { media: voice().media })).toMatch(/models download whisper/);
    expect(await say(b, '', { media: voice().media })).toBe(R.VOICE_NOT_READY);
    expect(await say(bot(), '', { media: voice().media })).toBe(R.VOICE_NOT_READY);
  });
  it('does not read photos yet, and says so', async () => {
    expect(await say(bot(), '', { media: { kind: 'image', mimeType: 'image/jpeg', download: async () => Buffer.alloc(0) } })).toBe(R.IMAGE_NOT_READY);
  });
});

describe('bad input and failures', () => {
  it('answers empty and oversized messages and changes nothing', async () => {
    const b = bot();
    expect(await say(b, '   ')).toBe(R.EMPTY);
    expect(await say(b, 'chai 20 '.repeat(1000))).toBe(R.TOO_LONG);
    expect(await ledger()).toEqual([]);
  });

  const codes: MunshiErrorCode[] = ['bad_input', 'not_found', 'unavailable', 'timeout', 'invalid_model_output', 'config'];
  it.each(codes)('a %s error gets its own reply, is logged with its code, and records nothing', async (code) => {
    const b = bot({ expenses: { ...repos.expenses, record: async () => { throw new MunshiError(code, `${code} inside /secret/path`); } } });
    const r = await say(b, 'chai 20');
    expect(r).toBe(R.ERROR_REPLIES[code]);
    expect(r).not.toContain('/secret/path');
    expect(logs.find((l) => l.level === 'error')).toMatchObject({ code, msg: 'bot failed on a message' });
    expect(await ledger()).toEqual([]);
  });

  it('every code has a reply of its own, and anything unexpected gets the polite generic one', async () => {
    expect(new Set(codes.map((c) => R.ERROR_REPLIES[c])).size).toBe(codes.length);
    expect(Object.keys(R.ERROR_REPLIES).sort()).toEqual([...codes].sort());
    for (const c of codes) expect(R.ERROR_REPLIES[c]).not.toBe(R.FAILED);
    const b = bot({ preferences: { ...repos.preferences, settings: async () => { throw new TypeError('disk I/O error'); } } });
    expect(await say(b, 'chai 20')).toBe(R.FAILED);
    expect(await ledger()).toEqual([]);
  });
});
