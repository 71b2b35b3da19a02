/**
 * @module cli/commands/chat
 * `chat --db FILE [--now ISO] [--tz IANA] [--currency ISO] [--jsonl]`: the whole bot in the terminal.
 * With --jsonl, one JSON object per input line {"text","replies":[...]} for scripted end-to-end
 * tests; --now fixes the clock (local wall time in --tz unless it carries an offset).
 * The chat runs no scheduler, but before each line it records the recurring expenses that fell
 * due (once per period, shared with the daemon through their message ids) and says so, so what
 * "stop rent" says about the ledger is as true here as on WhatsApp.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs, out, str } from '../args.js';
import { systemClock, type Clock } from '../../clock/clock.js';
import { parseNowFlag, settingsFromFlags } from '../flags.js';
import { cliConfig, cliServices } from '../services.js';
import { RECURRING_JOB } from '../../recurring/job.js';
import type { Notifier } from '../../scheduler/notifier.js';
import type { Scheduler } from '../../scheduler/port.js';

/** The chat wakes jobs itself (runNow); nothing is ever scheduled. */
const noScheduler: Scheduler = {
  schedule: (spec) => ({ name: spec.name, nextRun: () => null, cancel: () => {} }),
  stop: async () => {},
};

export const summary = 'talk to munshi in the terminal: [--db FILE] [--now ISO] [--tz IANA] [--currency ISO] [--jsonl] [--no-ai]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['jsonl', 'no-ai']);
  // The same config, optional services (Ollama, voice, skills) and bot as the daemon; only the
  // transport differs. --no-ai keeps a scripted run independent of a local Ollama.
  const config = cliConfig(args, args.flags['no-ai'] === true ? { MUNSHI_LLM: 'off' } : {});
  const settings = settingsFromFlags(args, config.defaults);
  if (typeof settings === 'string') {
    process.stderr.write(settings + '\n');
    return 2;
  }
  const fixed = parseNowFlag(str(args, 'now'), settings.timeZone);
  if (fixed === 'invalid') {
    process.stderr.write('--now must be an ISO date-time like 2026-01-15T19:30:00\n');
    return 2;
  }
  const clock: Clock = fixed ? { now: () => fixed } : systemClock;
  const jsonl = args.flags.jsonl === true;
  const services = await cliServices(config, { clock, defaults: settings });
  const { bot } = services;
  const owner = str(args, 'owner') ?? 'me';
  // What the recurring job says to this owner, shown before the next reply.
  const notices: string[] = [];
  const notifier: Notifier = { send: async (to, r) => void (to.owner === owner && notices.push(r.text)) };
  const schedules = services.schedules(notifier, noScheduler);
  const dueRecurring = async (): Promise<string[]> => {
    try {
      await schedules.runNow(RECURRING_JOB);
    } catch (err) {
      services.logger.warn({ err }, 'recording due recurring expenses failed');
    }
    return notices.splice(0);
  };
  const run = randomUUID().slice(0, 8);
  let n = 0;
  const interactive = !jsonl && process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) {
    process.stdout.write('munshi · type an expense ("chai 20") or a question ("how much this week?"); Ctrl-D to quit\n');
    rl.setPrompt('you › ');
    for (const t of await dueRecurring()) await out(t.split('\n').map((l, i) => (i ? '         ' : 'munshi › ') + l).join('\n'));
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      const due = await dueRecurring();
      const replies = [
        ...due.map((t) => ({ text: t })),
        ...(await bot.handle({
          id: `console:${run}:${++n}`,
          chatId: 'console',
          senderId: owner,
          text: line,
          timestamp: clock.now(),
        })),
      ];
      if (jsonl) await out(JSON.stringify({ text: line, replies: replies.map((r) => r.text) }));
      else {
        for (const r of replies) await out(r.text.split('\n').map((l, i) => (i ? '         ' : 'munshi › ') + l).join('\n'));
        if (interactive) rl.prompt();
      }
    }
  } finally {
    await services.close();
  }
  return 0;
}
