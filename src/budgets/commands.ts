/**
 * @module budgets/commands
 * Understands budget messages: "set food budget 8000 a month", "coffee budget 2k weekly",
 * "budgets?", "remove food budget". Pure; anything without the word "budget" is declined at once.
 */
import { AMOUNT_RE, isTotalScope, parseMoney, parseScope, type Money, type Scope } from './phrases.js';

export type BudgetPeriod = 'month' | 'week';

export type BudgetCommand =
  | { kind: 'set'; scope: Scope; money: Money; period: BudgetPeriod }
  | { kind: 'list' }
  | { kind: 'remove'; scope: Scope }
  /** Clearly about budgets but unreadable: answer with an example rather than record an expense. */
  | { kind: 'unclear'; reason: 'category' | 'amount'; words: string };

const PERIOD = String.raw`(?:\s*(?:a|per|every|each|\/|in\s+a)?\s*(month|monthly|mo|week|weekly|wk))?`;
const SET_A = new RegExp(String.raw`^(set\s+|add\s+|make\s+)?(?:a\s+|my\s+|the\s+)?(weekly\s+|monthly\s+)?(.*?)\s*budget\s+(?:(?:of|to|at|is|=|as)\s+)?${AMOUNT_RE}${PERIOD}$`);
const SET_B = new RegExp(String.raw`^(?:(?:set|add|make)\s+)?(?:a\s+|my\s+)?(weekly\s+|monthly\s+)?budget\s+(?:for|on)\s+(.+?)\s+(?:(?:to|at|of|as|=)\s+)?${AMOUNT_RE}${PERIOD}$`);
const LIST = /^(?:(?:show|list|see|check|view)\s+)?(?:(?:me\s+)?(?:my|all|the)\s+)?budgets?(?:\s+(?:status|left|summary))?$|^how(?:'s| is| are) my budgets?$/;
const REMOVE_A = /^(?:remove|delete|clear|cancel|stop|drop|unset)\s+(?:the\s+|my\s+)?(.*?)\s*budget$/;
const REMOVE_B = /^(?:remove|delete|clear|cancel|stop|drop|unset)\s+(?:the\s+|my\s+)?budget\s+(?:for|on|of)\s+(.+)$/;

function periodOf(...words: Array<string | undefined>): BudgetPeriod {
  return words.some((w) => w && /^(week|weekly|wk)/.test(w.trim())) ? 'week' : 'month';
}

function scopeOf(words: string): Scope | null {
  if (isTotalScope(words)) return { category: null, detail: null };
  return parseScope(words);
}

/** The budget command in a message, or null when it is not about budgets. */
export function parseBudgetCommand(text: string, defaultCurrency: string): BudgetCommand | null {
  if (!/budget/i.test(text)) return null;
  const s = text.trim().toLowerCase().replace(/[?!.]+$/, '').replace(/\s+/g, ' ');
  if (LIST.test(s)) return { kind: 'list' };
  const rm = REMOVE_A.exec(s) ?? REMOVE_B.exec(s);
  if (rm) {
    const scope = scopeOf(rm[1]!);
    return scope ? { kind: 'remove', scope } : { kind: 'unclear', reason: 'category', words: rm[1]! };
  }
  const b = SET_B.exec(s);
  const a = b ? null : SET_A.exec(s);
  if (a || b) {
    const [words, amount, periodWord, prefix] = b ? [b[2]!, b[3]!, b[4], b[1]] : [a![3]!, a![4]!, a![5], a![2]];
    const explicit = Boolean(b || a![1]);
    const scope = scopeOf(words);
    // "budget hotel 2000" is an expense, not a command: only claim it when it reads as one.
    if (!scope) return explicit ? { kind: 'unclear', reason: 'category', words } : null;
    const money = parseMoney(amount, defaultCurrency);
    if (!money) return { kind: 'unclear', reason: 'amount', words: amount };
    return { kind: 'set', scope, money, period: periodOf(periodWord, prefix, words) };
  }
  if (/^(?:set|add|make|remove|delete)\b.*\bbudget\b/.test(s)) return { kind: 'unclear', reason: 'amount', words: s };
  return null;
}
