/**
 * The general causes behind round 7's Indian record misses (in-jai: a Jaipur family, in-ggn: young
 * professionals in Gurgaon), each checked with phrasings of our own (none of these lines is in an
 * eval set): a doer named in lower case before "ne", plans, wishes, sales, returns and prices said in
 * Hinglish, verbs of putting money in and fetching things, a weekday inside a named week, and Indian
 * words in another romanization kept as written.
 */
import { describe, expect, it } from 'vitest';
import { understandNext as understand } from './next/understand.js';
import { ctxOf, one } from '../../test/support/understanding.js';

// Wednesday 14 October 2026, Gurgaon.
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-10-14');

function kind(text: string): string {
  const r = understand(text, IN);
  return r.intent === 'other' ? `other:${r.kind}` : r.intent;
}

describe("someone else as the doer before 'ne'", () => {
  it.each([
    'priya ne 900 ka lehenga kiraye pe liya',
    'sunil ne nayi watch li 4500 ki',
    'mausi ji ne 2k ki mithai bheji',
    'padosi ne 1200 ka cooler liya',
  ])('%s', (text) => {
    expect(kind(text)).toBe('other:third_party');
  });

  it('a dictionary word before "ne" is an institution that charged the owner, not a person', () => {
    expect(one('hospital ne 300 registration ke liye liye', IN).amountMinor).toBe(30000);
  });
});

describe('plans, wishes, sales, returns and prices said in Hinglish', () => {
  it.each([
    ['soch rahi hu airpods le lu 12k ke', 'other:plan'],
    ['naya fridge kharid lu kya, 30k ka hai', 'other:plan'],
    ['holi ke liye 5000 alag rakhna hai', 'other:plan'],
    ['bijli ka bill 20 tareekh tak due hai 2100', 'other:plan'],
    ['purana sofa bech diya 6k mein', 'other:income'],
    ['amazon wala mixer return kar di', 'other:refund'],
    ['chandi rate aaj 95000 per kilo', 'other:price'],
    ['tamatar 80 ho gaya hai per kilo', 'other:price'],
  ])('%s', (text, want) => {
    expect(kind(text)).toBe(want);
  });
});

describe('verbs of putting money in and fetching things', () => {
  it.each([
    ['fastag me 500 daale', 'fastag'],
    ['metro card mein 300 daal diye', 'metro card'],
    ['bazaar se aam laaye 240', 'aam'],
  ])('%s', (text, item) => {
    expect(one(text, IN).item).toBe(item);
  });
});

describe('a weekday inside a named week', () => {
  it.each([
    ['pichle hafte guruvar ko dhobi 150', '2026-10-08'],
    ['last week friday movie 400', '2026-10-09'],
    ['monday last week cab 300', '2026-10-05'],
    ['is hafte monday ko chai 30', '2026-10-12'],
  ])('%s', (text, date) => {
    expect(one(text, IN).date).toBe(date);
  });
});

describe('an Indian word in another romanization is that word, kept as the owner wrote it', () => {
  it.each([
    ['bhindee 60', 'bhindee', 'food'],
    ['lassee 40', 'lassee', 'food'],
    ['jalebee 80', 'jalebee', 'food'],
    ['panir 240', 'panir', 'food'],
  ])('%s', (text, item, category) => {
    const e = one(text, IN);
    expect(e.item).toBe(item);
    expect(e.category).toBe(category);
  });

  it('an English slip is still repaired to its word', () => {
    expect(one('cofee 40', IN).item).toBe('coffee');
  });
});

describe('where it was bought: "pe" before the thing, named markets, places gone to, names after the thing', () => {
  it.each([
    ['olive pe 2 cocktails 1400', 'cocktails', 'olive'],
    ['Sadar Bazaar se jeans 700', 'jeans', 'sadar bazaar'],
    ['dupatta li Lal Bazaar se 450', 'dupatta', 'lal bazaar'],
    ['Bombay Adda gaye the, 1200 ka khana', 'khana', 'adda'],
    ['thali Shree Thaker 450', 'thali', 'shree thaker'],
    ['dinner 2200 Olive, kal raat', 'dinner', 'olive'],
    ['diesel 3k BP sec 56', 'diesel', 'bp'],
  ])('%s', (text, item, merchant) => {
    const e = one(text, IN);
    expect(e.item).toContain(item);
    expect(e.merchant?.toLowerCase()).toContain(merchant);
  });

  it('the place gone to is not the thing when the thing is named beside it', () => {
    const e = one('salon gayi thi, threading 60', IN);
    expect(e.item).toBe('threading');
  });

  it('a short name typed in capitals keeps its capitals', () => {
    expect(one('KMB se barfi 400', IN).merchant).toBe('KMB');
  });

  it('a dhaba before "pe" is where, and names no shop', () => {
    const e = one('dhabe pe roti sabzi 120', IN);
    expect(e.item).toContain('roti');
    expect(e.merchant).toBeNull();
  });

  it('"for someone" in Hindi is whom it was for, never the payee', () => {
    expect(one('chai 20 Rahul ke liye', IN).merchant).toBeNull();
  });

  it('a word of address opening a heading is not the doer, and the heading is not the item', () => {
    const es = understand('bhai aaj ka hisaab - chai 20, samosa 30', IN);
    if (es.intent !== 'add_expense') throw new Error(JSON.stringify(es));
    expect(es.expenses.map((e) => e.item)).toEqual(['chai', 'samosa']);
  });

  it("the owner named after a negation paid, in a clause of their own", () => {
    expect(one('bill split nahi hua, poora maine diya 2400', IN).amountMinor).toBe(240000);
  });

  it('a balance said with its verb is a balance even beside a thing', () => {
    expect(kind('wallet mein sirf 200 bacha hai')).toBe('other:balance');
  });

  it('"sun" before Hindi "na" is listening, not Sunday', () => {
    expect(one('yaar sun na, kal 300 ka pizza', IN).date).toBe('2026-10-13');
  });
});

describe('Indian operators and boards', () => {
  it.each([
    ['DJB ka bill 450', 'utilities'],
    ['Pune Metro 40', 'transport'],
    ['e-rick 30 station tak', 'transport'],
  ])('%s', (text, category) => {
    expect(one(text, IN).category).toBe(category);
  });
});

describe('headings, lengths and streets, late nights and trailing fillers', () => {
  it('a heading before a colon names the place, and each thing after it is its own item', () => {
    const r = understand('chai point: masala chai 60, bun maska 50', IN);
    if (r.intent !== 'add_expense') throw new Error(JSON.stringify(r));
    expect(r.expenses.map((e) => e.item)).toEqual(['masala chai', 'bun maska']);
  });

  it('an outing before a colon is not what was bought', () => {
    const r = understand('manali trip: volvo 1800 + homestay 4000', IN);
    if (r.intent !== 'add_expense') throw new Error(JSON.stringify(r));
    expect(r.expenses[0]!.item).not.toContain('trip');
  });

  it('a length is a note, not money', () => {
    expect(kind('beta ki height 112 cm')).toBe('other:note');
  });

  it('"mi" beside a road in India is MI Road, not miles', () => {
    expect(one('auto 60 mi road tak', IN).amountMinor).toBe(6000);
  });

  it.each([
    ['zomato 450 last nite', '2026-10-13'],
    ['threading 60 on tue yaar', '2026-10-13'],
  ])('%s', (text, date) => {
    expect(one(text, IN).date).toBe(date);
  });
});
