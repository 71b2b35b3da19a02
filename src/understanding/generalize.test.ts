/**
 * Phrasings written to generalize past the blind set: brand + noun, payees after
 * from/to/on, head-word categories, conservative spelling, long-distance trips, "X mein Y", and
 * what is not an expense (debts, loans, pings). None of these lines are in any eval set.
 */
import { describe, expect } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { gapAware } from '../../test/support/gaps.js';
import { one as oneOf } from '../../test/support/understanding.js';

// Written for the v1 rules; they now test the language-layer reader (understanding/next). The cases it does not read
// yet (measured when v1 was removed) run as known gaps: they must still fail until it learns them.
const it = gapAware([
  "namma yatri auto ride 95 -> item auto, merchant namma yatri",
  "best bus pass 750 -> item bus, merchant best",
  "paid loan interest 1200 is a payment",
  "drops it from phrases the lexicon does not know",
  "sent home school fees 3500 aed is still an expense",
  "size 9 shoes 2499 -> one expense of 2499",
  "class 10 tuition 2000 -> one expense of 2000",
]);

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: UnderstandContext = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
const one = (s: string) => oneOf(s, ctx);

describe('a brand alias that ends in the thing bought', () => {
  it.each([
    ['ola auto 140', 'auto', 'ola'],
    ['uber cab to airport 780', 'cab', 'uber'],
    ['rapido bike 45', 'bike', 'rapido'],
    ['namma yatri auto ride 95', 'auto', 'namma yatri'],
    ['best bus pass 750', 'bus', 'best'],
  ])('%s -> item %s, merchant %s', (s, item, merchant) => {
    const e = one(s);
    expect(e.item ?? '').toContain(item);
    expect(e.merchant?.toLowerCase()).toBe(merchant);
    expect(e.category).toBe('transport');
  });
});

describe('a payee named after from/to/on/via', () => {
  it.each([
    ['masala tea from chai sutta bar 90', 'Chai Sutta Bar'],
    ['donation to akshaya patra 1000', 'Akshaya Patra'],
    ['fees to sunrise academy 4500', 'Sunrise Academy'],
    ['ebook on kobo 299', 'Kobo'],
    ['dosa from rameshwaram cafe 160', 'Rameshwaram Cafe'],
    ['biscuits from ganesh stores 40', 'Ganesh Stores'],
  ])('%s -> merchant %s', (s, merchant) => {
    expect(one(s).merchant?.toLowerCase()).toContain(merchant.toLowerCase().split(' ')[0]!);
  });
  it.each([
    'gift to mom 800', 'gift for priya 500', 'auto to station 60', 'spent 300 on groceries', 'paid 200 via upi for lunch',
    'flight to delhi 5200', 'cake for my sister 650',
  ])('%s names no payee', (s) => {
    expect(one(s).merchant).toBeNull();
  });
});

describe('head words categorize unknown names', () => {
  it.each([
    ['KSEB bill 1200', 'utilities'],
    ['TNEB bill 840', 'utilities'],
    ['notary fee 300', 'fees'],
    ['traffic challan 500', 'fees'],
    ['holi party 1200', 'entertainment'],
    ['office farewell party 700', 'entertainment'],
    ['housewarming party 3000', 'entertainment'],
  ])('%s -> %s', (s, primary) => {
    expect(one(s).category).toBe(primary);
  });
});

describe('spelling repair keeps unfamiliar words', () => {
  it.each([
    ['aadhar correction fee 100', 'aadhar'],
    ['zumba class 800', 'zumba'],
    ['ragi malt 30', 'ragi'],
    ['kulhad chai 25', 'kulhad'],
    ['thukpa 180', 'thukpa'],
  ])('%s keeps %s', (s, word) => {
    const e = one(s);
    expect(`${e.item} ${e.merchant ?? ''}`.toLowerCase()).toContain(word);
    expect(`${e.item} ${e.merchant ?? ''}`.toLowerCase()).not.toContain('udhaar');
  });
  it('still fixes plain slips and refuses far ones', () => {
    expect(one('cofee 40').item).toBe('coffee');
    expect(one('jiuce 60').item).toBe('juice');
    expect(one('kebab 120').item).toBe('kebab');
  });
});

describe('long-distance trips and taxes', () => {
  it.each([
    ['bus to goa 1400', 'travel'],
    ['sleeper bus to hyderabad 1100', 'travel'],
    ['train to lucknow 680', 'travel'],
    ['volvo to bangalore 1250', 'travel'],
    ['bus to office 20', 'transport'],
    ['bus 15', 'transport'],
    ['auto to pune station 90', 'transport'],
    ['metro card recharge 500', 'transport'],
  ])('%s -> %s', (s, primary) => {
    expect(one(s).category).toBe(primary);
  });
});

