/**
 * The general causes behind the third fresh set's misses, each checked with phrasings of our own
 * (none of these lines is in an eval set): letter-prefixed dollars (S$, C$, A$, US$, NZ$, HK$),
 * a brand whose bare name is an everyday word once it is known to be the merchant ("grab home"),
 * Singapore/Kashmiri/North-East food and transit-card words, and slang for a spending total.
 */
import { describe, expect } from 'vitest';
import { zonedInstant } from '../core/dates.js';
import type { OwnerSettings } from '../core/types.js';
import type { UnderstandContext } from './types.js';
import { understandNext as understand } from './next/understand.js';
import { gapAware } from '../../test/support/gaps.js';

// Written for the v1 rules; they now test the language-layer reader (understanding/next). The cases it does not read
// yet (measured when v1 was removed) run as known gaps: they must still fail until it learns them.
const it = gapAware([
  "got a new phone case since the old one broke 250 → phone case",
  "a shop run names only the shop (\"walmart run $40\")",
]);

const settings: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const ctx: UnderstandContext = { now: zonedInstant('2026-01-15', { hour: 19, minute: 30 }, 'Asia/Kolkata'), settings };
function all(s: string) {
  const r = understand(s, ctx);
  if (r.intent !== 'add_expense') throw new Error(`${s}: expected add_expense, got ${JSON.stringify(r)}`);
  return r.expenses;
}

describe('letter-prefixed dollar signs name their currency', () => {
  it.each([
    ['laksa S$7.80', 780, 'SGD'],
    ['s$12 taxi to orchard', 1200, 'SGD'],
    ['C$4.50 donut', 450, 'CAD'],
    ['sushi roll A$14', 1400, 'AUD'],
    ['US$35 esim for the trip', 3500, 'USD'],
    ['NZ$9 pie', 900, 'NZD'],
    ['HK$48 dim sum', 4800, 'HKD'],
    ['latte $5', 500, 'USD'],
  ])('%s', (text, minor, cur) => {
    const es = all(text);
    expect(es).toHaveLength(1);
    expect(es[0]!.amountMinor).toBe(minor);
    expect(es[0]!.currency).toBe(cur);
    expect(es[0]!.item ?? '').not.toMatch(/\b(?:s|c|a|us|nz|hk)\b/);
  });

  it('keeps each currency in a list ("S$2 kopi, S$6 laksa")', () => {
    const es = all('S$2 kopi, S$6 laksa');
    expect(es.map((e) => [e.amountMinor, e.currency])).toEqual([[200, 'SGD'], [600, 'SGD']]);
  });
});

describe('brand, food and transit words from new places', () => {
  it.each([
    ['grab home 16 sgd', 'transport', 'Grab'],
    ['grab to the airport S$31', 'transport', 'Grab'],
  ])('%s is a ride', (text, primary, merchant) => {
    const [e] = all(text);
    expect(e!.category).toBe(primary);
    expect(e!.merchant).toBe(merchant);
  });

  it.each([
    ['kopi o 1.80 sgd', 'food'],
    ['teh tarik 2 sgd', 'food'],
    ['nasi lemak S$5', 'food'],
    ['yakhni pulao 260', 'food'],
    ['gushtaba 450', 'food'],
    ['eromba and rice 150', 'food'],
    ['myki recharge 20 aud', 'transport'],
    ['ezlink top up 15 sgd', 'transport'],
    ['business cards 450', 'shopping'],
    ['shikara for an hour 700', 'travel'],
  ])('%s → %s', (text, primary) => {
    const [e] = all(text);
    expect(e!.category).toBe(primary);
  });

  it('a toast is not a skin clinic ("kaya toast S$3")', () => {
    const [e] = all('kaya toast S$3');
    expect(e!.merchant).toBeNull();
    expect(e!.item).toBe('kaya toast');
  });
});

describe('slang for a total is a question', () => {
  it.each(['what was the damage last week', "what's the damage on food this month?", 'how much did I blow on uber in dec', 'how much have I splurged on clothes'])(
    '%s',
    (text) => {
      expect(understand(text, ctx).intent).toBe('query');
    },
  );
});

describe('a phrase opening with a glue word yields to the overlapping head phrase', () => {
  it.each([
    ['bought a new phone cover, 349', 'phone cover'],
    ['got a new phone case since the old one broke 250', 'phone case'],
    ['my car wash 300', 'car wash'],
  ])('%s → %s', (text, item) => {
    const [e] = all(text);
    expect(e!.item).toBe(item);
  });
});

describe('the work done on a thing is part of what was paid for', () => {
  it.each([
    ['gave the bike for servicing and the bill was 950', 'bike servicing', 'transport'],
    ['laptop for repair 2200', 'laptop repair', 'shopping'],
    ['sent the scooty for service, 800', 'scooty service', 'transport'],
    ['coffee for the team 300', 'coffee', 'food'],
  ])('%s → %s', (text, item, primary) => {
    const [e] = all(text);
    expect(e!.item).toBe(item);
    expect(e!.category).toBe(primary);
  });
});

describe('voice fillers, chat abbreviations and shop-run words are not the item', () => {
  it.each([
    ['ummm the plumber took like eight hundred', 'plumber', 80000],
    ['uhh paid 250 for the dhobi', 'dhobi', 25000],
    ['hmmm sabzi 140', 'sabzi', 14000],
    ['amt pd for gas cylinder 950', 'gas cylinder', 95000],
    ['🎂 cake for the party 900', 'cake', 90000],
    ['grocery run 1200', 'grocery', 120000],
  ])('%s → %s', (text, item, minor) => {
    const [e] = all(text);
    expect(e!.item).toBe(item);
    expect(e!.amountMinor).toBe(minor);
  });

  it('a shop run names only the shop ("walmart run $40")', () => {
    const [e] = all('walmart run $40');
    expect(e!.item).toBeNull();
    expect(e!.merchant).toBe('Walmart');
  });

  it.each(['hmm', 'umm'])('a bare filler "%s" is not an expense', (text) => {
    expect(understand(text, ctx).intent).toBe('other');
  });
});

describe('more ways to say income and to correct the last entry', () => {
  it.each(['paycheck came in 3800 usd', 'paycheque 2900 cad', 'pay came in 62000', 'salary hit my account 90000'])('%s is income', (text) => {
    const r = understand(text, ctx);
    expect(r.intent).toBe('other');
  });
  it.each(['nah make that 1200', 'naa, 80', 'make that 450'])('%s edits the amount', (text) => {
    const r = understand(text, ctx);
    expect(r.intent).toBe('command');
    if (r.intent === 'command') expect(r.command.kind).toBe('edit_amount');
  });
});
