/**
 * Forwarded alerts through the bot on the in-memory repositories: a debit recorded with the
 * alert's date and payee, the same alert twice recorded once, a payment typed by hand asked about,
 * an ATM withdrawal offered as cash, and every "record nothing" kind named back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepositories, type Repositories } from '../app/repositories.js';
import { FakeClock } from '../clock/clock.js';
import type { InboundMessage, OwnerSettings } from '../core/types.js';
import { createBot, type Bot } from './bot.js';

const INDIA: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const US: OwnerSettings = { timeZone: 'America/New_York', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 0 };
const NOW = '2026-03-04T09:00:00Z'; // Wed 4 Mar 2026, 14:30 in Kolkata

const SWIGGY = 'Rs.458.00 debited from A/c XX1234 on 02-03-26 to VPA swiggy.order@axis (UPI Ref No 606112345678). Not you? Call 18002586161 - HDFC Bank';

let repos: Repositories;
let n = 0;
beforeEach(() => {
  repos = memoryRepositories();
});

function bot(settings: OwnerSettings = INDIA): Bot {
  return createBot({ expenses: repos.expenses, preferences: repos.preferences, queries: repos.queries, clock: new FakeClock(NOW), defaults: settings });
}
const message = (text: string): InboundMessage => ({ id: `a${++n}`, chatId: 'self', senderId: 'me', text, timestamp: new Date(NOW) });
async function say(b: Bot, text: string): Promise<string> {
  return (await b.handle(message(text))).map((r) => r.text).join('\n');
}
const ledger = () => repos.expenses.between({ owner: 'me' });

describe('a debit alert', () => {
  it('is recorded with the amount paid, the payee, its category and the date the alert prints', async () => {
    const r = await say(bot(), SWIGGY);
    expect(r).toBe('✅ ₹458 · Food › Food delivery · Swiggy · Mon 2 Mar');
    const [e] = await ledger();
    expect(e).toMatchObject({ amountMinor: 45800, currency: 'INR', category: 'food', detail: 'delivery', merchant: 'Swiggy', date: '2026-03-02', source: 'alert' });
  });

  it('forwarded twice is recorded once and said so', async () => {
    const b = bot();
    await say(b, SWIGGY);
    expect(await say(b, `Forwarded\n${SWIGGY}`)).toMatch(/^Already recorded from the same alert:\n✅ ₹458/);
    expect(await ledger()).toHaveLength(1);
  });

  it('without a reference, forwarded twice is asked about, and "ok" records the second payment', async () => {
    const b = bot(US);
    const alert = 'Chase: You made a $45.67 transaction with SUNOCO 0731 PHILA on Mar 3, 2026 at 3:15 PM ET.';
    expect(await say(b, alert)).toMatch(/^✅ \$45\.67 · Transport › Fuel · Sunoco/);
    expect(await say(b, alert)).toMatch(/looks like the alert you forwarded before[\s\S]*reply "ok" to record it too/);
    expect(await ledger()).toHaveLength(1);
    expect(await say(b, 'ok')).toMatch(/^✅ \$45\.67/);
    expect((await ledger()).map((e) => e.amountMinor)).toEqual([4567, 4567]);
  });

  it('matching a payment typed by hand asks instead of doubling it', async () => {
    const b = bot();
    await say(b, 'swiggy 458 on monday');
    const r = await say(b, SWIGGY);
    expect(r).toMatch(/^You already noted ₹458 .*Swiggy/);
    expect(r).toContain('same payment');
    expect(await ledger()).toHaveLength(1);
    expect(await say(b, 'no')).toMatch(/dropped/i);
    expect(await ledger()).toHaveLength(1);
  });

  it('is not confused with a different typed payment of the same amount', async () => {
    const b = bot();
    await say(b, 'petrol 458 on monday');
    expect(await say(b, SWIGGY)).toMatch(/^✅ ₹458 · Food › Food delivery · Swiggy/);
    expect(await ledger()).toHaveLength(2);
  });
});

describe('alerts that record nothing', () => {
  const cases: [string, RegExp][] = [
    ['Rs 450.00 credited to your A/c XX1234 on 02-03-26 as refund from Swiggy. Avl bal Rs 10,000.00 -Axis Bank', /^That's a refund of ₹450 from Swiggy: nothing recorded\.$/],
    ['Dear Customer, your a/c XX1234 is credited with INR 52,000.00 on 01-03-26 by NEFT-ACME CORP SALARY. Avl Bal INR 60,123.00 -ICICI Bank', /^That's money coming in \(₹52,000 from Acme/],
    ['482913 is your OTP for txn of Rs 2,499.00 at AMAZON on HDFC Bank card ending 1234. Valid for 10 mins. Do not share OTP with anyone.', /one-time code/],
    ['Your transaction of Rs.1,299.00 at MYNTRA on ICICI Bank Credit Card XX1234 was declined due to insufficient limit.', /failed or was declined/],
    ['Your UPI-Mandate for Rs.1000.00 is successfully created towards Google from A/c No: XXXXXX5334. -SBI', /autopay or mandate being set up/],
    ['Rs.499 will be debited from your A/c XX1234 on 05-03-26 towards NETFLIX via e-mandate. -HDFC Bank', /payment of ₹499 to Netflix still to come/],
    ['Your HDFC Bank Credit Card XX1234 bill of Rs 12,345.00 is due on 15-03-26. Minimum amount due Rs 620.00. Pay now to avoid charges.', /bill reminder/],
    ['Get a pre-approved personal loan of Rs 5,00,000 at 10.5% p.a. Apply now: bit.ly/abc T&C apply -HDFC Bank', /an offer/],
    ['Payment of Rs 12,345.00 received towards your SBI Credit Card XX1234 on 03-03-26. Thank you.', /card bill payment/],
    ['Jane Doe requests $25.00 for dinner', /request for money of \$25 from Jane Doe/],
  ];
  it.each(cases)('%s', async (text, reply) => {
    expect(await say(bot(text.includes('$') ? US : INDIA), text)).toMatch(reply);
    expect(await ledger()).toHaveLength(0);
  });

  it('offers an ATM withdrawal as cash and records it only on "ok"', async () => {
    const b = bot();
    const r = await say(b, 'Rs.2000 withdrawn at ATM from A/c XX1234 on 03-03-26. Avl Bal Rs.8,000 -Kotak');
    expect(r).toMatch(/^That's an ATM withdrawal of ₹2,000 \(yesterday\)/);
    expect(await ledger()).toHaveLength(0);
    expect(await say(b, 'ok')).toMatch(/^✅ ₹2,000 · Other · cash · yesterday/);
    expect((await ledger())[0]).toMatchObject({ amountMinor: 200000, item: 'cash', date: '2026-03-03', source: 'alert' });
  });
});

describe('chat messages', () => {
  it('are not alerts', async () => {
    const b = bot();
    expect(await say(b, 'paid 500 to ramesh via upi for the plumber')).not.toMatch(/alert/);
    expect(await say(b, 'chai 20')).toBe('✅ ₹20 · Food › Tea · today');
  });
});
