import { describe, expect, it } from 'vitest';
import { chromiumArgs } from './client.js';

describe('Chromium flags', () => {
  it('uses low-memory flags and drops the sandbox only as root', () => {
    const user = chromiumArgs(false);
    expect(user).toEqual(expect.arrayContaining(['--disable-dev-shm-usage', '--disable-gpu', '--renderer-process-limit=1']));
    expect(user).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-setuid-sandbox']));
  });

});
