import { describe, expect, it } from 'vitest';
import { analyze, languageContext, type LanguageContext } from '../context.js';
import { entriesFromRows, allVocabEntries, Vocabulary } from '../vocab/vocabulary.js';
import { readNumbers } from './read.js';
import type { NumberAnalysis } from './types.js';

const NOW = new Date('2026-01-15T10:00:00Z');
const CTX: Record<string, LanguageContext> = {
  IN: languageContext({ now: NOW, timeZone: 'Asia/Kolkata', currency: 'INR' }),
  US: languageContext({ now: NOW, timeZone: 'America/Chicago', currency: 'USD' }),
  GB: languageContext({ now: NOW, timeZone: 'Europe/London', currency: 'GBP' }),
  DE: languageContext({ now: NOW, timeZone: 'Europe/Berlin', currency: 'EUR' }),
  FR: languageContext({ now: NOW, timeZone: 'Europe/Paris', currency: 'EUR' }),
  SG: languageContext({ now: NOW, timeZone: 'Asia/Singapore', currency: 'SGD' }),
  AE: languageContext({ now: NOW, timeZone: 'Asia/Dubai', currency: 'AED' }),
};

function read(text: string, where = 'IN'): NumberAnalysis {
  const ctx = CTX[where]!;
  return readNumbers(analyze(text, ctx), ctx);
}

/** The best money reading's amount (major units) and currency, or null. */
function best(text: string, where = 'IN'): [number, string] | null {
  const ms = read(text, where).money;
  if (!ms.length) return null;
  const m = [...ms].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start))[0]!;
  const digits = m.currency === 'JPY' ? 0 : m.currency === 'KWD' ? 3 : 2;
  return [m.minor / 10 ** digits, m.currency];
}

describe('money grammar: currencies', () => {
  it.each([
    ['chai ₹20', 'IN', 20, 'INR'], ['Rs.500 auto', 'IN', 500, 'INR'], ['Rs 500', 'IN', 500, 'INR'], ['INR 250', 'IN', 250, 'INR'],
    ['20rs chai', 'IN', 20, 'INR'], ['500 rupees', 'IN', 500, 'INR'], ['bees rupaye', 'IN', 20, 'INR'], ['300 rupaiye', 'IN', 300, 'INR'],
    ['$12 lunch', 'IN', 12, 'USD'], ['uber 14.50', 'US', 14.5, 'USD'], ['20 bucks', 'US', 20, 'USD'], ['US$ 5', 'SG', 5, 'USD'],
    ['$12 hawker', 'SG', 12, 'SGD'], ['S$5.50 kaya toast', 'IN', 5.5, 'SGD'], ['A$30', 'IN', 30, 'AUD'], ['C$ 20', 'US', 20, 'CAD'],
    ['HK$100', 'IN', 100, 'HKD'], ['NT$200', 'IN', 200, 'TWD'], ['€12', 'IN', 12, 'EUR'], ['12 euros', 'US', 12, 'EUR'],
    ['£8 sandwich', 'IN', 8, 'GBP'], ['20 quid', 'GB', 20, 'GBP'], ['10 pounds', 'GB', 10, 'GBP'], ['50p', 'GB', 0.5, 'GBP'],
    ['99 cents', 'US', 0.99, 'USD'], ['¥500', 'IN', 500, 'JPY'], ['200 pesos', 'US', 200, 'MXN'], ['300 baht', 'IN', 300, 'THB'],
    ['RM 15', 'SG', 15, 'MYR'], ['50 ringgit', 'IN', 50, 'MYR'], ['AED 50', 'AE', 50, 'AED'], ['50 dirhams', 'IN', 50, 'AED'],
    ['SAR 20', 'AE', 20, 'SAR'], ['20 riyals', 'AE', 20, 'SAR'], ['CHF 12', 'DE', 12, 'CHF'], ['Fr. 12', 'DE', 12, 'CHF'],
    ['50 kr', 'DE', 50, 'SEK'], ['20 zł', 'DE', 20, 'PLN'], ['PEN 40', 'US', 40, 'PEN'], ['a fiver', 'GB', 5, 'GBP'],
    ['3 tenner', 'GB', 3, 'GBP'],
  ] as const)('%s (%s) → %d %s', (text, where, amount, cur) => {
    if (text === '3 tenner') {
      // A count before a money word stays a count; the money word is the amount.
      expect(read(text, where).money.some((m) => m.form === 'slang' && m.minor === 1000)).toBe(true);
      return;
    }
    expect(best(text, where)).toEqual([amount, cur]);
  });

  it('marks the currency as written and raises the score', () => {
    const [bare] = read('chai 20').money, [marked] = read('chai ₹20').money;
    expect(bare!.currencyWritten).toBe(false);
    expect(marked!.currencyWritten).toBe(true);
    expect(marked!.score).toBeGreaterThan(bare!.score);
  });

  it('reads a capitalised ISO code without a row but not a lower-case English word', () => {
    expect(best('TRY 50 kebab', 'DE')).toEqual([50, 'TRY']);
    expect(best('try 50 kebab', 'DE')?.[1]).toBe('EUR');
  });
});

