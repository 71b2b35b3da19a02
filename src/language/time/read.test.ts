import { describe, expect, it } from 'vitest';
import { analyze, languageContext, type LanguageContext } from '../context.js';
import { bestTimes, readTimes, validateTimeGrammar } from './read.js';
import type { TimeOptions, TimeReading } from './types.js';

// Saturday 5 December 2026, mid-morning everywhere.
const NOW = new Date('2026-12-05T10:00:00Z');
const CTX: Record<string, LanguageContext> = {
  'en-IN': languageContext({ now: NOW, timeZone: 'Asia/Kolkata', currency: 'INR' }),
  'en-US': languageContext({ now: NOW, timeZone: 'America/Chicago', currency: 'USD' }),
  'en-GB': languageContext({ now: NOW, timeZone: 'Europe/London', currency: 'GBP' }),
  'de-DE': languageContext({ now: NOW, timeZone: 'Europe/Berlin', currency: 'EUR' }),
};

function read(text: string, loc = 'en-IN', opts: TimeOptions = { mode: 'record' }): TimeReading[] {
  const lc = CTX[loc]!;
  return bestTimes(readTimes(analyze(text, lc), lc, opts));
}
/** The one reading with a date (or a weekday set), as "from..to" ("2026-12-04" for one day). */
function when(text: string, loc = 'en-IN', opts: TimeOptions = { mode: 'record' }): string | null {
  const rs = read(text, loc, opts).filter((r) => r.from || r.to || r.weekdays);
  if (rs.length === 0) return null;
  const r = rs[0]!;
  if (!r.from && !r.to) return `wd:${r.weekdays!.join(',')}`;
  const span = r.from === r.to ? r.from! : `${r.from ?? ''}..${r.to ?? ''}`;
  return r.future ? `${span} (future)` : span;
}
const q = (text: string, loc = 'en-IN'): string | null => when(text, loc, { mode: 'question' });
const plan = (text: string, loc = 'en-IN'): string | null => when(text, loc, { mode: 'record', tense: 'future' });
const past = (text: string, loc = 'en-IN'): string | null => when(text, loc, { mode: 'record', tense: 'past' });

describe('the time grammar loads', () => {
  it('every rule compiles and names real roles, actions and predicates', () => {
    expect(() => validateTimeGrammar()).not.toThrow();
  });
});

describe('relative days', () => {
  it('reads today, yesterday, the day before, tomorrow', () => {
    expect(when('chai 20 today')).toBe('2026-12-05');
    expect(when('spent 500 on a latte at Starbucks yesterday', 'en-US')).toBe('2026-12-04');
    expect(when('lunch 200 day before yesterday')).toBe('2026-12-03');
    expect(when('cab 300 tomorrow')).toBe('2026-12-06 (future)');
  });
  it('reads Hinglish: aaj, kal by tense, parso', () => {
    expect(when('aaj chai 20')).toBe('2026-12-05');
    expect(when('kal petrol 1.2k')).toBe('2026-12-04');
    expect(plan('kal petrol bharwana hai 500')).toBe('2026-12-06 (future)');
    expect(when('parso dinner 800')).toBe('2026-12-03');
    expect(q('kal ka total')).toBe('2026-12-04');
  });
  it('reads Tamil, Marathi and Bengali English words', () => {
    expect(when('nethu auto 80')).toBe('2026-12-04');
    expect(when('kaal bhaji 40')).toBe('2026-12-04');
    expect(when('gotokal mach 300')).toBe('2026-12-04');
  });
  it('reads German relative days', () => {
    expect(when('gestern Kaffee 3,50', 'de-DE')).toBe('2026-12-04');
    expect(when('vorgestern Brot 4', 'de-DE')).toBe('2026-12-03');
  });
  it('reads counts back: N days/weeks ago in several languages', () => {
    expect(when('movie 400 two days ago')).toBe('2026-12-03');
    expect(when('do din pehle petrol 500')).toBe('2026-12-03');
    expect(when('a week ago shoes 2000')).toBe('2026-11-28');
    expect(when('vor 2 Tagen Pizza 12', 'de-DE')).toBe('2026-12-03');
  });
  it('does not read the number of "200 day before yesterday" as a count', () => {
    const r = read('lunch 200 day before yesterday');
    expect(r).toHaveLength(1);
    expect(r[0]!.from).toBe('2026-12-03');
  });
});

