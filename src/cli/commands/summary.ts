/**
 * @module cli/commands/summary
 * `summary --db FILE --period week|month [--now ISO] [--tz IANA] [--png FILE] [--owner me]`:
 * prints the summary the schedule would send at `--now` and writes its chart as a PNG.
 * Named periods (this-week, last-week, this-month, last-month) work too.
 */
import fs from 'node:fs';
import { parseArgs, str } from '../args.js';
import { renderSpendingChart } from '../../charts/render.js';
import { isValidTimeZone, localDate } from '../../core/dates.js';
import { composeSummary } from '../../summaries/compose.js';
import { cliConfig, cliServices } from '../services.js';
import { namedWindow, scheduledWindow, type NamedPeriod, type SummaryWindow } from '../../summaries/windows.js';

export const summary = 'print a weekly/monthly summary and write its chart: --db FILE --period week|month [--now ISO] [--tz IANA] [--png FILE] [--owner me]';

const NAMED: Record<string, NamedPeriod> = { 'this-week': 'this week', 'last-week': 'last week', 'this-month': 'this month', 'last-month': 'last month' };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const dbFile = str(args, 'db');
  const period = str(args, 'period') ?? 'week';
  const owner = str(args, 'owner') ?? 'me';
  const pngFile = str(args, 'png');
  const nowText = str(args, 'now');
  if (!dbFile) {
    process.stderr.write('usage: summary --db FILE --period week|month [--now ISO] [--tz IANA] [--png FILE] [--owner me]\n');
    return 2;
  }
  if (period !== 'week' && period !== 'month' && !NAMED[period]) {
    process.stderr.write(`--period must be week, month, ${Object.keys(NAMED).join(', ')}\n`);
    return 2;
  }
  const now = nowText ? new Date(nowText) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now is not a date: ${nowText}\n`);
    return 2;
  }
  if (!fs.existsSync(dbFile)) {
    process.stderr.write(`no ledger at ${dbFile}\n`);
    return 1;
  }
  const services = await cliServices(cliConfig(args), { optionalServices: false });
  const { repos } = services;
  try {
    const stored = await repos.preferences.settings(owner);
    const tz = str(args, 'tz') ?? stored.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isValidTimeZone(tz)) {
      process.stderr.write(`unknown time zone: ${tz}\n`);
      return 2;
    }
    const currency = str(args, 'currency') ?? stored.currency ?? 'INR';
    const weekStartsOn = Number(stored.weekStartsOn ?? 1);
    const today = localDate(now, tz);
    const window: SummaryWindow = NAMED[period] ? namedWindow(NAMED[period]!, today, weekStartsOn) : scheduledWindow(period as 'week' | 'month', today);
    const { reply } = await composeSummary(repos.expenses, owner, window, { currency, locale: stored.locale ?? 'en-IN' }, {
      renderChart: pngFile ? renderSpendingChart : undefined,
      onChartError: (err) => process.stderr.write(`chart failed: ${String(err)}\n`),
    });
    process.stdout.write(reply.text + '\n');
    if (pngFile) {
      if (!reply.image) {
        process.stderr.write('no spending in the period: no chart written\n');
        return 1;
      }
      fs.writeFileSync(pngFile, reply.image.png);
      process.stderr.write(`wrote ${pngFile} (${reply.image.png.length} bytes)\n`);
    }
    return 0;
  } finally {
    await services.close();
  }
}
