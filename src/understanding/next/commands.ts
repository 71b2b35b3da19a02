/**
 * @module understanding/next/commands
 * Commands to munshi, read from the vocabulary's roles: confirm, cancel, help, settings, recent,
 * undo, "delete the chai", corrections of the last expense ("no, 60", "that was yesterday", "that
 * was groceries", "it was a latte"), and settings changes ("set currency USD", "use US dates").
 * A command never records a new expense.
 */
import { canonicalTimeZone } from '../../core/dates.js';
import { KNOWN_CURRENCIES } from '../../core/money.js';
import type { Tagged } from '../../language/tagger.js';
import type { Role } from '../../language/vocab/roles.js';
import type { Command } from '../types.js';
import type { Primary } from '../../categories/taxonomy.js';
import type { MoneyReading } from './numbers.js';
import type { TimeReading } from '../../language/time/index.js';

export interface CommandInput {
  t: Tagged;
  money: readonly MoneyReading[];
  times: readonly TimeReading[];
  categoryNamed: (phrase: string) => { primary: Primary; detail: string | null } | null;
  isItemPhrase: (phrase: string) => boolean;
}

const WEAK: ReadonlySet<Role> = new Set<Role>(['filler', 'ack', 'glue', 'ref_last', 'thanks']);

/** Words of the message not covered by tags of the given roles (punctuation and emoji ignored). */
function rest(t: Tagged, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (const tk of t.tokens) {
    if (tk.kind === 'punct' || tk.kind === 'emoji' || tk.kind === 'newline' || tk.kind === 'sym') continue;
    if (!keep(tk.i)) continue;
    out.push(tk.i);
  }
  return out;
}

function covered(t: Tagged, i: number, roles: ReadonlySet<Role>, value?: string): boolean {
  return t.tags.some((g) => g.start <= i && i < g.end && roles.has(g.role) && (value === undefined || g.value === value));
}

const only = (t: Tagged, role: Role, value: string): boolean => {
  const hit = t.tags.filter((g) => g.role === role && g.value === value);
  if (!hit.length) return false;
  const left = rest(t, (i) => !hit.some((g) => g.start <= i && i < g.end) && !covered(t, i, WEAK));
  return left.length === 0;
};

const ROLE = (r: Role): ReadonlySet<Role> => new Set([r]);

/** Words that may stand beside "not a shop" in the answer ("no, it isn't a shop"). */
const NOT_SHOP_BESIDE: ReadonlySet<Role> = new Set<Role>([...WEAK, 'edit_cue', 'negation']);

/**
 * The command a message gives, or null.
 * e.g. "no, 60" → edit_amount 6000; "that was yesterday" → edit_date; "set currency usd" → set_currency
 */