describe('weekdays', () => {
  it('reads a bare weekday in a record as the last one (never ahead)', () => {
    // 5 Dec 2026 is a Saturday.
    expect(when('chai 20 shaniwar')).toBe('2026-11-28');
    expect(when('on monday groceries 900', 'en-US')).toBe('2026-11-30');
    expect(when('sunday brunch 40', 'en-GB')).toBe('2026-11-29');
  });
  it('reads last/this/next weekday', () => {
    expect(when('last friday movie 500')).toBe('2026-12-04');
    expect(plan('next monday dentist 1500')).toBe('2026-12-07 (future)');
    expect(when('next tuesday flight 5000')).toBe('2026-12-08 (future)');
  });
  it('reads weekdays in Hindi, German, French and Spanish', () => {
    expect(when('somvar ko sabzi 200')).toBe('2026-11-30');
    expect(when('guruvar dhaba 300')).toBe('2026-12-03');
    expect(when('ravivar movie 600')).toBe('2026-11-29');
    expect(when('am Montag Tanken 60', 'de-DE')).toBe('2026-11-30');
    expect(when('lunes taxi 20', 'en-US')).toBe('2026-11-30');
  });
  it('a question may mean today for a bare weekday', () => {
    expect(q('how much on saturday', 'en-US')).toBe('2026-12-05');
    expect(q('shaniwar ka total')).toBe('2026-12-05');
  });
  it('reads a weekday abbreviation only in context', () => {
    expect(when('sat dinner 40', 'en-GB')).toBe('2026-11-28');
    expect(when('sun glasses 900')).toBeNull();
    expect(when('wed anniversary gift 3000')).toBeNull();
    expect(when('last sun brunch 40', 'en-GB')).toBe('2026-11-29');
  });
  it('keeps the part of the day with the weekday', () => {
    expect(when('saturday night drinks 2000')).toBe('2026-11-28');
  });
});

describe('explicit dates in the locale order', () => {
  it('reads 12/1 as 12 January in India and Britain, 1 December in the US', () => {
    expect(when('12/1 chai 20', 'en-IN')).toBe('2026-01-12');
    expect(when('12/1 lunch 9', 'en-GB')).toBe('2026-01-12');
    expect(q('spent on 12/1', 'en-US')).toBe('2026-12-01');
  });
  it('reads ISO dates everywhere', () => {
    expect(when('2026-12-01 groceries 50', 'en-US')).toBe('2026-12-01');
    expect(when('2026-12-01 groceries 50', 'en-IN')).toBe('2026-12-01');
  });
  it('reads day-month and month-day with and without ordinals and years', () => {
    expect(when('1st Dec lunch 300')).toBe('2026-12-01');
    expect(when('lunch 300 on Dec 1', 'en-US')).toBe('2026-12-01');
    expect(when('1 dec lunch 300')).toBe('2026-12-01');
    expect(when('december 1st dinner 40', 'en-US')).toBe('2026-12-01');
    expect(when('dinner 40 on 3 dec 2025', 'en-GB')).toBe('2025-12-03');
    expect(when('Dec. 3, 2025 gas 40', 'en-US')).toBe('2025-12-03');
    expect(when('1.12.2026 Tanken 60', 'de-DE')).toBe('2026-12-01');
    expect(when('12-01-2026 uber 20', 'en-US')).toBe('2026-12-01');
    expect(when('debited 2000 on 06Dec25 to swiggy')).toBe('2025-12-06');
  });
  it('reads a past-tense record never in the future', () => {
    // On 5 Dec 2026, "Dec 12" already happened only in 2025.
    expect(past('paid 800 for dinner on Dec 12', 'en-US')).toBe('2025-12-12');
    expect(past('31 dec party 2000')).toBe('2025-12-31');
    expect(when('31 dec party 2000')).toBe('2026-12-31 (future)');
  });
  it('keeps a record without a past verb a few weeks ahead as a plan (asked)', () => {
    expect(when('movie tickets 500 on 20th dec')).toBe('2026-12-20 (future)');
  });
  it('reads "the 3rd" and "on the 5th" as this month, or last month when still ahead', () => {
    expect(when('on the 3rd groceries 900')).toBe('2026-12-03');
    expect(when('dinner 500 on 9th')).toBe('2026-11-09');
    expect(plan('rent due on the 9th 15000')).toBe('2026-12-09 (future)');
  });
  it('reads the day in a question as its most recent one', () => {
    expect(q('what did I spend on dec 12', 'en-US')).toBe('2025-12-12');
    expect(q('spent on 1st dec')).toBe('2026-12-01');
  });
});

