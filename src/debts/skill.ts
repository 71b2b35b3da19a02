/**
 * @module debts/skill
 * Shared money in chat (issue 14), as a skill of the bot:
 * - debt statements are their own records, never expenses ("Ramesh owes me 500", "lent 2000 to
 *   Sunita", "Ramesh se 300 wapas mile", "settled up with Rahul"), with the balance after each;
 * - questions are answered exactly from the debts table ("who owes me?", "how much does Rahul owe
 *   me?", "what do I owe?", "udhaar list", "history with Ramesh", "settle up", "who spent what");
 * - after an expense with a split is recorded (its amount is already the owner's share, see
 *   understanding/shares/apply.ts), the others' shares become entries linked to it, so undoing the
 *   expense removes them; in household mode the member who wrote the expense is its payer.
 * People are matched by name; "Which Rahul?" only when two people share the name said.
 */
import { localDate } from '../core/dates.js';
import type { Expense, OutboundReply, OwnerSettings } from '../core/types.js';
import type { Skill, SkillContext } from '../bot/skill.js';
import { analyze, contextFromSettings, type LanguageContext } from '../language/context.js';
import { bestTimes, readTimes } from '../language/time/index.js';
import { readShared, type DebtQuestion, type DebtStatement, type SplitReading } from '../understanding/shares/read.js';
import { splitEqual } from '../understanding/shares/split.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import { expenseLine } from '../bot/replies.js';
import type { Command } from '../understanding/types.js';
import { understandNext } from '../understanding/next/understand.js';
import { personKey, type Balance, type Debt, type DebtRepository, type NewDebt } from './repo.js';
import { fewestPayments, householdNets, openSince } from './settle.js';
import * as T from './text.js';

export interface DebtSkillDeps {
  debts: DebtRepository;
  /** Household mode: one ledger for everybody on the allow-list; the writer of an expense paid it. */
  household?: boolean;
  /** A member's display name in household replies (default: their id). */
  memberName?(id: string): string;
  /** Household mode: everyone who shares the ledger (the allow-list), so one who paid nothing still has a share. */
  members?: readonly string[];
  /** The bot's reading of a command ("undo", "no, 600"); the skill applies it to a debt or split it just recorded. */
  readCommand?(text: string, ctx: SkillContext): Command | null;
  /** Corrects the expense of a split ("no, 1500" re-splits the bill); without it such corrections are refused. */
  expenses?: Pick<ExpenseRepository, 'update'>;
}

interface ChatMemory {
  /** The message whose debt entries an "undo" (or "no, 600") acts on, and what it recorded. */
  lastMessageId?: string;
  lastDebts?: Debt[];
  /** The split the chat's last expense was: "no, 1500" re-splits it. */
  lastSplit?: { expense: Expense; sharesMessageId: string; reading: SplitReading };
  /** "Which Rahul?" waits for a pick. */
  pick?: { options: { key: string; name: string }[]; then: DebtStatement | DebtQuestion | ShareToPlace };
  /** Shares of a split whose person is one of several of that name, asked one at a time. */
  shares?: { name: string; options: { key: string; name: string }[]; share: ShareToPlace }[];
}

/** A share of a split waiting for "Which Rahul?". */
interface ShareToPlace {
  kind: 'place_share';
  debt: NewDebt;
  /** Its own message key ("<message>#shares:<n>"): recorded once however often the pick arrives. */
  key: string;
}

/** How long a "Which Rahul?" or a debt's undo stays open. */
const MEMORY_MS = 30 * 60_000;

