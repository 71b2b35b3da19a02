/**
 * @module bot/bot
 * The bot core: one function from an inbound message to replies, shared by every transport
 * (WhatsApp, the console, the CLI chat, tests). Rules first; optional fallbacks (LLM extraction,
 * LLM query planning, transcription) plug in through BotDeps and are never required.
 */
import type { Clock } from '../clock/clock.js';
import type { InboundMessage, OutboundReply, OwnerSettings, ExpenseDraft, Source, Expense } from '../core/types.js';
import { isValidTimeZone, localDate } from '../core/dates.js';
import { isMunshiError } from '../core/errors.js';
import { KNOWN_CURRENCIES, defaultLocaleFor } from '../core/money.js';
import { understand } from '../understanding/understand.js';
import { understandNext } from '../understanding/next/understand.js';
import type { Command, UnderstandContext, Understanding } from '../understanding/types.js';
import { answerQuestion, type Answer, type QueryContext, type QueryConversation } from '../query/answer.js';
import type { ExpenseQueries } from '../query/execute.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import { ownerSettings } from './settings.js';
import type { Transcriber } from '../voice/port.js';
import { EMPTY_REPLY, TRANSCRIBING, heardPrefix, isDoubtful, noModelReply, transcribeVoiceNote } from '../voice/voice-flow.js';
import type { Skill, SkillContext } from './skill.js';
import type { ReceiptService } from '../receipts/flow.js';
import { EDIT_HELP, READING } from '../receipts/replies.js';
import { ChatStates, type ChatState } from './context.js';
import * as R from './replies.js';

/** Longest message the bot reads; WhatsApp allows far more, but no expense needs it. */
export const MAX_TEXT = 4096;

export interface BotLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BotFallbacks {
  /** LLM extraction for messages the rules understood poorly. Returns null when it has nothing valid. */
  extract?(text: string, ctx: UnderstandContext): Promise<Understanding | null>;
  /** LLM query planning for questions the rules could not plan; the ledger computes every number. */
  answer?(text: string, ctx: QueryContext, conversation?: QueryConversation): Promise<Answer | null>;
  /** Widens an unknown concept through semantic memory (vectors). */
  expandConcept?: QueryContext['expandConcept'];
}

export interface BotDeps {
  expenses: ExpenseRepository;
  preferences: PreferenceRepository;
  queries: ExpenseQueries;
  clock: Clock;
  /** Settings for owners who have not changed any. */
  defaults: OwnerSettings;
  skills?: Skill[];
  fallbacks?: BotFallbacks;
  transcriber?: Transcriber;
  /** Reads receipt photos and PDF bills into drafts (absent: photos get a "not set up" reply). */
  receipts?: ReceiptService;
  /** Called after expenses are stored, off the reply path (semantic memory indexing). */
  onRecorded?(expenses: Expense[]): void;
  logger?: BotLogger;
  /** The rules' reading of a message (default: the reader `rules` picks; tests script it). */
  understand?(text: string, ctx: UnderstandContext): Understanding;
  /** Which rules read messages and plan questions while both exist: v1 (old) or v2 (language layer). */
  rules?: 'v1' | 'v2';
}

/** Lets the bot show progress while it works: typing state, an interim reply ("🎙️ transcribing…"). */
export interface BotIO {
  typing?(on: boolean): Promise<void>;
  send?(reply: OutboundReply): Promise<void>;
}

export interface Bot {
  handle(msg: InboundMessage, io?: BotIO): Promise<OutboundReply[]>;
}

const LOW_CONFIDENCE = 0.6;