describe('"X mein Y": the thing, not the place', () => {
  it.each([
    ['gurudwara mein seva 200', 'seva'],
    ['canteen mein thali 120', 'thali'],
    ['mall mein shoes 2500', 'shoes'],
    ['station mein chai 15', 'chai'],
    ['market mein sabzi 180', 'sabzi'],
  ])('%s -> item %s', (s, item) => {
    expect(one(s).item).toContain(item);
  });
});

describe('what is not a new expense', () => {
  it.each(['priya owes me 300', 'i owe rahul 450', 'gave ankit 2000 as loan', 'lent 1000 to my cousin', 'loan of 5000 to suresh', 'testing 1 2 3', 'test 123', 'mic check 1 2'])(
    '%s is other', (s) => {
      expect(understand(s, ctx).intent).toBe('other');
    },
  );
  it.each(['home loan emi 21000', 'car loan emi 9500', 'paid loan interest 1200'])('%s is a payment', (s) => {
    expect(understand(s, ctx).intent).toBe('add_expense');
  });
  it.each(['last 10 transactions', 'show my recent expenses', 'last 3 entries', 'show last 20 spends', 'my last 5 expenses'])('%s is a question', (s) => {
    expect(understand(s, ctx).intent).toBe('query');
  });
  it.each(['recent', 'last 5', 'list recent'])('%s is the list command', (s) => {
    expect(understand(s, ctx).intent).toBe('command');
  });
});

describe('a count priced as a lot', () => {
  it.each([
    ['movie tickets 3 for 900', 900],
    ['samosa 4 for 60', 60],
    ['bananas 12 for 70', 70],
    ['eggs 6 for 48', 48],
    ['masks 10 for 150 at the chemist', 150],
  ])('%s -> %d', (s, amount) => {
    expect(one(s).amountMinor).toBe(amount * 100);
  });
});

describe('taxes are fees whatever is taxed', () => {
  it.each(['property tax 5200', 'road tax 1100', 'municipal tax 3000', 'professional tax 200', 'water tax 600', 'income tax 20000'])('%s -> fees', (s) => {
    expect(one(s).category).toBe('fees');
  });
});

describe('Hindi verbs and glue', () => {
  it.each([
    ['phone ka recharge karaya 299', 'utilities'],
    ['gaadi mein petrol dalwaya 800', 'transport'],
    ['ghar pe pizza mangaya 450', 'food'],
    ['bike ki servicing karwayi 1200', 'transport'],
    ['dawai mangwayi 260', 'health'],
  ])('%s -> %s', (s, primary) => {
    const e = one(s);
    expect(e.category).toBe(primary);
    expect(e.item ?? '').not.toContain('kiraya');
  });
  it.each([
    ['double ka meetha 90', 'double ka meetha'],
  ])('%s keeps the glue inside a known dish (%s)', (s, item) => {
    expect(one(s).item).toBe(item);
  });
  it('drops it from phrases the lexicon does not know', () => {
    expect(one('gajar ka halwa 140').item).toBe('gajar halwa');
  });
});

describe('presents are gifts', () => {
  it.each(['gifted a watch to dad 4500', 'gifted earrings to my sister 1800', 'shoes as a gift for rahul 2500', 'gifted books to nephew 700', 'perfume gift 1500'])('%s -> gifts', (s) => {
    expect(one(s).category).toBe('gifts');
  });
});

describe('money in, money parked, money due', () => {
  it.each([
    'mom sent 5000', 'papa ne 2000 bheje', 'income tax refund 3400', 'rent due 18000 on 5th', 'electricity bill due 1400',
    'sip 3000', 'invested 10000 in mutual funds', 'moved 5000 to fd', 'atm withdrawal 3000', 'can you read bank sms?',
    'sent 1500 aed home', 'remittance 800 usd', 'ghar bheje 5000',
  ])('%s is not an expense', (s) => {
    expect(understand(s, ctx).intent).not.toBe('add_expense');
  });
  it.each(['income tax 15000', 'atm fee 25', 'maid salary 4000', 'house help salary 6500', 'wages for the gardener 1500', 'paid electricity bill due 1400'])(
    '%s is an expense', (s) => {
      expect(understand(s, ctx).intent).toBe('add_expense');
    },
  );
});

describe('spoken prices (voice transcripts)', () => {
  it.each([
    ['spent three fifty on snacks', 350],
    ['one fifty for parking', 150],
    ['two twenty five for lunch', 225],
    ['nine ninety nine for earphones', 999],
    ['four fifteen for the cab', 415],
    ['paid twelve ninety for shoes', 1290],
    ['twenty five for chai', 25],
  ])('%s -> %d', (s, amount) => {
    expect(one(s).amountMinor).toBe(amount * 100);
  });
});

