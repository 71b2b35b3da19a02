/**
 * @module bot/bot
 * The bot core: one function from an inbound message to replies, shared by every transport
 * (WhatsApp, the console, the CLI chat, tests). Rules first; optional fallbacks (LLM extraction,
 * LLM query planning, transcription) plug in through BotDeps and are never required.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock/clock.js';
import type { InboundMessage, OutboundReply, OwnerSettings, ExpenseDraft, Source, Expense } from '../core/types.js';
import { isValidTimeZone, localDate } from '../core/dates.js';
import { isMunshiError, storageFaultOf } from '../core/errors.js';
import { KNOWN_CURRENCIES, defaultLocaleFor } from '../core/money.js';
import { understandNext } from '../understanding/next/understand.js';
import type { Command, UnderstandContext, Understanding } from '../understanding/types.js';
import { answerQuestion, type Answer, type QueryContext, type QueryConversation } from '../query/answer.js';
import type { ExpenseQueries } from '../query/execute.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import { DATE_ORDER_KEY, languageOf, ownerProfile, type OwnerProfile } from './settings.js';
import { categorize, categoryNamed } from '../categories/index.js';
import { overrideKey } from '../categories/overrides.js';
import { FOLLOW_UP_MINUTES } from '../query/answer.js';
import { analyze, type LanguageContext } from '../language/context.js';
import { resolveLocale } from '../language/locale.js';
import { describes } from './find.js';
import type { Transcriber } from '../voice/port.js';
import { EMPTY_REPLY, TRANSCRIBING, heardPrefix, isDoubtful, noModelReply, transcribeVoiceNote } from '../voice/voice-flow.js';
import type { Skill, SkillContext } from './skill.js';
import type { ReceiptService } from '../receipts/flow.js';
import { EDIT_HELP, READING } from '../receipts/replies.js';
import { ChatStates, type Change, type ChatState } from './context.js';
import * as R from './replies.js';
import { readAlertFor } from '../understanding/alerts/index.js';
import { alreadyRecorded, maybeSecond, planAlert } from './alerts.js';

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
  /** The rules' reading of a message (default: the language layer's reader; tests script it). */
  understand?(text: string, ctx: UnderstandContext): Understanding;
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
/** How many matches a "which one?" lists. */
const MAX_CHOICES = 5;
/** How far back "delete the chai" looks when no day is named. */
const FIND_DEPTH = 200;