describe('numbers that are money, counts and ranks are not dates', () => {
  it.each([
    ['chai 20'], ['petrol 1500'], ['2 for 700'], ['uber 14.50'], ['3rd floor rent 5000'], ['school van 2nd quarter 4500'],
    ['washing machine emi 3rd of 12 2100'], ['1/2 kg apples 80'], ['samosa at 10'], ['rent 2025'], ['flight dec 1 2000'],
  ])('%s', (text) => {
    const r = read(text).filter((x) => x.from || x.to);
    if (text === 'flight dec 1 2000') {
      // "dec 1" is a date; "2000" is the amount, not a year.
      expect(r).toHaveLength(1);
      expect(r[0]!.end).toBe(3);
    } else expect(r).toEqual([]);
  });
});

describe('ranges', () => {
  it('reads ranges with the month written once or twice', () => {
    expect(q('from the 3rd to the 9th of June', 'en-US')).toBe('2026-06-03..2026-06-09');
    expect(q('between 4 and 11 Sept', 'en-GB')).toBe('2026-09-04..2026-09-11');
    expect(q('June 3rd through the 9th', 'en-US')).toBe('2026-06-03..2026-06-09');
    expect(q('Sep 4-11', 'en-US')).toBe('2026-09-04..2026-09-11');
    expect(q('3-9 june')).toBe('2026-06-03..2026-06-09');
    expect(q('from jan 2 to jan 5')).toBe('2026-01-02..2026-01-05');
    expect(q('between nov 2 and nov 5', 'en-US')).toBe('2026-11-02..2026-11-05');
  });
  it('reads a range across the new year', () => {
    const lc = languageContext({ now: new Date('2026-01-10T10:00:00Z'), timeZone: 'Asia/Kolkata', currency: 'INR' });
    const r = bestTimes(readTimes(analyze('from dec 28 to jan 3', lc), lc, { mode: 'question' }));
    expect([r[0]!.from, r[0]!.to]).toEqual(['2025-12-28', '2026-01-03']);
  });
  it('reads since and until, with dates and holidays', () => {
    expect(q('since 1st nov')).toBe('2026-11-01..2026-12-05');
    expect(q('since monday', 'en-US')).toBe('2026-11-30..2026-12-05');
    expect(q('monday se')).toBe('2026-11-30..2026-12-05');
    expect(q('since diwali')).toBe('2026-11-08..2026-12-05');
    expect(q('after diwali')).toBe('2026-11-09..2026-12-05');
    expect(q('since thanksgiving', 'en-US')).toBe('2026-11-26..2026-12-05');
    expect(q('until nov 10', 'en-US')).toBe('..2026-11-10');
    expect(q('before diwali')).toBe('..2026-11-07');
    expect(read('since monday', 'en-US', { mode: 'question' })[0]!.open).toBe('since');
  });
  it('reads rolling windows', () => {
    expect(q('over the past 3 days')).toBe('2026-12-03..2026-12-05');
    expect(q('last 7 days', 'en-US')).toBe('2026-11-29..2026-12-05');
    expect(q('past week', 'en-GB')).toBe('2026-11-29..2026-12-05');
    expect(q('in the last 2 weeks', 'en-US')).toBe('2026-11-22..2026-12-05');
  });
});

