/**
 * @module cli/commands/budgets
 * `budgets --db FILE [--owner me] [--now ISO] [--tz IANA]`: every budget with what was spent
 * against it in its current period (all owners unless --owner).
 */
import { parseArgs, str } from '../args.js';
import { budgetLines } from '../../budgets/skill.js';
import { budgetList } from '../../budgets/text.js';
import { isValidTimeZone } from '../../core/dates.js';
import { cliConfig, cliServices } from '../services.js';

export const summary = 'list budgets with spent/left this period: --db FILE [--owner ID] [--now ISO] [--tz IANA]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const dbFile = str(args, 'db');
  if (!dbFile) {
    process.stderr.write('usage: budgets --db FILE [--owner ID] [--now ISO] [--tz IANA]\n');
    return 2;
  }
  const now = str(args, 'now') ? new Date(str(args, 'now')!) : new Date();
  const services = await cliServices(cliConfig(args), { optionalServices: false });
  const { repos } = services;
  try {
    const all = await repos.budgets.list(str(args, 'owner'));
    const owners = [...new Set(all.map((b) => b.owner))];
    if (!owners.length) process.stdout.write('No budgets.\n');
    for (const owner of owners) {
      const stored = await repos.preferences.settings(owner);
      const tz = str(args, 'tz') ?? stored.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (!isValidTimeZone(tz)) {
        process.stderr.write(`unknown time zone: ${tz}\n`);
        return 2;
      }
      const lines = await budgetLines({ budgets: repos.budgets, expenses: repos.expenses }, all.filter((b) => b.owner === owner), { timeZone: tz, weekStartsOn: Number(stored.weekStartsOn ?? 1) as 1 }, now);
      if (owners.length > 1 || !str(args, 'owner')) process.stdout.write(`# ${owner}\n`);
      process.stdout.write(budgetList(lines, stored.locale).replace(/\*/g, '') + '\n');
    }
    return 0;
  } finally {
    await services.close();
  }
}
