/**
 * @module cli/commands/parse
 * `parse`: runs the rules understanding on stdin, one message per line, and prints one JSON line
 * per message: {"text","intent","expenses":[{amount,currency,category,item,merchant,date}]}.
 * Commands, small talk, income, plans and future-dated expenses print intent "other"; an expense
 * whose amount is missing prints "add_expense" with no expenses (munshi would ask for it).
 */
import { isValidTimeZone, zonedInstant } from '../../core/dates.js';
import { KNOWN_CURRENCIES, defaultLocaleFor, toMajor } from '../../core/money.js';
import type { OwnerSettings } from '../../core/types.js';
import { understand } from '../../understanding/understand.js';
import type { UnderstandContext, Understanding } from '../../understanding/types.js';
import { out, parseArgs, stdinLines, str } from '../args.js';

export const summary = 'understand messages from stdin (one per line) and print JSON lines';

export interface ParsedLine {
  text: string;
  intent: 'add_expense' | 'query' | 'other';
  expenses: Array<{ amount: number; currency: string; category: string; item: string | null; merchant: string | null; date: string }>;
}

/** The eval's view of an Understanding. */
export function toParsedLine(text: string, u: Understanding): ParsedLine {
  if (u.intent === 'add_expense' && !u.futureDate) {
    return {
      text,
      intent: 'add_expense',
      expenses: u.expenses.map((e) => ({
        amount: toMajor(e.amountMinor, e.currency), currency: e.currency,
        category: e.detail ? `${e.category}/${e.detail}` : e.category,
        item: e.item, merchant: e.merchant, date: e.date,
      })),
    };
  }
  if (u.intent === 'incomplete' && u.missing === 'amount') return { text, intent: 'add_expense', expenses: [] };
  if (u.intent === 'query') return { text, intent: 'query', expenses: [] };
  return { text, intent: 'other', expenses: [] };
}

/** "2026-01-15T19:30:00" is wall time in the zone; with Z or an offset it is an instant. */
export function parseNow(s: string | undefined, tz: string): Date | null {
  if (!s) return new Date();
  if (/(?:z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  if (!m) return null;
  return zonedInstant(m[1]!, { hour: Number(m[2] ?? 12), minute: Number(m[3] ?? 0) }, tz);
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const tz = str(args, 'tz') ?? 'Asia/Kolkata';
  if (!isValidTimeZone(tz)) {
    process.stderr.write(`parse: unknown time zone "${tz}"\n`);
    return 2;
  }
  const currency = (str(args, 'currency') ?? 'INR').toUpperCase();
  if (!KNOWN_CURRENCIES.has(currency)) {
    process.stderr.write(`parse: unknown currency "${currency}"\n`);
    return 2;
  }
  const now = parseNow(str(args, 'now'), tz);
  if (!now) {
    process.stderr.write(`parse: --now must be an ISO date-time such as 2026-01-15T19:30:00\n`);
    return 2;
  }
  const dayFirstFlag = str(args, 'day-first');
  const settings: OwnerSettings = {
    timeZone: tz, currency, locale: str(args, 'locale') ?? defaultLocaleFor(currency),
    dayFirst: dayFirstFlag === undefined ? !/^en-US$/i.test(str(args, 'locale') ?? '') : dayFirstFlag !== 'false',
    weekStartsOn: 1,
  };
  const ctx: UnderstandContext = { now, settings };
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  for await (const line of stdinLines()) {
    let parsed: ParsedLine;
    try {
      parsed = toParsedLine(line, understand(line, ctx));
    } catch (err) {
      process.stderr.write(`parse: ${err instanceof Error ? err.message : String(err)}\n`);
      parsed = { text: line, intent: 'other', expenses: [] };
    }
    await out(JSON.stringify(parsed));
  }
  return 0;
}
