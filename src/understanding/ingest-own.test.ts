/**
 * Scores the rules on munshi's own labelled messages (test/data/ingest-*.jsonl, the eval's format)
 * with the eval's matching rules, and fails below the bar; the failures are listed in the message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import { toParsedLine, type ParsedLine } from '../cli/commands/parse.js';
import { understandNext as understand } from './next/understand.js';

interface Exp { amount: number; currency: string; category: string; date: string; item?: string | string[]; merchant?: string | string[] }
interface Row { id: string; text: string; expect: { intent: string; expenses: Exp[] } }

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../test/data');
const rows: Row[] = fs.readdirSync(dir).filter((f) => /^ingest-.*\.jsonl$/.test(f))
  .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row));

const norm = (s: unknown): string => String(s ?? '').toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
function textMatch(expected: string | string[], actual: string | null): boolean {
  const na = norm(actual);
  if (!na) return false;
  return (Array.isArray(expected) ? expected : [expected]).some((e) => {
    const ne = norm(e);
    return na === ne || na.includes(ne) || (na.length >= 3 && ne.includes(na));
  });
}
function same(e: Exp, a: ParsedLine['expenses'][number]): boolean {
  return Math.abs(a.amount - e.amount) <= 0.005 && a.currency === e.currency && a.category.split('/')[0] === e.category &&
    a.date === e.date && (e.item === undefined || textMatch(e.item, a.item)) && (e.merchant === undefined || textMatch(e.merchant, a.merchant));
}
function matches(exp: Exp[], act: ParsedLine['expenses']): boolean {
  if (exp.length !== act.length) return false;
  const used = new Set<number>();
  return exp.every((e) => {
    const j = act.findIndex((a, k) => !used.has(k) && same(e, a));
    if (j < 0) return false;
    used.add(j);
    return true;
  });
}

describe('own labelled set (eval format)', () => {
  const ctx = {
    now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'),
    settings: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 as const },
  };
  it(`understands at least 95% of intents and 92% of expense fields (${rows.length} messages)`, () => {
    expect(rows.length).toBeGreaterThan(300);
    let intentOk = 0, fieldsN = 0, fieldsOk = 0;
    const fails: string[] = [];
    for (const r of rows) {
      const got = toParsedLine(r.text, understand(r.text, ctx));
      const iok = got.intent === r.expect.intent;
      if (iok) intentOk++;
      let fok = true;
      if (r.expect.intent === 'add_expense') {
        fieldsN++;
        fok = matches(r.expect.expenses, got.expenses);
        if (fok) fieldsOk++;
      }
      if (!iok || !fok) fails.push(`${r.id} ${JSON.stringify(r.text)} want ${r.expect.intent} ${JSON.stringify(r.expect.expenses)} got ${got.intent} ${JSON.stringify(got.expenses)}`);
    }
    const ip = (100 * intentOk) / rows.length, fp = (100 * fieldsOk) / fieldsN;
    const report = `intent ${ip.toFixed(1)}% fields ${fp.toFixed(1)}%\n${fails.join('\n')}`;
    expect(ip, report).toBeGreaterThanOrEqual(95);
    expect(fp, report).toBeGreaterThanOrEqual(92);
  });
});