export function readCommand(x: CommandInput): Command | null {
  const { t } = x;
  const words = t.tokens.filter((tk) => tk.kind === 'word' || tk.kind === 'num');
  if (words.length === 0) return null;
  // A question is never a command ("what was my biggest expense?").
  if (t.tokens.some((tk) => tk.text === '?') || (t.at[words[0]!.i] ?? []).some((g) => g.role === 'question_word')) return null;
  if (words.length <= 4) {
    if (only(t, 'command', 'confirm')) return { kind: 'confirm' };
    if (only(t, 'command', 'cancel')) return { kind: 'cancel' };
    if (only(t, 'command', 'help')) return { kind: 'help' };
    if (only(t, 'command', 'settings')) return { kind: 'show_settings' };
  }
  // "not a shop", "no, it isn't a shop": the answer to "Is that the shop?".
  const notShop = t.tags.filter((g) => g.role === 'command' && g.value === 'not_shop');
  if (notShop.length && words.length <= 6) {
    const left = rest(t, (i) => !notShop.some((g) => g.start <= i && i < g.end) && !covered(t, i, NOT_SHOP_BESIDE) && !covered(t, i, ROLE('command'), 'cancel'));
    if (left.length === 0) return { kind: 'edit_merchant', merchant: null };
  }
  // "shop was Tatte", "no, the store was Star Market": the words after name the shop.
  const shopIs = t.tags.find((g) => g.role === 'command' && g.value === 'shop_is');
  if (shopIs && x.money.length === 0) {
    const before = rest(t, (i) => i < shopIs.start && !covered(t, i, new Set<Role>(['edit_cue', 'filler', 'glue', 'ref_last', 'ack', 'negation'])));
    const name = rest(t, (i) => i >= shopIs.end && !(i === shopIs.end && covered(t, i, ROLE('glue'))));
    if (before.length === 0 && name.length > 0 && name.length <= 4) {
      const words = name.map((i) => t.tokens[i]!.text);
      return { kind: 'edit_merchant', merchant: words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') };
    }
  }
  // "recent", "last 5", "show last 10"
  const recent = t.tags.find((g) => (g.role === 'command' && g.value === 'recent') || (g.role === 'ref_last' && g.phrase === 'last'));
  if (recent && words.length <= 4) {
    const n = words.find((w) => w.kind === 'num');
    const minor = new Set(['my', 'the', 'me', 'a', 'show', 'list', 'see', 'view', 'give']);
    const others = rest(t, (i) => !(recent.start <= i && i < recent.end) && t.tokens[i]!.kind !== 'num' && !minor.has(t.tokens[i]!.norm) && !covered(t, i, new Set<Role>(['filler'])));
    if (others.length === 0 && (n || recent.role === 'command')) return { kind: 'list_recent', limit: Math.min(Math.max(Number(n?.text ?? 5), 1), 50) };
  }
  // Settings changes.
  const set = setting(x);
  if (set) return set;
  // Undo and deletes: "undo", "delete that last one", "delete the chai".
  const del = t.tags.find((g) => g.role === 'command' && (g.value === 'undo' || g.value === 'delete'));
  // "delete chai 30", "remove the 2 chais": an amount after a leading delete word names what to
  // delete; it is never a new expense. ("drop" also opens trips: "drop to airport 500".)
  const amountSays = !!del && del.value === 'delete' && x.money.length === 1 && del.start === words[0]!.i && del.phrase !== 'drop'
    && x.money[0]!.start >= del.end && !t.tags.some((g) => g.role === 'spend_verb' || g.role === 'obtain_verb');
  if (del && del.start <= 2 && (x.money.length === 0 || amountSays)) {
    const m = amountSays ? x.money[0]! : null;
    const inMoney = (i: number): boolean => !!m && m.start <= i && i < m.end;
    // The description ends with its clause: "delete the starbucks one from yesterday, it got logged twice".
    const stop = t.tokens.findIndex((tk, i) => i >= del.end && ((tk.kind === 'punct' && /^[,.;]$/.test(tk.text)) || tk.kind === 'newline' || covered(t, i, ROLE('clause_break'))));
    const clauseEnd = stop < 0 ? t.tokens.length : stop;
    const others = rest(t, (i) => i >= del.end && i < clauseEnd && !covered(t, i, WEAK) && !inMoney(i));
    const before = rest(t, (i) => i < del.start && !covered(t, i, WEAK) && !covered(t, i, ROLE('edit_cue')));
    if (before.length === 0 && others.length === 0 && !m) return { kind: 'undo' };
    if (before.length === 0 && del.value === 'delete') {
      // "remove the uber from yesterday": the day bounds the search; words of place and time are not the description.
      const day = x.times.find((r) => r.from && r.start >= del.end);
      const words = others.filter((i) => !x.times.some((r) => r.start <= i && i < r.end) && !covered(t, i, ROLE('prep')));
      // "delete the last chai": the newest of them.
      const latest = t.tags.some((g) => g.role === 'ref_last' && g.start > del.start);
      if (words.length <= 4 && (words.length > 0 || day || m)) {
        return {
          kind: 'delete_matching', text: words.map((i) => t.tokens[i]!.norm).join(' '),
          ...(day ? { from: day.from!, to: day.to ?? day.from! } : {}), ...(m ? { amountMinor: m.minor } : {}), ...(latest ? { latest: true } : {}),
        };
      }
    }
  }
  const described = editDescribed(x);
  if (described) return described;
  // Corrections start with a correction cue ("no", "actually", "make it", "that was").
  const lead = t.tokens.find((tk) => tk.kind === 'word' || tk.kind === 'num');
  const cue = t.tags.find((g) => g.role === 'edit_cue' && lead && g.start === lead.i);
  const cueEnd = Math.max(0, ...t.tags.filter((g) => g.role === 'edit_cue' && g.start <= 3).map((g) => g.end));
  const editWord = (i: number): boolean => covered(t, i, new Set<Role>(['edit_cue', 'filler', 'glue', 'ref_last', 'ack', 'negation'])) || covered(t, i, ROLE('command'), 'edit');
  if (x.money.length >= 1 && x.money.length <= 2 && x.times.length === 0) {
    // "no, 60", "make it 450", "wrong amount, make it 450", "edit: that was 250 not 205": the new amount
    // is the one not negated.
    // An Indian-language negation follows what it negates ("450 nahi 540 tha": 450 was wrong).
    const m = x.money.find((mm) => !t.tags.some((g) => g.role === 'negation' && (g.value === 'after' ? g.start === mm.end : g.end === mm.start))) ?? x.money[0]!;
    const others = rest(t, (i) => !x.money.some((mm) => mm.start <= i && i < mm.end) && !editWord(i));
    const hasCue = t.tags.some((g) => g.role === 'edit_cue' || (g.role === 'command' && g.value === 'edit'));
    if (others.length === 0 && (hasCue || (words.length <= 2 && x.money.length === 1 && words[0]!.i < m.start))) {
      return { kind: 'edit_amount', amountMinor: m.minor, currency: m.currencyWritten ? m.currency : null };
    }
  }
  if (!cue) return null;
  const dated = x.times.filter((r) => r.from && r.kind === 'day');
  if (dated.length === 1 && x.money.length === 0) {
    const r = dated[0]!;
    const others = rest(t, (i) => (i < r.start || i >= r.end) && !editWord(i) && !covered(t, i, new Set<Role>(['prep', 'spend_verb'])));
    if (others.length === 0) return { kind: 'edit_date', date: r.from! };
  }
  if (x.money.length === 0 && x.times.length === 0 && cueEnd > 0) {
    const tail = rest(t, (i) => i >= cueEnd && !covered(t, i, new Set<Role>(['glue', 'filler', 'ref_last'])));
    if (tail.length === 0 || tail.length > 4) return null;
    const phrase = tail.map((i) => t.tokens[i]!.norm).join(' ');
    const cat = x.categoryNamed(phrase);
    if (cat) return { kind: 'edit_category', category: cat.primary, detail: cat.detail };
    // "that was expensive", "it was great": a remark, not a new name.
    if (tail.every((i) => covered(t, i, new Set<Role>(['descriptive', 'ack', 'thanks', 'negation', 'price_remark'])))) return null;
    if (x.isItemPhrase(phrase) || tail.every((i) => t.tokens[i]!.kind === 'word')) return { kind: 'edit_item', item: phrase };
  }
  return null;
}

function setting(x: CommandInput): Command | null {
  const { t } = x;
  const words = t.tokens.filter((tk) => tk.kind === 'word').map((tk) => tk.norm);
  const has = (w: string): boolean => words.includes(w);
  if (!(t.tags.some((g) => g.role === 'command' && g.value === 'set') || has('currency') || has('timezone') || has('tz') || has('dates') || has('date') || has('month') || has('mdy') || has('dmy') || has('mm') || has('dd'))) return null;
  if (has('currency') || has('curr')) {
    const cur = t.tags.find((g) => g.role === 'currency' && g.value && /^[A-Z]{3}$/.test(g.value));
    const code = cur?.value ?? words.map((w) => w.toUpperCase()).find((w) => w.length === 3 && KNOWN_CURRENCIES.has(w));
    if (code && KNOWN_CURRENCIES.has(code)) return { kind: 'set_currency', currency: code };
  }
  if (has('timezone') || has('tz') || (has('time') && has('zone'))) {
    const raw = t.text.split(/\s+/).find((w) => w.includes('/') || /^(utc|gmt|ist)$/i.test(w));
    const tz = raw ? canonicalTimeZone(raw) : null;
    if (tz) return { kind: 'set_timezone', timeZone: tz };
  }
  const order = dateOrderNamed(t.text.toLowerCase(), words);
  if (order !== null) return { kind: 'set_date_order', dayFirst: order };
  return null;
}

/**
 * The day/month order a short settings message names, or null: "dates are month first", "use
 * day/month", "set date order mdy", "date format dd/mm", "use US dates".
 */
function dateOrderNamed(lower: string, words: readonly string[]): boolean | null {
  if (words.length > 8 || /\d/.test(lower)) return null;
  const has = (w: string): boolean => words.includes(w) || words.includes(`${w}s`);
  // A written pattern says the order itself: "mm/dd", "d/m/y", "month/day", "day-month".
  const pattern = /\b(m{1,2}|months?)\s*[/.-]\s*(d{1,2}|days?)\b/.test(lower) ? false : /\b(d{1,2}|days?)\s*[/.-]\s*(m{1,2}|months?)\b/.test(lower) ? true : null;
  // "month first", "month before day", "day first".
  const mi = words.findIndex((w) => w === 'month' || w === 'months'), di = words.findIndex((w) => w === 'day' || w === 'days');
  const firstWord = has('first') || has('before');
  const byWords = firstWord && mi >= 0 && (di < 0 || mi < di) ? false : firstWord && di >= 0 && (mi < 0 || di < mi) ? true : null;
  const about = has('date') || has('format') || has('order') || pattern !== null || byWords !== null;
  if (!about) return null;
  if (words.includes('mdy')) return false;
  if (words.includes('dmy')) return true;
  if (pattern !== null) return pattern;
  if (byWords !== null) return byWords;
  if (!(has('date') || has('format'))) return null;
  if (words.some((w) => w === 'us' || w === 'usa' || w === 'american')) return false;
  if (words.some((w) => w === 'uk' || w === 'british' || w === 'indian' || w === 'european')) return true;
  return null;
}

/**
 * An amount corrected on an expense the message describes, not the last one: "change the pizza
 * one to 4.50", "change that auto 120 to 130", "change yesterday's zomato to 560", "the rapido one
 * was 95 not 85", "the uber should be 260 not 230". Two shapes: an edit word first and the new
 * amount after "to"; or a description, then the new amount and the old one negated.
 */
function editDescribed(x: CommandInput): Command | null {
  const { t } = x;
  if (t.tags.some((g) => g.role === 'spend_verb' && !covered(t, g.start, ROLE('command')) && !covered(t, g.start, ROLE('edit_cue')))) return null;
  const money = x.money.filter((m) => m.form === 'digits' || m.currencyWritten);
  if (money.length < 1 || money.length > 2) return null;
  const words = t.tokens.filter((tk) => tk.kind === 'word' || tk.kind === 'num');
  const edit = t.tags.find((g) => g.role === 'command' && g.value === 'edit' && g.start === words[0]!.i);
  const negated = (m: MoneyReading): boolean => t.tags.some((g) => g.role === 'negation' && (g.value === 'after' ? g.start === m.end : g.end === m.start));
  let next: MoneyReading | undefined, old: MoneyReading | undefined;
  if (edit) {
    // "change … to 4.50": the amount after "to" is the new one; one before it names the old.
    next = money.find((m) => t.tags.some((g) => g.role === 'prep' && g.value === 'dest' && g.end === m.start));
    old = money.find((m) => m !== next);
  } else if (money.length === 2 && money.filter(negated).length === 1) {
    next = money.find((m) => !negated(m));
    old = money.find(negated);
  }
  if (!next) return null;
  const firstMoney = Math.min(...money.map((m) => m.start));
  const inTime = (i: number): boolean => x.times.some((r) => r.start <= i && i < r.end);
  const skip = new Set<Role>(['filler', 'ack', 'glue', 'ref_last', 'edit_cue', 'command', 'prep', 'number', 'negation']);
  const desc = rest(t, (i) => i < firstMoney && (!edit || i >= edit.end) && !covered(t, i, skip) && !inTime(i) && t.tokens[i]!.kind === 'word')
    .map((i) => t.tokens[i]!.norm.replace(/['’]s$/, ''));
  if (desc.length === 0 || desc.length > 4) return null;
  const day = x.times.find((r) => r.from);
  return {
    kind: 'edit_matching', text: desc.join(' '), amountMinor: next.minor, currency: next.currencyWritten ? next.currency : null,
    ...(old && old !== next ? { oldMinor: old.minor } : {}), ...(day ? { from: day.from!, to: day.to ?? day.from! } : {}),
  };
}
