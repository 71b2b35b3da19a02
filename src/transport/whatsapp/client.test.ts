import { describe, expect, it } from 'vitest';
import { chromiumArgs, hostResolverRules, WHATSAPP_HOSTS } from './client.js';

describe('Chromium flags', () => {
  it('uses low-memory flags and drops the sandbox only as root', () => {
    const user = chromiumArgs(false);
    expect(user).toEqual(expect.arrayContaining(['--disable-dev-shm-usage', '--disable-gpu', '--renderer-process-limit=1']));
    expect(user).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-setuid-sandbox']));
  });

  it('turns off the Google services measured calling out (network time, component updates, pings, reports)', () => {
    const args = chromiumArgs(false);
    expect(args).toEqual(
      expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--disable-domain-reliability', '--no-pings', '--metrics-recording-only', '--disable-breakpad']),
    );
    const features = args.filter((a) => a.startsWith('--disable-features='));
    expect(features).toHaveLength(1); // puppeteer merges one list with its own; two would be two lists
    expect(features[0]!.split('=')[1]!.split(',')).toEqual(expect.arrayContaining(['NetworkTimeServiceQuerying', 'AutofillServerCommunication', 'Translate', 'MediaRouter']));
  });

  it("lets Chromium's resolver find WhatsApp's hosts and nothing else", () => {
    expect(hostResolverRules()).toBe('MAP * ~NOTFOUND, EXCLUDE whatsapp.com, EXCLUDE *.whatsapp.com, EXCLUDE whatsapp.net, EXCLUDE *.whatsapp.net');
    expect(chromiumArgs(false)).toContain(`--host-resolver-rules=${hostResolverRules(WHATSAPP_HOSTS)}`);
    expect(chromiumArgs(false, ['web.whatsapp.com', '*.example.org'])).toContain('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE web.whatsapp.com, EXCLUDE *.example.org');
    // '*' lifts the restriction (MUNSHI_CHROMIUM_ALLOWED_HOSTS=*).
    expect(hostResolverRules(['*'])).toBeNull();
    expect(chromiumArgs(false, ['*']).some((a) => a.startsWith('--host-resolver-rules'))).toBe(false);
  });
});
