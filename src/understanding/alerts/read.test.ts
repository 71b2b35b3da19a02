/**
 * The alert reader on its own: one case per format (Indian banks and UPI apps, US and UK card
 * issuers, payment apps) and per kind, the fields that must never become the amount, payee
 * cleaning, and chat messages that are no alerts.
 */
import { describe, expect, it } from 'vitest';
import { languageContext } from '../../language/context.js';
import { cleanCounterparty } from './counterparty.js';
import { alertKey, sameAsTyped } from './draft.js';
import { readAlert } from './read.js';
import type { Alert } from './types.js';

const NOW = new Date('2026-01-15T14:00:00Z');
const IN = languageContext({ now: NOW, timeZone: 'Asia/Kolkata', currency: 'INR' });
const US = languageContext({ now: NOW, timeZone: 'America/New_York', currency: 'USD' });
const GB = languageContext({ now: NOW, timeZone: 'Europe/London', currency: 'GBP' });

type Want = Partial<Pick<Alert, 'kind' | 'amountMinor' | 'currency' | 'counterparty' | 'date' | 'account' | 'ref'>>;

const INDIAN: [string, Want][] = [
  ['Rs.458.00 debited from A/c XX1234 on 12-01-26 to VPA swiggy.order@axis (UPI Ref No 612345678901). Not you? Call 18002586161 - HDFC Bank',
    { kind: 'debit', amountMinor: 45800, currency: 'INR', counterparty: 'Swiggy', date: '2026-01-12', account: '1234', ref: '612345678901' }],
  ['Sent Rs.500.00\nFrom HDFC Bank A/C *1234\nTo Zomato\nOn 13/01/26\nRef 601312345678\nNot You?\nCall 18002586161/SMS BLOCK UPI to 7308080808',
    { kind: 'debit', amountMinor: 50000, counterparty: 'Zomato', date: '2026-01-13', account: '1234', ref: '601312345678' }],
  ['Dear UPI user A/C X5334 debited by 2000.0 on date 06Jan26 trf to CHAITANY SANDIP Refno 530375090208. If not u? call 1800111109. -SBI',
    { kind: 'debit', amountMinor: 200000, counterparty: 'Chaitany Sandip', date: '2026-01-06', account: '5334', ref: '530375090208' }],
  ['ICICI Bank Acct XX123 debited for Rs 240.00 on 12-Jan-26; BLINKIT credited. UPI:612345678901. Call 18002662 for dispute. SMS BLOCK 123 to 9215676766',
    { kind: 'debit', amountMinor: 24000, counterparty: 'Blinkit', date: '2026-01-12', account: '123', ref: '612345678901' }],
  ['INR 1,234.00 spent using ICICI Bank Card XX4321 on 11-Jan-26 on AMAZON. Avl Limit: INR 45,000.00. If not you, call 1800 2662/SMS BLOCK 4321 to 9215676766.',
    { kind: 'debit', amountMinor: 123400, counterparty: 'Amazon', date: '2026-01-11', account: '4321' }],
  ['Spent Rs.2,150.00 On HDFC Bank Card 9876 At SHOPPERS STOP On 2026-01-10:18:22:33 Not You? Call 18002586161',
    { kind: 'debit', amountMinor: 215000, counterparty: 'Shoppers Stop', date: '2026-01-10', account: '9876' }],
  ['INR 350.00 debited\nA/c no. XX5678\n14-01-26, 10:22:33\nUPI/P2M/601412345678/UBER INDIA\nNot you? SMS BLOCKUPI Cust ID to 919951860002\nAxis Bank',
    { kind: 'debit', amountMinor: 35000, counterparty: 'Uber', date: '2026-01-14', account: '5678', ref: '601412345678' }],
  ['Sent Rs.120.00 from Kotak Bank AC X4455 to rapido.ride@ybl on 14-01-26.UPI Ref 601498765432. Not you, kotak.com/fraud',
    { kind: 'debit', amountMinor: 12000, counterparty: 'Rapido', date: '2026-01-14', account: '4455', ref: '601498765432' }],
  ['Your A/C XXXXX1234 has a debit by transfer of Rs 899.00 on 09/01/26. Avl Bal Rs 10,120.50.-SBI',
    { kind: 'debit', amountMinor: 89900, date: '2026-01-09', account: '1234' }],
  ['Trxn. of Rs. 3,499.00 done on SBI Card ending 7788 at DECATHLON on 08/01/26. Avl lmt Rs. 56,501.00',
    { kind: 'debit', amountMinor: 349900, counterparty: 'Decathlon', date: '2026-01-08', account: '7788' }],
  ['Paid Rs.60 to Chai Point from Paytm Balance. Updated Balance: Rs 1,240. Txn ID: 40123456789',
    { kind: 'debit', amountMinor: 6000, counterparty: 'Chai Point', ref: '40123456789' }],
  ['Rs 450.00 credited to your A/c XX1234 on 12-01-26 as refund from Swiggy. Avl bal Rs 10,000.00 -Axis Bank', { kind: 'refund', amountMinor: 45000, counterparty: 'Swiggy' }],
  ['Dear Customer, your a/c XX1234 is credited with INR 52,000.00 on 01-01-26 by NEFT-ACME CORP SALARY. Avl Bal INR 60,123.00 -ICICI Bank', { kind: 'credit', amountMinor: 5200000 }],
  ['Rs.500.00 debited on 10-01-26 from A/c XX1234 has been reversed to your account. -PNB', { kind: 'reversal', amountMinor: 50000 }],
  ['Congrats! Cashback of Rs 25.00 has been credited to your Paytm wallet for your order. Txn ID 40123456790', { kind: 'cashback', amountMinor: 2500 }],
  ['482913 is your OTP for txn of Rs 2,499.00 at AMAZON on HDFC Bank card ending 1234. Valid for 10 mins. Do not share OTP with anyone.', { kind: 'otp' }],
  ['Your transaction of Rs.1,299.00 at MYNTRA on ICICI Bank Credit Card XX1234 was declined due to insufficient limit.', { kind: 'failed', amountMinor: 129900 }],
  ['Your UPI-Mandate for Rs.1000.00 is successfully created towards Google from A/c No: XXXXXX5334. -SBI', { kind: 'mandate', amountMinor: 100000 }],
  ['Rs.499 will be debited from your A/c XX1234 on 20-01-26 towards NETFLIX via e-mandate. -HDFC Bank', { kind: 'upcoming', amountMinor: 49900, counterparty: 'Netflix' }],
  ['Your HDFC Bank Credit Card XX1234 bill of Rs 12,345.00 is due on 25-01-26. Minimum amount due Rs 620.00. Pay now to avoid charges.', { kind: 'due' }],
  ['Get a pre-approved personal loan of Rs 5,00,000 at 10.5% p.a. Apply now: bit.ly/abc T&C apply -HDFC Bank', { kind: 'promo' }],
  ['Payment of Rs 12,345.00 received towards your SBI Credit Card XX1234 on 03-01-26. Thank you.', { kind: 'card_payment', amountMinor: 1234500 }],
  ['Do not share your OTP. 739201 is the OTP to pay Rs.3,200.00 to FLIPKART using your HDFC Bank Debit Card XX4471.', { kind: 'otp' }],
  ['Forwarded\nDear Customer, Rs.349.00 has been debited from your account XX7781 towards UPI/CRED CLUB/601022334455 on 10-01-2026. If not done by you, report at once. -Federal Bank', { kind: 'debit', amountMinor: 34900, counterparty: 'Cred Club', date: '2026-01-10' }],
  ['Dear Customer, Rs 150.00 is debited from A/c XXXX0921 for BBPS bill payment to BESCOM on 11-01-26. Ref no BD0123456789 -Canara Bank', { kind: 'debit', counterparty: 'BESCOM', ref: 'BD0123456789' }],
  ['Rs.2000 withdrawn at ATM from A/c XX1234 on 12-01-26. Avl Bal Rs.8,000 -Kotak', { kind: 'atm', amountMinor: 200000, date: '2026-01-12' }],
  ['Rs 5,000.00 transferred from your A/c XX1234 to your own A/c XX9876 on 12-01-26. Ref 601212345678 -ICICI Bank', { kind: 'self_transfer', amountMinor: 500000 }],
];

