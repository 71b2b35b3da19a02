/**
 * @module cli/commands/ask
 * `ask --db FILE --now ISO --tz IANA --currency ISO [--owner me]`: one question per stdin line, one
 * JSON answer per line on stdout ({"question","answer","result"}), as the evaluation expects. The
 * conversation carries across lines, so a script can ask follow-ups ("and last month?").
 */
import { parseArgs, stdinLines, out, str } from '../args.js';
import { answerJson } from '../answer-json.js';
import { cliConfig, cliServices } from '../services.js';
import { isValidTimeZone } from '../../core/dates.js';
import { KNOWN_CURRENCIES } from '../../core/money.js';
import type { OwnerSettings } from '../../core/types.js';
import { answerQuestion, newConversation } from '../../query/answer.js';
import { parseNowFlag } from '../flags.js';

export const summary = 'answer questions (one per stdin line) as JSON lines: --db FILE --now ISO --tz IANA --currency ISO [--owner me]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const owner = str(args, 'owner') ?? 'me';
  const config = cliConfig(args);
  const services = await cliServices(config, { optionalServices: false });
  try {
    const stored = await services.repos.preferences.settings(owner);
    const tz = str(args, 'tz') ?? stored.timeZone ?? 'Asia/Kolkata';
    const currency = (str(args, 'currency') ?? stored.currency ?? 'INR').toUpperCase();
    if (!isValidTimeZone(tz)) {
      process.stderr.write(`--tz: unknown time zone "${tz}"\n`);
      return 2;
    }
    if (!KNOWN_CURRENCIES.has(currency)) {
      process.stderr.write(`--currency: unknown currency "${currency}"\n`);
      return 2;
    }
    const fixed = parseNowFlag(str(args, 'now'), tz);
    if (fixed === 'invalid') {
      process.stderr.write('--now: expected an ISO date-time such as 2026-01-15T19:30:00\n');
      return 2;
    }
    const now = fixed ?? new Date();
    const settings: OwnerSettings = {
      timeZone: tz,
      currency,
      locale: stored.locale ?? (currency === 'INR' ? 'en-IN' : 'en-US'),
      dayFirst: stored.dayFirst ? stored.dayFirst === 'true' : !/^America\//.test(tz),
      weekStartsOn: (Number(stored.weekStartsOn ?? 1) as OwnerSettings['weekStartsOn']),
    };
    let conversation = newConversation();
    for await (const line of stdinLines()) {
      const question = line.trim();
      if (!question) continue;
      try {
        const a = await answerQuestion(services.repos.queries, question, { owner, now, settings }, conversation);
        conversation = a.conversation;
        await out(JSON.stringify({ question, answer: a.reply, result: answerJson(a.result) }));
      } catch (e) {
        process.stderr.write(`error answering "${question}": ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        await out(JSON.stringify({ question, answer: 'Something went wrong answering that.', result: { total: null, currency: null, count: 0, expenses: [] } }));
      }
    }
    return 0;
  } finally {
    await services.close();
  }
}
