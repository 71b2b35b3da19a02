#!/usr/bin/env tsx
// Scores munshi on the labelled alert corpus (test/data/alerts/*.jsonl) through the same path as
// `parse` (the alert reader first, then the chat reader), and the chat reader alone for comparison.
//   npx tsx scripts/eval-alerts.ts [--show]     (--show prints every miss)
// The corpus was written by the engineer who wrote the reader (see test/data/alerts/make.mjs): a
// check of the grammar, not a blind measure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toParsedLine, type ParsedLine } from '../src/cli/commands/parse.js';
import type { OwnerSettings } from '../src/core/types.js';
import { readAlertFor, understandAlert } from '../src/understanding/alerts/index.js';
import { understandNext } from '../src/understanding/next/understand.js';
import type { UnderstandContext } from '../src/understanding/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const show = process.argv.includes('--show');
const NOW = new Date('2026-01-15T14:00:00Z'); // 19:30 in Kolkata, 09:00 in New York
const OWNERS: Record<string, OwnerSettings> = {
  india: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 },
  west: { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 },
};

interface Row { text: string; kind: string; amount: number; currency: string; merchant: string | null; category: string | null; date: string | null }
const norm = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const merchantOk = (want: string | null, got: string | null): boolean => {
  if (!want) return !got;
  const a = norm(want), b = norm(got);
  return !!b && (a.includes(b) || b.includes(a));
};
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');

function score(file: string, rows: Row[], ctx: UnderstandContext, withAlerts: boolean): string[] {
  const chat = understandNext;
  const c = { debits: 0, amount: 0, merchant: 0, date: 0, category: 0, whole: 0, debitMissed: 0, wrongAmount: 0, others: 0, othersRecorded: 0, kind: 0, kinds: 0 };
  const misses: string[] = [];
  for (const r of rows) {
    const u = (withAlerts ? understandAlert(r.text, ctx) : null) ?? chat(r.text, ctx);
    const p: ParsedLine = toParsedLine(r.text, u);
    const e = p.intent === 'add_expense' && p.expenses.length === 1 ? p.expenses[0]! : null;
    if (withAlerts) {
      c.kinds++;
      const a = readAlertFor(r.text, ctx);
      if (a?.kind === r.kind) c.kind++;
      else misses.push(`kind ${a?.kind ?? 'none'} ≠ ${r.kind}: ${r.text.replace(/\n/g, ' ⏎ ')}`);
    }
    if (r.kind === 'debit') {
      c.debits++;
      if (!e) {
        c.debitMissed++;
        if (withAlerts) misses.push(`not recorded (${p.intent}): ${r.text.replace(/\n/g, ' ⏎ ')}`);
        continue;
      }
      const amountOk = e.amount === r.amount && e.currency === r.currency;
      const dateOk = e.date === (r.date ?? '2026-01-15') || (r.date === null && e.date === ctx.settings && false);
      const mOk = merchantOk(r.merchant, e.merchant);
      const catOk = !r.category || e.category.split('/')[0] === r.category;
      if (amountOk) c.amount++;
      else c.wrongAmount++;
      if (dateOk) c.date++;
      if (mOk) c.merchant++;
      if (catOk) c.category++;
      if (amountOk && dateOk && mOk) c.whole++;
      if (withAlerts && !(amountOk && dateOk && mOk && catOk)) misses.push(`${amountOk ? '' : `amount ${e.amount} ${e.currency} ≠ ${r.amount}; `}${dateOk ? '' : `date ${e.date} ≠ ${r.date}; `}${mOk ? '' : `merchant ${e.merchant} ≠ ${r.merchant}; `}${catOk ? '' : `category ${e.category} ≠ ${r.category}; `}${r.text.replace(/\n/g, ' ⏎ ')}`);
    } else {
      c.others++;
      if (p.intent === 'add_expense' && p.expenses.length) {
        c.othersRecorded++;
        if (withAlerts) misses.push(`recorded a ${r.kind}: ${r.text.replace(/\n/g, ' ⏎ ')}`);
      }
    }
  }
  const line = `${file.padEnd(7)} ${withAlerts ? 'alerts+chat' : 'chat only'.padEnd(11)}  debits ${c.debits}: amount ${pct(c.amount, c.debits)}, merchant ${pct(c.merchant, c.debits)}, date ${pct(c.date, c.debits)}, category ${pct(c.category, c.debits)}, whole record ${pct(c.whole, c.debits)}, not recorded ${c.debitMissed}, recorded with a wrong amount ${c.wrongAmount} | others ${c.others}: recorded ${c.othersRecorded} (${pct(c.othersRecorded, c.others)})${withAlerts ? ` | kind ${pct(c.kind, c.kinds)}` : ''}`;
  return [line, ...(show ? misses.map((m) => `   ${m}`) : [])];
}

const dir = path.join(root, 'test/data/alerts');
for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
  const name = f.replace(/\.jsonl$/, '');
  const rows = fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
  const ctx: UnderstandContext = { now: NOW, settings: OWNERS[name.replace(/^hand-/, '')] ?? OWNERS.india! };
  for (const line of score(name, rows, ctx, true)) console.log(line);
  console.log(score(name, rows, ctx, false)[0]);
}
