import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/clock.js';
import type { InboundMessage } from '../../core/types.js';
import { ConsoleTransport } from './console.js';

describe('ConsoleTransport', () => {
  it('turns lines into owner messages with unique ids and prints replies', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += d));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-console-'));
    let ended = false;
    const t = new ConsoleTransport({ input, output, clock: new FakeClock('2026-01-15T10:00:00Z'), runId: 'r1', imageDir: dir, onEnd: () => (ended = true) });
    const got: InboundMessage[] = [];
    await t.start(async (m) => void got.push(m));
    input.write('chai 20\n\n  \nhow much today?\n');
    input.end();
    await new Promise((r) => setTimeout(r, 20));
    expect(got.map((m) => [m.id, m.chatId, m.owner, m.text])).toEqual([
      ['console:r1:1', 'console', 'me', 'chai 20'],
      ['console:r1:2', 'console', 'me', 'how much today?'],
    ]);
    expect(ended).toBe(true);
    await t.sendText('console', '✅ ₹20\nsecond line');
    await t.sendImage('console', Buffer.from('png'), 'This week');
    expect(printed).toContain('munshi › ✅ ₹20\n         second line');
    expect(printed).toMatch(/This week\n\s+🖼️ .*chart-r1-2\.png/);
    expect(fs.readdirSync(dir)).toEqual(['chart-r1-2.png']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