describe('periods', () => {
  it('reads this/last week, month, year, in English and Hinglish', () => {
    // Weeks start on Monday by default.
    expect(q('this week')).toBe('2026-11-30..2026-12-05');
    expect(q('last week', 'en-US')).toBe('2026-11-23..2026-11-29');
    expect(q("last week's groceries", 'en-US')).toBe('2026-11-23..2026-11-29');
    expect(q("this week's total")).toBe('2026-11-30..2026-12-05');
    expect(q('pichle hafte')).toBe('2026-11-23..2026-11-29');
    expect(q('is mahine ka kharcha')).toBe('2026-12-01..2026-12-05');
    expect(q('pichle mahine')).toBe('2026-11-01..2026-11-30');
    expect(q('last month', 'en-US')).toBe('2026-11-01..2026-11-30');
    expect(q('this year')).toBe('2026-01-01..2026-12-05');
    expect(q('letzte Woche', 'de-DE')).toBe('2026-11-23..2026-11-29');
  });
  it('reads a bare month in a question as its most recent occurrence', () => {
    expect(q('spent in november', 'en-US')).toBe('2026-11-01..2026-11-30');
    expect(q('december spending', 'en-US')).toBe('2026-12-01..2026-12-05');
    expect(q('coffee in january')).toBe('2026-01-01..2026-01-31');
    expect(q('march 2025', 'en-GB')).toBe('2025-03-01..2025-03-31');
    expect(q('last december')).toBe('2025-12-01..2025-12-31');
    expect(q('may I know the total')).toBeNull();
  });
  it('dates a record "this month" today and "last week" a week ago', () => {
    const r = read('personal trainer 5000 this month');
    expect(r[0]!.day).toBe('2026-12-05');
    expect(read('groceries 900 last week')[0]!.day).toBe('2026-11-28');
  });
  it('reads a plan for next week as future', () => {
    const r = read('will pay school fees next week', 'en-IN', { mode: 'record', tense: 'future' });
    expect(r[0]!.future).toBe(true);
    expect([r[0]!.from, r[0]!.to]).toEqual(['2026-12-07', '2026-12-13']);
  });
  it('reads weekends, fortnights, quarters and years', () => {
    expect(q('last weekend', 'en-US')).toBe('2026-11-28..2026-11-29');
    expect(q('last fortnight')).toBe('2026-11-22..2026-12-05');
    expect(q('Q3', 'en-US')).toBe('2026-07-01..2026-09-30');
    expect(q('Q1 2026')).toBe('2026-01-01..2026-03-31');
    expect(q('last quarter', 'en-GB')).toBe('2026-07-01..2026-09-30');
    expect(q('in 2025')).toBe('2025-01-01..2025-12-31');
  });
  it('reads weeks, halves and parts of a month or year', () => {
    expect(q('the second week of november', 'en-US')).toBe('2026-11-08..2026-11-14');
    expect(q('first week of january')).toBe('2026-01-01..2026-01-07');
    expect(q('last week of october', 'en-US')).toBe('2026-10-25..2026-10-31');
    expect(q('first half of november')).toBe('2026-11-01..2026-11-15');
    expect(q('the latter half of november', 'en-GB')).toBe('2026-11-16..2026-11-30');
    expect(q('the latter half of the year', 'en-US')).toBe('2026-07-01..2026-12-05');
    expect(q('first half of 2025')).toBe('2025-01-01..2025-06-30');
    expect(q('early november', 'en-US')).toBe('2026-11-01..2026-11-10');
    expect(q('end of last month')).toBe('2026-11-21..2026-11-30');
  });
});

describe('seasons by region', () => {
  it('summer is June-August in the US and UK, March-May in India', () => {
    expect(q('spent this summer', 'en-US')).toBe('2026-06-01..2026-08-31');
    expect(q('in summer', 'en-GB')).toBe('2026-06-01..2026-08-31');
    expect(q('in summer')).toBe('2026-03-01..2026-05-31');
    expect(q('monsoon 2025')).toBe('2025-06-01..2025-09-30');
    expect(q('last winter', 'en-US')).toBe('2025-12-01..2026-02-28');
  });
  it('"fall" is a season only in context', () => {
    expect(q('how much in the fall', 'en-US')).toBe('2026-09-01..2026-11-30');
    expect(when('fall from bike doctor 500', 'en-US')).toBeNull();
  });
});

