/** The `chat --jsonl` command as a scripted end-to-end run in a real subprocess on a real ledger file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function chat(lines: string[], db: string, now = '2026-01-15T19:30:00'): { text: string; replies: string[] }[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'chat', '--db', db, '--now', now, '--tz', 'Asia/Kolkata', '--jsonl', '--no-ai'], {
    cwd: root,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, MUNSHI_DATA_DIR: path.dirname(db), MUNSHI_LOG_LEVEL: 'error' },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

describe('chat --jsonl', () => {
  it('records, corrects, undoes, asks back and answers, one JSON line per input line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-chat-cli-'));
    try {
      const db = path.join(dir, 'munshi.db');
      const out = chat(['chai 20', 'kal petrol 1.2k', 'no, 1100', 'petrol', '300', 'undo', 'how much on petrol this week?', '', 'thanks'], db);
      expect(out.map((o) => o.text)).toEqual(['chai 20', 'kal petrol 1.2k', 'no, 1100', 'petrol', '300', 'undo', 'how much on petrol this week?', '', 'thanks']);
      expect(out[0]!.replies).toEqual(['✅ ₹20 · Food › Tea · today']);
      expect(out[1]!.replies[0]).toBe('✅ ₹1,200 · Transport › Fuel · yesterday');
      expect(out[2]!.replies[0]).toContain('₹1,100');
      expect(out[3]!.replies[0]).toBe('How much was the petrol?');
      expect(out[4]!.replies[0]).toMatch(/^✅ ₹300 · Transport › Fuel/);
      expect(out[5]!.replies[0]).toMatch(/^🗑️ Removed ₹300/);
      expect(out[6]!.replies[0]).toMatch(/₹1,100/);
      expect(out[7]!.replies[0]?.length).toBeGreaterThan(0);
      // A second run on the same file sees the same ledger and records nothing twice.
      const again = chat(['how much on petrol this week?'], db);
      expect(again[0]!.replies[0]).toMatch(/₹1,100/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits, debts, a partial payback, settling up and undo of a split, with totals that reconcile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-chat-cli-'));
    try {
      const db = path.join(dir, 'munshi.db');
      const out = chat(
        ['dinner 1200 split with Rahul and Priya', 'Ramesh ko 500 udhaar diye', 'Ramesh se 300 wapas mile', 'settled up with Priya', 'pizza 900 split with Rahul', 'undo', 'who owes me?', 'how much on food this month?'],
        db,
      );
      expect(out[0]!.replies).toEqual(['✅ ₹400 · Food › Meals · today', '👥 Your share of ₹1,200: ₹400 · Rahul owes you ₹400 · Priya owes you ₹400.']);
      expect(out[1]!.replies[0]).toMatch(/^📒 Lent ₹500 to Ramesh · today\nRamesh owes you ₹500\./);
      expect(out[2]!.replies[0]).toMatch(/^📒 Ramesh paid back ₹300 · today\nRamesh owes you ₹200\./);
      expect(out[3]!.replies[0]).toBe("🤝 Settled up with Priya (Priya owed you ₹400). You're even now.");
      expect(out[4]!.replies[0]).toBe('✅ ₹450 · Food › Meals · pizza · today');
      expect(out[5]!.replies[0]).toMatch(/^🗑️ Removed ₹450/);
      expect(out[6]!.replies[0]).toBe('Owed to you: ₹600\n• Rahul ₹400 (since Thu 15 Jan)\n• Ramesh ₹200 (since Thu 15 Jan)');
      // Only the owner's share is spending; debts never are.
      expect(out[7]!.replies[0]).toMatch(/^₹400 on Food this month/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Three runs of a subprocess each: slow on a busy machine, not a measure of speed.
  it('records recurring expenses that fell due, once, so "stop" tells the truth about the ledger', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-chat-cli-'));
    try {
      const db = path.join(dir, 'munshi.db');
      const made = chat(['gym 100 every day'], db);
      expect(made[0]!.replies[0]).toMatch(/^🔁 Gym ₹100/);
      // Two days later, after the recording time: the 16th and the 17th are recorded before the reply.
      const later = chat(['how much on gym this month?', 'stop gym'], db, '2026-01-17T10:00:00');
      expect(later[0]!.replies[0]).toMatch(/^🔁 Recorded/);
      expect(later[0]!.replies.at(-1)).toMatch(/^₹200 /);
      expect(later[1]!.replies).toEqual([expect.stringMatching(/^⏹️ Stopped Gym .*What it recorded stays in your ledger\.$/)]);
      // Stopped, and each day recorded once: later runs add nothing.
      const after = chat(['how much on gym this month?'], db, '2026-01-20T10:00:00');
      expect(after[0]!.replies).toHaveLength(1);
      expect(after[0]!.replies[0]).toMatch(/^₹200 /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