describe('money grammar: digits by locale', () => {
  it.each([
    ['1,250', 'IN', 1250], ['1,20,000', 'IN', 120000], ['12,34,567', 'IN', 1234567], ['1,250.50', 'US', 1250.5],
    ['12,50', 'DE', 12.5], ['1.250', 'DE', 1250], ['1.250,50', 'DE', 1250.5], ['3,50 €', 'FR', 3.5], ['1,250', 'US', 1250],
    ["1'250", 'DE', 1250], ['500/-', 'IN', 500], ['12€50', 'FR', 12.5], ['₨ 300', 'IN', 300],
  ] as const)('%s (%s) → %d', (text, where, amount) => {
    expect(best(text, where)?.[0]).toBe(amount);
  });

  it('keeps the other convention as a close alternative for three decimals', () => {
    const [m] = read('1.250', 'US').money;
    expect(m!.minor).toBe(125);
    expect(m!.alternatives?.[0]?.minor).toBe(125000);
    expect(m!.alternatives![0]!.score).toBeGreaterThanOrEqual(m!.score - 0.15);
  });
});

describe('money grammar: magnitudes and words', () => {
  it.each([
    ['kal petrol 1.2k', 1200], ['1 lakh', 100000], ['2.5 lakhs', 250000], ['1.5L rent', 150000], ['half a lakh', 50000],
    ['1.5 crore flat', 15000000], ['2 grand', 2000], ['do hazaar', 2000], ['ek sau', 100], ['dedh sau', 150], ['dhai sau', 250],
    ['saadhe teen sau', 350], ['paune do sau', 175], ['sava sau', 125], ['2 hazaar 500', 2500], ['bees rupaye', 20],
    ['pachaas rupees', 50], ['a hundred and twenty', 120], ['twenty five dollars', 25], ['fifteen hundred', 1500],
    ['lunch hundred and fifty', 150], ['zwanzig euro', 20],
  ] as const)('%s → %d', (text, amount) => {
    const where = text === 'zwanzig euro' ? 'DE' : 'IN';
    expect(best(text, where)?.[0]).toBe(amount);
  });

  it('reads "1.5l" as lakh or litres, with litres likelier in lower case', () => {
    const r = read('milk 1.5l');
    expect(r.quantities.some((q) => q.unit === 'l' && q.count === 1.5)).toBe(true);
    expect(r.money[0]!.score).toBeLessThan(read('rent 1.5L').money[0]!.score);
  });

  it('does not take "a", "do" or a magnitude alone for an amount', () => {
    expect(read('spent 500 on a latte').money.map((m) => m.minor)).toEqual([50000]);
    expect(read('grand total 500').money.map((m) => m.minor)).toEqual([50000]);
  });
});

