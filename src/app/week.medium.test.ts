/**
 * The done-when scenario: a scripted week on a fake clock, expenses recorded day by day through
 * the skills' afterRecord and the schedule service, produces exactly one weekly summary with the
 * right totals and a valid PNG, and exactly one budget alert; a restart sends nothing again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SkillContext } from '../bot/skill.js';
import { createBudgetSkill } from '../budgets/skill.js';
import { createDebtSkill } from '../debts/skill.js';
import { renderSpendingChart } from '../charts/render.js';
import { FakeClock } from '../clock/clock.js';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import { openRepositories } from './repositories.js';
import { createRecurringSkill } from '../recurring/skill.js';
import { FakeScheduler } from '../scheduler/fake.js';
import { RecordingNotifier } from '../scheduler/notifier.js';
import { defaultSummaryConfig } from '../summaries/config.js';
import { createSchedules } from './schedules.js';

const TZ = 'Asia/Kolkata';
const settings: OwnerSettings = { timeZone: TZ, currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-week-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type D = [rupees: number, category: ExpenseDraft['category'], detail: string, item: string];
// Local dates Mon 12 – Sun 18 Jan 2026, each typed at 10:00 IST.
const WEEK: Record<string, D[]> = {
  '2026-01-12': [[20, 'food', 'tea', 'chai'], [60, 'transport', 'commute', 'metro']],
  '2026-01-13': [[350, 'food', 'restaurant', 'lunch']],
  '2026-01-14': [[1200, 'transport', 'fuel', 'petrol']],
  '2026-01-15': [[2400, 'food', 'groceries', 'groceries']],
  '2026-01-16': [[1430, 'food', 'restaurant', 'dinner']],
  '2026-01-17': [[2999, 'shopping', 'clothes', 'shoes']],
  '2026-01-18': [[250, 'food', 'coffee', 'latte']],
};

describe('a scripted week', () => {
  it('ends in exactly one weekly summary with correct totals and chart, and exactly one budget alert', async () => {
    const file = path.join(dir, 'ledger.db');
    const opened = await openRepositories(file);
    const clock = new FakeClock('2026-01-12T04:30:00Z'); // Mon 10:00 IST
    const scheduler = new FakeScheduler(clock);
    const notifier = new RecordingNotifier(() => clock.now());
    const config = defaultSummaryConfig();
    const logger = { info: () => {}, warn: (o: object, m: string) => console.error(m, o) };
    const debts = createDebtSkill({ debts: opened.debts });
    const service = createSchedules({ repos: opened, scheduler, clock, notifier, settings: () => settings, timeZone: TZ, summaries: config, recurringAt: { hour: 9, minute: 0 }, renderChart: renderSpendingChart, afterRecord: (e, c) => budgets.afterRecord!(e, c), reminders: (o, st, now) => debts.reminders(o, st, now), logger });
    await service.start();
    expect(notifier.sent).toEqual([]); // nothing to catch up in an empty ledger

    const budgets = createBudgetSkill({ budgets: opened.budgets, expenses: opened.expenses });
    const recurring = createRecurringSkill({ recurring: opened.recurring });
    const ctx = (): SkillContext => ({ owner: 'me', chatId: 'me@c.us', messageId: 'x', settings, now: clock.now() });
    expect((await budgets.handle!('set food budget 5000 a month', ctx()))![0]!.text).toContain('Food budget: ₹5,000 a month');
    expect((await recurring.handle!('gym 1500 every week on friday', ctx()))![0]!.text).toContain('Next: Fri 16 Jan');
    expect((await debts.handle!('Rahul owes me 500', { ...ctx(), messageId: 'debt-1' }))![0]!.text).toMatch(/^📒 Rahul owes you ₹500/);

    const alerts: string[] = [];
    let n = 0;
    for (const [date, items] of Object.entries(WEEK)) {
      await scheduler.advanceTo(new Date(`${date}T04:30:00Z`)); // 10:00 IST that day
      for (const [rupees, category, detail, item] of items) {
        const { expenses } = await opened.expenses.record(
          [{ amountMinor: rupees * 100, currency: 'INR', category, detail, item, merchant: null, note: null, date }],
          { owner: 'me', source: 'text', messageId: `wa-${++n}`, now: clock.now().toISOString() },
        );
        alerts.push(...(await budgets.afterRecord!(expenses, ctx())).map((r) => r.text));
      }
    }
    await scheduler.advanceTo('2026-01-19T06:30:00Z'); // Monday noon IST

    expect(alerts).toEqual(['⚠️ 84% of your Food budget used: ₹4,200 of ₹5,000 this month · ₹800 left.']);

    const gym = notifier.sent.filter((m) => m.reply.text.startsWith('🔁'));
    expect(gym.map((m) => [m.reply.text, m.at!.toISOString(), m.to.chatId])).toEqual([
      ['🔁 Recorded Gym ₹1,500 · Health › Gym & fitness · today (every Friday).', '2026-01-16T03:30:00.000Z', 'me@c.us'],
    ]);

    const summaries = notifier.sent.filter((m) => m.reply.text.startsWith('📊'));
    expect(summaries).toHaveLength(1);
    const s = summaries[0]!;
    expect(s.at!.toISOString()).toBe('2026-01-18T14:30:00.000Z'); // Sunday 20:00 IST
    expect(s.to).toEqual({ owner: 'me' });
    // Totals straight from the ledger, recurring gym included.
    const week = await opened.expenses.between({ owner: 'me', from: '2026-01-12', to: '2026-01-18' });
    const total = week.reduce((a, e) => a + e.amountMinor, 0);
    expect(total).toBe(1020900);
    expect(s.reply.text).toContain('📊 *Weekly summary* · Mon 12 Jan – Sun 18 Jan');
    expect(s.reply.text).toContain('Total *₹10,209* · 9 expenses');
    expect(s.reply.text).toContain('🍽️ Food ₹4,450 · new');
    expect(s.reply.text).toContain('🛍️ Shopping ₹2,999 · new');
    expect(s.reply.text).toContain('₹2,999 · Shoes · Sat 17 Jan');
    // The optional reminder line: debts are not spending, so the totals above do not include them.
    expect(s.reply.text.endsWith('\n\n👥 Rahul still owes you ₹500 since Mon 12 Jan')).toBe(true);
    const png = PNG.sync.read(s.reply.image!.png);
    expect(png.width).toBeGreaterThanOrEqual(600);
    expect(s.reply.image!.caption).toBe('Spending · Mon 12 Jan – Sun 18 Jan · ₹10,209');

    // Restart on Monday: a new scheduler and service over the same file catch up nothing twice.
    await service.stop();
    await opened.close();
    const reopened = await openRepositories(file);
    const again = createSchedules({ repos: reopened, scheduler: new FakeScheduler(clock), clock, notifier, settings: () => settings, timeZone: TZ, summaries: config, recurringAt: { hour: 9, minute: 0 }, renderChart: renderSpendingChart });
    await again.start();
    await again.stop();
    expect(notifier.sent.filter((m) => m.reply.text.startsWith('📊'))).toHaveLength(1);
    expect(notifier.sent.filter((m) => m.reply.text.startsWith('🔁'))).toHaveLength(1);
    const runs = await reopened.runs.list();
    expect(runs.map((r) => [r.job, r.period, r.status])).toEqual([['weekly-summary:me', '2026-W03', 'done']]);
    await reopened.close();
  });
});
