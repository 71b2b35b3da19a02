/** Named periods for on-demand summaries and charts, in the vocabulary's words. */
import { describe, expect, it } from 'vitest';
import { namedPeriodIn } from './period-words.js';

describe('namedPeriodIn', () => {
  it.each([
    ['summary for last week', 'last week'],
    ['previous month chart', 'last month'],
    ['past week summary', 'last week'],
    ['weekly summary', 'this week'],
    ['monthly report', 'this month'],
    ['chart this week', 'this week'],
    ['summary of the current month', 'this month'],
    ['pichle hafte ka summary', 'last week'],
    ['pichle mahine ka chart', 'last month'],
    ['letzte Woche', 'last week'],
  ])('%s → %s', (text, period) => {
    expect(namedPeriodIn(text, 'this month')).toBe(period);
  });

  it('keeps the fallback when no period is named, and reads no word inside another', () => {
    expect(namedPeriodIn('summary', 'this week')).toBe('this week');
    expect(namedPeriodIn('chart', 'this month')).toBe('this month');
    expect(namedPeriodIn('show my spending chart', 'this week')).toBe('this week');
    expect(namedPeriodIn('lastweekend chart', 'this month')).toBe('this month');
  });
});
