/**
 * Prints how the rules read messages: tags, numbers, times, lexicon terms, the best reading and
 * the understanding. For developers: `npx tsx scripts/trace.ts "chai 20" [--tz Asia/Kolkata --currency INR --now 2026-01-15T19:30:00]`
 */
import { languageContext, analyze } from '../src/language/context.js';
import { readNumbers } from '../src/understanding/next/numbers.js';
import { readTimes, bestTimes } from '../src/language/time/index.js';
import { findTerms, functionTokens } from '../src/understanding/next/terms.js';
import { prepare, readExpenses } from '../src/understanding/next/frames.js';
import { understandNext, defaultLexicon } from '../src/understanding/next/understand.js';
import { parseNowFlag } from '../src/cli/flags.js';

const args = process.argv.slice(2);
const flag = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
const tz = flag('--tz', 'Asia/Kolkata'), currency = flag('--currency', 'INR');
const now = parseNowFlag(flag('--now', '2026-01-15T19:30:00'), tz) as Date;
const msgs = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
for (const m of msgs) {
  const lc = languageContext({ now, timeZone: tz, currency });
  const t = analyze(m, lc);
  console.log(`\n== ${m}   [${lc.pack.id}]`);
  console.log('tokens:', t.tokens.map((k) => `${k.i}:${k.glued ? '+' : ''}${k.text}`).join(' '));
  console.log('tags:  ', t.tags.map((g) => `${g.start}-${g.end}:${g.role}${g.value ? '=' + g.value : ''}(${g.phrase})`).join(' '));
  const nums = readNumbers(t, lc);
  console.log('money: ', nums.money.map((x) => `${x.start}-${x.end}:${x.minor / 100}${x.currency}@${x.score}`).join(' '), '| qty:', nums.quantities.map((q) => `${q.start}-${q.end}:${q.count}${q.unit ?? ''}`).join(' '), '| labels:', nums.labels.map((l) => `${l.start}-${l.end}:${l.kind}`).join(' '));
  const times = bestTimes(readTimes(t, lc, { mode: 'record' }));
  console.log('times: ', times.map((r) => `${r.start}-${r.end}:${r.from}${r.future ? '(future)' : ''}`).join(' '));
  const terms = findTerms(t, defaultLexicon, functionTokens(t));
  console.log('terms: ', terms.map((k) => `${k.start}-${k.end}:${k.kind}:${k.canonical}=${k.primary}/${k.detail}`).join(' '));
  const rr = readExpenses(prepare(t, nums, times, terms));
  console.log('best:  ', rr.best ? rr.best.frames.map((f) => `[${f.money.minor / 100} | ${f.content.join(',')}${f.qty ? ' qty ' + f.qty.count : ''}]`).join(' ') + ` score ${rr.best.score.toFixed(2)} margin ${rr.margin.toFixed(2)} of ${rr.alternatives}` : null);
  console.log('=>     ', JSON.stringify(understandNext(m, { now, settings: { timeZone: tz, currency, locale: 'en-IN', dayFirst: true, weekStartsOn: 1 } })));
}