describe('money grammar: spoken pairs by locale', () => {
  it('reads "ten fifty" as 10.50 in the US and the UK, 1,050 in India, each with the other as an alternative', () => {
    const us = read('ten fifty', 'US').money[0]!, gb = read('ten fifty', 'GB').money[0]!, inn = read('ten fifty', 'IN').money[0]!;
    expect(us.minor).toBe(1050);
    expect(gb.minor).toBe(1050);
    expect(inn.minor).toBe(105000);
    expect(us.alternatives![0]!.minor).toBe(105000);
    expect(inn.alternatives![0]!.minor).toBe(1050);
    // Sure enough by locale: not within the reader's asking margin.
    expect(us.alternatives![0]!.score).toBeLessThan(us.score - 0.15);
  });
  it('asks where both readings are common (Singapore, the Gulf)', () => {
    for (const where of ['SG', 'AE']) {
      const m = read('ten fifty', where).money[0]!;
      expect(m.alternatives![0]!.score).toBeGreaterThanOrEqual(m.score - 0.15);
    }
  });
  it.each([['two fifty', 'IN', 250], ['one twenty', 'IN', 120], ['two fifty', 'US', 2.5], ['twelve ninety nine', 'US', 12.99]] as const)('%s (%s) → %d', (text, where, amount) => {
    expect(best(text, where)?.[0]).toBe(amount);
  });
  it('keeps "twenty five" one number, not a pair', () => {
    expect(read('twenty five', 'US').money[0]!.alternatives).toBeUndefined();
  });
});

describe('money grammar: approximations and vague amounts', () => {
  it.each(['around 500', '~500', '500ish', 'about 2k', 'lagbhag 300', '500 odd', '500 or so'])('%s is approximate', (text) => {
    const ms = read(text).money;
    expect(ms.length).toBe(1);
    expect(ms[0]!.approx).toBe(true);
  });
  it('an exact amount is not approximate', () => {
    expect(read('chai 20').money[0]!.approx).toBe(false);
  });
  it.each(['a couple hundred', 'a few bucks', 'some money', 'hundreds on clothes', 'few thousand rupees', 'kuch paise', '500-600 on food', '2-3k'])('%s is vague, not an amount', (text) => {
    const r = read(text);
    expect(r.money).toEqual([]);
    expect(r.vague.length).toBeGreaterThan(0);
  });
});

describe('money grammar: rates and counts', () => {
  it.each([
    ['cappuccino 2x190', 380, 190, 2], ['2 x 190', 380, 190, 2], ['2*190', 380, 190, 2], ['190 x 2', 380, 190, 2],
    ['3 @ 40', 120, 40, 3], ['3 coffees @ 50 each', 150, 50, 3], ['samosa 15 each x 4', 60, 15, 4], ['2 kg tomatoes @ 40/kg', 80, 40, 2],
  ] as const)('%s → %d (%d × %d)', (text, total, each, count) => {
    const r = read(text);
    expect(r.money.some((m) => m.minor === total * 100 && m.rate?.count === count)).toBe(true);
    expect(r.rates.some((x) => x.each.minor === each * 100 && x.count === count)).toBe(true);
  });
  it('a rate without a count is a rate, and less surely the amount paid', () => {
    const r = read('tomatoes 50 per kg');
    expect(r.rates[0]!.count).toBeNull();
    expect(r.rates[0]!.unit).toBe('kg');
    expect(r.money[0]!.score).toBeLessThan(read('tomatoes 50').money[0]!.score);
    expect(read('190/kg').rates[0]!.each.minor).toBe(19000);
  });
  it('"2 for 700" is a total of 700 for two', () => {
    const r = read('2 for 700');
    expect(r.money.some((m) => m.minor === 70000)).toBe(true);
    expect(r.rates[0]).toMatchObject({ count: 2 });
    expect(r.rates[0]!.each.minor).toBe(35000);
  });
  it.each([['3 months', 3, 'months'], ['2 packs', 2, 'packs'], ['5 kg', 5, 'kg'], ['2 plates', 2, 'plates'], ['1.5 litres', 1.5, 'litres'], ['3 sets', 3, 'sets'], ['2 strings', 2, 'strings'], ['4 loaves', 4, 'loaves']] as const)('%s is a quantity, not money', (text, count, unit) => {
    const r = read(text);
    expect(r.quantities.some((q) => q.count === count && q.unit === unit)).toBe(true);
    expect(r.money).toEqual([]);
  });
  it('x4 is a count', () => {
    const r = read('samosa x4 60');
    expect(r.quantities.some((q) => q.count === 4)).toBe(true);
    expect(r.money.map((m) => m.minor)).toEqual([6000]);
  });
  it('a bare small number is both a possible count and a possible amount', () => {
    const r = read('2 beer 450');
    expect(r.quantities.some((q) => q.count === 2)).toBe(true);
    expect(r.money.map((m) => m.minor)).toContain(45000);
  });
});

