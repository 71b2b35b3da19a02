/**
 * @module cli/commands/recurring
 * `recurring --db FILE [--owner ID] [--all] [--now ISO] [--tz IANA]`: recurring expenses with
 * their next date (stopped ones too with --all).
 */
import { parseArgs, str } from '../args.js';
import { categoryLabel } from '../../categories/taxonomy.js';
import { isValidTimeZone } from '../../core/dates.js';
import { formatMoney } from '../../core/money.js';
import { describeEvery, nextOccurrence } from '../../recurring/due.js';
import { recurringName } from '../../recurring/text.js';
import { cliConfig, cliServices } from '../services.js';

export const summary = 'list recurring expenses and their next date: --db FILE [--owner ID] [--all] [--now ISO] [--tz IANA]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['all']);
  const dbFile = str(args, 'db');
  if (!dbFile) {
    process.stderr.write('usage: recurring --db FILE [--owner ID] [--all] [--now ISO] [--tz IANA]\n');
    return 2;
  }
  const now = str(args, 'now') ? new Date(str(args, 'now')!) : new Date();
  const config = cliConfig(args);
  const services = await cliServices(config, { optionalServices: false });
  const { repos } = services;
  try {
    const items = await repos.recurring.list({ owner: str(args, 'owner'), includeStopped: args.flags.all === true });
    if (!items.length) process.stdout.write('No recurring expenses.\n');
    for (const r of items) {
      const stored = await repos.preferences.settings(r.owner);
      const tz = str(args, 'tz') ?? stored.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!isValidTimeZone(tz)) {
        process.stderr.write(`unknown time zone: ${tz}\n`);
        return 2;
      }
      const state = r.stoppedAt ? `stopped ${r.stoppedAt.slice(0, 10)}` : `next ${nextOccurrence(r, now, tz, config.recurringAt).date}`;
      process.stdout.write(
        [r.id, r.owner, recurringName(r), formatMoney(r.amountMinor, r.currency, stored.locale), categoryLabel(r.category, r.detail), describeEvery(r), state].join('\t') + '\n',
      );
    }
    return 0;
  } finally {
    await services.close();
  }
}