export function createDebtSkill(deps: DebtSkillDeps): Skill & { reminders(owner: string, settings: OwnerSettings, now: Date): Promise<string[]> } {
  const chats = new Map<string, ChatMemory & { at: number }>();
  const memory = (chatId: string, now: Date): ChatMemory & { at: number } => {
    const m = chats.get(chatId);
    if (m && now.getTime() - m.at <= MEMORY_MS) return m;
    const fresh = { at: now.getTime() };
    chats.set(chatId, fresh);
    return fresh;
  };
  const lcOf = (ctx: { now: Date; settings: OwnerSettings }): LanguageContext => contextFromSettings(ctx.now, ctx.settings);
  const today = (ctx: { now: Date; settings: OwnerSettings }): string => localDate(ctx.now, ctx.settings.timeZone);
  const text = (t: string): OutboundReply[] => [{ text: t }];

  async function personBalances(owner: string, key: string): Promise<Balance[]> {
    return (await deps.debts.balances(owner)).filter((b) => b.personKey === key);
  }

  async function sinceMap(owner: string, bs: readonly Balance[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const entries = await deps.debts.entries(owner);
    for (const b of bs) {
      const mine = entries.filter((e) => e.personKey === b.personKey && e.currency === b.currency);
      out.set(`${b.personKey}\u0000${b.currency}`, openSince(mine));
    }
    return out;
  }

  /** The person a name means: one known person, a new one, or several to choose from. */
  async function resolve(owner: string, name: string): Promise<{ key: string; name: string } | { options: { key: string; name: string }[] } | { unknown: string }> {
    const key = personKey(name);
    const people = await deps.debts.people(owner);
    const exact = people.find((p) => p.key === key);
    if (exact) return exact;
    const byFirst = people.filter((p) => p.key.split(' ')[0] === key || p.key.startsWith(key + ' '));
    if (byFirst.length === 1) return byFirst[0]!;
    if (byFirst.length > 1) return { options: byFirst };
    return { unknown: name };
  }

  async function statement(s: DebtStatement, ctx: SkillContext, who?: { key: string; name: string }): Promise<OutboundReply[]> {
    const m = memory(ctx.chatId, ctx.now);
    if (s.kind === 'no_amount') return text(T.askAmount(s.person));
    let person = who;
    if (!person) {
      const r = await resolve(ctx.owner, s.person);
      if ('options' in r) {
        m.pick = { options: r.options, then: s };
        return text(T.whichPerson(s.person, r.options.map((o) => o.name)));
      }
      person = 'unknown' in r ? { key: personKey(s.person), name: s.person } : r;
    }
    if (s.kind === 'settled') {
      const bs = await personBalances(ctx.owner, person.key);
      const entries: NewDebt[] = bs.map((b) => ({ person: person!.name, kind: 'settled', amountMinor: -b.amountMinor, currency: b.currency, date: s.date, expenseId: null, note: null }));
      if (!entries.length) return text(T.settled(person.name, [], ctx.settings));
      const { debts } = await deps.debts.record(entries, { owner: ctx.owner, messageId: ctx.messageId, now: ctx.now.toISOString() });
      remember(m, ctx.messageId, debts);
      return text(T.settled(person.name, debts, ctx.settings));
    }
    const sign = s.kind === 'owes_me' || s.kind === 'lent' || s.kind === 'paid_back_by_me' ? 1 : -1;
    const { debts } = await deps.debts.record(
      [{ person: person.name, kind: s.kind, amountMinor: sign * s.amountMinor, currency: s.currency, date: s.date, expenseId: null, note: s.note }],
      { owner: ctx.owner, messageId: ctx.messageId, now: ctx.now.toISOString() },
    );
    remember(m, ctx.messageId, debts);
    const d = debts[0]!;
    return text(T.recordedDebt(d, await personBalances(ctx.owner, d.personKey), today(ctx), ctx.settings));
  }

  async function question(q: DebtQuestion, ctx: SkillContext, who?: { key: string; name: string }): Promise<OutboundReply[]> {
    const owner = ctx.owner;
    switch (q.kind) {
      case 'owed_to_me':
      case 'i_owe':
      case 'all': {
        const bs = await deps.debts.balances(owner);
        return text(T.balanceList(bs, q.kind, await sinceMap(owner, bs), today(ctx), ctx.settings));
      }
      case 'person':
      case 'history': {
        let person = who;
        if (!person) {
          const r = await resolve(owner, q.person);
          if ('options' in r) {
            memory(ctx.chatId, ctx.now).pick = { options: r.options, then: q };
            return text(T.whichPerson(q.person, r.options.map((o) => o.name)));
          }
          if ('unknown' in r) return text(T.nothingWith(q.person));
          person = r;
        }
        const bs = await personBalances(owner, person.key);
        if (q.kind === 'history') return text(T.history(person.name, await deps.debts.entries(owner, person.key), bs, today(ctx), ctx.settings));
        const line = T.balanceSentence(person.name, bs, ctx.settings);
        return text(line.charAt(0).toUpperCase() + line.slice(1) + '.');
      }
      case 'settle': {
        if (deps.household) return text(await householdSettle(ctx));
        // The owner's own ledger: every balance is between the owner and one person, so one payment each.
        const bs = await deps.debts.balances(owner);
        const ps = bs.map((b) => (b.amountMinor > 0 ? { from: b.person, to: 'you', minor: b.amountMinor, currency: b.currency } : { from: 'you', to: b.person, minor: -b.amountMinor, currency: b.currency }));
        return text(T.payments(ps, ctx.settings, 'To settle up'));
      }
      case 'who_spent': {
        const { from, to, label } = period(q.period, ctx);
        const rows = await deps.debts.spentBy(owner, from, to);
        return text(T.spentBy(rows.map((r) => ({ ...r, payer: nameOf(r.payer, ctx) })), label, ctx.settings));
      }
    }
  }

  function nameOf(id: string, ctx: SkillContext): string {
    if (id === ctx.senderId) return 'you';
    return deps.memberName?.(id) ?? id;
  }

  /** Household: everyone shares this month's expenses equally; the fewest payments that even it out. */
  async function householdSettle(ctx: SkillContext): Promise<string> {
    const { from, to, label } = period(null, ctx);
    const all = await deps.debts.spentBy(ctx.owner, from, to);
    // Expenses nobody is recorded as paying (recurring, imported) are nobody's to settle.
    const rows = all.filter((r) => r.payer !== ctx.owner);
    const out: (ReturnType<typeof fewestPayments>[number] & { currency: string })[] = [];
    for (const currency of new Set(rows.map((r) => r.currency))) {
      const paid = rows.filter((r) => r.currency === currency).map((r) => ({ who: r.payer, minor: r.amountMinor }));
      for (const member of deps.members ?? []) if (!paid.some((p) => p.who === member)) paid.push({ who: member, minor: 0 });
      for (const p of fewestPayments(householdNets(paid))) out.push({ ...p, from: nameOf(p.from, ctx), to: nameOf(p.to, ctx), currency });
    }
    const left = all.filter((r) => r.payer === ctx.owner);
    const note = left.length ? `\n(${left.map((r) => T.amount(r.amountMinor, r.currency, ctx.settings)).join(' + ')} recorded without a payer is left out.)` : '';
    return T.payments(out, ctx.settings, `To share ${label}'s spending equally`) + note;
  }

  function period(words: string | null, ctx: SkillContext): { from: string; to: string; label: string } {
    const lc = lcOf(ctx);
    if (words) {
      const r = bestTimes(readTimes(analyze(words, lc), lc, { mode: 'question' })).find((x) => x.from && x.to);
      if (r?.from && r.to) return { from: r.from, to: r.to, label: r.label || words };
    }
    const d = today(ctx);
    const [y, mo] = d.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { from: `${d.slice(0, 8)}01`, to: `${d.slice(0, 8)}${String(last).padStart(2, '0')}`, label: 'this month' };
  }

  /**
   * Records the others' shares of a split. "Rahul" is the one Rahul the owner has, when there is only
   * one; when there are several, that share waits for "Which Rahul?" (the returned question).
   */
  async function recordShares(e: Expense, named: { person: string; minor: number }[], messageId: string, ctx: SkillContext): Promise<string | null> {
    if (!named.length) return null;
    const m = memory(ctx.chatId, ctx.now);
    const now: NewDebt[] = [];
    const later: NonNullable<ChatMemory['shares']> = [];
    for (const [k, o] of named.entries()) {
      const debt: NewDebt = { person: o.person, kind: 'share', amountMinor: o.minor, currency: e.currency, date: e.date, expenseId: e.id, note: e.note };
      const r = await resolve(ctx.owner, o.person);
      if ('options' in r) later.push({ name: o.person, options: r.options, share: { kind: 'place_share', debt, key: `${messageId}:${k}` } });
      else now.push({ ...debt, person: 'key' in r ? r.name : o.person });
    }
    if (now.length) await deps.debts.record(now, { owner: ctx.owner, messageId, now: ctx.now.toISOString() });
    m.shares = later;
    return askNextShare(m, ctx);
  }

  function askNextShare(m: ChatMemory, ctx: SkillContext): string | null {
    const next = m.shares?.shift();
    if (!next) return null;
    m.pick = { options: next.options, then: next.share };
    return T.whichPerson(next.name, next.options.map((o) => o.name), T.amount(next.share.debt.amountMinor, next.share.debt.currency, ctx.settings));
  }

  async function placeShare(p: ShareToPlace, who: { key: string; name: string }, m: ChatMemory, ctx: SkillContext): Promise<OutboundReply[]> {
    await deps.debts.record([{ ...p.debt, person: who.name }], { owner: ctx.owner, messageId: p.key, now: ctx.now.toISOString() });
    const bs = await personBalances(ctx.owner, who.key);
    const line = T.balanceSentence(who.name, bs, ctx.settings);
    const next = askNextShare(m, ctx);
    return text(`👥 ${line.charAt(0).toUpperCase() + line.slice(1)}.${next ? `\n${next}` : ''}`);
  }

  /** "undo", "no, 600", "that was yesterday" right after a debt: they mean the debt, never an older expense. */
  async function onLastDebt(cmd: Command, m: ChatMemory, ctx: SkillContext): Promise<OutboundReply[] | null> {
    const now = ctx.now.toISOString();
    if (cmd.kind === 'undo') {
      const gone = await deps.debts.undoMessage(ctx.owner, m.lastMessageId!, now);
      forget(m);
      return gone.length ? text(T.undone(gone, ctx.settings)) : null;
    }
    if (cmd.kind !== 'edit_amount' && cmd.kind !== 'edit_date' && cmd.kind !== 'edit_category' && cmd.kind !== 'edit_item') return null;
    const old = m.lastDebts ?? [];
    const d = old[0];
    if (old.length !== 1 || !d || d.kind === 'settled' || cmd.kind === 'edit_category' || cmd.kind === 'edit_item') return text(T.NOT_AN_EXPENSE);
    const fixed: NewDebt = {
      person: d.person, kind: d.kind, currency: d.currency, expenseId: null, note: d.note,
      amountMinor: cmd.kind === 'edit_amount' ? Math.sign(d.amountMinor) * cmd.amountMinor : d.amountMinor,
      date: cmd.kind === 'edit_date' ? cmd.date : d.date,
    };
    if (cmd.kind === 'edit_amount' && cmd.currency && cmd.currency !== d.currency) fixed.currency = cmd.currency;
    if (fixed.amountMinor === 0) return text(T.NOT_AN_EXPENSE);
    await deps.debts.undoMessage(ctx.owner, m.lastMessageId!, now);
    const { debts } = await deps.debts.record([fixed], { owner: ctx.owner, messageId: ctx.messageId, now });
    remember(m, ctx.messageId, debts);
    const nd = debts[0]!;
    return text('✏️ ' + T.recordedDebt(nd, await personBalances(ctx.owner, nd.personKey), today(ctx), ctx.settings).replace(/^📒 /, 'Updated: '));
  }

  /** "no, 1500" right after an equal split: the whole bill was 1500; the shares follow. */
  async function onLastSplit(cmd: Command, m: ChatMemory, ctx: SkillContext): Promise<OutboundReply[] | null> {
    const last = m.lastSplit!;
    if (cmd.kind === 'undo') {
      m.lastSplit = undefined;
      return null; // the bot removes the expense; its shares go with it
    }
    if (cmd.kind !== 'edit_amount') return null;
    const sp = last.reading;
    if (sp.how !== 'equal' || sp.payer || !deps.expenses || (cmd.currency && cmd.currency !== last.expense.currency) || cmd.amountMinor < sp.heads) return text(T.SPLIT_CORRECTION);
    const shares = splitEqual(cmd.amountMinor, sp.heads);
    const now = ctx.now.toISOString();
    const updated = await deps.expenses.update(last.expense.id, { amountMinor: shares[0]! }, now, ctx.messageId);
    if (!updated) return null;
    await deps.debts.undoMessage(ctx.owner, last.sharesMessageId, now);
    const reading: SplitReading = { ...sp, totalMinor: cmd.amountMinor, ownerMinor: shares[0]!, others: sp.others.map((o, k) => ({ person: o.person, minor: shares[k + 1]! })) };
    const named = reading.others.filter((o): o is { person: string; minor: number } => o.person !== null && o.minor !== 0);
    const ask = await recordShares(updated, named.map((o) => ({ ...o })), `${ctx.messageId}#shares`, ctx);
    m.lastSplit = { expense: updated, sharesMessageId: `${ctx.messageId}#shares`, reading };
    return text(`✏️ Updated: ${expenseLine(updated, today(ctx), ctx.settings)}\n${T.splitLine(reading, named, ctx.settings)}${ask ? `\n${ask}` : ''}`);
  }

  function remember(m: ChatMemory, messageId: string, debts: Debt[]): void {
    m.lastMessageId = messageId;
    m.lastDebts = debts;
    m.lastSplit = undefined;
  }

  function forget(m: ChatMemory): void {
    m.lastMessageId = undefined;
    m.lastDebts = undefined;
  }

  return {
    name: 'debts',
    helpLine: '"dinner 1200 split with Rahul", "Ramesh owes me 500", "who owes me?"',

    async handle(body, ctx) {
      const m = memory(ctx.chatId, ctx.now);
      // "Which Rahul?" → "2" or the full name.
      if (m.pick) {
        const pick = m.pick;
        const n = /^\s*(\d{1,2})\s*$/.exec(body);
        const chosen = n ? pick.options[Number(n[1]) - 1] : pick.options.find((o) => o.key === personKey(body));
        if (chosen) {
          m.pick = undefined;
          const then = pick.then;
          if (then.kind === 'place_share') return placeShare(then, chosen, m, ctx);
          return then.kind === 'person' || then.kind === 'history' ? question(then as DebtQuestion, ctx, chosen) : statement(then as DebtStatement, ctx, chosen);
        }
        m.pick = undefined;
        // A share left unanswered is kept under the name as written, never lost.
        const left = [...(pick.then.kind === 'place_share' ? [pick.then] : []), ...(m.shares ?? []).map((x) => x.share)];
        m.shares = undefined;
        for (const s of left) await deps.debts.record([s.debt], { owner: ctx.owner, messageId: s.key, now: ctx.now.toISOString() });
      }
      const cmd = m.lastMessageId || m.lastSplit ? (deps.readCommand ?? readsCommand)(body, ctx) : null;
      if (cmd && m.lastMessageId) {
        const done = await onLastDebt(cmd, m, ctx);
        if (done) return done;
      } else if (cmd && m.lastSplit) {
        const done = await onLastSplit(cmd, m, ctx);
        if (done) return done;
      }
      const r = readShared(body, lcOf(ctx));
      if (!r) return null;
      if (r.statement) return statement(r.statement, ctx);
      if (r.question) return question(r.question, ctx);
      // "split with Rahul" and no amount at all: the bill is asked for, nothing is recorded.
      if (r.badSplit === 'no_bill' && !/\d/.test(body)) return text(T.badSplit('no_bill'));
      return null;
    },

    async afterRecord(expenses: Expense[], ctx: SkillContext) {
      const m = memory(ctx.chatId, ctx.now);
      // "undo" and "no, 60" now mean the expense.
      m.lastMessageId = undefined;
      m.lastDebts = undefined;
      m.lastSplit = undefined;
      const out: OutboundReply[] = [];
      if (deps.household && ctx.senderId) for (const e of expenses) await deps.debts.setPayer(ctx.owner, e.id, ctx.senderId);
      if (expenses.length !== 1) return out;
      const e = expenses[0]!;
      const r = e.note ? readShared(e.note, contextFromSettings(ctx.now, ctx.settings)) : null;
      const sp = r?.split;
      // The stored amount must be the share the split says is the owner's (a model's reading or a
      // correction may differ): then, and only then, the others' shares are owed.
      if (!sp || sp.ownerMinor !== e.amountMinor || sp.currency !== e.currency) return out;
      // A share of nothing (a bill smaller than its heads in minor units) is no debt.
      const named = sp.others.filter((o): o is { person: string; minor: number } => o.person !== null && o.minor !== 0);
      const shown = named.filter((o) => o.minor > 0).map((o) => ({ ...o }));
      const ask = await recordShares(e, named, `${ctx.messageId}#shares`, ctx);
      m.lastSplit = { expense: e, sharesMessageId: `${ctx.messageId}#shares`, reading: sp };
      out.push({ text: T.splitLine(sp, shown, ctx.settings) + (ask ? `\n${ask}` : '') });
      return out;
    },

    async reminders(owner, settings, now) {
      const bs = await deps.debts.balances(owner);
      return T.reminderLines(bs, await sinceMap(owner, bs), localDate(now, settings.timeZone), settings);
    },
  };
}

/** "undo", "no, 600", "that was yesterday": the bot's own reading of a command. */
function readsCommand(text: string, ctx: SkillContext): Command | null {
  const u = understandNext(text, { now: ctx.now, settings: ctx.settings });
  return u.intent === 'command' ? u.command : null;
}