describe('money grammar: numbers that label things', () => {
  it.each([
    ['order #4521 600', 'ref'], ['order no 12 swiggy 600', 'ref'], ['invoice 88123 paid 600', 'ref'], ['txn id 993412 600', 'ref'],
    ['card xx1234 swiggy 600', 'card'], ['card ending 4321 600', 'card'], ['a/c XX123 600', 'card'], ['AI 302 ticket 4500', 'flight'],
    ['UA 1534 bag fee 35', 'flight'], ['call 9876543210', 'phone'], ['ph 98765 43210', 'phone'], ['otp 4821 600', 'code'],
    ['pin 560034', 'code'], ['zip 60614 rent 600', 'code'], ['10% off 600', 'percent'], ['9:30 chai 600', 'time'],
    ['12/1 dinner 600', 'date'], ['3rd', 'date'], ['ps5 600', 'code'], ['A4 paper ream 320', 'code'], ['store no 45 600', 'store'],
    ['OTP is 482913', 'code'], ['wifi password is abc12345', 'code'], ['order no: 5544 pizza 300', 'ref'],
  ] as const)('%s: the label is no amount', (text, kind) => {
    const r = read(text, text.includes('UA') || text.includes('zip') ? 'US' : 'IN');
    const label = r.labels.find((l) => l.kind === kind);
    expect(label).toBeDefined();
    for (const m of r.money) expect(m.start >= label!.end || m.end <= label!.start).toBe(true);
  });
  it.each([['flat 402 maintenance 3000', 'place'], ['table 4 dinner 600', 'place'], ['iphone 15 1.3 lakh', 'model'], ['221B Baker St', 'street'], ['platform 3 chai 20', 'place']] as const)('%s: a weaker label makes money less likely', (text, kind) => {
    const r = read(text);
    const label = r.labels.find((l) => l.kind === kind)!;
    expect(label).toBeDefined();
    const inside = r.money.find((m) => m.start < label.end && label.start < m.end);
    if (inside) expect(inside.score).toBeLessThan(0.7);
  });
  it('a weak label is sure when another amount is written beside it, and names its cue word', () => {
    const r = read('room 204 hotel 2500');
    expect(r.money.map((m) => m.minor)).toEqual([250000]);
    expect(r.labels[0]).toMatchObject({ kind: 'place', score: 0.9, cue: { start: 0, end: 1 } });
    expect(read('card xx1234 swiggy 600').labels[0]!.cue).toEqual({ start: 0, end: 2 });
  });
  it('a price "each" after a count in the clause before is asked about, not guessed', () => {
    const m = read('lunch for 2, 18 each', 'US').money.find((x) => x.minor === 1800)!;
    expect(m.minor).toBe(1800);
    expect(m.alternatives![0]!.minor).toBe(3600);
    expect(m.alternatives![0]!.score).toBeGreaterThanOrEqual(m.score - 0.15);
  });
  it('a year is a label, surely after a month or "in", likely when it is this year', () => {
    expect(read('2026').labels[0]).toMatchObject({ kind: 'year' });
    expect(read('trip in 2019').labels[0]).toMatchObject({ kind: 'year', score: 0.9 });
    expect(read('rent 2000').labels).toEqual([]);
  });
  it('money words win over labels when a currency is written', () => {
    expect(best('room 204 ₹2500')).toEqual([2500, 'INR']);
    expect(best('call 100 rs')).toEqual([100, 'INR']);
  });
  it('an address with a postal code is all labels: the code, the street and the flat number', () => {
    const sure = (text: string, where = 'IN') => read(text, where).labels.filter((l) => l.score >= 0.9).map((l) => l.kind).sort();
    expect(sure('Flat 3B, 14 Kamarajar Salai, Mylapore, Chennai 600004')).toEqual(['code', 'place', 'street']);
    expect(sure('new address 412 Nostrand Ave apt 3R brooklyn ny 11216', 'US')).toContain('code');
    // Without a postal code a flat number only makes money less likely.
    expect(best('flat 302 maintenance 2500')).toEqual([2500, 'INR']);
  });
  it('reads measured counts as quantities, grouped digits too, and "a twenty" as a bill', () => {
    expect(read('walked 12,400 steps').money).toEqual([]);
    expect(read('walked 12,400 steps').quantities.map((q) => q.unitKind)).toEqual(['measure']);
    // a written magnitude keeps a count that is never money; a price in thousands stays one
    expect(read('hit 8k steps').money).toEqual([]);
    expect(read('1.5k followers now').money).toEqual([]);
    expect(best('phone 12k')).toEqual([12000, 'INR']);
  });
  it('reads a house number and a numbered scheme together as an address, a lone venue price as money', () => {
    expect(read('flat address 17 scheme no 114 indore').money).toEqual([]);
    expect(best('venue 5000')).toEqual([5000, 'INR']);
    expect(best('a twenty on a cab', 'US')).toEqual([20, 'USD']);
    expect(best('a buck fifty for a coke', 'US')).toEqual([1.5, 'USD']);
    expect(best('12 bucks 50 at subway', 'US')).toEqual([12.5, 'USD']);
    // Cents only where the amount ends: "2 bucks 30 coffees" is a count, "20 rupees 2 samosa" two things.
    expect(best('2 bucks 30 coffees', 'US')).toEqual([2, 'USD']);
    expect(read('chai 20 rupees 2 samosa 30').money.map((m) => m.minor)).toContain(2000);
  });
  it('does not take a lone price for a label: "bus 20", "order 450", "room 2500" stay amounts', () => {
    expect(best('bus 20')).toEqual([20, 'INR']);
    expect(best('swiggy order 450')).toEqual([450, 'INR']);
    expect(read('hotel room 2500').money.map((m) => m.minor)).toEqual([250000]);
  });
  it('reads time words from the vocabulary as labels (clock, month, "at 9")', () => {
    const rows = [
      { file: 't', line: 1, cells: { phrase: 'pm|am', role: 'clock', value: 'pm', lang: 'en', region: '' } },
      { file: 't', line: 2, cells: { phrase: 'jan', role: 'month', value: '1', lang: 'en', region: '' } },
      { file: 't', line: 3, cells: { phrase: 'at', role: 'time_at', value: '', lang: 'en', region: '' } },
    ];
    const base = CTX.IN!;
    const ctx: LanguageContext = { ...base, vocab: new Vocabulary([...allVocabEntries().filter((e) => e.lang === 'en' || e.lang === 'hi'), ...entriesFromRows(rows)]) };
    const r = (s: string): NumberAnalysis => readNumbers(analyze(s, ctx), ctx);
    expect(r('dinner 9pm 600').labels.some((l) => l.kind === 'time')).toBe(true);
    expect(r('dinner 9pm 600').money.map((m) => m.minor)).toEqual([60000]);
    expect(r('12 jan dinner 600').labels.some((l) => l.kind === 'date')).toBe(true);
    expect(r('coffee at 9').labels.some((l) => l.kind === 'time' && l.score < 0.9)).toBe(true);
  });
});

