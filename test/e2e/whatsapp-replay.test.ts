/**
 * A smaller run of scripts/replay.ts: events through the fake whatsapp-web.js client into the real
 * appliance with duplicates, echoes, strangers, "undo" and "delete chai <amount>" + "yes" in the
 * stream, and a kill -9 midway; every allowed expense must be recorded exactly once, and deleted
 * exactly when one command's reply says it removed it (never another expense, never twice).
 * Before the inbox kept the order messages were handed in, this failed: an "undo" was stored
 * ahead of the expense right before it and removed the one before that.
 * (`npx tsx scripts/replay.ts` runs the full 10,000.)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('replay with kill -9', () => {
  it('records every allowed expense exactly once', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/replay.ts', '--messages', '600', '--seed', '11', '--kill-at', '0.4'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 150_000,
    });
    const result = JSON.parse(r.stdout);
    expect(r.stderr).toMatch(/EXACTLY ONCE/);
    expect(result).toMatchObject({ ok: true, missing: 0, recordedTwice: 0, notAllowedButRecorded: 0, wrongAmount: 0, commandProblems: [] });
    expect(result.undos).toBeGreaterThan(5);
    expect(result.deletesByDescription).toBeGreaterThan(5);
    // Commands the first process finished must have deleted (the checker fails them otherwise).
    expect(result.deleted).toBeGreaterThan(10);
    expect(result.deleted).toBe(result.removedByCommands);
    expect(result.recorded).toBe(result.allowedUnique);
    expect(result.killedAfterFed).toBeGreaterThanOrEqual(240);
    expect(result.strangers).toBeGreaterThan(0);
    expect(result.duplicates).toBeGreaterThan(0);
    expect(r.status).toBe(0);
  }, 180_000);
});
