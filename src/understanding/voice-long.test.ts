/**
 * The general causes behind long, voice-dictated American messages (read: us-tn, older owners
 * speaking to their phone in full polite sentences, numbers spelled out), each checked with phrasings
 * of our own (none of these lines is in an eval set).
 */
import { describe, expect, it } from 'vitest';
import { ctxOf, one, records } from '../../test/support/understanding.js';
import { understandNext as understand } from './next/understand.js';

// Thursday 15 October 2026.
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-10-15');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-10-15');

describe('paying for someone else', () => {
  it.each([
    ['milkshakes for me and Harold, nine dollars and forty cents', 940],
    ['bowling for myself and the grandkids 36', 3600],
    ['museum passes for me and my sister, $44', 4400],
  ])('"for me and X" is the owner\'s whole expense, never a share: %s', (text, minor) => {
    expect(one(text, US).amountMinor).toBe(minor);
  });

  it('a share is still a share when the message says so', () => {
    expect(one('pizza 30, split it with Harold', US).amountMinor).toBe(1500);
  });
});

describe('pounds that weigh', () => {
  it('a weight in pounds is no British money for an American owner', () => {
    expect(understand('the nurse said I am down to one hundred forty two pounds', US).intent).not.toBe('add_expense');
    const e = one('three pounds of ground chuck at the butcher, sixteen fifty', US);
    expect(e).toMatchObject({ amountMinor: 1650, currency: 'USD' });
  });

  it('British money is still British money', () => {
    expect(one('paid 20 British pounds for a cab in London', US)).toMatchObject({ amountMinor: 2000, currency: 'GBP' });
    expect(one('£12 for the cab', US)).toMatchObject({ amountMinor: 1200, currency: 'GBP' });
    expect(one('cab 12 pounds', GB)).toMatchObject({ amountMinor: 1200, currency: 'GBP' });
  });
});

describe('talk about money that records nothing', () => {
  it.each([
    ['I did six thousand five hundred steps this morning and Harold did twenty one hundred', 'note'],
    ['milk is three forty nine a gallon at Aldi these days', 'price'],
    ['the church sent us a check for one hundred twenty dollars for the bake sale', 'income'],
    ['try to keep the eating out under two hundred dollars a month', 'budget'],
    ['for his birthday Bobby wants that sixty dollar fishing rod from Bass Pro', 'plan'],
  ])('%s', (text, kind) => {
    expect(understand(text, US)).toMatchObject({ intent: 'other', kind });
  });

  it('a bill sent to the owner, a gallon price beside a fill-up, and steps beside a priced thing still record', () => {
    expect(one('the roofer sent us a bill for 480 and I paid it', US).amountMinor).toBe(48000);
    expect(one('filled up for 40 dollars, gas is 3.19 a gallon', US).amountMinor).toBe(4000);
  });
});

describe('spoken requests to record', () => {
  it.each([
    ['I want to record forty dollars for a haircut on Saturday', 4000, '2026-10-10'],
    ['put down that I paid twenty two dollars for the newspaper', 2200, '2026-10-15'],
  ])('%s', (text, minor, date) => {
    expect(one(text, US)).toMatchObject({ amountMinor: minor, date });
  });
});

describe('a holiday that names a thing', () => {
  it.each([
    ['Bought a box of Christmas cards at Walgreens, twelve dollars'],
    ['two tickets to the Easter pageant, thirty dollars'],
    ['a Thanksgiving turkey at Publix, twenty six dollars'],
  ])('is no date: %s', (text) => {
    expect(one(text, US).date).toBe('2026-10-15');
  });

  it('"on <holiday>" still dates the record', () => {
    expect(one('on Labor Day we paid 60 for the cookout', US).date).toBe('2026-09-07');
  });
});

describe("the household's money", () => {
  it.each([
    ['Harold bought a new hose at Lowes, thirty one dollars, he put it on our Mastercard', 3100],
    ['my husband got the tires rotated, forty dollars out of our joint account', 4000],
    ['Harold paid for our breakfast at Shoney\'s with our debit card, twenty six dollars', 2600],
  ])('someone of the household paying with "our" card or account is the owner\'s expense: %s', (text, minor) => {
    expect(one(text, US).amountMinor).toBe(minor);
  });

  it('someone else paying with their own money is still theirs', () => {
    expect(understand('my neighbor paid 80 at Lowes with his card', US)).toMatchObject({ intent: 'other', kind: 'third_party' });
  });
});

describe('the owner speaking without "I"', () => {
  it('"bought me" with no one before it is the owner buying for themselves', () => {
    expect(one('Bought me a new fishing reel at Academy for sixty four dollars', US)).toMatchObject({ amountMinor: 6400, merchant: 'Academy' });
    expect(understand('Jess venmoed me 40', US)).toMatchObject({ intent: 'other', kind: 'income' });
  });

  it('a negation in a later clause says something else, not that the payment did not happen', () => {
    expect(one('Paid forty dollars for the eye exam, that is the part the insurance did not pay', US).amountMinor).toBe(4000);
    expect(one('I had to pay a two dollar fine for a movie I forgot to return', US).amountMinor).toBe(200);
    expect(understand('ordered the crib but cancelled it', US).intent).toBe('other');
  });
});

describe('people named beside the thing', () => {
  it('a name before its verb or owning the thing is never the item', () => {
    // With the household's card said, a spouse's errand is the owner's ("Harold … Chloe got the pizzas" alone is someone else's).
    expect(one('Harold picked up the dry cleaning at Pressto on our card, eighteen dollars', US).item).not.toMatch(/harold/);
    expect(one("Walgreens, Harold's reading glasses were fourteen dollars", US).item).toBe('reading glasses');
  });

  it('a name after "for" is whom it was for, even when it is also a word', () => {
    const [a, b] = records('Walgreens run, a sweater for Rose was twenty dollars and a puzzle for Mason was six dollars', US);
    expect(a).toMatchObject({ item: 'sweater', merchant: 'Walgreens' });
    expect(b).toMatchObject({ merchant: 'Walgreens' });
    expect(b!.item).not.toMatch(/mason/);
  });

  it('"a birthday present" keeps the present', () => {
    expect(one('a birthday present for Bobby, twenty dollars', US).item).toBe('birthday present');
  });
});
