/**
 * @module transport/whatsapp/web-version
 * Which WhatsApp Web build Chromium runs, without asking any third-party host for it.
 *
 * WhatsApp Web is a single page (web.whatsapp.com's index.html) that loads versioned scripts from
 * WhatsApp's own CDN. whatsapp-web.js can keep that page in a folder (its 'local' web cache): when
 * `<folder>/<version>.html` exists it answers Chromium's request for https://web.whatsapp.com/
 * with that file; when it does not, Chromium loads what WhatsApp serves and the library stores it
 * there, under the version WhatsApp reports, once the session has synced.
 *
 * munshi pins to what WhatsApp itself served: the newest build kept in data/wweb-cache (or the one
 * MUNSHI_WWEB_VERSION names), so an update on WhatsApp's side cannot change a running appliance
 * overnight. The first link of a fresh install runs the live build and keeps it. When a kept build
 * no longer starts (WhatsApp retired it, its scripts are gone), the next attempt runs the live build,
 * which is then kept in turn; if that attempt fails too, the kept build gets its turn again (the
 * network may simply be down).
 *
 * MUNSHI_WWEB_CACHE=remote is the opt-in old way: download a named build once from a public
 * archive (raw.githubusercontent.com by default), the one case where munshi contacts a host that
 * is not WhatsApp's for it. MUNSHI_WWEB_CACHE=none always runs the live build and keeps nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as WAWebJS from 'whatsapp-web.js';

/** The build whatsapp-web.js 1.34.x ships as its default, used by the opt-in 'remote' mode when no version is named. */
export const KNOWN_GOOD_WWEB_VERSION = '2.3000.1017054665';

/** A version no cache file can have: asking the library for it makes Chromium load the live build. */
export const LIVE = 'live';

export interface WebVersionSettings {
  /** A pinned build (MUNSHI_WWEB_VERSION); undefined: the newest build kept in the cache. */
  webVersion?: string | undefined;
  webVersionCache: 'remote' | 'local' | 'none';
  /** Archive URL template for 'remote' ({version} is replaced). */
  webVersionUrl: string;
  webCacheDir: string;
}

/** How the previous launch ended, as the supervisor saw it. */
export interface LaunchOutcome {
  /** WhatsApp Web came up (the client reported ready). */
  linked: boolean;
  /** Why it ended: "auth timeout" when the page never started, a network error, "stop"... */
  reason?: string;
}

export interface WebBuildChoice {
  /** What whatsapp-web.js is asked for (LIVE when the live build should load). */
  webVersion: string;
  webVersionCache: WAWebJS.WebCacheOptions;
  source: 'kept' | 'live';
  /** A line for the log (the supervisor logs it when it changes). */
  note: string;
}

/**
 * How whatsapp-web.js fails when the page came up but WhatsApp Web did not: "auth timeout" (its
 * scripts never defined window.Debug.VERSION) or a missing module when the library injects itself.
 * Network errors (net::ERR_…) are not among them: those say nothing about the build.
 */
const DID_NOT_START = /auth timeout|is not a function|is not defined|Cannot read properties of (undefined|null)/i;

/** Versions kept in the folder, newest first ("2.3000.1030" after "2.3000.1017"). */
export function keptBuilds(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.html') && n !== `${LIVE}.html`)
    .map((n) => n.slice(0, -'.html'.length))
    .filter((v) => /^\d+(\.\d+)+/.test(v) && fileHasContent(path.join(dir, `${v}.html`)))
    .sort(compareVersions)
    .reverse();
}

function fileHasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** Numeric, segment by segment: compareVersions('2.3000.9', '2.3000.10') < 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isFinite(nx) && Number.isFinite(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Chooses the build for each launch. One per transport: it remembers which kept build just failed
 * to start, so the next launch tries the live one instead of failing the same way forever.
 */
export class WebBuildPin {
  private last: WebBuildChoice | null = null;
  private suspect: string | null = null;

  constructor(
    private readonly s: WebVersionSettings,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async next(previous?: LaunchOutcome): Promise<WebBuildChoice> {
    const dir = this.s.webCacheDir;
    const local: WAWebJS.WebCacheOptions = { type: 'local', path: dir, strict: false };
    if (this.s.webVersionCache === 'none') {
      return this.remember({ webVersion: LIVE, webVersionCache: { type: 'none' }, source: 'live', note: 'MUNSHI_WWEB_CACHE=none: running the WhatsApp Web build web.whatsapp.com serves; nothing is kept' });
    }

    let remoteNote: string | null = null;
    if (this.s.webVersionCache === 'remote') remoteNote = await fetchPinnedWebVersion({ ...this.s, webVersion: this.s.webVersion ?? KNOWN_GOOD_WWEB_VERSION }, this.fetchFn);

    // A kept build that loaded but never started gets one live attempt instead; after that live
    // attempt (linked or not) the kept builds are eligible again.
    if (previous && !previous.linked && this.last?.source === 'kept' && DID_NOT_START.test(previous.reason ?? '')) {
      this.suspect = this.last.webVersion;
      return this.remember({
        webVersion: LIVE,
        webVersionCache: local,
        source: 'live',
        note: `the kept WhatsApp Web ${this.suspect} did not start (${previous.reason}); trying the build web.whatsapp.com serves now (it is kept once linked)`,
      });
    }
    if (this.last?.source === 'live') this.suspect = null;

    const kept = keptBuilds(dir);
    const wanted = this.s.webVersion ?? (this.s.webVersionCache === 'remote' ? KNOWN_GOOD_WWEB_VERSION : undefined);
    const prefix = remoteNote ? `${remoteNote}; ` : '';
    if (wanted && kept.includes(wanted)) {
      return this.remember({ webVersion: wanted, webVersionCache: local, source: 'kept', note: `${prefix}running the pinned WhatsApp Web ${wanted} kept in ${dir}` });
    }
    const newest = kept[0];
    if (newest) {
      const why = wanted ? `the pinned WhatsApp Web ${wanted} is not in ${dir}; ` : '';
      return this.remember({ webVersion: newest, webVersionCache: local, source: 'kept', note: `${prefix}${why}running WhatsApp Web ${newest}, the build WhatsApp served when munshi last linked, kept in ${dir}` });
    }
    const why = wanted ? `the pinned WhatsApp Web ${wanted} is not in ${dir}` : `no WhatsApp Web build is kept in ${dir} yet`;
    return this.remember({
      webVersion: LIVE,
      webVersionCache: local,
      source: 'live',
      note: `${prefix}${why}: loading the one web.whatsapp.com serves; it is kept there once linked and used from then on`,
    });
  }

  private remember(c: WebBuildChoice): WebBuildChoice {
    this.last = c;
    return c;
  }
}

/**
 * MUNSHI_WWEB_CACHE=remote only: downloads a named build once into the cache unless it is there.
 * This is the one path on which munshi contacts a host that is not WhatsApp's (the archive), and
 * the note says so.
 */
export async function fetchPinnedWebVersion(
  s: Pick<WebVersionSettings, 'webVersionCache' | 'webVersionUrl' | 'webCacheDir'> & { webVersion: string },
  fetchFn: typeof fetch = fetch,
): Promise<string | null> {
  if (s.webVersionCache !== 'remote') return null;
  const file = path.join(s.webCacheDir, `${s.webVersion}.html`);
  if (fileHasContent(file)) return null;
  const url = s.webVersionUrl.replace('{version}', s.webVersion);
  const host = safeHost(url);
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) return `MUNSHI_WWEB_CACHE=remote: WhatsApp Web ${s.webVersion} is not in the archive at ${host} (HTTP ${res.status})`;
    const html = await res.text();
    fs.mkdirSync(s.webCacheDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, html);
    fs.renameSync(`${file}.tmp`, file);
    return `MUNSHI_WWEB_CACHE=remote: WhatsApp Web ${s.webVersion} downloaded once from ${host} (a third-party archive) into ${s.webCacheDir}`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return `MUNSHI_WWEB_CACHE=remote: could not fetch WhatsApp Web ${s.webVersion} from ${host} (${cause?.code ?? cause?.message ?? (err as Error).message})`;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
