import { describe, expect, it } from 'vitest';
import { scanDates } from './dates.js';

// Thursday 15 January 2026.
const o = { today: '2026-01-15', dayFirst: true, futureTense: false };
const first = (s: string, opts = o) => scanDates(s, opts).matches.find((m) => m.date)?.date ?? null;

describe('scanDates', () => {
  it.each([
    ['misal 90 yesterday', '2026-01-14'],
    ['yday groceries', '2026-01-14'],
    ['yesterday night dinner', '2026-01-14'],
    ['last night dinner', '2026-01-14'],
    ['kal raat pizza', '2026-01-14'],
    ['kal petrol 1.2k', '2026-01-14'],
    ['day before yesterday lunch', '2026-01-13'],
    ['parso movie', '2026-01-13'],
    ['2 days ago cab', '2026-01-13'],
    ['a week ago', '2026-01-08'],
    ['on monday', '2026-01-12'],
    ['ENT doctor 900 on monday', '2026-01-12'],
    ['last saturday', '2026-01-10'],
    ['last thursday', '2026-01-08'],
    ['on thursday', '2026-01-08'],
    ['friday movie', '2026-01-09'],
    ['on wed', '2026-01-14'],
    ['on 9th', '2026-01-09'],
    ['on 3rd', '2026-01-03'],
    ['on the 1st', '2026-01-01'],
    ['on 20th', '2025-12-20'],
    ['3rd of this month', '2026-01-03'],
    ['5 jan', '2026-01-05'],
    ['5th January', '2026-01-05'],
    ['jan 5', '2026-01-05'],
    ['on 28th December', '2025-12-28'],
    ['dec 28', '2025-12-28'],
    ['2026-01-05', '2026-01-05'],
    ['12/01', '2026-01-12'],
    ['12/01/2026', '2026-01-12'],
    ['05.01.2026', '2026-01-05'],
    ['today', '2026-01-15'],
    ['aaj', '2026-01-15'],
    ['this morning', '2026-01-15'],
  ])('%s -> %s', (s, d) => {
    expect(first(s)).toBe(d);
  });

  it('reads 12/01 month first when the owner writes dates that way', () => {
    expect(first('lunch 12/01', { ...o, dayFirst: false })).toBe('2025-12-01');
    expect(first('lunch 01/12', { ...o, dayFirst: false })).toBe('2026-01-12');
  });

  it('marks future dates', () => {
    const t = scanDates('rent tomorrow', o).matches[0]!;
    expect(t.date).toBe('2026-01-16');
    expect(t.future).toBe(true);
    expect(scanDates('next monday', o).matches[0]).toMatchObject({ date: '2026-01-19', future: true });
    expect(scanDates('feb 2', o).matches[0]).toMatchObject({ date: '2026-02-02', future: true });
  });

  it('reads "kal" as tomorrow when the message speaks of the future', () => {
    expect(first('kal dena hai', { ...o, futureTense: true })).toBe('2026-01-16');
  });

  it('masks times of day without giving a date, so they are not amounts', () => {
    const r = scanDates('movie 500 at 9pm', o);
    expect(r.masked).not.toContain('9');
    expect(r.masked).toContain('500');
    expect(r.matches.every((m) => m.date === null)).toBe(true);
    expect(scanDates('coffee 10:30', o).masked).not.toMatch(/\d/);
  });

  it('keeps the offsets: the masked text has the input length', () => {
    const s = 'petrol 300 last saturday and chai 20';
    expect(scanDates(s, o).masked.length).toBe(s.length);
  });

  it('does not take amounts or words for dates', () => {
    for (const s of ['chai 20', 'rapido 70', 'sun pharma 300', 'mar gaya', 'petrol 1.2k', 'laptop 1,05,000', 'dec 500', 'shoes 2499', 'sat 10', 'may i']) {
      expect(scanDates(s, o).matches.filter((m) => m.date), s).toEqual([]);
    }
  });

  it('ignores impossible dates', () => {
    expect(first('31/02')).toBeNull();
    expect(first('on 45th')).toBeNull();
  });
});
