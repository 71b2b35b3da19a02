/**
 * @module cli/commands/parse
 * `parse`: runs the rules understanding on stdin, one message per line, and prints one JSON line
 * per message: {"text","intent","expenses":[{amount,currency,category,item,merchant,date}]}.
 * Commands, small talk, income, plans and future-dated expenses print intent "other"; an expense
 * whose amount is missing prints "add_expense" with no expenses (munshi would ask for it).
 */
import { toMajor } from '../../core/money.js';
import type { OwnerSettings } from '../../core/types.js';
import { understandNext } from '../../understanding/next/understand.js';
import { understandAlert } from '../../understanding/alerts/index.js';
import type { UnderstandContext, Understanding } from '../../understanding/types.js';
import { out, parseArgs, stdinLines, str } from '../args.js';
import { parseNowFlag, settingsFromFlags } from '../flags.js';

export const summary = 'understand messages from stdin (one per line) and print JSON lines';

/** Fixed defaults, so parse's output depends on its flags only (not on the environment). */
const PARSE_DEFAULTS: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };

export interface ParsedLine {
  text: string;
  intent: 'add_expense' | 'query' | 'other';
  expenses: Array<{ amount: number; currency: string; category: string; item: string | null; merchant: string | null; date: string }>;
  /** munshi would show a draft or ask instead of recording silently. */
  ask?: boolean;
}

/** The eval's view of an Understanding. */
export function toParsedLine(text: string, u: Understanding): ParsedLine {
  if (u.intent === 'add_expense' && !u.futureDate) {
    return {
      text,
      ...(u.ask ? { ask: true } : {}),
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

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const settings = settingsFromFlags(args, PARSE_DEFAULTS);
  if (typeof settings === 'string') {
    process.stderr.write(`parse: ${settings}\n`);
    return 2;
  }
  const fixed = parseNowFlag(str(args, 'now'), settings.timeZone);
  if (fixed === 'invalid') {
    process.stderr.write(`parse: --now must be an ISO date-time such as 2026-01-15T19:30:00\n`);
    return 2;
  }
  const now = fixed ?? new Date();
  const ctx: UnderstandContext = { now, settings };
  const read = understandNext;
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  for await (const line of stdinLines()) {
    let parsed: ParsedLine;
    try {
      // A forwarded bank or payment alert is read by its own grammar first, as the bot does.
      parsed = toParsedLine(line, understandAlert(line, ctx) ?? read(line, ctx));
    } catch (err) {
      process.stderr.write(`parse: ${err instanceof Error ? err.message : String(err)}\n`);
      parsed = { text: line, intent: 'other', expenses: [] };
    }
    await out(JSON.stringify(parsed));
  }
  return 0;
}
