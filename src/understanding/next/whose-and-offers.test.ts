/**
 * Three readings a British family's notes showed: "for mum's X" after a thing or a shop says whose
 * need it served, not what was bought; a pump price in pence with a fraction ("142.9p") and a shop's
 * offer ("on offer") are prices seen, not payments. The phrasings are our own, not from an eval set.
 */
import { describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../../core/types.js';
import { understandNext } from './understand.js';

const GB: OwnerSettings = { timeZone: 'Europe/London', currency: 'GBP', locale: 'en-GB', dayFirst: true, weekStartsOn: 1 };
const NOW = new Date('2026-11-14T18:00:00Z');
const u = (text: string) => understandNext(text, { now: NOW, settings: GB });
const one = (text: string) => {
  const r = u(text);
  if (r.intent !== 'add_expense') throw new Error(`${text}: ${JSON.stringify(r)}`);
  expect(r.expenses).toHaveLength(1);
  const e = r.expenses[0]!;
  return { cat: e.detail ? `${e.category}/${e.detail}` : e.category, item: e.item, merchant: e.merchant, amount: e.amountMinor / 100 };
};

describe("'for someone's thing' after what was bought says whose need it served", () => {
  it.each([
    ["taxi 25 for mum's hospital appointment", 'transport/taxi'],
    ["bolt £14 for Nani's doctor visit", 'transport/taxi'],
    ["giffgaff credit £10 for dad's phone", 'utilities/mobile'],
    ["screen protector for Zayn's tablet 8", 'shopping/electronics'],
  ] as const)('%s', (text, cat) => {
    expect(one(text).cat).toBe(cat);
  });

  it('with nothing bought named before it, the thing after "for" is still what was paid for', () => {
    expect(one("paid £50 for dad's birthday present").cat).toBe('gifts/gifts');
  });
});

describe('prices seen are no payments', () => {
  it.each(['diesel 152.9p at the tesco garage', 'unleaded 138.7p at sainsburys', 'Lidl has salmon fillets on offer £3.49', 'chicken thighs on special offer 2.99 at morrisons'])('%s', (text) => {
    const r = u(text);
    expect(r.intent).toBe('other');
  });

  it('a payment said with its verb, or in whole pence, still records', () => {
    expect(one('bought salmon on offer 3.49').amount).toBe(3.49);
    expect(one('chewing gum 65p').amount).toBe(0.65);
    expect(one('tesco £41.35p').amount).toBe(41.35);
    expect(one('chicken wings £6 from the market, they were on offer').amount).toBe(6);
  });
});
