/**
 * @module recurring/commands
 * Understands recurring-expense messages: "rent 18000 every month on the 1st", "netflix 649
 * monthly on 15th", "gym 1500 every week on monday", "milk 60 every day", "recurring?",
 * "stop rent". Pure; ordinary expenses are declined by one cheap regex.
 */
import { parseWeekday } from '../scheduler/due.js';
import { AMOUNT_RE, parseMoney, type Money } from '../budgets/phrases.js';

export type Every = 'day' | 'week' | 'month';

export type RecurringCommand =
  | { kind: 'create'; what: string; money: Money; every: Every; day: number | null }
  | { kind: 'list' }
  /** `target` is a name ("rent") or a list number ("2"). */
  | { kind: 'stop'; target: string }
  | { kind: 'unclear'; words: string };

const QUICK = /\b(?:every|each|monthly|weekly|daily|recurring|repeating|subscriptions?)\b|^(?:stop|cancel|end)\b/i;

const EVERY = String.raw`(?:(?:every|each|per|a)\s+(day|week|month)|(daily|weekly|monthly))`;
const ON = String.raw`(?:\s+on\s+(?:the\s+|every\s+)?([a-z0-9]+))?`;
// "rent 18000 every month on the 1st" and "18000 rent every month on the 1st".
const CREATE_A = new RegExp(String.raw`^(?:add\s+|set\s+up\s+|create\s+)?(?:recurring\s+)?(.+?)\s+${AMOUNT_RE}\s+${EVERY}${ON}$`);
const CREATE_B = new RegExp(String.raw`^(?:add\s+|set\s+up\s+|create\s+)?(?:recurring\s+)?${AMOUNT_RE}\s+(?:for\s+)?(.+?)\s+${EVERY}${ON}$`);
// "every month on the 1st rent 18000", "every monday gym 1500"
const CREATE_C = new RegExp(String.raw`^${EVERY}${ON}\s+(.+?)\s+${AMOUNT_RE}$`);
const LIST = /^(?:(?:show|list|see)\s+)?(?:(?:me\s+)?(?:my|all|the)\s+)?(?:recurring(?:\s+(?:expenses?|payments?|bills?))?|subscriptions?|repeating(?:\s+expenses?)?)$/;
const STOP = /^(?:stop|cancel|end|pause)\s+(?:the\s+|my\s+)?(?:recurring\s+)?(.+?)(?:\s+recurring)?$|^(?:remove|delete)\s+(?:the\s+|my\s+)?recurring\s+(.+)$/;

function dayOf(every: Every, word: string | undefined): number | null | 'bad' {
  if (!word) return null;
  if (every === 'week') return parseWeekday(word) ?? 'bad';
  if (every === 'month') {
    const n = Number(word.replace(/(st|nd|rd|th)$/, ''));
    return Number.isInteger(n) && n >= 1 && n <= 31 ? n : 'bad';
  }
  return 'bad';
}

/** The recurring command in a message, or null when it is not one. */
export function parseRecurringCommand(text: string, defaultCurrency: string): RecurringCommand | null {
  if (!QUICK.test(text)) return null;
  const s = text.trim().toLowerCase().replace(/[?!.]+$/, '').replace(/\s+/g, ' ');
  if (LIST.test(s)) return { kind: 'list' };
  let m: { what: string; amount: string; unit: string; onWord?: string } | null = null;
  const a = CREATE_A.exec(s);
  if (a) m = { what: a[1]!, amount: a[2]!, unit: (a[3] ?? a[4])!, onWord: a[5] };
  const b = m ? null : CREATE_B.exec(s);
  if (b) m = { what: b[2]!, amount: b[1]!, unit: (b[3] ?? b[4])!, onWord: b[5] };
  const c = m ? null : CREATE_C.exec(s);
  if (c) m = { what: c[4]!, amount: c[5]!, unit: (c[1] ?? c[2])!, onWord: c[3] };
  if (!m && /^every\s+(sun|mon|tue|wed|thu|fri|sat)/.test(s)) {
    const w = /^every\s+([a-z]+)\s+(.+?)\s+(\S+)$/.exec(s);
    if (w && parseWeekday(w[1]!) !== null) m = { what: w[2]!, amount: w[3]!, unit: 'week', onWord: w[1] };
  }
  if (m) {
    const every: Every = m.unit.startsWith('d') ? 'day' : m.unit.startsWith('w') ? 'week' : 'month';
    const money = parseMoney(m.amount, defaultCurrency);
    const day = dayOf(every, m.onWord);
    if (!money || day === 'bad') return { kind: 'unclear', words: s };
    return { kind: 'create', what: m.what.replace(/^(?:my|the|a)\s+/, ''), money, every, day };
  }
  const st = STOP.exec(s);
  if (st) return { kind: 'stop', target: (st[1] ?? st[2])!.trim() };
  return null;
}