describe('money grammar: bad amounts', () => {
  it.each([['chai 0', 'zero'], ['-50', 'negative'], ['chai -20', 'negative'], ['₹500000000000', 'too_large'], ['1,2,3', 'malformed'], ['12..5', 'malformed']] as const)('%s is %s', (text, why) => {
    const r = read(text);
    expect(r.bad.map((b) => b.why)).toContain(why);
    expect(r.money).toEqual([]);
  });
  it('a range is not a negative: "2-3k" is vague and keeps its ends', () => {
    expect(read('2-3k').bad).toEqual([]);
    expect(read('2-3k').vague[0]!.range).toEqual({ lo: 200000, hi: 300000, currency: 'INR' });
    expect(read('500-600 on food').vague[0]!.range).toEqual({ lo: 50000, hi: 60000, currency: 'INR' });
  });
});

describe('money grammar: words it must not read as money', () => {
  it.each(['7up 40', '3bhk rent 25000', 'rosogolla from kc das 300'])('%s', (text) => {
    const ms = read(text).money;
    const top = [...ms].sort((a, b) => b.score - a.score)[0]!;
    expect(top.minor).toBe(Number(text.split(' ').pop()) * 100);
    expect(ms.filter((m) => m.score >= top.score - 0.15).length).toBe(1);
  });
});