describe('a date right after a comma belongs to the next expense', () => {
  it.each([
    ['yesterday auto 90, today metro 40', ['2026-01-14', '2026-01-15']],
    ['auto 90 yesterday, metro 40 today', ['2026-01-14', '2026-01-15']],
    ['lunch 200 on monday, dinner 500 today', ['2026-01-12', '2026-01-15']],
    ['cab 300 yesterday, coffee 90 aaj', ['2026-01-14', '2026-01-15']],
    ['parso movie 400, aaj popcorn 250', ['2026-01-13', '2026-01-15']],
  ])('%s', (s, dates) => {
    const r = understand(s, ctx);
    expect(r.intent === 'add_expense' && r.expenses.map((e) => e.date)).toEqual(dates);
  });
});

describe('an emoji that names the thing', () => {
  it.each([
    ['🍕 350', 'pizza', 'food'],
    ['☕ 40', 'coffee', 'food'],
    ['⛽ 500', 'petrol', 'transport'],
    ['🚕 230 to office', 'taxi', 'transport'],
    ['💊 180', 'medicine', 'health'],
  ])('%s -> %s', (s, item, primary) => {
    const e = one(s);
    expect(e.item).toBe(item);
    expect(e.category).toBe(primary);
  });
  it('is decoration after words', () => {
    expect(one('chai 20 ☕').item).toBe('chai');
    expect(understand('ok 👍', ctx).intent).not.toBe('add_expense');
  });
});

describe('brand or phrase', () => {
  it.each([
    ['vi recharge 299', 'recharge', 'vi'],
    ['mother dairy milk 68', 'milk', 'mother dairy'],
    ['mother dairy paneer 90', 'paneer', 'mother dairy'],
    ['airtel recharge 199', 'recharge', 'airtel'],
    ['jio fiber bill 999', 'bill', 'jio'],
  ])('%s -> item %s, merchant %s', (s, item, merchant) => {
    const e = one(s);
    expect(e.item ?? '').toContain(item);
    expect(e.merchant?.toLowerCase()).toContain(merchant);
  });
  it('keeps a phrase whole when the brand inside it is from another trade', () => {
    const e = one('$2.75 subway fare');
    expect(e.category).toBe('transport');
    expect(e.merchant).toBeNull();
  });
  it.each(['naye joote 1800', 'garam samose 40', 'taaza sabzi 200', 'purani kitaabein 300', 'thandi lassi 60'])('%s: a Hindi describing word is not a shop', (s) => {
    expect(one(s).merchant).toBeNull();
  });
  it.each(['sent home school fees 3500 aed', 'sent the plumber 600'])('%s is still an expense', (s) => {
    expect(understand(s, ctx).intent).toBe('add_expense');
  });
});

describe('verbs and particles are not part of the item', () => {
  it.each([
    ['aaj office ke baad momos khaye 120', 'momos'],
    ['kal shaam movie dekhi 600 ki', 'movie'],
    ['grabbed a quick bite 150', 'bite'],
    ['filled petrol for 700', 'petrol'],
    ['topped up metro card 200', 'metro card'],
    ['picked up medicines 340', 'medicines'],
  ])('%s -> %s', (s, item) => {
    const e = one(s);
    expect(e.item).toBe(item);
    expect(e.merchant).toBeNull();
  });
  it('"bacche ki school van" is the child\'s van, not a shop', () => {
    expect(one('bacche ki school van 1800').merchant).toBeNull();
  });
  it('"7 up 40" is the drink and "top up 100" a recharge, not a question', () => {
    expect(one('7 up 40').category).toBe('food');
    expect(understand('top up 100', ctx).intent).toBe('add_expense');
    expect(understand('top 5 expenses', ctx).intent).toBe('query');
  });
});

describe('fractions of a unit are quantities', () => {
  it.each([
    ['apples 1/2 kg 90', 90],
    ['paneer 1/4 kg 110', 110],
    ['half kg tomatoes 25', 25],
    ['aadha kilo paneer 200', 200],
    ['half dozen bananas 30', 30],
    ['1/2 litre milk 30', 30],
  ])('%s -> %d', (s, amount) => {
    expect(one(s).amountMinor).toBe(amount * 100);
    expect(one(s).date).toBe('2026-01-15');
  });
  it('a day/month is still a date', () => {
    expect(one('dinner 12/01 800').date).toBe('2026-01-12');
  });
});

describe('a number that labels something is not an amount', () => {
  it.each([
    ['room 302 rent 1450', 1450],
    ['platform 3 chai 10', 10],
    ['size 9 shoes 2499', 2499],
    ['class 10 tuition 2000', 2000],
    ['iphone 15 case 999', 999],
    ['gate 2 parking 50', 50],
  ])('%s -> one expense of %d', (s, amount) => {
    const e = one(s);
    expect(e.amountMinor).toBe(amount * 100);
    expect(e.merchant).toBeNull();
  });
  it.each(['bus 15 auto 40', 'bus 15 and auto 40', 'bill 500 tip 50'])('%s stays two expenses', (s) => {
    const r = understand(s, ctx);
    expect(r.intent === 'add_expense' && r.expenses.length).toBe(2);
  });
});
