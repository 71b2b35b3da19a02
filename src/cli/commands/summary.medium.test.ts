/**
 * The CLI end to end: `import` a JSONL ledger, then `summary --png` prints the summary and writes
 * a PNG at least 600 px wide that a decoder reads; `budgets` and `recurring` list what is there.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories } from '../../app/repositories.js';
import { createBudgetSkill } from '../../budgets/skill.js';
import { createRecurringSkill } from '../../recurring/skill.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-cli-summary-'));
const db = path.join(dir, 'ledger.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const p = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, maxBuffer: 1 << 22 });
  if (input !== undefined) {
    p.child.stdin!.end(input);
  }
  return p;
}

const LEDGER = [
  { date: '2026-01-05', amount: 120, currency: 'INR', category: 'food', item: 'chai and samosa', merchant: null, note: null },
  { date: '2026-01-07', amount: 1500, currency: 'INR', category: 'transport', item: 'petrol', merchant: 'HP', note: null },
  { date: '2026-01-09', amount: 2999, currency: 'INR', category: 'shopping', item: 'शर्ट', merchant: 'Myntra', note: null },
  { date: '2026-01-10', amount: 650, currency: 'INR', category: 'food', item: 'dinner', merchant: 'Toit', note: null },
  { date: '2026-01-03', amount: 400, currency: 'INR', category: 'food', item: 'groceries', merchant: null, note: null },
].map((r) => JSON.stringify(r)).join('\n') + '\n';

beforeAll(async () => {
  const { stderr } = await cli(['import', '--db', db], LEDGER);
  expect(stderr).toMatch(/imported 5/);
}, 60_000);

describe('summary CLI', () => {
  it('prints the week and writes a readable PNG', async () => {
    const png = path.join(dir, 'week.png');
    const { stdout } = await cli(['summary', '--db', db, '--period', 'week', '--now', '2026-01-11T20:00:00+05:30', '--tz', 'Asia/Kolkata', '--png', png]);
    expect(stdout).toContain('📊 *Weekly summary* · Mon 5 Jan – Sun 11 Jan');
    expect(stdout).toContain('Total *₹5,269* · 4 expenses · ▲ 1217% vs last week (₹400)');
    expect(stdout).toContain('₹2,999 · शर्ट at Myntra · Fri 9 Jan');
    const img = PNG.sync.read(fs.readFileSync(png));
    expect(img.width).toBeGreaterThanOrEqual(600);
    expect(img.height).toBeGreaterThan(300);
  }, 60_000);

  it('rejects bad flags with exit code 2', async () => {
    await expect(cli(['summary', '--db', db, '--period', 'year'])).rejects.toMatchObject({ code: 2 });
    await expect(cli(['summary', '--db', db, '--tz', 'Mars/Olympus'])).rejects.toMatchObject({ code: 2 });
  }, 60_000);

  it('lists budgets and recurring expenses', async () => {
    const opened = await openRepositories(db);
    const ctx = { owner: 'me', chatId: 'c', messageId: 'x', settings: { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 as const }, now: new Date('2026-01-11T12:00:00Z') };
    await createBudgetSkill({ budgets: opened.budgets, expenses: opened.expenses }).handle!('set food budget 2000 a month', ctx);
    await createRecurringSkill({ recurring: opened.recurring }).handle!('rent 18000 every month on the 1st', ctx);
    await opened.close();
    const b = await cli(['budgets', '--db', db, '--now', '2026-01-11T12:00:00Z', '--tz', 'Asia/Kolkata']);
    expect(b.stdout).toContain('🍽️ Food ₹1,170 of ₹2,000 this month · ₹830 left');
    const r = await cli(['recurring', '--db', db, '--now', '2026-01-11T12:00:00Z', '--tz', 'Asia/Kolkata']);
    expect(r.stdout).toMatch(/^1\tme\tRent\t₹18,000\tHousing › Rent\tevery month on the 1st\tnext 2026-02-01\n$/);
  }, 60_000);
});
