/**
 * @module bot/skill
 * Optional chat capabilities (budgets, recurring expenses, charts, …) plug into the bot as skills.
 * The bot offers each inbound text to the skills in order before its own understanding; the first
 * skill that returns replies wins. Skills also hear about every recorded expense (budget alerts).
 */
import type { Expense, OutboundReply, OwnerSettings } from '../core/types.js';

export interface SkillContext {
  owner: string;
  chatId: string;
  messageId: string;
  /** Who wrote the message (in a household ledger, not the owner). */
  senderId?: string;
  settings: OwnerSettings;
  now: Date;
}

export interface Skill {
  name: string;
  /** Returns replies when this skill handles the text, or null to let others try. Must be fast to decline. */
  handle?(text: string, ctx: SkillContext): Promise<OutboundReply[] | null>;
  /** Called after expenses are recorded; may return extra replies (e.g. "⚠️ 80% of your food budget"). */
  afterRecord?(expenses: Expense[], ctx: SkillContext): Promise<OutboundReply[]>;
  /** One line for the help text, e.g. "set food budget 8000 a month". */
  helpLine?: string;
}
