/**
 * The CLI's export and import on real ledger files in real processes (issue 17, items 1 and 4):
 * an export imported again records nothing (it doubled every record), and `export | head` ends
 * quietly (it crashed with EPIPE). The rules of "once" are tested in src/ledger/io/transfer.medium.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories } from '../../src/app/repositories.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let db: string;
const env = () => ({ ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_LOG_LEVEL: 'error', MUNSHI_LLM: 'off' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-io-'));
  db = path.join(dir, 'munshi.db');
  const repos = await openRepositories(db);
  await repos.expenses.importBatch(
    Array.from({ length: 20_000 }, (_, i) => ({
      draft: { amountMinor: 100 + i, currency: 'INR', category: 'food' as const, detail: null, item: `item ${i}`, merchant: i % 3 ? null : 'Shop, "Ltd"', note: null, date: '2026-01-01' },
      uid: null,
      occurrence: 1,
    })),
    { owner: 'me', now: '2026-01-01T00:00:00Z' },
  );
  await repos.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cli export | cli import', () => {
  it('into the same ledger records nothing', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', 'node --import tsx src/cli/main.ts export --db "$DB" --format csv | node --import tsx src/cli/main.ts import --db "$DB" --format csv'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...env(), DB: db },
      timeout: 120_000,
    });
    expect(r.stderr).toContain('imported 0, already present 20000, rejected 0');
    expect(r.status).toBe(0);
  }, 120_000);

  it('export | head ends quietly when the reader goes away', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', 'node --import tsx src/cli/main.ts export --db "$DB" --format csv | head -3'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...env(), DB: db },
      timeout: 60_000,
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
