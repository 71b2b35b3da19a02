import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toParsedLine } from './parse.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('toParsedLine', () => {
  const draft = { amountMinor: 12550, currency: 'INR', category: 'food' as const, detail: 'coffee', item: 'coffee', merchant: null, note: null, date: '2026-01-15' };
  it('prints major units and primary/detail', () => {
    expect(toParsedLine('coffee 125.50', { intent: 'add_expense', expenses: [draft], confidence: 0.9 })).toEqual({
      text: 'coffee 125.50', intent: 'add_expense',
      expenses: [{ amount: 125.5, currency: 'INR', category: 'food/coffee', item: 'coffee', merchant: null, date: '2026-01-15' }],
    });
  });
  it('maps incomplete, commands and future expenses to the eval intents', () => {
    const partial = { ...draft, amountMinor: null };
    expect(toParsedLine('bought petrol', { intent: 'incomplete', missing: 'amount', partial, confidence: 0.8 })).toMatchObject({ intent: 'add_expense', expenses: [] });
    expect(toParsedLine('500', { intent: 'incomplete', missing: 'item', partial: { ...draft, item: null }, confidence: 0.7 })).toMatchObject({ intent: 'other' });
    expect(toParsedLine('undo', { intent: 'command', command: { kind: 'undo' }, confidence: 0.9 })).toMatchObject({ intent: 'other' });
    expect(toParsedLine('rent tomorrow', { intent: 'add_expense', expenses: [draft], confidence: 0.9, futureDate: true })).toMatchObject({ intent: 'other', expenses: [] });
    expect(toParsedLine('total?', { intent: 'query', confidence: 0.9 })).toMatchObject({ intent: 'query' });
  });
});

describe('parse command (subprocess)', () => {
  it('streams one JSON line per input line, blank and hostile lines included', () => {
    const input = ['chai 20', '', 'misal pav 90 yesterday', '\u0000\u0001', 'x'.repeat(70_000), 'how much on coffee?', '£8 sandwich at heathrow'].join('\n') + '\n';
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', '--now', '2026-01-15T19:30:00', '--tz', 'Asia/Kolkata', '--currency', 'INR'], {
      cwd: root, input, encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; intent: string; expenses: Array<Record<string, unknown>> });
    expect(lines).toHaveLength(7);
    expect(lines[0]).toEqual({ text: 'chai 20', intent: 'add_expense', expenses: [{ amount: 20, currency: 'INR', category: expect.stringMatching(/^food/), item: 'chai', merchant: null, date: '2026-01-15' }] });
    expect(lines[1]).toMatchObject({ text: '', intent: 'other', expenses: [] });
    expect(lines[2]!.expenses[0]).toMatchObject({ amount: 90, date: '2026-01-14' });
    expect(lines[3]!.intent).toBe('other');
    expect(lines[4]!.intent).toBe('other');
    expect(lines[5]!.intent).toBe('query');
    expect(lines[6]!.expenses[0]).toMatchObject({ amount: 8, currency: 'GBP' });
  });
  it('rejects an unknown zone or currency with exit code 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'parse', '--tz', 'Mars/Base'], { cwd: root, input: 'chai 20\n', encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});
