import { describe, expect, it } from 'vitest';
import { findPeriods } from './time.js';

// Thursday 15 Jan 2026; weeks start on Monday; 2/1 is 2 January.
const o = { today: '2026-01-15', weekStartsOn: 1, dayFirst: true };
const range = (text: string, opts = o) => findPeriods(text, opts).periods.map((p) => `${p.from}..${p.to}`);

describe('findPeriods', () => {
  const cases: [string, string][] = [
    ['today', '2026-01-15..2026-01-15'],
    ['aaj kitna', '2026-01-15..2026-01-15'],
    ["what was today's total", '2026-01-15..2026-01-15'],
    ['yesterday', '2026-01-14..2026-01-14'],
    ["yesterday's total", '2026-01-14..2026-01-14'],
    ['kal kitna gaya', '2026-01-14..2026-01-14'],
    ['day before yesterday', '2026-01-13..2026-01-13'],
    ['parso', '2026-01-13..2026-01-13'],
    ['this week', '2026-01-12..2026-01-15'],
    ['iss week ka total', '2026-01-12..2026-01-15'],
    ['is hafte', '2026-01-12..2026-01-15'],
    ['last week', '2026-01-05..2026-01-11'],
    ['pichle hafte', '2026-01-05..2026-01-11'],
    ['this month', '2026-01-01..2026-01-15'],
    ['is mahine', '2026-01-01..2026-01-15'],
    ['iss mahine', '2026-01-01..2026-01-15'],
    ['last month', '2025-12-01..2025-12-31'],
    ['last mahine ka total', '2025-12-01..2025-12-31'],
    ['pichle mahine', '2025-12-01..2025-12-31'],
    ['previous month', '2025-12-01..2025-12-31'],
    ['in december', '2025-12-01..2025-12-31'],
    ['December', '2025-12-01..2025-12-31'],
    ['dec', '2025-12-01..2025-12-31'],
    ['in january', '2026-01-01..2026-01-15'],
    ['jan ka total', '2026-01-01..2026-01-15'],
    ['in may', '2025-05-01..2025-05-31'],
    ['in march 2025', '2025-03-01..2025-03-31'],
    ['dec 2024', '2024-12-01..2024-12-31'],
    ['last 7 days', '2026-01-09..2026-01-15'],
    ['past 3 days', '2026-01-13..2026-01-15'],
    ['last 2 weeks', '2026-01-02..2026-01-15'],
    ['pichle 10 din', '2026-01-06..2026-01-15'],
    ['since 1st jan', '2026-01-01..2026-01-15'],
    ['since jan 1', '2026-01-01..2026-01-15'],
    ['since monday', '2026-01-12..2026-01-15'],
    ['since Monday?', '2026-01-12..2026-01-15'],
    ['since last week', '2026-01-05..2026-01-15'],
    ['since december', '2025-12-01..2026-01-15'],
    ['between jan 2 and jan 5', '2026-01-02..2026-01-05'],
    ['from 2 jan to 5 jan', '2026-01-02..2026-01-05'],
    ['jan 2-5', '2026-01-02..2026-01-05'],
    ['2-5 jan', '2026-01-02..2026-01-05'],
    ['dec 28 to jan 3', '2025-12-28..2026-01-03'],
    ['on jan 2', '2026-01-02..2026-01-02'],
    ['Jan 2', '2026-01-02..2026-01-02'],
    ['2 jan', '2026-01-02..2026-01-02'],
    ['2nd january', '2026-01-02..2026-01-02'],
    ['2nd of january', '2026-01-02..2026-01-02'],
    ['2/1', '2026-01-02..2026-01-02'],
    ['2026-01-02', '2026-01-02..2026-01-02'],
    ['on the 3rd', '2026-01-03..2026-01-03'],
    ['on the 20th', '2025-12-20..2025-12-20'],
    ['dec 20', '2025-12-20..2025-12-20'],
    ['on tuesday', '2026-01-13..2026-01-13'],
    ['on thursday', '2026-01-15..2026-01-15'],
    ['last thursday', '2026-01-08..2026-01-08'],
    ['last friday', '2026-01-09..2026-01-09'],
    ["new year's eve", '2025-12-31..2025-12-31'],
    ['new years eve', '2025-12-31..2025-12-31'],
    ["new year's day", '2026-01-01..2026-01-01'],
    ['christmas', '2025-12-25..2025-12-25'],
    ['this year', '2026-01-01..2026-01-15'],
    ['last year', '2025-01-01..2025-12-31'],
    ['in 2025', '2025-01-01..2025-12-31'],
    ['last weekend', '2026-01-10..2026-01-11'],
    ['this quarter', '2026-01-01..2026-01-15'],
    ['last quarter', '2025-10-01..2025-12-31'],
  ];
  for (const [text, want] of cases) {
    it(`"${text}" → ${want}`, () => expect(range(text)).toEqual([want]));
  }

  it('finds two periods in order for a comparison', () => {
    expect(range('compare entertainment: december vs this month')).toEqual(['2025-12-01..2025-12-31', '2026-01-01..2026-01-15']);
    expect(range('this month vs last month')).toEqual(['2026-01-01..2026-01-15', '2025-12-01..2025-12-31']);
  });

  it('finds nothing in questions without time', () => {
    for (const t of ['hotstar pe total kitna gaya', 'have i bought any painkillers', 'anything spent on the scooter', 'top 3 expenses', 'spent over 1500 on shoes', 'may i ask how much coffee']) {
      expect(range(t), t).toEqual([]);
    }
  });

  it('reads month-first dates for US owners', () => {
    expect(range('on 2/1', { ...o, dayFirst: false })).toEqual(['2025-02-01..2025-02-01']);
  });

  it('honours another week start (Sunday)', () => {
    expect(range('this week', { ...o, weekStartsOn: 0 })).toEqual(['2026-01-11..2026-01-15']);
    expect(range('last week', { ...o, weekStartsOn: 0 })).toEqual(['2026-01-04..2026-01-10']);
  });

  it('labels periods as people say them', () => {
    const label = (t: string) => findPeriods(t, o).periods[0]!.label;
    expect(label('since monday')).toBe('since Mon 12 Jan');
    expect(label('in december')).toBe('in December');
    expect(label('on jan 2')).toBe('on Fri 2 Jan');
    expect(label('this month')).toBe('this month');
  });

  it('blanks the time phrases out of the rest of the text', () => {
    const r = findPeriods('total spent on food since monday', o);
    expect(r.rest.replace(/\s+/g, ' ').trim()).toBe('total spent on food');
  });

  it('notes an explicit "all time"', () => {
    expect(findPeriods('total spent ever', o).allTime).toBe(true);
    expect(findPeriods('total spent so far', o).allTime).toBe(true);
  });
});

describe('parts of a month', () => {
  const o2 = { today: '2026-01-15', weekStartsOn: 1, dayFirst: true };
  const r = (t: string) => findPeriods(t, o2).periods.map((p) => `${p.from}..${p.to}`);
  it('reads weeks and halves of a month', () => {
    expect(r('first week of january')).toEqual(['2026-01-01..2026-01-07']);
    expect(r('second week of jan')).toEqual(['2026-01-08..2026-01-14']);
    expect(r('last week of december')).toEqual(['2025-12-25..2025-12-31']);
    expect(r('first half of december')).toEqual(['2025-12-01..2025-12-15']);
    expect(r('second half of december')).toEqual(['2025-12-16..2025-12-31']);
    expect(r('first half of this month')).toEqual(['2026-01-01..2026-01-15']);
  });
});
