import { describe, expect, it } from 'vitest';
import { buildScheduleConfig } from './config.js';
import { transportNotifier } from './notifier.js';

describe('buildScheduleConfig', () => {
  it('defaults to Sunday 20:00, the 1st at 09:00, recurring at 09:00, charts on', () => {
    const c = buildScheduleConfig({ timeZone: 'Asia/Kolkata' });
    expect(c.weeklySummary).toEqual({ every: 'week', weekday: 0, hour: 20, minute: 0 });
    expect(c.monthlySummary).toEqual({ every: 'month', day: 1, hour: 9, minute: 0 });
    expect(c.recurringAt).toEqual({ hour: 9, minute: 0 });
    expect(c.charts).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('reads overrides and "off"', () => {
    const c = buildScheduleConfig({ timeZone: 'Europe/London', weeklySummary: 'fri 18:30', monthlySummary: 'off', recurringAt: '07:15', charts: 'off' });
    expect(c.weeklySummary).toEqual({ every: 'week', weekday: 5, hour: 18, minute: 30 });
    expect(c.monthlySummary).toBeNull();
    expect(c.recurringAt).toEqual({ hour: 7, minute: 15 });
    expect(c.charts).toBe(false);
  });
  it('names the bad key', () => {
    expect(() => buildScheduleConfig({ timeZone: 'Mars/Base' })).toThrow(/MUNSHI_TZ/);
    expect(() => buildScheduleConfig({ timeZone: 'UTC', weeklySummary: 'someday' })).toThrow(/MUNSHI_WEEKLY_SUMMARY/);
    expect(() => buildScheduleConfig({ timeZone: 'UTC', recurringAt: '25:00' })).toThrow(/MUNSHI_RECURRING_AT/);
  });
});

describe('transportNotifier', () => {
  it('sends text then the image to the target chat, or the owner chat', async () => {
    const calls: string[] = [];
    const n = transportNotifier(
      { sendText: async (c, t) => void calls.push(`text ${c} ${t}`), sendImage: async (c, png, cap) => void calls.push(`image ${c} ${png.length} ${cap}`) },
      (owner) => `${owner}@c.us`,
    );
    await n.send({ owner: '91981' }, { text: 'hi', image: { png: Buffer.from('xyz'), caption: 'cap' } });
    await n.send({ owner: '91981', chatId: 'group@g.us' }, { text: 'rent' });
    expect(calls).toEqual(['text 91981@c.us hi', 'image 91981@c.us 3 cap', 'text group@g.us rent']);
  });
});
