/**
 * @module transport/whatsapp/client
 * The slice of whatsapp-web.js munshi uses, as structural types (`ClientLike`, `WAMessage`), and
 * the factory that builds the real Client: LocalAuth under the data dir, Debian's Chromium with
 * low-memory flags and nothing that talks to Google, the WhatsApp Web build WhatsApp itself served
 * (web-version.ts), optional phone-number pairing. The adapter takes a factory, so tests inject the
 * fake client (fake-client.ts) into the real adapter.
 * This folder is the only place that imports whatsapp-web.js.
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type * as WAWebJS from 'whatsapp-web.js';
import { keptBuilds, LIVE, WebBuildPin, type LaunchOutcome, type WebBuildChoice } from './web-version.js';

/** The fields of a whatsapp-web.js Message munshi reads (real names from its index.d.ts). */
export interface WAMessage {
  id: { _serialized: string; fromMe: boolean; remote: string; id: string };
  from: string;
  to: string;
  author?: string;
  body: string;
  type: string;
  hasMedia: boolean;
  fromMe: boolean;
  timestamp: number;
  isStatus?: boolean;
  broadcast?: boolean;
  mentionedIds?: string[];
  /** The raw message model; carries `mimetype` for media. */
  rawData?: { mimetype?: string } | object;
  downloadMedia(): Promise<{ mimetype: string; data: string } | undefined>;
  react?(reaction: string): Promise<void>;
}

export interface WAChat {
  sendStateTyping(): Promise<void>;
  clearState(): Promise<boolean | void>;
}

/** The events and methods of whatsapp-web.js's Client that munshi uses. */
export interface ClientLike extends EventEmitter {
  info?: { wid?: { _serialized: string } } | null;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  getState(): Promise<string | null>;
  sendMessage(chatId: string, content: unknown, options?: { caption?: string }): Promise<{ id: { _serialized: string } }>;
  getChatById(chatId: string): Promise<WAChat>;
  getMessageById(messageId: string): Promise<WAMessage | null | undefined>;
  sendReaction?(messageId: string, reaction: string): Promise<void>;
  getContactLidAndPhone?(userIds: string[]): Promise<{ lid: string; pn: string }[]>;
}

export interface ClientSettings {
  sessionDir: string;
  chromiumPath: string;
  headless: boolean;
  /** A pinned WhatsApp Web build; undefined: the newest one kept in webCacheDir (web-version.ts). */
  webVersion?: string | undefined;
  webVersionCache: 'remote' | 'local' | 'none';
  webVersionUrl: string;
  webCacheDir: string;
  pairingPhone: string | undefined;
  /** Host patterns Chromium may resolve (default WHATSAPP_HOSTS); ['*'] lifts the restriction. */
  allowedHosts?: readonly string[];
}

/** What the adapter needs from the library: a client and a way to wrap media for sending. */
export interface ClientFactory {
  create(settings: ClientSettings): ClientLike;
  /** Wraps bytes for sendMessage (whatsapp-web.js's MessageMedia). */
  media(mimeType: string, data: Buffer, filename: string): unknown;
  /** The Chromium process of a client, to make sure none is left behind. */
  browserPid(client: ClientLike): number | undefined;
  /**
   * Work before each client is created (choosing the WhatsApp Web build, given how the previous
   * launch ended); returns a note to log, if any. create() follows the latest prepare().
   */
  prepare?(settings: ClientSettings, previous?: LaunchOutcome): Promise<string | null>;
}

/** The hosts WhatsApp Web needs: the page and its websocket (web.whatsapp.com), static files and media (*.whatsapp.net). */
export const WHATSAPP_HOSTS: readonly string[] = ['whatsapp.com', '*.whatsapp.com', 'whatsapp.net', '*.whatsapp.net'];

/**
 * Chromium's own resolver answers "not found" for every host outside the list, so nothing in the
 * browser (a Google service no flag turns off, a component update, a tracker on a page) can even
 * get an address. null when the list contains '*'.
 */
