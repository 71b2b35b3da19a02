/** Prints the planner's plans for questions: `npx tsx scripts/trace-plan.ts "food this month?" [--now ISO --tz IANA --currency ISO --locale en-US]` */
import { planWith } from '../src/query/answer.js';
import { parseNowFlag } from '../src/cli/flags.js';

const args = process.argv.slice(2);
const flag = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const tz = flag('--tz', 'Asia/Kolkata'), currency = flag('--currency', 'INR');
const now = parseNowFlag(flag('--now', '2026-01-15T19:30:00'), tz) as Date;
const locale = flag('--locale', 'en-IN');
const settings = { timeZone: tz, currency, locale, dayFirst: locale !== 'en-US', weekStartsOn: 1 as const };
for (const q of args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')))) {
  console.log(`\n== ${q}`);
  // The planner exactly as query/answer.ts calls it.
  console.log(JSON.stringify(planWith(q, { owner: 'me', now, settings }, null)));
}
