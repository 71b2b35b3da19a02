/**
 * @module bench/query
 * Question latency over big ledgers: generates 100k and 1M expenses into temp SQLite files (one
 * INSERT … SELECT over a recursive sequence, so generation takes seconds) and times plan + execute +
 * reply for a sum, a top-N, a concept question and a breakdown, as the bot asks them (detail rows
 * capped, totals exact). Targets: p99 ≤ 20 ms at 100k, ≤ 200 ms at 1M.
 *
 *   npx tsx bench/query.ts            (or via bench/run.ts: benchQuery())
 *   MUNSHI_BENCH_QUERY_SIZES=100000   to run one size only
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { openRepositories } from '../src/app/repositories.js';
import type { ExpenseQueries } from '../src/query/execute.js';
import type { Database } from '../src/ledger/sqlite/schema.js';
import type { OwnerSettings } from '../src/core/types.js';
import { answerQuestion, type QueryContext } from '../src/query/answer.js';

const SETTINGS: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const NOW = new Date('2026-01-15T14:00:00Z');
const TODAY_JULIAN = `julianday('2026-01-15')`;

/** [category, detail, item, merchant, typical amount in minor units] */
const CATALOG: [string, string | null, string, string | null, number][] = [
  ['food', 'tea', 'chai', null, 2000], ['food', 'coffee', 'latte', 'Starbucks', 32000], ['food', 'coffee', 'espresso', 'Cafe Coffee Day', 15000],
  ['food', 'soft_drinks', 'coke', null, 4000], ['food', 'soft_drinks', 'limca', null, 2500], ['food', 'soft_drinks', 'sprite', null, 4000],
  ['food', 'groceries', 'monthly ration', 'Reliance Smart', 180000], ['food', 'groceries', 'vegetables', null, 30000],
  ['food', 'delivery', 'biryani', 'Swiggy', 35000], ['food', 'delivery', 'pizza', 'Zomato', 45000], ['food', 'snacks', 'samosa', null, 3000],
  ['food', 'alcohol', 'beer', 'Toit', 70000], ['food', 'restaurant', 'dinner out', null, 120000], ['food', 'fruits', 'tender coconut', null, 5000],
  ['transport', 'fuel', 'scooter petrol', 'Bharat Petroleum', 30000], ['transport', 'taxi', 'bike taxi', 'Rapido', 12000],
  ['transport', 'taxi', 'uber ride', 'Uber', 25000], ['transport', 'commute', 'metro card', null, 50000], ['transport', 'parking', 'parking', null, 3000],
  ['shopping', 'clothes', 'shirt', 'Myntra', 150000], ['shopping', 'online', 'phone case', 'Amazon', 40000], ['shopping', 'household', 'detergent', 'DMart', 25000],
  ['housing', 'rent', 'flat rent', null, 1400000], ['housing', 'help', 'maid salary', null, 300000],
  ['utilities', 'electricity', 'light bill', 'MSEB', 100000], ['utilities', 'mobile', 'recharge', 'Jio', 70000], ['utilities', 'internet', 'broadband', 'ACT', 90000],
  ['health', 'pharmacy', 'paracetamol', 'Apollo Pharmacy', 6000], ['health', 'doctor', 'doctor visit', null, 90000], ['health', 'gym', 'gym fees', 'Cult', 150000],
  ['entertainment', 'streaming', 'hotstar plan', 'JioHotstar', 149900], ['entertainment', 'movies', 'film tickets', 'PVR', 54000], ['entertainment', 'streaming', 'netflix', 'Netflix', 64900],
  ['travel', 'trains', 'train ticket', 'IRCTC', 112000], ['travel', 'hotels', 'hotel room', 'OYO', 145000],
  ['education', 'courses', 'guitar lessons', null, 200000], ['personal_care', 'salon', 'haircut', null, 30000],
  ['gifts', 'gifts', 'birthday gift', null, 180000], ['fees', 'bank', 'bank charges', null, 5900], ['other', null, 'misc', null, 10000],
];

