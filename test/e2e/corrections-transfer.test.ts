/**
 * Corrections survive moving a ledger: taught in `chat`, exported as JSON lines, imported into a
 * fresh ledger file, and used there by `chat` again. Real subprocesses on real files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function cli(args: string[], input: string, dir: string): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_LOG_LEVEL: 'error' },
    timeout: 90_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

const chat = (db: string, dir: string, lines: string[]) =>
  cli(['chat', '--db', db, '--now', '2026-12-01T10:00:00', '--tz', 'Asia/Kolkata', '--jsonl', '--no-ai'], lines.join('\n') + '\n', dir)
    .stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; replies: string[] });

describe('category corrections across export and import', () => {
  it('a JSON-lines export carries them, and the imported ledger files new rows the taught way', { timeout: 240_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-corrections-transfer-'));
    try {
      const a = path.join(dir, 'a.db'), b = path.join(dir, 'b.db');
      const taught = chat(a, dir, ['maggi 30', 'that was shopping', 'red bull 120', 'that was snacks']);
      expect(taught[1]!.replies[0]).toBe('✏️ Updated: ₹30 · Shopping · maggi · today');
      const exported = cli(['export', '--db', a, '--format', 'jsonl'], '', dir).stdout;
      const lines = exported.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.filter((l) => l.kind === 'override')).toEqual([
        { kind: 'override', key: 'maggi', category: 'shopping' },
        { kind: 'override', key: 'red bull', category: 'food/snacks' },
      ]);
      const imported = cli(['import', '--db', b, '--format', 'jsonl'], exported, dir);
      expect(imported.stderr).toMatch(/category corrections 2/);
      // Importing the same file again teaches nothing new and changes nothing.
      cli(['import', '--db', b, '--format', 'jsonl'], exported, dir);
      const copy = cli(['export', '--db', b, '--format', 'jsonl'], '', dir).stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(copy.filter((l) => l.kind !== 'override').map((l) => [l.item, l.category])).toEqual([['maggi', 'shopping'], ['red bull', 'food/snacks']]);
      expect(copy.filter((l) => l.kind === 'override')).toHaveLength(2);
      const there = chat(b, dir, ['maggi 40', 'red bull 99']);
      expect(there.map((t) => t.replies[0])).toEqual(['✅ ₹40 · Shopping · maggi · today', '✅ ₹99 · Food › Snacks · red bull · today']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
