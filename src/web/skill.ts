/**
 * @module web/skill
 * "dashboard" in chat (or any phrase the vocabulary gives the command role `dashboard`: "login
 * code", "web page" …) answers with a fresh one-time sign-in code and link for the web page,
 * bound to the ledger that chat writes to. The daemon also sends one unasked on the very first
 * start, so the owner never has to dig a code out of a log.
 */
import type { Skill } from '../bot/skill.js';
import { fold } from '../language/normalize.js';
import { allVocabEntries } from '../language/vocab/vocabulary.js';
import type { WebAuth } from './auth.js';

/** The reply carrying a code: short, with the link first for a phone. */
export function loginMessage(baseUrl: string, code: string, linkToken: string, minutes = 10): string {
  return `🔐 munshi on the web: ${baseUrl}/login/link?t=${linkToken}\nor open ${baseUrl} and enter code *${code}* (valid ${minutes} minutes, once).`;
}

let phrases: Set<string> | null = null;
const dashboardPhrases = () =>
  (phrases ??= new Set(allVocabEntries().filter((e) => e.role === 'command' && e.value === 'dashboard').map((e) => e.phrase)));

export function isDashboardRequest(text: string): boolean {
  const t = fold(text).replace(/[?!.]+$/, '').trim();
  return t.length <= 40 && dashboardPhrases().has(t);
}

export function createDashboardSkill(o: { auth: WebAuth; baseUrl: () => string; admin: (owner: string) => boolean }): Skill {
  return {
    name: 'dashboard',
    helpLine: 'dashboard: a sign-in code for the web page',
    async handle(text, ctx) {
      if (!isDashboardRequest(text)) return null;
      const { code, linkToken } = await o.auth.issueCode(ctx.owner, { admin: o.admin(ctx.owner) });
      return [{ text: loginMessage(o.baseUrl(), code, linkToken) }];
    },
  };
}