export function createBot(deps: BotDeps): Bot {
  const chats = new ChatStates();
  const skills = deps.skills ?? [];
  const log = deps.logger;
  const read = deps.understand ?? (deps.rules === 'v2' ? understandNext : (t: string, c: UnderstandContext) => understand(t, c));

  async function handle(msg: InboundMessage, io: BotIO = {}): Promise<OutboundReply[]> {
    const owner = msg.owner ?? msg.senderId;
    try {
      const settings = await ownerSettings(deps.preferences, owner, deps.defaults);
      const state = chats.get(msg.chatId, deps.clock.now().getTime());
      if (msg.media?.kind === 'image' || msg.media?.kind === 'document') return await handleReceipt(msg, owner, settings, state, io);
      if (msg.media?.kind === 'voice') return await handleVoice(msg, owner, settings, state, io);
      return await handleText(msg, cleanText(msg.text), owner, settings, state, io, 'text');
    } catch (err) {
      const code = isMunshiError(err) ? err.code : undefined;
      log?.error({ err: String(err), code, stack: err instanceof Error ? err.stack : undefined, messageId: msg.id, chatId: msg.chatId }, 'bot failed on a message');
      return text(R.errorReply(err));
    }
  }

  async function handleVoice(msg: InboundMessage, owner: string, settings: OwnerSettings, state: ChatState, io: BotIO): Promise<OutboundReply[]> {
    const t = deps.transcriber;
    if (!t) return text(R.VOICE_NOT_READY);
    const avail = await t.available();
    if (!avail.ok) {
      // The enabling command once per chat; after that a short line, so voice notes never go unanswered.
      if (state.voiceHintGiven) return text(R.VOICE_NOT_READY);
      state.voiceHintGiven = true;
      return text(noModelReply(avail.enableCommand));
    }
    await io.send?.({ text: TRANSCRIBING });
    await io.typing?.(true);
    const r = await transcribeVoiceNote(t, msg.media!).finally(() => io.typing?.(false));
    if (r.kind === 'no_model') return text(noModelReply(r.enableCommand));
    if (r.kind === 'failed') {
      log?.warn({ reason: r.reason, messageId: msg.id }, 'transcription failed');
      return text(r.reply);
    }
    if (r.kind === 'empty') return text(EMPTY_REPLY);
    const heard = cleanText(r.transcript.text);
    const replies = await handleText(msg, heard, owner, settings, state, io, 'voice', isDoubtful(r.transcript));
    return replies.map((reply, i) => (i === 0 ? { ...reply, text: heardPrefix(heard) + reply.text } : reply));
  }

  /** A receipt photo or PDF bill becomes a draft that waits for "yes"; nothing is recorded here. */
  async function handleReceipt(msg: InboundMessage, owner: string, settings: OwnerSettings, state: ChatState, io: BotIO): Promise<OutboundReply[]> {
    if (!deps.receipts) return text(R.IMAGE_NOT_READY);
    const caption = cleanText(msg.text).slice(0, MAX_TEXT);
    const overrides = await deps.preferences.overrides(owner);
    const understanding = caption ? read(caption, { now: msg.timestamp, settings, overrides }) : null;
    await io.typing?.(true);
    const r = await deps.receipts
      .read(msg.media!, { now: msg.timestamp, settings, overrides, caption: understanding ? { text: caption, understanding } : null }, () => io.send?.({ text: READING }))
      .finally(() => io.typing?.(false));
    if (r.kind === 'failed') log?.warn({ reason: r.reason, messageId: msg.id }, 'reading a receipt failed');
    state.pending = r.kind === 'draft' ? { kind: 'confirm', drafts: [r.draft], source: 'receipt', understoodBy: 'rules' } : state.pending;
    return text(r.reply);
  }

  async function handleText(
    msg: InboundMessage,
    body: string,
    owner: string,
    settings: OwnerSettings,
    state: ChatState,
    io: BotIO,
    source: Source,
    doubtful = false,
  ): Promise<OutboundReply[]> {
    if (!body) return text(R.EMPTY);
    if (body.length > MAX_TEXT) return text(R.TOO_LONG);
    if (state.pending?.kind === 'confirm' && state.pending.source === 'receipt' && /^edit\W*$/i.test(body)) return text(EDIT_HELP);
    const now = msg.timestamp;
    const today = localDate(now, settings.timeZone);
    const skillCtx: SkillContext = { owner, chatId: msg.chatId, messageId: msg.id, settings, now };

    for (const s of skills) {
      const r = await s.handle?.(body, skillCtx);
      if (r) return r;
    }

    const overrides = await deps.preferences.overrides(owner);
    const uctx: UnderstandContext = { now, settings, overrides };
    let u = read(body, uctx);
    let understoodBy: 'rules' | 'llm' = 'rules';

    // A reply to our question ("How much was the petrol?" → "500") completes the waiting expense.
    const completed = completePending(state, u, body);
    if (completed) return record(completed.drafts, completed.source, 'rules');

    if (deps.fallbacks?.extract && needsFallback(u)) {
      await io.typing?.(true);
      try {
        const llm = await deps.fallbacks.extract(body, uctx);
        // The model may also recognise a question the rules took for noise; the ledger answers it.
        if (llm && (llm.intent === 'add_expense' || llm.intent === 'incomplete' || llm.intent === 'query')) {
          u = keepDoubt(u, llm);
          understoodBy = 'llm';
        }
      } catch (err) {
        log?.warn({ err: String(err) }, 'LLM extraction unavailable; using the rules');
      } finally {
        await io.typing?.(false);
      }
    }

    switch (u.intent) {
      case 'add_expense': {
        if (!u.expenses.length) return text(R.askAmount(null));
        if (u.futureDate) {
          state.pending = { kind: 'confirm', drafts: u.expenses, source, understoodBy };
          return text(R.askFuture(u.expenses, today, settings));
        }
        if (u.ask) {
          // The rules (and the model, when it was asked) are unsure: a draft to confirm, never a silent record.
          state.pending = { kind: 'confirm', drafts: u.expenses, source, understoodBy };
          return text(R.askDraft(u.expenses, u.ask, today, settings));
        }
        if (doubtful) {
          state.pending = { kind: 'confirm', drafts: u.expenses, source, understoodBy };
          return text(`${u.expenses.map((e) => R.expenseLine(e, today, settings)).join('\n')}\nDid I hear that right? Reply "ok" to record it, or type the correction.`);
        }
        return record(u.expenses, source, understoodBy);
      }
      case 'incomplete': {
        const p = u.partial;
        if (u.missing === 'amount') {
          const { amountMinor: _ignored, ...rest } = p;
          const what = p.item ?? p.merchant;
          state.pending = { kind: 'amount', partial: rest, what, source };
          return text(R.askAmount(what));
        }
        state.pending = { kind: 'item', amountMinor: p.amountMinor ?? 0, currency: p.currency, date: p.date, source };
        return text(R.askItem(p.amountMinor ?? 0, p.currency, settings));
      }
      case 'query':
        state.pending = null;
        return text(await answer(body, owner, settings, now, state, io));
      case 'command':
        return runCommand(u.command, owner, settings, today, state, now);
      case 'other':
        state.pending = null;
        if (u.kind === 'capabilities') return text(R.help(skills.flatMap((s) => (s.helpLine ? [s.helpLine] : []))));
        return text(R.OTHER_REPLIES[u.kind] ?? R.OTHER_REPLIES.unknown!);
    }

    async function record(drafts: ExpenseDraft[], src: Source, by: 'rules' | 'llm' | 'user'): Promise<OutboundReply[]> {
      state.pending = null;
      const { expenses, duplicate } = await deps.expenses.record(drafts, {
        owner,
        source: src,
        messageId: msg.id,
        understoodBy: by,
        now: deps.clock.now().toISOString(),
      });
      state.lastIds = expenses.map((e) => e.id);
      const out: OutboundReply[] = [{ text: R.recorded(expenses, today, settings) }];
      if (!duplicate) {
        try {
          deps.onRecorded?.(expenses);
        } catch (err) {
          log?.warn({ err: String(err) }, 'onRecorded hook failed');
        }
        for (const s of skills) {
          if (!s.afterRecord) continue;
          try {
            out.push(...(await s.afterRecord(expenses, skillCtx)));
          } catch (err) {
            log?.warn({ err: String(err), skill: s.name }, 'skill afterRecord failed');
          }
        }
      }
      return out;
    }
  }

  function completePending(state: ChatState, u: Understanding, body: string): { drafts: ExpenseDraft[]; source: Source } | null {
    const p = state.pending;
    if (!p) return null;
    if (p.kind === 'amount') {
      // "500" arrives as incomplete/missing item with an amount; "petrol 500" as a full expense.
      if (u.intent === 'incomplete' && u.missing === 'item' && u.partial.amountMinor) {
        return { drafts: [{ ...p.partial, amountMinor: u.partial.amountMinor, currency: u.partial.currency }], source: p.source };
      }
      // "it was 500" reads as a correction; while we wait for an amount it is the answer.
      if (u.intent === 'command' && u.command.kind === 'edit_amount') {
        return { drafts: [{ ...p.partial, amountMinor: u.command.amountMinor, currency: u.command.currency ?? p.partial.currency }], source: p.source };
      }
      return null;
    }
    if (p.kind === 'item') {
      // "for petrol" / "petrol": an answer without an amount to the "What was ₹500 for?" question.
      if (u.intent === 'incomplete' && u.missing === 'amount') {
        const { amountMinor: _a, ...rest } = u.partial;
        return { drafts: [{ ...rest, amountMinor: p.amountMinor, currency: p.currency, date: p.date }], source: p.source };
      }
      return null;
    }
    // "No, 500" / "500" to a one-expense draft: the amount the owner means.
    if (p.kind === 'confirm' && p.drafts.length === 1 && u.intent === 'incomplete' && u.missing === 'item' && u.partial.amountMinor) {
      return { drafts: [{ ...p.drafts[0]!, amountMinor: u.partial.amountMinor, currency: u.partial.currency }], source: p.source };
    }
    if (p.kind === 'confirm' && u.intent === 'command' && u.command.kind === 'confirm') {
      void body;
      return { drafts: p.drafts, source: p.source };
    }
    return null;
  }

  function needsFallback(u: Understanding): boolean {
    if (u.intent === 'add_expense') return u.confidence < LOW_CONFIDENCE || !!u.ask;
    return u.intent === 'other' && (u.kind === 'unknown' || u.kind === 'noise') && u.confidence < LOW_CONFIDENCE;
  }

  async function answer(body: string, owner: string, settings: OwnerSettings, now: Date, state: ChatState, io: BotIO): Promise<string> {
    // Lists are capped for a phone screen ("and 14 more — say 'show all'"); totals stay exact.
    const qctx: QueryContext = { owner, now, settings, expandConcept: deps.fallbacks?.expandConcept, maxResultRows: 50, rules: deps.rules };
    const convo = state.queryConversation as QueryConversation | undefined;
    let a = await answerQuestion(deps.queries, body, qctx, convo);
    if (!a.plan && deps.fallbacks?.answer) {
      await io.typing?.(true);
      try {
        a = (await deps.fallbacks.answer(body, qctx, convo)) ?? a;
      } catch (err) {
        log?.warn({ err: String(err) }, 'LLM planning unavailable; answering with the rules');
      } finally {
        await io.typing?.(false);
      }
    }
    state.queryConversation = a.conversation;
    return a.reply;
  }

  async function runCommand(c: Command, owner: string, settings: OwnerSettings, today: string, state: ChatState, now: Date): Promise<OutboundReply[]> {
    const stamp = deps.clock.now().toISOString();
    const lastOne = async (): Promise<Expense | null> => {
      const id = state.lastIds.at(-1);
      const e = id !== undefined ? await deps.expenses.get(id) : null;
      if (e && !e.deletedAt && e.owner === owner) return e;
      return (await deps.expenses.recent(owner, 1))[0] ?? null;
    };
    switch (c.kind) {
      case 'undo': {
        state.pending = null;
        let targets: Expense[] = [];
        for (const id of state.lastIds) {
          const e = await deps.expenses.get(id);
          if (e && !e.deletedAt && e.owner === owner) targets.push(e);
        }
        if (!targets.length) targets = await deps.expenses.recent(owner, 1);
        if (!targets.length) return text(R.NOTHING_TO_UNDO);
        await deps.expenses.softDelete(targets.map((e) => e.id), stamp);
        state.lastIds = [];
        return text(R.removed(targets, today, settings));
      }
      case 'edit_amount':
      case 'edit_date':
      case 'edit_item':
      case 'edit_category': {
        if (state.pending?.kind === 'confirm' && state.pending.drafts.length === 1) {
          // Correcting a draft that waits for "ok": change it and record.
          const d = { ...state.pending.drafts[0]! };
          if (c.kind === 'edit_amount') Object.assign(d, { amountMinor: c.amountMinor, currency: c.currency ?? d.currency });
          if (c.kind === 'edit_date') d.date = c.date;
          if (c.kind === 'edit_item') d.item = c.item;
          if (c.kind === 'edit_category') Object.assign(d, { category: c.category, detail: c.detail });
          state.pending.drafts = [d];
          return text(`${R.expenseLine(d, today, settings)}\nReply "ok" to record it.`);
        }
        const e = await lastOne();
        if (!e) return text(R.NOTHING_TO_UNDO.replace('undo', 'change'));
        const patch =
          c.kind === 'edit_amount'
            ? { amountMinor: c.amountMinor, currency: c.currency ?? e.currency }
            : c.kind === 'edit_date'
              ? { date: c.date }
              : c.kind === 'edit_item'
                ? { item: c.item }
                : { category: c.category, detail: c.detail };
        if (c.kind === 'edit_category') {
          // Remember the correction for this item and merchant.
          for (const key of [e.item, e.merchant]) if (key) await deps.preferences.setOverride(owner, key, c.category, c.detail, stamp);
        }
        const updated = await deps.expenses.update(e.id, patch, stamp);
        state.lastIds = [e.id];
        return text(R.changed(updated!, today, settings));
      }
      case 'list_recent':
        return text(R.recentList(await deps.expenses.recent(owner, Math.min(Math.max(c.limit, 1), 20)), today, settings));
      case 'help':
        return text(R.help(skills.flatMap((s) => (s.helpLine ? [s.helpLine] : []))));
      case 'confirm':
        return text(R.NOTHING_PENDING);
      case 'cancel': {
        const had = state.pending;
        state.pending = null;
        return text(had ? R.CANCELLED : R.NOTHING_PENDING);
      }
      case 'show_settings':
        return text(R.settingsText(settings));
      case 'set_currency': {
        if (!KNOWN_CURRENCIES.has(c.currency)) return text(`I don't know the currency "${c.currency}". Try a code like INR, USD or EUR.`);
        await deps.preferences.setSetting(owner, 'currency', c.currency);
        await deps.preferences.setSetting(owner, 'locale', defaultLocaleFor(c.currency));
        return text(`👍 Default currency is now ${c.currency}.`);
      }
      case 'delete_matching':
      case 'set_date_order':
        return text(R.NOTHING_PENDING); // TODO(lang): wire delete-by-description and the date-order setting
      case 'set_timezone': {
        if (!isValidTimeZone(c.timeZone)) return text(`I don't know the time zone "${c.timeZone}". Try one like Asia/Kolkata or Europe/London.`);
        await deps.preferences.setSetting(owner, 'timeZone', c.timeZone);
        return text(`👍 Time zone is now ${c.timeZone}. Today there is ${localDate(now, c.timeZone)}.`);
      }
    }
  }

  return { handle };
}

function text(t: string): OutboundReply[] {
  return [{ text: t }];
}

/** Strips control characters (keeping newlines) and trims; WhatsApp text can carry anything. */
export function cleanText(s: string): string {
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/**
 * The model's reading replaces the rules' unsure one, but a doubt about the amount itself stays unless the
 * model read other amounts: it cannot know better than the text whether ₹10 crore of tea was meant.
 */
function keepDoubt(rules: Understanding, llm: Understanding): Understanding {
  if (rules.intent !== 'add_expense' || !rules.ask || llm.intent !== 'add_expense') return llm;
  if (rules.ask === 'unknown_item' || rules.ask === 'maybe_not_spent') return llm;
  const same = (a: readonly { amountMinor: number }[], b: readonly { amountMinor: number }[]) =>
    a.map((e) => e.amountMinor).sort().join() === b.map((e) => e.amountMinor).sort().join();
  return same(rules.expenses, llm.expenses) ? { ...llm, ask: rules.ask } : llm;
}