const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);

/**
 * Fills the ledger with n rows over three years; 10% another owner, 1% deleted, 3% in USD.
 * Rows go in by date, as a real ledger grows.
 */
export async function generate(db: Kysely<Database>, n: number): Promise<void> {
  const values = CATALOG.map(([c, d, item, m, amt], k) => `(${k}, ${q(c)}, ${q(d)}, ${q(item)}, ${q(m)}, ${amt})`).join(',\n');
  await sql.raw(`
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
    cat(k, category, detail, item, merchant, base) AS (VALUES ${values}),
    pick AS (SELECT i, (i * 2654435761) % 4294967296 AS h FROM seq),
    dated AS (SELECT i, h, date(${TODAY_JULIAN} - ((h / 101) % 1095)) AS d FROM pick)
    INSERT INTO expenses (owner, amount_minor, currency, category, detail, item, merchant, note, search_text, date,
                          created_at, updated_at, source, message_id, message_part, understood_by, deleted_at)
    SELECT CASE WHEN h % 10 = 0 THEN 'someone-else' ELSE 'me' END,
           CASE WHEN h % 33 = 0 THEN 100 + (h / 7) % 9000 ELSE cat.base / 2 + (h / 13) % (cat.base + 1) + 1 END,
           CASE WHEN h % 33 = 0 THEN 'USD' ELSE 'INR' END,
           cat.category, cat.detail, cat.item, cat.merchant, NULL,
           lower(cat.item || coalesce(' ' || cat.merchant, '')),
           d,
           '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'import', 'bench:' || i, 0, 'rules',
           CASE WHEN h % 100 = 1 THEN '2026-01-02T00:00:00Z' ELSE NULL END
    FROM dated JOIN cat ON cat.k = (h / 3) % ${CATALOG.length}
    ORDER BY d, i
  `).execute(db);
  await sql`ANALYZE`.execute(db);
}

const QUESTIONS: [string, string][] = [
  ['sum', 'how much did I spend on food this month?'],
  ['top-N', 'top 5 expenses last month'],
  ['concept', 'how much on soft drinks this month?'],
  ['breakdown', 'breakdown by category last month'],
  ['concept, all time', 'Hotstar pe total kitna gaya?'],
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timeQuestion(db: ExpenseQueries, text: string, runs: number): Promise<{ p50: number; p99: number; count: number }> {
  const ctx: QueryContext = { owner: 'me', now: NOW, settings: SETTINGS, maxResultRows: 50 };
  let count = 0;
  for (let i = 0; i < 3; i++) count = (await answerQuestion(db, text, ctx)).result.count;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await answerQuestion(db, text, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99), count };
}

export async function benchQuery(): Promise<{ name: string; lines: string[] }> {
  const sizes = (process.env.MUNSHI_BENCH_QUERY_SIZES ?? '100000,1000000').split(',').map(Number).filter((x) => x > 0);
  const lines: string[] = [];
  for (const n of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-query-'));
    const repos = await openRepositories(path.join(dir, 'ledger.db'));
    const db = repos.store.db;
    const close = () => repos.close();
    try {
      const t0 = performance.now();
      await generate(db, n);
      lines.push(`${n.toLocaleString('en-US')} expenses generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const target = n <= 100_000 ? 20 : 200;
      const runs = n <= 100_000 ? 200 : 50;
      for (const [kind, text] of QUESTIONS) {
        const r = await timeQuestion(repos.queries, text, runs);
        const ok = r.p99 <= target ? 'ok' : `MISSED (target ${target} ms)`;
        lines.push(`  ${kind.padEnd(18)} p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  (${r.count} rows matched) ${ok}  "${text}"`);
      }
    } finally {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { name: 'query', lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchQuery().then((r) => {
    process.stdout.write(`# ${r.name}\n${r.lines.join('\n')}\n`);
  });
}