const WESTERN: [string, Want, typeof US][] = [
  ['Chase: You made a $45.67 transaction with SUNOCO 0731 PHILA on Jan 5, 2026 at 3:15 PM ET.', { kind: 'debit', amountMinor: 4567, currency: 'USD', counterparty: 'Sunoco', date: '2026-01-05' }, US],
  ['Bank of America: Credit card ending in 1234 was used for $82.10 at TARGET on 01/12/2026.', { kind: 'debit', amountMinor: 8210, counterparty: 'Target', date: '2026-01-12', account: '1234' }, US],
  ['Capital One: A charge or hold for $23.45 on January 12, 2026 was placed on your Quicksilver Credit Card (1234) at SQ *BLUE BOTTLE COFFEE.', { kind: 'debit', amountMinor: 2345, counterparty: 'Blue Bottle', date: '2026-01-12', account: '1234' }, US],
  ['You paid Jane Doe $25.00 for 🍕', { kind: 'debit', amountMinor: 2500, counterparty: 'Jane Doe' }, US],
  ['Jane Doe requests $25.00 for dinner', { kind: 'request', amountMinor: 2500, counterparty: 'Jane Doe' }, US],
  ['Your card ending in 1234 was declined for $45.67 at AMAZON.COM', { kind: 'failed', amountMinor: 4567, account: '1234' }, US],
  ['Capital One: A $3.85 purchase at STARBUCKS 08812 was approved on your Venture card ending in 4421 on January 14, 2026.', { kind: 'debit', amountMinor: 385, counterparty: 'Starbucks', date: '2026-01-14' }, US],
  ['Cash App: You paid $9.75 to $bobsburgers for lunch', { kind: 'debit', amountMinor: 975, counterparty: 'Bobsburgers' }, US],
  ['PayPal: You sent a $34.99 USD payment to Etsy Inc. Transaction ID 8WK112233A445566B', { kind: 'debit', amountMinor: 3499, counterparty: 'Etsy' }, US],
  ['Transfer of $500.00 from Checking ...1234 to Savings ...9876 completed on 01/09/2026.', { kind: 'self_transfer', amountMinor: 50000 }, US],
  ['Wells Fargo: Your available balance in account ending 9574 is $13,089.11 as of 12/31/2025.', { kind: 'balance', amountMinor: 1308911 }, US],
  ['Barclays: A payment of £45.00 was made from your account ending 1234 to TESCO STORES 2231 on 12/01/26.', { kind: 'debit', amountMinor: 4500, currency: 'GBP', counterparty: 'Tesco', date: '2026-01-12', account: '1234' }, GB],
  // "made a card payment" is a purchase (Lloyds, Halifax), not paying the card bill; HSBC and NatWest
  // print the shop right after the amount, with its town.
  ["Halifax: You've made a card payment of £7.45 to COSTA COFFEE", { kind: 'debit', amountMinor: 745, currency: 'GBP', counterparty: 'Costa Coffee' }, GB],
  ['NatWest: Card purchase GBP 31.60 ITSU MANCHESTER 14JAN', { kind: 'debit', amountMinor: 3160, currency: 'GBP', counterparty: 'Itsu', date: '2026-01-14' }, GB],
];

