import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { SkillContext } from '../bot/skill.js';
import { createChartSkill } from '../summaries/chart-skill.js';
import { renderSpendingChart } from '../charts/render.js';
import { FakeClock } from '../clock/clock.js';
import type { ExpenseDraft, OwnerSettings } from '../core/types.js';
import { openRepositories, type Repositories } from './repositories.js';
import { createRecurringSkill } from '../recurring/skill.js';
import { createSummarySkill } from '../summaries/skill.js';
import type { ChartRenderer } from '../charts/render.js';
import { FakeScheduler } from '../scheduler/fake.js';
import { RecordingNotifier } from '../scheduler/notifier.js';
import { defaultSummaryConfig, type SummaryConfig } from '../summaries/config.js';
import { createSchedules } from './schedules.js';

let opened: Repositories;
beforeEach(async () => {
  opened = await openRepositories(':memory:');
});
afterEach(() => opened.close());

const london: OwnerSettings = { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB', dayFirst: true, weekStartsOn: 1 };
// A renderer that does not draw: these tests are about timing; PNGs are tested in charts/ and the week scenario.
const tinyChart: ChartRenderer = async () => {
  const png = new PNG({ width: 600, height: 10 });
  return { png: PNG.sync.write(png), width: 600, height: 10 };
};

let n = 0;
async function spend(owner: string, date: string, pounds: number, category: ExpenseDraft['category'] = 'food', createdAt = `${date}T12:00:00Z`) {
  await opened.expenses.record([{ amountMinor: pounds * 100, currency: 'GBP', category, detail: null, item: null, merchant: null, note: null, date }], {
    owner, source: 'text', messageId: `m${++n}`, now: createdAt,
  });
}

function setup(start: string, config: Partial<SummaryConfig> = {}) {
  const clock = new FakeClock(start);
  const scheduler = new FakeScheduler(clock);
  const notifier = new RecordingNotifier(() => clock.now());
  const service = createSchedules({
    repos: opened, scheduler, clock, notifier, settings: () => london, timeZone: 'Europe/London',
    summaries: { ...defaultSummaryConfig(), ...config }, recurringAt: { hour: 9, minute: 0 }, renderChart: tinyChart,
  });
  const summaries = () => notifier.sent.filter((m) => m.reply.text.startsWith('📊'));
  return { clock, scheduler, notifier, service, summaries };
}

describe('schedule service', () => {
  it('sends the weekly summary at 20:00 London time on both sides of the DST change', async () => {
    for (const d of ['2026-03-16', '2026-03-23', '2026-03-30']) await spend('me', d, 10);
    const { scheduler, service, summaries } = setup('2026-03-16T13:00:00Z');
    await service.start();
    await scheduler.advanceTo('2026-04-01T00:00:00Z');
    expect(summaries().map((m) => m.at!.toISOString())).toEqual(['2026-03-22T20:00:00.000Z', '2026-03-29T19:00:00.000Z']);
    expect(summaries()[1]!.reply.text).toContain('Mon 23 Mar – Sun 29 Mar');
    expect(summaries()[1]!.reply.image).toBeDefined();
    await service.stop();
  });

  it('catches up a summary missed while off exactly once, across restarts', async () => {
    await spend('me', '2026-01-14', 25);
    const first = setup('2026-01-20T08:00:00Z'); // Tuesday: Sunday 18th's summary was missed
    await first.service.start();
    expect(first.summaries()).toHaveLength(1);
    expect(first.summaries()[0]!.reply.text).toContain('Total *£25*');
    await first.service.stop();
    const second = setup('2026-01-20T09:00:00Z');
    await second.service.start();
    await second.scheduler.advanceTo('2026-01-24T00:00:00Z'); // daily wakes through Friday
    expect(second.summaries()).toHaveLength(0);
  });

  it('retries a summary whose send failed on the next daily wake, then never again', async () => {
    await spend('me', '2026-01-14', 25);
    const { scheduler, notifier, service, summaries } = setup('2026-01-18T12:00:00Z');
    await service.start();
    notifier.failWith = new Error('whatsapp offline');
    await scheduler.advanceTo('2026-01-18T21:00:00Z');
    expect(summaries()).toHaveLength(0);
    notifier.failWith = null;
    await scheduler.advanceTo('2026-01-22T00:00:00Z');
    expect(summaries().map((m) => m.at!.toISOString())).toEqual(['2026-01-19T20:00:00.000Z']);
    await service.stop();
  });

  it('sends the monthly summary on the 1st for the month before, and respects "off" per owner', async () => {
    await spend('me', '2026-01-10', 100);
    await spend('me', '2025-12-10', 80);
    await spend('partner', '2026-01-11', 40);
    const { scheduler, service, summaries, clock } = setup('2026-01-31T12:00:00Z', { weekly: null });
    const skill = createSummarySkill({ expenses: opened.expenses, preferences: opened.preferences });
    const ctx: SkillContext = { owner: 'partner', chatId: 'p', messageId: 'x', settings: london, now: clock.now() };
    expect((await skill.handle!('monthly summary off', ctx))![0]!.text).toMatch(/^🔕 Monthly summary is off/);
    await service.start();
    await scheduler.advanceTo('2026-02-02T00:00:00Z');
    // At start, 1 January's run (December) was missed: caught up once; then 1 February on time.
    expect(summaries().map((m) => [m.to.owner, m.at!.toISOString()])).toEqual([['me', '2026-01-31T12:00:00.000Z'], ['me', '2026-02-01T09:00:00.000Z']]);
    expect(summaries()[0]!.reply.text).toContain('📊 *Monthly summary* · December 2025');
    expect(summaries()[1]!.reply.text).toContain('📊 *Monthly summary* · January 2026');
    expect(summaries()[1]!.reply.text).toContain('Total *£100* · 1 expense · ▲ 25% vs December (£80)');
    await service.stop();
  });

  it('does not summon a stale summary for an entry backdated after the week was summarized', async () => {
    const { scheduler, service, summaries } = setup('2026-01-19T12:00:00Z');
    await service.start();
    await spend('late', '2026-01-15', 5, 'food', '2026-01-20T12:00:00Z');
    await scheduler.advanceTo('2026-01-23T00:00:00Z');
    expect(summaries()).toHaveLength(0);
    await service.stop();
  });

  it('records a recurring expense once per period, says so, and stops when told', async () => {
    const { scheduler, service, notifier, clock } = setup('2026-01-15T10:00:00Z', { weekly: null, monthly: null });
    const skill = createRecurringSkill({ recurring: opened.recurring });
    const ctx = (): SkillContext => ({ owner: 'me', chatId: 'me-chat', messageId: 'x', settings: london, now: clock.now() });
    expect((await skill.handle!('rent 1200 every month on the 1st', ctx()))![0]!.text).toBe(
      '🔁 Rent £1,200 · Housing › Rent · every month on the 1st.\nI\'ll record it each time and tell you. Next: Sun 1 Feb. Stop with "stop rent".',
    );
    await service.start();
    await scheduler.advanceTo('2026-03-15T00:00:00Z');
    expect(await service.runNow('recurring')).toBe(0); // waking again records nothing twice
    const rent = await opened.expenses.between({ owner: 'me' });
    expect(rent.map((e) => [e.date, e.amountMinor, e.source, e.messageId])).toEqual([
      ['2026-02-01', 120000, 'recurring', expect.stringMatching(/^recurring:\d+:2026-02$/)],
      ['2026-03-01', 120000, 'recurring', expect.stringMatching(/^recurring:\d+:2026-03$/)],
    ]);
    expect(notifier.sent.filter((m) => m.reply.text.startsWith('🔁')).map((m) => [m.reply.text, m.to.chatId, m.at!.toISOString()])).toEqual([
      ['🔁 Recorded Rent £1,200 · Housing › Rent · today (every month on the 1st).', 'me-chat', '2026-02-01T09:00:00.000Z'],
      ['🔁 Recorded Rent £1,200 · Housing › Rent · today (every month on the 1st).', 'me-chat', '2026-03-01T09:00:00.000Z'],
    ]);
    expect((await skill.handle!('recurring?', ctx()))![0]!.text).toBe('🔁 *Recurring*\n1. Rent £1,200 · every month on the 1st · next Wed 1 Apr');
    expect(await skill.handle!('stop it', ctx())).toBeNull(); // not ours
    expect((await skill.handle!('stop rent', ctx()))![0]!.text).toMatch(/^⏹️ Stopped Rent/);
    await scheduler.advanceTo('2026-05-02T00:00:00Z');
    expect(await opened.expenses.count('me')).toBe(2);
    await service.stop();
  });

  it('catches up recurring periods missed while off, each once', async () => {
    const { service, notifier, clock } = setup('2026-01-15T10:00:00Z');
    const skill = createRecurringSkill({ recurring: opened.recurring });
    await skill.handle!('netflix 10.99 every month on the 20th', { owner: 'me', chatId: 'c', messageId: 'x', settings: london, now: clock.now() });
    clock.set('2026-03-25T10:00:00Z'); // off since January
    await service.start();
    await service.start(); // a second start (e.g. a crash loop) changes nothing
    expect((await opened.expenses.between({ owner: 'me' })).map((e) => e.date)).toEqual(['2026-01-20', '2026-02-20', '2026-03-20']);
    expect(notifier.sent.filter((m) => m.reply.text.startsWith('🔁'))).toHaveLength(1);
    expect(notifier.sent[0]!.reply.text).toBe('🔁 Recorded:\n• Netflix £10.99 · Tue 20 Jan\n• Netflix £10.99 · Fri 20 Feb\n• Netflix £10.99 · Fri 20 Mar');
    await service.stop();
  });
});

describe('chart and summary skills', () => {
  const ctx = (now: string): SkillContext => ({ owner: 'me', chatId: 'c', messageId: 'x', settings: london, now: new Date(now) });
  it('answers "chart my spending this month" with a PNG, and declines other text', async () => {
    await spend('me', '2026-01-05', 12, 'food');
    await spend('me', '2026-01-09', 30, 'transport');
    const skill = createChartSkill({ expenses: opened.expenses, renderChart: renderSpendingChart });
    expect(await skill.handle!('coffee 3', ctx('2026-01-10T12:00:00Z'))).toBeNull();
    expect(await skill.handle!('how much on charts this month?', ctx('2026-01-10T12:00:00Z'))).toBeNull();
    const [r] = (await skill.handle!('chart my spending this month', ctx('2026-01-10T12:00:00Z')))!;
    expect(r!.image!.caption).toBe('Spending · January 2026 so far · £42');
    expect(PNG.sync.read(r!.image!.png).width).toBe(1080);
    expect((await skill.handle!('chart last week', ctx('2026-01-20T12:00:00Z')))![0]!.text).toMatch(/^Nothing to chart/);
  });

  it('gives a summary on demand', async () => {
    await spend('me', '2026-01-12', 12, 'food');
    const skill = createSummarySkill({ expenses: opened.expenses, preferences: opened.preferences });
    const [r] = (await skill.handle!('summary', ctx('2026-01-14T12:00:00Z')))!;
    expect(r!.text).toContain('📊 *Spending so far* · Mon 12 Jan – Wed 14 Jan');
    expect(r!.text).toContain('Total *£12*');
    expect(await skill.handle!('summary of my life', ctx('2026-01-14T12:00:00Z'))).toBeNull();
  });
});
