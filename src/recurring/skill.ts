/**
 * @module recurring/skill
 * Recurring expenses in chat: "rent 18000 every month on the 1st" creates one, "recurring?" lists
 * them, "stop rent" (or "stop 2") ends one. Recording itself happens on schedule (ScheduleService).
 */
import type { Skill, SkillContext } from '../bot/skill.js';
import { categorize as categorizeText } from '../categories/index.js';
import type { Primary } from '../categories/taxonomy.js';
import { localDate, parseIsoDate, weekday } from '../core/dates.js';
import type { OutboundReply } from '../core/types.js';
import { parseScope } from '../budgets/phrases.js';
import type { TimeOfDay } from '../scheduler/due.js';
import { parseRecurringCommand } from './commands.js';
import { DEFAULT_RECORD_AT } from './config.js';
import { nextOccurrence, startDateFor } from './due.js';
import type { Recurring, RecurringRepository } from './repo.js';
import * as T from './text.js';

export interface RecurringSkillDeps {
  recurring: RecurringRepository;
  /** Overrides the categorizer (default: categories/index categorize, then the budget word list). */
  categorize?(text: string): { category: Primary; detail: string | null } | null;
  /** Local time of day recurring expenses are recorded (default 09:00). */
  recordAt?: TimeOfDay;
}

function guessCategory(what: string): { category: Primary; detail: string | null } {
  // The shared categorizer first (lexicon, WordNet); the budget word list covers "rent", "maid", "emi".
  const c = categorizeText({ item: what, merchant: null });
  if (c.via !== 'fallback' && c.primary !== 'other') return { category: c.primary, detail: c.detail };
  const whole = parseScope(what);
  if (whole?.category) return { category: whole.category, detail: whole.detail };
  for (const w of what.split(/\s+/)) {
    const s = parseScope(w);
    if (s?.category) return { category: s.category, detail: s.detail };
  }
  return { category: 'other', detail: null };
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function createRecurringSkill(deps: RecurringSkillDeps): Skill {
  const repo = deps.recurring;
  const at = deps.recordAt ?? DEFAULT_RECORD_AT;
  const text = (t: string): OutboundReply[] => [{ text: t }];

  return {
    name: 'recurring',
    helpLine: '🔁 "rent 18000 every month on the 1st" · "recurring?" · "stop rent"',
    async handle(body: string, ctx: SkillContext) {
      const cmd = parseRecurringCommand(body, ctx.settings.currency);
      if (!cmd) return null;
      const tz = ctx.settings.timeZone;
      const today = localDate(ctx.now, tz);
      const loc = ctx.settings.locale;
      switch (cmd.kind) {
        case 'unclear':
          return text(T.unclear());
        case 'list': {
          const items = await repo.list({ owner: ctx.owner });
          return text(T.list(items.map((r) => ({ r, next: nextOccurrence(r, ctx.now, tz, at).date })), today, loc));
        }
        case 'stop': {
          const items = await repo.list({ owner: ctx.owner });
          const explicit = /recurring/i.test(body);
          let hits: Recurring[];
          if (/^\d+$/.test(cmd.target)) {
            const r = items[Number(cmd.target) - 1];
            hits = r ? [r] : [];
          } else {
            const t = norm(cmd.target);
            hits = items.filter((r) => [r.item, r.merchant].some((n) => n && norm(n) === t));
            if (!hits.length) hits = items.filter((r) => [r.item, r.merchant].some((n) => n && norm(n).includes(t)));
          }
          // "cancel that", "stop it": not ours unless the message said "recurring".
          if (!hits.length) return explicit || /^\d+$/.test(cmd.target) ? text(T.notFound(cmd.target)) : null;
          if (hits.length > 1) return text(T.ambiguous(cmd.target, hits.map((r) => `${T.recurringName(r)} (${items.indexOf(r) + 1})`)));
          await repo.stop(hits[0]!.id, ctx.now);
          return text(T.stopped(hits[0]!, loc));
        }
        case 'create': {
          const cat = deps.categorize?.(cmd.what) ?? guessCategory(cmd.what);
          // Without "on the 15th" the schedule keeps today's day (of the month or the week).
          const day = cmd.every === 'day' ? null : (cmd.day ?? (cmd.every === 'month' ? parseIsoDate(today)!.d : weekday(today)));
          const r = await repo.create(
            {
              owner: ctx.owner, chatId: ctx.chatId, amountMinor: cmd.money.amountMinor, currency: cmd.money.currency,
              category: cat.category, detail: cat.detail, item: cmd.what, merchant: null, note: null,
              every: cmd.every, day, startDate: startDateFor(today),
            },
            ctx.now,
          );
          return text(T.created(r, nextOccurrence(r, ctx.now, tz, at).date, today, loc));
        }
      }
    },
  };
}