describe('holidays and festivals per locale and year', () => {
  it('reads Indian festivals and national days', () => {
    expect(q('on diwali')).toBe('2026-11-08');
    expect(q('on holi')).toBe('2026-03-03');
    expect(q('spent on republic day')).toBe('2026-01-26');
    expect(q('since sankranti')).toBe('2026-01-14..2026-12-05');
    expect(q('diwali 2025')).toBe('2025-10-20');
  });
  it('reads US and UK holidays', () => {
    expect(q('on memorial day', 'en-US')).toBe('2026-05-25');
    expect(q('on thanksgiving', 'en-US')).toBe('2026-11-26');
    expect(q('over thanksgiving', 'en-US')).toBe('2026-11-26..2026-11-29');
    expect(q('on christmas', 'en-GB')).toBe('2025-12-25');
    expect(q('boxing day', 'en-GB')).toBe('2025-12-26');
  });
  it('a holiday in a record needs a cue: "diwali crackers" is what, "on diwali" is when', () => {
    expect(when('diwali crackers 2500')).toBeNull();
    expect(when('christmas tree 1800', 'en-US')).toBeNull();
    expect(when('sweets 500 on diwali')).toBe('2026-11-08');
    expect(when('last christmas gifts 3000', 'en-GB')).toBe('2025-12-25');
  });
  it('a record\'s "for the month of <month>" says what was paid for, not when', () => {
    expect(when('paid the cook 6000 for the month of october')).toBeNull();
    expect(when('rent for month of march 12000')).toBeNull();
    expect(when('paid 500 on 3 october')).toBe('2026-10-03');
  });
  it('a question\'s "which <holiday> <thing>" asks for a kind of thing, not a day', () => {
    expect(q('which easter eggs did we buy', 'en-GB')).toBeNull();
    expect(q('what diwali lamps have we bought')).toBeNull();
    expect(q('what did we spend on diwali')).toBe('2026-11-08');
    expect(q('which things since easter', 'en-GB')).toBe('2026-04-05..2026-12-05');
  });
  it('reads the church year: All Souls, Ash Wednesday, Palm Sunday', () => {
    expect(q('since all souls day')).toBe('2026-11-02..2026-12-05');
    expect(q('on ash wednesday', 'en-GB')).toBe('2026-02-18');
    expect(q('palm sunday', 'en-US')).toBe('2026-03-29');
  });
});

describe('weekday sets', () => {
  it('reads plural weekdays, weekends and weekdays as recurring days', () => {
    expect(q('on weekends', 'en-US')).toBe('wd:0,6');
    expect(q('on saturdays', 'en-US')).toBe('wd:6');
    expect(q('weekdays')).toBe('wd:1,2,3,4,5');
    expect(q('samstags', 'de-DE')).toBe('wd:6');
  });
  it('a singular weekday or weekend beside a longer stretch recurs', () => {
    const r = read('wednesday expenses this month', 'en-US', { mode: 'question' });
    expect(r.find((x) => x.weekdays)?.weekdays).toEqual([3]);
    expect(r.find((x) => x.from)?.from).toBe('2026-12-01');
    const w = read('weekend food spends in november', 'en-US', { mode: 'question' });
    expect(w.find((x) => x.weekdays)?.weekdays).toEqual([0, 6]);
    expect(w.find((x) => x.from)?.to).toBe('2026-11-30');
  });
});