describe('readAlert: formats', () => {
  it.each(INDIAN)('%s', (text, want) => {
    expect(readAlert(text, IN)).toMatchObject(want);
  });
  it.each(WESTERN)('%s', (text, want, lc) => {
    expect(readAlert(text, lc)).toMatchObject(want);
  });
});

describe('readAlert: what is never the amount', () => {
  it('a balance, a limit, a minimum due, a masked account, a reference or a date', () => {
    const a = readAlert('Avl Bal Rs 9,999.00. A/C XX4567 debited by 120.0 on date 12Jan26 trf to PANIPURI CORNER Refno 601212345679', IN)!;
    expect(a.amountMinor).toBe(12000);
    const card = readAlert('Avl Lmt INR 45,000.00 on ICICI Bank Card XX4321. INR 99.00 spent on 11-Jan-26 on SPOTIFY.', IN)!;
    expect(card.amountMinor).toBe(9900);
    expect(card.counterparty).toBe('Spotify');
  });
});

describe('readAlert: chat messages are no alerts', () => {
  it.each(['chai 20', 'spent 500 on a latte at Starbucks yesterday', 'kal petrol 1.2k', 'paid 500 to ramesh via upi', 'uber 14.50', 'salary hit the account 85000', 'got a refund of 450 from swiggy', 'how much did I spend on coffee this month?'])('%s', (text) => {
    expect(readAlert(text, IN)).toBeNull();
  });
});

