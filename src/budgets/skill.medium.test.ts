import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkillContext } from '../bot/skill.js';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import { memoryRepositories, openRepositories, type Repositories } from '../app/repositories.js';
import { createBudgetSkill } from './skill.js';

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
// The skill on the in-memory fakes (unit) and on SQLite (medium): the same replies from both.
const backends: [string, () => Promise<Repositories>][] = [
  ['sqlite', () => openRepositories(':memory:')],
  ['memory', async () => memoryRepositories()],
];
let opened: Repositories;

const ctx = (now: string, owner = 'me'): SkillContext => ({ owner, chatId: 'chat-1', messageId: 'm', settings, now: new Date(now) });
const draft = (rupees: number, date: string, category: ExpenseDraft['category'] = 'food', detail: string | null = null): ExpenseDraft => ({
  amountMinor: rupees * 100, currency: 'INR', category, detail, item: null, merchant: null, note: null, date,
});

describe.each(backends)('budget skill (%s)', (_name, open) => {
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(() => opened.close());
  it('sets, lists, alerts once at 80% and once at 100% per month, and removes', async () => {
    const skill = createBudgetSkill({ budgets: opened.budgets, expenses: opened.expenses });
    let n = 0;
    const record = async (d: ExpenseDraft, now: string, owner = 'me') => {
      const { expenses } = await opened.expenses.record([d], { owner, source: 'text', messageId: `m${++n}`, now });
      return (await skill.afterRecord!(expenses, ctx(now, owner))).map((r) => r.text);
    };
    expect(await skill.handle!('chai 20', ctx('2026-01-10T10:00:00Z'))).toBeNull();
    expect(await record(draft(1000, '2026-01-02'), '2026-01-02T10:00:00Z')).toEqual([]); // no budget yet

    const set = await skill.handle!('set food budget 8000 a month', ctx('2026-01-10T10:00:00Z'));
    expect(set![0]!.text).toBe('✅ Food budget: ₹8,000 a month. Spent this month: ₹1,000 (12%).');

    expect(await record(draft(5000, '2026-01-10'), '2026-01-10T10:00:00Z')).toEqual([]); // 75%
    expect(await record(draft(900, '2026-01-11', 'transport'), '2026-01-11T10:00:00Z')).toEqual([]); // not food
    expect(await record(draft(900, '2026-01-11'), '2026-01-11T10:00:00Z', 'someone-else')).toEqual([]); // not my ledger
    expect(await record(draft(500, '2026-01-11'), '2026-01-11T10:00:00Z')).toEqual([
      '⚠️ 81% of your Food budget used: ₹6,500 of ₹8,000 this month · ₹1,500 left.',
    ]);
    expect(await record(draft(200, '2026-01-12'), '2026-01-12T10:00:00Z')).toEqual([]); // 80% already said

    const list = (await skill.handle!('budgets?', ctx('2026-01-12T10:00:00Z')))![0]!.text;
    expect(list).toBe('📒 *Budgets*\n🍽️ *Food* ₹6,700 of ₹8,000 this month · ₹1,300 left\n▓▓▓▓▓▓▓▓░░ 83%');

    expect(await record(draft(1500, '2026-01-20'), '2026-01-20T10:00:00Z')).toEqual([
      '🚨 Food budget exceeded: ₹8,200 of ₹8,000 this month (₹200 over).',
    ]);
    expect(await record(draft(100, '2026-01-21'), '2026-01-21T10:00:00Z')).toEqual([]);

    // A new month starts afresh; jumping past both thresholds at once says only the 100% one, once.
    expect(await record(draft(9000, '2026-02-01'), '2026-02-01T10:00:00Z')).toEqual([
      '🚨 Food budget exceeded: ₹9,000 of ₹8,000 this month (₹1,000 over).',
    ]);
    expect(await record(draft(50, '2026-02-02'), '2026-02-02T10:00:00Z')).toEqual([]);
    // A late January entry does not re-alert January.
    expect(await record(draft(50, '2026-01-30'), '2026-02-02T10:00:00Z')).toEqual([]);

    expect((await skill.handle!('remove food budget', ctx('2026-02-03T10:00:00Z')))![0]!.text).toBe('🗑️ Removed your Food budget.');
    expect((await skill.handle!('budgets', ctx('2026-02-03T10:00:00Z')))![0]!.text).toMatch(/^No budgets yet/);
  });

  it('says when an alert belongs to another period, and ignores deleted rows', async () => {
    const skill = createBudgetSkill({ budgets: opened.budgets, expenses: opened.expenses });
    await skill.handle!('set coffee budget 1000 weekly', ctx('2026-01-14T10:00:00Z'));
    const { expenses } = await opened.expenses.record([{ ...draft(900, '2026-01-06', 'food', 'coffee') }], { owner: 'me', source: 'text', messageId: 'late', now: '2026-01-14T10:00:00Z' });
    expect((await skill.afterRecord!(expenses, ctx('2026-01-14T10:00:00Z'))).map((r) => r.text)).toEqual([
      '⚠️ 90% of your Coffee budget used: ₹900 of ₹1,000 in the week of Mon 5 Jan · ₹100 left.',
    ]);
    const { expenses: more } = await opened.expenses.record([draft(2000, '2026-01-14', 'food', 'coffee')], { owner: 'me', source: 'text', messageId: 'x', now: '2026-01-14T10:00:00Z' });
    await opened.expenses.softDelete(more.map((e) => e.id), '2026-01-14T10:01:00Z');
    expect(await skill.afterRecord!(more.map((e) => ({ ...e, deletedAt: '2026-01-14T10:01:00Z' })), ctx('2026-01-14T10:01:00Z'))).toEqual([]);
  });
});