describe('clock times and parts of the day never move a date', () => {
  it('reads clock times', () => {
    const r = read('9:30pm uber 200');
    expect(r[0]!.kind).toBe('clock');
    expect(r[0]!.label).toBe('at 21:30');
    expect(read('dinner at 9 for 1200')[0]!.kind).toBe('clock');
    expect(read('9 baje chai 20')[0]!.kind).toBe('clock');
    expect(read('um 9 Uhr Kaffee 3', 'de-DE')[0]!.kind).toBe('clock');
  });
  it('"this morning" is today, "last night" and "kal raat" yesterday', () => {
    expect(when('this morning coffee 200')).toBe('2026-12-05');
    expect(when('last night dinner 900', 'en-US')).toBe('2026-12-04');
    expect(when('kal raat dinner 400')).toBe('2026-12-04');
  });
  it('a part of the day alone is no date', () => {
    const r = read('morning chai 20');
    expect(r.map((x) => x.kind)).toEqual(['part_of_day']);
    expect(r[0]!.from).toBeNull();
  });
});

describe('scores say how sure a reading is', () => {
  it('a cue makes a reading surer', () => {
    const bare = read('dinner 500 3rd')[0]!;
    const cued = read('dinner 500 on the 3rd')[0]!;
    expect(cued.score).toBeGreaterThan(bare.score);
  });
  it('a homograph reads weaker than a full name', () => {
    expect(read('sat dinner 40', 'en-GB')[0]!.score).toBeLessThan(read('saturday dinner 40', 'en-GB')[0]!.score);
  });
});

describe('day and month with a dot', () => {
  it('reads "28.05" and "1.6." as dates where the pack writes decimals with a comma, never "12.430"', () => {
    expect(when('Brötchen 3,40 am 28.05', 'de-DE')).toBe('2026-05-28');
    expect(when('Rewe 23,45 am 1.6.', 'de-DE')).toBe('2026-06-01');
    expect(when('12.430 Schritte', 'de-DE')).toBeNull();
    expect(when('coffee 2.80', 'en-US')).toBeNull();
  });
});

describe('ordinals that are no dates', () => {
  it('a possessive before an ordinal is a birthday', () => {
    expect(when("flights to dublin for jess's 30th booked, £68", 'en-GB')).toBeNull();
    expect(when('paid rent on the 30th', 'en-GB')).toBe('2026-11-30');
  });
});

describe('a weekday written before its date', () => {
  it('only restates the date: one day, not two', () => {
    expect(q('what went out on Tuesday 17th November', 'en-GB')).toBe('2026-11-17');
    expect(q('spent on wed, nov 11', 'en-US')).toBe('2026-11-11');
    expect(read('food on Friday the 4th of September', 'en-GB', { mode: 'question' }).filter((r) => r.from)).toHaveLength(1);
  });
});

describe('a month that is also an everyday word, set beside another month', () => {
  it('"may" and "mayo" are months in a comparison or after "de"', () => {
    const lc = CTX['en-US']!;
    const months = (s: string) => bestTimes(readTimes(analyze(s, lc), lc, { mode: 'question' })).filter((r) => r.from).map((r) => r.from);
    expect(months('dining out May versus June')).toEqual(['2026-05-01', '2026-06-01']);
    expect(months('gas march or may')).toEqual(['2026-03-01', '2026-05-01']);
    expect(months('cuanto en comida de mayo')).toEqual(['2026-05-01']);
    // Alone, "may" is still the verb.
    expect(months('may I see my coffee total')).toEqual([]);
  });
});

describe('a day counted from the start of a period', () => {
  it('reads "the first of the year" and "the 1st of the month" as that day, "since" from it', () => {
    expect(q('spent since the first of the year', 'en-US')).toBe('2026-01-01..2026-12-05');
    expect(q('total since the 1st of the month', 'en-GB')).toBe('2026-12-01..2026-12-05');
    expect(when('paid the 2nd of last month', 'en-IN')).toBe('2026-11-02');
  });
  it('still reads a named month the usual way', () => {
    expect(when('the 3rd of june', 'en-GB')).toBe('2026-06-03');
  });
});

describe('a day heading the day\'s list', () => {
  it('is today when written on that weekday, and a week back otherwise', () => {
    expect(when('sat - auto 40, chai 15')).toBe('2026-12-05');
    expect(when('saturday: dmart 800, petrol 500')).toBe('2026-12-05');
    expect(when('saturday dmart 800')).toBe('2026-11-28');
    expect(when('thu - auto 40')).toBe('2026-12-03');
  });
});
