import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { qrForTerminal, qrPresenter, removeQrPng } from './pairing.js';

describe('pairing QR', () => {
  it('writes a real PNG and draws the QR for the terminal, refreshing both', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-qr-'));
    const file = path.join(dir, 'pairing-qr.png');
    let printed = '';
    const show = qrPresenter(file, { write: (s: string) => ((printed += s), true) } as unknown as NodeJS.WritableStream);
    await show('2@first-code');
    const first = PNG.sync.read(fs.readFileSync(file));
    expect(first.width).toBeGreaterThan(100);
    expect(first.width).toBe(first.height);
    expect(printed).toMatch(/[▄▀█]/);
    await show('2@second-code-that-is-a-little-longer-than-the-first-one-to-change-the-picture');
    expect(fs.readFileSync(file).equals(PNG.sync.write(first))).toBe(false);
    removeQrPng(file);
    expect(fs.existsSync(file)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(await qrForTerminal('x')).toContain('▄');
  });
});
