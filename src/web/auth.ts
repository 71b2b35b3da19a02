/**
 * @module web/auth
 * Who may open the web page. Nobody gets a page without a session, and a session starts only from
 * something the person proves they hold: a one-time 6-digit code (or link) that munshi sent to their
 * own WhatsApp chat, or a password the box's operator set with `cli web-password`.
 *
 * Secrets are random (node:crypto) and stored only as hashes: SHA-256 for high-entropy tokens and the
 * short-lived codes, scrypt (OpenSSL's, through node:crypto, run asynchronously off the event loop)
 * for passwords, compared in constant time. Guessing a code is bounded by the login rate limits
 * (web/rate-limit.ts) and the code's ten-minute life.
 */
import { createHash, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { WebAuthRepository, WebSession } from './port.js';

const scrypt = (password: string, salt: Buffer, keylen: number, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, o, (err, key) => (err ? reject(err) : resolve(key))));

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** scrypt cost: N=2^15 (32 MiB, about 80 ms on a Pi 4), r=8, p=1; stored with the hash so it can grow. */
const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const MIN_PASSWORD = 10;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = Number(n), R = Number(r), P = Number(p);
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N, r: R, p: P, maxmem: Math.max(SCRYPT.maxmem, 256 * N * R) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface SignedIn {
  /** The cookie value; only its hash is stored. */
  token: string;
  session: WebSession;
}

export interface WebAuth {
  /** A fresh 6-digit code and link token for `owner` (the previous one stops working). */
  issueCode(owner: string, o?: { admin?: boolean }): Promise<{ code: string; linkToken: string; expiresAt: string }>;
  signInWithCode(code: string): Promise<SignedIn | null>;
  signInWithLink(linkToken: string): Promise<SignedIn | null>;
  signInWithPassword(owner: string, password: string): Promise<SignedIn | null>;
  session(token: string | undefined): Promise<WebSession | null>;
  signOut(token: string): Promise<void>;
  /** Sets (or replaces) a password; every browser of that person is signed out. */
  setPassword(owner: string, password: string): Promise<void>;
  /** Nobody ever signed in as `owner` and no password is set: the daemon sends a first code unasked. */
  firstTime(owner: string): Promise<boolean>;
}

export interface WebAuthDeps {
  repo: WebAuthRepository;
  clock: Clock;
  sessionDays?: number;
  codeMinutes?: number;
}

export function createWebAuth(d: WebAuthDeps): WebAuth {
  const sessionMs = (d.sessionDays ?? 30) * 86_400_000;
  const codeMs = (d.codeMinutes ?? 10) * 60_000;
  const now = () => d.clock.now().toISOString();

  async function start(owner: string, admin: boolean): Promise<SignedIn> {
    const t = token();
    const created = d.clock.now();
    const session: WebSession = {
      tokenHash: sha256(t), owner, admin, csrf: token(),
      createdAt: created.toISOString(), expiresAt: new Date(created.getTime() + sessionMs).toISOString(),
    };
    await d.repo.addSession(session);
    return { token: t, session };
  }

  return {
    async issueCode(owner, o = {}) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const linkToken = token();
      const expiresAt = new Date(d.clock.now().getTime() + codeMs).toISOString();
      await d.repo.addCode({ owner, codeHash: sha256(`code:${code}`), linkHash: sha256(`link:${linkToken}`), admin: o.admin ?? false, expiresAt }, now());
      return { code, linkToken, expiresAt };
    },
    async signInWithCode(code) {
      const c = code.replace(/\D/g, '');
      if (c.length !== 6) return null;
      const found = await d.repo.findCode({ codeHash: sha256(`code:${c}`) }, now());
      if (!found || !(await d.repo.useCode(found.id, now()))) return null;
      return start(found.owner, found.admin);
    },
    async signInWithLink(linkToken) {
      if (!/^[\w-]{20,100}$/.test(linkToken)) return null;
      const found = await d.repo.findCode({ linkHash: sha256(`link:${linkToken}`) }, now());
      if (!found || !(await d.repo.useCode(found.id, now()))) return null;
      return start(found.owner, found.admin);
    },
    async signInWithPassword(owner, password) {
      const stored = await d.repo.password(owner);
      // Hash anyway when there is no password, so a missing account answers as slowly as a wrong one.
      const ok = await verifyPassword(password.slice(0, 1024), stored ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
      return stored && ok ? start(owner, true) : null;
    },
    async session(t) {
      if (!t || t.length > 200) return null;
      return d.repo.session(sha256(t), now());
    },
    signOut: (t) => d.repo.deleteSession(sha256(t)),
    async setPassword(owner, password) {
      if (password.length < MIN_PASSWORD) throw new Error(`a password needs at least ${MIN_PASSWORD} characters`);
      await d.repo.setPassword(owner, await hashPassword(password), now());
    },
    firstTime: async (owner) => !(await d.repo.everUsed(owner)),
  };
}