export function hostResolverRules(allowed: readonly string[] = WHATSAPP_HOSTS): string | null {
  if (allowed.includes('*')) return null;
  return ['MAP * ~NOTFOUND', ...allowed.map((h) => `EXCLUDE ${h}`)].join(', ');
}

/**
 * Chromium flags for a small always-on box (a Raspberry Pi): one renderer, no GPU, no /dev/shm
 * (Docker's is 64 MB), nothing running in the background that WhatsApp Web does not need.
 * The sandbox needs user namespaces that root and most containers do not have.
 *
 * And nothing that talks to Google (docs/RELIABILITY.md, "Nothing leaves the box", has the
 * measurements): no background networking, component updates, Domain Reliability uploads, hyperlink
 * pings, metrics uploads, crash reports, translate, media-router discovery, autofill server queries,
 * and no network-time queries (clients2.google.com), which --disable-background-networking does
 * not stop. Chromium 156 still asks update.googleapis.com on demand for its on-device AI model
 * manifest whatever the flags or policies say; the resolver rules (hostResolverRules) make that
 * request, and any other, fail inside the browser before a name is looked up.
 */
export function chromiumArgs(isRoot: boolean, allowedHosts: readonly string[] = WHATSAPP_HOSTS): string[] {
  const args = [
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-default-apps',
    '--disable-sync',
    '--disable-component-update',
    '--disable-domain-reliability',
    '--no-pings',
    '--metrics-recording-only',
    '--disable-breakpad',
    '--disable-features=Translate,MediaRouter,OptimizationHints,NetworkTimeServiceQuerying,AutofillServerCommunication,site-per-process',
    '--renderer-process-limit=1',
    '--mute-audio',
    '--no-first-run',
    '--no-default-browser-check',
    '--password-store=basic',
  ];
  const rules = hostResolverRules(allowedHosts);
  if (rules) args.push(`--host-resolver-rules=${rules}`);
  if (isRoot) args.push('--no-sandbox', '--disable-setuid-sandbox', '--no-zygote');
  return args;
}

/** The real whatsapp-web.js client. */
export function realClientFactory(): ClientFactory {
  // whatsapp-web.js is CommonJS; require keeps its load lazy and out of every other module.
  const require = createRequire(import.meta.url);
  const lib = require('whatsapp-web.js') as typeof WAWebJS;
  let pin: WebBuildPin | null = null;
  let build: WebBuildChoice | null = null;
  return {
    async prepare(s, previous) {
      pin ??= new WebBuildPin(s);
      build = await pin.next(previous);
      return build.note;
    },
    create(s) {
      const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
      const client = new lib.Client({
        authStrategy: new lib.LocalAuth({ dataPath: s.sessionDir }),
        puppeteer: {
          executablePath: s.chromiumPath,
          headless: s.headless,
          args: chromiumArgs(isRoot, s.allowedHosts),
          // munshi shuts Chromium down itself; puppeteer's handlers would exit before the ledger closes.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
          timeout: 60_000,
        },
        // Without a prepare() (a caller that skips it), the kept build or else the live one, never a download.
        webVersion: build?.webVersion ?? s.webVersion ?? keptBuilds(s.webCacheDir)[0] ?? LIVE,
        webVersionCache: build?.webVersionCache ?? (s.webVersionCache === 'none' ? { type: 'none' } : { type: 'local', path: s.webCacheDir, strict: false }),
        ...(s.pairingPhone ? { pairWithPhoneNumber: { phoneNumber: s.pairingPhone, showNotification: true, intervalMs: 180_000 } } : {}),
        authTimeoutMs: 60_000,
        qrMaxRetries: 0,
        deviceName: 'munshi',
      });
      return client as unknown as ClientLike;
    },
    media(mimeType, data, filename) {
      return new lib.MessageMedia(mimeType, data.toString('base64'), filename);
    },
    browserPid(client) {
      const browser = (client as unknown as WAWebJS.Client).pupBrowser as { process?(): { pid?: number } | null } | null | undefined;
      return browser?.process?.()?.pid ?? undefined;
    },
  };
}