export function createBot(botDeps: BotDeps): Bot {
  // Exactly once: every delete and edit the bot makes is keyed to the message being handled, so
  // the ledger records its effect in the same transaction and a replay of the message (a crash
  // between the change and its reply) does not act twice (see ExpenseRepository.softDelete).
  const current = new AsyncLocalStorage<string>();
  const deps: BotDeps = { ...botDeps, expenses: keyedToMessage(botDeps.expenses, () => current.getStore()) };
  const chats = new ChatStates();
  const skills = deps.skills ?? [];
  const log = deps.logger;
  const read = deps.understand ?? understandNext;

  function handle(msg: InboundMessage, io: BotIO = {}): Promise<OutboundReply[]> {
    return current.run(msg.id, () => handleOnce(msg, io));
  }

  async function handleOnce(msg: InboundMessage, io: BotIO): Promise<OutboundReply[]> {
    const owner = msg.owner ?? msg.senderId;
    try {
      const profile = await ownerProfile(deps.preferences, owner, deps.defaults);
      const state = chats.get(msg.chatId, deps.clock.now().getTime());
      // A delete this very message already made (the replay after a crash between the delete and
      // its reply; the chat's memory is gone by then) is answered from what it removed, never run again.
      const done = await deps.expenses.commandEffect(msg.id);
      if (done?.kind === 'delete') {
        const removed = (await Promise.all(done.expenseIds.map((id) => deps.expenses.get(id)))).filter((e): e is Expense => e !== null);
        const gone = new Set(done.expenseIds);
        state.lastIds = state.lastIds.filter((id) => !gone.has(id));
        return text(removed.length ? R.removed(removed, localDate(msg.timestamp, profile.settings.timeZone), profile.settings) : R.NOTHING_TO_UNDO);
      }
      if (msg.media?.kind === 'image' || msg.media?.kind === 'document') return await handleReceipt(msg, owner, profile.settings, state, io);
      if (msg.media?.kind === 'voice') return await handleVoice(msg, owner, profile, state, io);
      return await handleText(msg, cleanText(msg.text), owner, profile, state, io, 'text');
    } catch (err) {
      // A full, read-only or failing disk is not this message's fault: the pipeline keeps the
      // message and tries again when the disk is back, instead of answering "something went wrong".
      if (storageFaultOf(err) && storageFaultOf(err) !== 'corrupt') throw err;
      const code = isMunshiError(err) ? err.code : undefined;
      log?.error({ err: String(err), code, stack: err instanceof Error ? err.stack : undefined, messageId: msg.id, chatId: msg.chatId }, 'bot failed on a message');
      return text(R.errorReply(err));
    }
  }

  async function handleVoice(msg: InboundMessage, owner: string, profile: OwnerProfile, state: ChatState, io: BotIO): Promise<OutboundReply[]> {
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
    const replies = await handleText(msg, heard, owner, profile, state, io, 'voice', isDoubtful(r.transcript));
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
    profile: OwnerProfile,
    state: ChatState,
    io: BotIO,
    source: Source,
    doubtful = false,
  ): Promise<OutboundReply[]> {
    if (!body) return text(R.EMPTY);
    if (body.length > MAX_TEXT) return text(R.TOO_LONG);
    if (state.pending?.kind === 'confirm' && state.pending.source === 'receipt' && /^edit\W*$/i.test(body)) return text(EDIT_HELP);
    const settings = profile.settings;
    const now = msg.timestamp;
    const today = localDate(now, settings.timeZone);
    const language = languageOf(profile, now);
    const skillCtx: SkillContext = { owner, chatId: msg.chatId, messageId: msg.id, senderId: msg.senderId, settings, now };

    for (const s of skills) {
      const r = await s.handle?.(body, skillCtx);
      if (r) return r;
    }

    // "Which one?" waits for a number (or "all"): read that before anything else, since "2" alone
    // would otherwise be an amount without an item.
    if (state.pending?.kind === 'choose') {
      const many = state.pending.change.kind === 'delete';
      const pick = readPick(body, state.pending.ids.length, many, language);
      if (pick && (many || (pick !== 'all' && pick.length === 1))) return text(await applyPick(state, pick, owner, settings, today));
    }

    const overrides = await deps.preferences.overrides(owner);
    const uctx: UnderstandContext = { now, settings, overrides, language, localeChosen: profile.chosen.locale !== null || profile.chosen.dayFirst !== null };
    // A forwarded bank, card or payment-app alert is read by its own grammar first (bot/alerts.ts).
    const alert = source === 'text' ? readAlertFor(body, uctx) : null;
    if (alert) {
      const step = await planAlert(alert, { owner, today, settings, overrides }, deps.expenses);
      if (step.do === 'record') return record(step.drafts, 'alert', 'rules', step);
      state.pending = step.do === 'confirm' ? { kind: 'confirm', drafts: step.drafts, source: 'alert', understoodBy: 'rules', sourceKey: step.sourceKey } : null;
      return text(step.text);
    }
    let u = read(body, uctx);
    let understoodBy: 'rules' | 'llm' = 'rules';

    // A reply to our question ("How much was the petrol?" → "500") completes the waiting expense.
    const completed = completePending(state, u, body);
    if (completed) return record(completed.drafts, completed.source, 'rules', { sourceKey: completed.sourceKey ?? null, strong: true });

    // Right after a question, "only Swiggy" or "and last month?" narrows it; it is never a new
    // expense waiting for an amount (which the next "800" would then complete).
    if (followUpOpen(state, now) && mayFollowUp(u)) {
      const a = await followUp(body, owner, settings, language, now, state);
      if (a !== null) {
        state.pending = null;
        return text(a);
      }
    }

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
        return text(await answer(body, owner, settings, language, now, state, io));
      case 'command':
        return runCommand(u.command, owner, profile, today, state, now);
      case 'other':
        state.pending = null;
        if (u.kind === 'capabilities') return text(R.help(skills.flatMap((s) => (s.helpLine ? [s.helpLine] : []))));
        return text(R.OTHER_REPLIES[u.kind] ?? R.OTHER_REPLIES.unknown!);
    }

    async function record(drafts: ExpenseDraft[], src: Source, by: 'rules' | 'llm' | 'user', key?: { sourceKey: string | null; strong: boolean }): Promise<OutboundReply[]> {
      state.pending = null;
      const { expenses, duplicate } = await deps.expenses.record(drafts, {
        owner,
        source: src,
        messageId: msg.id,
        understoodBy: by,
        now: deps.clock.now().toISOString(),
        sourceKey: key?.sourceKey ?? null,
      });
      state.lastIds = expenses.map((e) => e.id);
      if (duplicate && key?.sourceKey && expenses.some((e) => e.messageId !== msg.id)) {
        // The same alert forwarded again: named, never recorded twice; without the bank's reference, asked.
        const lines = expenses.map((e) => R.expenseLine(e, today, settings));
        if (key.strong) return text(alreadyRecorded(lines));
        state.pending = { kind: 'confirm', drafts, source: src, understoodBy: by === 'llm' ? 'llm' : 'rules', sourceKey: `${key.sourceKey}#${msg.id}` };
        return text(maybeSecond(lines));
      }
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

  function completePending(state: ChatState, u: Understanding, body: string): { drafts: ExpenseDraft[]; source: Source; sourceKey?: string | null } | null {
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
      return { drafts: p.drafts, source: p.source, sourceKey: p.sourceKey ?? null };
    }
    return null;
  }

  function needsFallback(u: Understanding): boolean {
    if (u.intent === 'add_expense') return u.confidence < LOW_CONFIDENCE || !!u.ask;
    // "bought some stuff for the kids, fifty": words the rules could not file as the thing bought.
    if (u.intent === 'incomplete' && u.missing === 'item') return /\p{L}{3,}/u.test(u.partial.note ?? '');
    return u.intent === 'other' && (u.kind === 'unknown' || u.kind === 'noise') && u.confidence < LOW_CONFIDENCE;
  }

  function followUpOpen(state: ChatState, now: Date): boolean {
    const c = state.queryConversation as QueryConversation | undefined;
    return !!c?.lastPlan && !!c.at && now.getTime() - new Date(c.at).getTime() <= FOLLOW_UP_MINUTES * 60_000;
  }

  /** Readings a follow-up to a question can wear: a thing without an amount, or nothing understood. */
  function mayFollowUp(u: Understanding): boolean {
    return (u.intent === 'incomplete' && u.missing === 'amount') || (u.intent === 'other' && (u.kind === 'unknown' || u.kind === 'noise'));
  }

  /** The answer when the planner reads the message as a follow-up of the chat's last question; else null. */
  async function followUp(body: string, owner: string, settings: OwnerSettings, language: LanguageContext, now: Date, state: ChatState): Promise<string | null> {
    const qctx: QueryContext = { owner, now, settings, language, expandConcept: deps.fallbacks?.expandConcept, maxResultRows: 50 };
    const a = await answerQuestion(deps.queries, body, qctx, state.queryConversation as QueryConversation | undefined);
    if (!a.plan) return null;
    state.queryConversation = a.conversation;
    return a.reply;
  }

  async function answer(body: string, owner: string, settings: OwnerSettings, language: LanguageContext, now: Date, state: ChatState, io: BotIO): Promise<string> {
    // Lists are capped for a phone screen ("and 14 more — say 'show all'"); totals stay exact.
    const qctx: QueryContext = { owner, now, settings, language, expandConcept: deps.fallbacks?.expandConcept, maxResultRows: 50 };
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

  /** The live expenses of the owner among `ids`, in id order. */
  async function liveOf(ids: readonly number[], owner: string): Promise<Expense[]> {
    const out: Expense[] = [];
    for (const id of ids) {
      const e = await deps.expenses.get(id);
      if (e && !e.deletedAt && e.owner === owner) out.push(e);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Every expense of the owner's newest message in the ledger (for "undo" when the chat remembers none). */
  async function newestMessage(owner: string): Promise<Expense[]> {
    const recent = await deps.expenses.recent(owner, 20);
    const first = recent[0];
    if (!first) return [];
    if (!first.messageId) return [first];
    return recent.filter((e) => e.messageId === first.messageId).sort((a, b) => a.id - b.id);
  }

  /** What a correction applies to: every expense of the last message this chat recorded, else the ledger's newest message. */
  async function correctionTargets(state: ChatState, owner: string): Promise<Expense[]> {
    const last = await liveOf(state.lastIds, owner);
    return last.length ? last : newestMessage(owner);
  }

  /** Answers "no"/"cancel" to whatever question waits, and forgets it. */
  function dropPending(state: ChatState): string {
    const p = state.pending;
    state.pending = null;
    return p?.kind === 'delete' || p?.kind === 'choose' ? R.KEPT : R.CANCELLED;
  }

  async function remove(state: ChatState, targets: Expense[], today: string, settings: OwnerSettings): Promise<string> {
    await deps.expenses.softDelete(targets.map((e) => e.id), deps.clock.now().toISOString());
    const gone = new Set(targets.map((e) => e.id));
    state.lastIds = state.lastIds.filter((id) => !gone.has(id));
    return R.removed(targets, today, settings);
  }

  /**
   * The item or merchant a correction is remembered under: the thing itself; the shop when the item
   * only names a category ("groceries" at DMart) or is the shop's own name ("uber 300").
   */
  function teachKey(e: Expense): string | null {
    const specific = e.item && !categoryNamed(e.item) ? e.item : null;
    if (specific && (!e.merchant || overrideKey(specific) !== overrideKey(e.merchant))) return specific;
    return e.merchant ?? e.item;
  }

  /** The detail an expense keeps under a newly named primary: its own when the primary stays, else what its words say within it. */
  function detailUnder(e: Expense, primary: Expense['category'], regions?: readonly string[]): string | null {
    if (e.category === primary) return e.detail;
    const c = categorize({ item: e.item, merchant: e.merchant }, undefined, regions);
    return c.primary === primary ? c.detail : null;
  }

  async function applyChange(state: ChatState, targets: Expense[], change: Change, today: string, settings: OwnerSettings): Promise<string> {
    if (change.kind === 'delete') return remove(state, targets, today, settings);
    const stamp = deps.clock.now().toISOString();
    const e = targets[0]!;
    const patch = change.kind === 'amount' ? { amountMinor: change.amountMinor, currency: change.currency ?? e.currency } : { item: change.item };
    const updated = await deps.expenses.update(e.id, patch, stamp);
    state.lastIds = [e.id];
    return R.changed(updated!, today, settings);
  }

  async function applyPick(state: ChatState, pick: number[] | 'all', owner: string, settings: OwnerSettings, today: string): Promise<string> {
    const p = state.pending as Extract<ChatState['pending'], { kind: 'choose' }>;
    state.pending = null;
    const ids = pick === 'all' ? p.ids : pick.map((i) => p.ids[i]!);
    const targets = await liveOf(ids, owner);
    if (!targets.length) return R.ALREADY_GONE;
    return applyChange(state, targets, p.change, today, settings);
  }

  /** Expenses a description names, newest first: within the named days, else among the recent ones. */
  async function findDescribed(owner: string, c: Pick<Extract<Command, { kind: 'delete_matching' }>, 'text' | 'from' | 'to' | 'amountMinor' | 'latest'>): Promise<Expense[]> {
    const match = describes(c.text);
    const pool = c.from
      ? (await deps.expenses.between({ owner, from: c.from, to: c.to ?? c.from })).sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
      : await deps.expenses.recent(owner, FIND_DEPTH);
    const found = pool.filter(match);
    // "delete chai 30": the amount picks among them; when none has it ("remove the 2 chais"), every match is shown.
    const priced = c.amountMinor !== undefined ? found.filter((e) => e.amountMinor === c.amountMinor) : [];
    const out = priced.length ? priced : found;
    return c.latest ? out.slice(0, 1) : out;
  }

  async function runCommand(c: Command, owner: string, profile: OwnerProfile, today: string, state: ChatState, now: Date): Promise<OutboundReply[]> {
    const settings = profile.settings;
    const stamp = deps.clock.now().toISOString();
    switch (c.kind) {
      case 'undo': {
        // "undo" while munshi waits for an answer drops the question, never a stored expense.
        if (state.pending) return text(dropPending(state));
        const last = await liveOf(state.lastIds, owner);
        if (last.length) return text(await remove(state, last, today, settings));
        // The chat remembers no last message (a restart, or it was undone already): show the
        // ledger's newest and ask, rather than delete something the owner may not mean.
        const newest = await newestMessage(owner);
        if (!newest.length) return text(R.NOTHING_TO_UNDO);
        state.pending = { kind: 'delete', ids: newest.map((e) => e.id) };
        return text(R.confirmDelete(newest, today, settings, true));
      }
      case 'delete_matching': {
        state.pending = null;
        const found = await findDescribed(owner, c);
        if (!found.length) return text(R.noneFound(c.text, c.from ?? null, today));
        if (found.length === 1) {
          state.pending = { kind: 'delete', ids: [found[0]!.id] };
          return text(R.confirmDelete(found, today, settings));
        }
        const shown = found.slice(0, MAX_CHOICES);
        state.pending = { kind: 'choose', ids: shown.map((e) => e.id), change: { kind: 'delete' } };
        const what = c.text ? `"${c.text}"` : 'one';
        return text(R.whichOne(`Which ${what} should I delete?`, shown, today, settings, { more: found.length - shown.length, all: found.length === shown.length }));
      }
      case 'edit_matching': {
        // "change the pizza one to 4.50": the described expense (the old amount, when said, picks
        // among several), changed at once; several left → "Which one?".
        state.pending = null;
        const found = await findDescribed(owner, { text: c.text, from: c.from, to: c.to, amountMinor: c.oldMinor });
        if (!found.length) return text(R.noneFound(c.text, c.from ?? null, today, 'changed'));
        const change: Change = { kind: 'amount', amountMinor: c.amountMinor, currency: c.currency };
        if (found.length === 1) return text(await applyChange(state, found, change, today, settings));
        const shown = found.slice(0, MAX_CHOICES);
        state.pending = { kind: 'choose', ids: shown.map((e) => e.id), change };
        return text(R.whichOne(`Which "${c.text}" was ${R.money(c.amountMinor, c.currency ?? shown[0]!.currency, settings)}?`, shown, today, settings, { more: found.length - shown.length, all: found.length === shown.length }));
      }
      case 'edit_amount':
      case 'edit_date':
      case 'edit_item':
      case 'edit_category': {
        const p = state.pending;
        if (p?.kind === 'confirm') {
          // Correcting a draft that waits for "ok": a date or category goes to every expense of it;
          // an amount or a name only to a single one.
          if ((c.kind === 'edit_amount' || c.kind === 'edit_item') && p.drafts.length > 1) return text(R.DRAFT_HAS_SEVERAL);
          p.drafts = p.drafts.map((d0) => {
            const d = { ...d0 };
            if (c.kind === 'edit_amount') Object.assign(d, { amountMinor: c.amountMinor, currency: c.currency ?? d.currency });
            if (c.kind === 'edit_date') d.date = c.date;
            if (c.kind === 'edit_item') d.item = c.item;
            if (c.kind === 'edit_category') Object.assign(d, { category: c.category, detail: c.detail ?? (d.category === c.category ? d.detail : null) });
            return d;
          });
          if (c.kind === 'edit_category') {
            // The owner said what it is: remembered as for a recorded expense, at the level they named.
            for (const d of p.drafts) {
              const key = teachKey(d as Expense);
              if (key) await deps.preferences.setOverride(owner, key, c.category, c.detail, stamp);
            }
          }
          return text(`${p.drafts.map((d) => R.expenseLine(d, today, settings)).join('\n')}\nReply "ok" to record it.`);
        }
        const targets = await correctionTargets(state, owner);
        if (!targets.length) return text(R.NOTHING_TO_CHANGE);
        if (c.kind === 'edit_amount' || c.kind === 'edit_item') {
          const change: Change = c.kind === 'edit_amount' ? { kind: 'amount', amountMinor: c.amountMinor, currency: c.currency } : { kind: 'item', item: c.item };
          if (targets.length > 1) {
            // One new amount for a message of several expenses: which one is not ours to guess.
            state.pending = { kind: 'choose', ids: targets.map((e) => e.id), change };
            const q = c.kind === 'edit_amount' ? `Which one was ${R.money(c.amountMinor, c.currency ?? targets[0]!.currency, settings)}?` : `Which one was the ${c.item}?`;
            return text(R.whichOne(q, targets, today, settings, { more: 0, all: false }));
          }
          return text(await applyChange(state, targets, change, today, settings));
        }
        // A date or a category belongs to the whole message: every expense of it moves together.
        const out: Expense[] = [];
        let changedAny = false;
        for (const e of targets) {
          const patch = c.kind === 'edit_date' ? { date: c.date } : { category: c.category, detail: c.detail ?? detailUnder(e, c.category, resolveLocale({ timeZone: settings.timeZone, currency: settings.currency }).regions) };
          const same = c.kind === 'edit_date' ? e.date === c.date : e.category === patch.category && e.detail === patch.detail;
          if (same) {
            out.push(e);
            continue;
          }
          changedAny = true;
          if (c.kind === 'edit_category') {
            // Remember it at the level the owner named: "that was groceries" a detail, "that was food" a primary.
            const key = teachKey(e);
            if (key) await deps.preferences.setOverride(owner, key, c.category, c.detail, stamp);
          }
          out.push((await deps.expenses.update(e.id, patch, stamp))!);
        }
        state.lastIds = targets.map((e) => e.id);
        return text(changedAny ? R.changedAll(out, today, settings) : R.unchanged(out, today, settings));
      }
      case 'edit_merchant': {
        // "shop was Tatte" names the shop; "not a shop" (the answer to "Is that the shop?") gives the word
        // back to what was bought: "jasuben pizza" without a shop.
        const fix = (e: { item: string | null; merchant: string | null }): { item: string | null; merchant: string | null } =>
          c.merchant !== null ? { item: e.item, merchant: c.merchant } : { item: e.merchant ? [e.merchant.toLowerCase(), e.item].filter(Boolean).join(' ') : e.item, merchant: null };
        const p = state.pending;
        if (p?.kind === 'confirm') {
          p.drafts = p.drafts.map((d) => (c.merchant === null && !d.merchant ? d : { ...d, ...fix(d) }));
          return text(`${p.drafts.map((d) => R.expenseLine(d, today, settings)).join('\n')}\nReply "ok" to record it.`);
        }
        const targets = await correctionTargets(state, owner);
        if (!targets.length) return text(R.NOTHING_TO_CHANGE);
        const out: Expense[] = [];
        let changedAny = false;
        for (const e of targets) {
          const next = fix(e);
          if (next.merchant === e.merchant && next.item === e.item) {
            out.push(e);
            continue;
          }
          changedAny = true;
          out.push((await deps.expenses.update(e.id, next, stamp))!);
        }
        state.lastIds = targets.map((e) => e.id);
        return text(changedAny ? R.changedAll(out, today, settings) : R.unchanged(out, today, settings));
      }
      case 'list_recent':
        return text(R.recentList(await deps.expenses.recent(owner, Math.min(Math.max(c.limit, 1), 20)), today, settings));
      case 'help':
        return text(R.help(skills.flatMap((s) => (s.helpLine ? [s.helpLine] : []))));
      case 'confirm': {
        const p = state.pending;
        if (p?.kind === 'delete') {
          state.pending = null;
          const targets = await liveOf(p.ids, owner);
          return text(targets.length ? await remove(state, targets, today, settings) : R.ALREADY_GONE);
        }
        return text(R.NOTHING_PENDING);
      }
      case 'cancel':
        return text(state.pending ? dropPending(state) : R.NOTHING_TO_CANCEL);
      case 'show_settings':
        return text(R.settingsText(settings));
      case 'set_currency': {
        if (!KNOWN_CURRENCIES.has(c.currency)) return text(`I don't know the currency "${c.currency}". Try a code like INR, USD or EUR.`);
        await deps.preferences.setSetting(owner, 'currency', c.currency);
        await deps.preferences.setSetting(owner, 'locale', defaultLocaleFor(c.currency));
        const after = await ownerProfile(deps.preferences, owner, deps.defaults);
        const lines = [`👍 Default currency is now ${c.currency}.`];
        // A US owner's "12/1" is December 1: say when the new currency's locale turns the date order
        // the readers use (compared on their packs: before any choice the zone decides, not the defaults).
        const dayFirst = (p: OwnerProfile): boolean => languageOf(p, now).pack.dateOrder === 'DMY';
        if (dayFirst(after) !== dayFirst(profile)) lines.push(R.dateOrderFollowed(dayFirst(after)));
        return text(lines.join('\n'));
      }
      case 'set_date_order':
        await deps.preferences.setSetting(owner, DATE_ORDER_KEY, c.dayFirst ? 'DMY' : 'MDY');
        return text(R.dateOrderSet(c.dayFirst));
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

/**
 * The answer to "Which one?": list numbers ("2", "1 and 3", "#2") or, when allowed, "all" and
 * its kin from the vocabulary ("all of them", "sab"). Null for anything else.
 */
export function readPick(body: string, count: number, allowAll: boolean, language: LanguageContext): number[] | 'all' | null {
  const t = analyze(body, language);
  const words = t.tokens.filter((k) => k.kind === 'word' || k.kind === 'num');
  if (!words.length || words.length > 6) return null;
  const nums = words.filter((k) => k.kind === 'num');
  const roleOf = (i: number, role: string): boolean => t.tags.some((g) => g.start <= i && i < g.end && g.role === role);
  if (!nums.length) {
    const all = words.every((k) => roleOf(k.i, 'show_all') || roleOf(k.i, 'glue') || roleOf(k.i, 'filler'));
    return allowAll && all && words.some((k) => roleOf(k.i, 'show_all')) ? 'all' : null;
  }
  const picks: number[] = [];
  for (const k of nums) {
    if (!/^\d{1,2}$/.test(k.text)) return null;
    const n = Number(k.text);
    if (n < 1 || n > count) return null;
    if (!picks.includes(n - 1)) picks.push(n - 1);
  }
  // Only list numbers and joining words ("1 and 3", "number 2"); "2 chai" is something else.
  if (words.some((k) => k.kind === 'word' && !roleOf(k.i, 'glue') && !roleOf(k.i, 'filler') && !roleOf(k.i, 'separator') && !/^(number|no|#)$/.test(k.norm))) return null;
  return picks;
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

/** The ledger with every delete and edit keyed to the message being handled (when there is one). */
function keyedToMessage(expenses: ExpenseRepository, messageId: () => string | undefined): ExpenseRepository {
  return {
    ...expenses,
    softDelete: (ids, now, id) => expenses.softDelete(ids, now, id ?? messageId()),
    update: (id, patch, now, mid) => expenses.update(id, patch, now, mid ?? messageId()),
  };
}