describe('payees as banks print them', () => {
  it.each([
    ['swiggy.order@axis', true, 'Swiggy'],
    ['9876543210@ybl', true, null],
    ['SUNOCO 0731 PHILA', false, 'Sunoco'],
    ['SQ *BLUE BOTTLE COFFEE', false, 'Blue Bottle'],
    ['PAYPAL *NETFLIX', false, 'Netflix'],
    ['WALGREENS #1234', false, 'Walgreens'],
    ['AMAZON.IN', false, 'Amazon'],
    ['HDFC Bank', false, null],
    ['INDIAN OIL-PUNE', false, 'Indian Oil'],
    ['DMART-THANE', false, 'DMart'],
  ] as const)('%s → %s', (raw, vpa, want) => {
    expect(cleanCounterparty(raw, vpa)).toBe(want);
  });

  it('a known merchant split by the star keeps both halves; a detail after it does not', () => {
    expect(cleanCounterparty('DELIVEROO *ORDER', false)).toBe('Deliveroo');
    expect(cleanCounterparty('UBER *EATS', false)).toBe('Uber Eats');
    expect(cleanCounterparty('UBER *TRIP', false)).toBe('Uber');
  });

  it("a regional chain is found with the owner's regions, and its town is dropped", () => {
    expect(cleanCounterparty('ITSU MANCHESTER', false, GB.pack.regions)).toBe('Itsu');
  });
});

describe('dedupe keys and typed duplicates', () => {
  const a: Alert = { kind: 'debit', amountMinor: 45800, currency: 'INR', counterparty: 'Swiggy', counterpartyRaw: 'swiggy@axis', date: '2026-01-12', account: '1234', ref: 'UPI 6123-4567', confidence: 1 };
  it('key on the reference when printed, else on amount, date, account and payee', () => {
    expect(alertKey(a, '2026-01-15')).toEqual({ key: 'alert:ref:upi61234567', strong: true });
    expect(alertKey({ ...a, ref: null }, '2026-01-15')).toEqual({ key: 'alert:debit:45800INR:2026-01-12:1234:swiggy', strong: false });
  });
  it('a typed expense is the same payment when amount, day (±1) and payee agree', () => {
    const d = { amountMinor: 45800, currency: 'INR', category: 'food' as const, detail: 'delivery', item: null, merchant: 'Swiggy', note: null, date: '2026-01-12' };
    const typed = { amountMinor: 45800, currency: 'INR', date: '2026-01-13', item: 'swiggy', merchant: null, category: 'food' as const };
    expect(sameAsTyped(d, typed)).toBe(true);
    expect(sameAsTyped(d, { ...typed, date: '2026-01-14' })).toBe(false);
    expect(sameAsTyped(d, { ...typed, amountMinor: 45900 })).toBe(false);
    expect(sameAsTyped(d, { ...typed, item: 'petrol', category: 'transport' })).toBe(false);
    expect(sameAsTyped(d, { ...typed, item: 'dinner' })).toBe(true);
  });
});
