/**
 * `npm run --silent cli -- reindex` as a user runs it: a real child process, a real ledger file,
 * the fake Ollama on loopback, and both the happy path and the "Ollama is down" path.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepositories } from '../app/repositories.js';
import { closedPort, startFakeOllama, type FakeOllama } from '../llm/ollama/fake-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-reindex-'));
const dbFile = path.join(tmp, 'ledger.db');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...process.env, MUNSHI_DATA_DIR: tmp, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let fake: FakeOllama;
beforeAll(async () => {
  fake = await startFakeOllama();
  const db = await openRepositories(dbFile);
  await db.expenses.record(
    [
      { amountMinor: 2500, currency: 'INR', category: 'food', detail: null, item: 'Limca', merchant: null, note: null, date: '2026-01-10' },
      { amountMinor: 30000, currency: 'INR', category: 'transport', detail: null, item: 'petrol', merchant: 'Indian Oil', note: null, date: '2026-01-11' },
      { amountMinor: 14000, currency: 'INR', category: 'food', detail: null, item: 'espresso', merchant: 'CCD', note: null, date: '2026-01-12' },
    ],
    { owner: 'me', source: 'import', messageId: 'seed', now: '2026-01-12T00:00:00.000Z' },
  );
  await db.close();
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('cli reindex', () => {
  it('rebuilds the index from the ledger and prints a JSON summary', async () => {
    const r = await cli(['reindex', '--db', dbFile, '--backend', 'sqlite'], { OLLAMA_HOST: fake.url, MUNSHI_EMBED_MODEL: 'nomic-embed-text' });
    expect(r.stderr).toContain('reindex 5/5');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ texts: 5, backend: 'sqlite', model: 'nomic-embed-text' });
    const db = await openRepositories(dbFile);
    const index = db.vectorIndex();
    expect(await index.count()).toBe(5);
    expect(await index.has('indian oil', 'merchant')).toBe(true);
    await db.close();
    // nomic-embed-text is given its document prefix.
    expect(fake.requests.filter((q) => q.path === '/api/embed').at(-1)!.body.input).toContain('search_document: limca');
  });

  it('says how to fix a missing model or a stopped Ollama, with a failing exit code', async () => {
    const missing = await cli(['reindex', '--db', dbFile, '--backend', 'sqlite'], { OLLAMA_HOST: fake.url, MUNSHI_EMBED_MODEL: 'all-minilm' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ollama pull all-minilm');
    const down = await cli(['reindex', '--db', dbFile], { OLLAMA_HOST: `http://127.0.0.1:${await closedPort()}` });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('not reachable');
    expect(down.stdout).toBe('');
  });
});
