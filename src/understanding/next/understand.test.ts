import { describe, expect, it } from 'vitest';
import type { OwnerSettings } from '../../core/types.js';
import type { Understanding } from '../types.js';
import { understandNext } from './understand.js';

const IN: OwnerSettings = { timeZone: 'Asia/Kolkata', currency: 'INR', locale: 'en-IN', dayFirst: true, weekStartsOn: 1 };
const US: OwnerSettings = { timeZone: 'America/Chicago', currency: 'USD', locale: 'en-US', dayFirst: false, weekStartsOn: 1 };
// Thursday 15 January 2026, evening in India.
const NOW = new Date('2026-01-15T14:00:00Z');
const u = (text: string, settings: OwnerSettings = IN): Understanding => understandNext(text, { now: NOW, settings });

function one(text: string, settings: OwnerSettings = IN) {
  const r = u(text, settings);
  if (r.intent !== 'add_expense') throw new Error(`${text}: ${JSON.stringify(r)}`);
  return r.expenses.map((e) => ({ amount: e.amountMinor / 100, category: e.category, item: e.item, merchant: e.merchant, date: e.date }));
}

describe('expenses', () => {
  it.each([
    ['chai 20', { amount: 20, category: 'food', item: 'chai' }],
    ['spent 500 on a latte at Starbucks', { amount: 500, category: 'food', item: 'latte', merchant: 'Starbucks' }],
    ['grocries 800', { amount: 800, category: 'food', item: 'groceries' }],
    ['maid salary 3000', { amount: 3000, category: 'housing' }],
    ['lunch at the office canteen 90', { amount: 90, category: 'food', item: 'lunch' }],
    ['Burma Burma lunch 1400', { amount: 1400, item: 'lunch', merchant: 'Burma Burma' }],
    ['darjeeling tea from golden tips 600', { amount: 600, category: 'food', merchant: 'Golden Tips' }],
    ['donation to ramakrishna mission 2000', { amount: 2000, category: 'gifts', merchant: 'Ramakrishna Mission' }],
    ['7up 40', { amount: 40, category: 'food', item: '7up' }],
    ['rapido bike 45', { amount: 45, category: 'transport', item: 'bike', merchant: 'Rapido' }],
    ['🎂 cake for the party 900', { amount: 900, category: 'food', item: 'cake' }],
    ['bought a new phone cover, 349', { amount: 349, category: 'shopping', item: 'phone cover' }],
    ['mummy ke liye saree 2500', { amount: 2500, category: 'shopping', item: 'saree' }],
    ['gave the car for servicing, 4500', { amount: 4500, category: 'transport' }],
    ['netflix share 149 diya bhai ko', { amount: 149, category: 'entertainment', item: 'netflix' }],
    ['dinner 1200 incl tip', { amount: 1200, category: 'food', item: 'dinner' }],
    ['monthly local train pass 210', { amount: 210, category: 'transport' }],
  ])('%s', (text, want) => {
    const [e] = one(text);
    expect(e).toMatchObject(want);
  });

  it('reads a short day name beside the amount as the day, and a bill named by its value', () => {
    expect(one('brunch sat 44', US)[0]).toMatchObject({ amount: 44, date: '2026-01-10' });
    expect(one('nyquil 13.49 wed', US)[0]).toMatchObject({ amount: 13.49, date: '2026-01-14' });
    expect(one('a twenty on a cab, told him keep the change', US)[0]).toMatchObject({ amount: 20 });
  });

  it('a plan word inside a known name is part of the name', () => {
    expect(one('hoa dues 250', US)[0]).toMatchObject({ amount: 250, category: 'housing' });
    expect(u('rent due 1500', US).intent).toBe('other');
  });

  it('reads a count before a thing as a quantity, not an amount', () => {
    expect(one('2 beer 450')).toMatchObject([{ amount: 450, item: 'beer' }]);
    expect(one('3 coffees for the team 450')).toMatchObject([{ amount: 450 }]);
    expect(one('samosa 4 gupta ji pe 60')).toMatchObject([{ amount: 60, item: 'samosa' }]);
  });

  it('splits several expenses, sharing a date said once', () => {
    expect(one('chai 10 biscuit 20').map((e) => e.amount)).toEqual([10, 20]);
    expect(one('bhel 60 + buttermilk 25').map((e) => e.item)).toEqual(['bhel', 'buttermilk']);
    const r = one('scooter service 950 and petrol 300 yesterday');
    expect(r.map((e) => e.date)).toEqual(['2026-01-14', '2026-01-14']);
  });

  it('keeps a merchant to its own expense unless it is said once for all', () => {
    const r = one('uber 250, dinner 900 and drinks 1200');
    expect(r[1]!.merchant).toBeNull();
    expect(r[2]!.category).toBe('food');
  });

  it('repeats the thing for an expense that names nothing', () => {
    const r = one('ola 320 yesterday and 260 today');
    expect(r.map((e) => [e.merchant, e.date])).toEqual([['Ola', '2026-01-14'], ['Ola', '2026-01-15']]);
  });

  it("takes the owner's share, not the bill", () => {
    expect(one('split dinner 1200, my share 400')).toMatchObject([{ amount: 400 }]);
  });
});

describe('what is not a new expense', () => {
  it.each([
    ['my friend spent 2k on shoes', 'third_party'],
    ['didnt take the cab in the end', 'negated'],
    ['salary credited 50000', 'income'],
    ['got 500 from mom', 'income'],
    ['got 200 back from rahul', 'refund'],
    ['refund of 450 from swiggy', 'refund'],
    ['gave ankit 2000 as loan', 'transfer'],
    ['planning a goa trip, budget 20k', 'plan'],
    ['will pay rent 15000 on friday', 'plan'],
    ['hi', 'greeting'],
    ['thanks!', 'thanks'],
    ['testing 123', 'noise'],
    ['Maya spent like 200 at sephora', 'third_party'],
    ["raghu's office paid for the cab 400", 'third_party'],
    ['dad covered dinner, like 140', 'third_party'],
    ['invoice #1047 paid by client 2,400', 'third_party'],
    ['jess venmoed me 40 for her half of the bill', 'income'],
    ["saw a silk saree for 12k at nalli, didn't buy", 'negated'],
    ['the puffer at uniqlo is 129, thinking abt it', 'plan'],
    ['walked 12,400 steps today', 'note'],
    ['Jess got us a chinese, £24 on her card', 'third_party'],
  ])('%s → %s', (text, kind) => {
    const r = u(text);
    expect(r.intent).toBe('other');
    if (r.intent === 'other') expect(r.kind).toBe(kind);
  });

  it('records a loan installment and a tax with an income word in it', () => {
    expect(one('home loan emi 21000')[0]!.amount).toBe(21000);
    expect(one('income tax 15000')[0]!.category).toBe('fees');
  });

  it.each(['how much on coffee this month?', 'last 5 transactions', 'my expenses', 'show all', 'compare this month with last month', 'any expenses above 2000 this month?'])('asks: %s', (text) => {
    expect(u(text).intent).toBe('query');
  });

  it("a question about something else is not about money", () => {
    expect(u("what's the weather today?").intent).toBe('other');
  });
});

describe('commands', () => {
  it.each([
    ['no, 60', { kind: 'edit_amount', amountMinor: 6000 }],
    ['wrong amount, make it 450', { kind: 'edit_amount', amountMinor: 45000 }],
    ['edit: that was 250 not 205', { kind: 'edit_amount', amountMinor: 25000 }],
    ['that was transport', { kind: 'edit_category', category: 'transport' }],
    ['that was groceries', { kind: 'edit_category', category: 'food', detail: 'groceries' }],
    ['it was a latte', { kind: 'edit_item', item: 'latte' }],
    ['undo', { kind: 'undo' }],
    ['delete the chai', { kind: 'delete_matching', text: 'chai' }],
    ['use US dates', { kind: 'set_date_order', dayFirst: false }],
    ['change that auto 120 to 130', { kind: 'edit_matching', text: 'auto', amountMinor: 13000, oldMinor: 12000 }],
    ['the rapido one was 95 not 85', { kind: 'edit_matching', text: 'rapido', amountMinor: 9500, oldMinor: 8500 }],
    ["change yesterday's zomato to 560", { kind: 'edit_matching', text: 'zomato', amountMinor: 56000, from: '2026-01-14' }],
    ['not a shop', { kind: 'edit_merchant', merchant: null }],
    ["no, it isn't a shop", { kind: 'edit_merchant', merchant: null }],
    ['shop was Kamath Cafe', { kind: 'edit_merchant', merchant: 'Kamath Cafe' }],
    ['no, the store was star market', { kind: 'edit_merchant', merchant: 'Star Market' }],
  ])('%s', (text, cmd) => {
    const r = u(text);
    expect(r.intent).toBe('command');
    if (r.intent === 'command') expect(r.command).toMatchObject(cmd);
  });

  it('a remark is not a new name', () => {
    expect(u('that was expensive').intent).not.toBe('command');
  });
});

describe('asking instead of guessing', () => {
  it('asks for an amount far beyond what the thing costs', () => {
    const r = u('chai 9,00,000');
    expect(r.intent === 'add_expense' && r.ask).toBe('implausible');
  });
  it('asks when the date is ahead', () => {
    const r = u('movie tickets 500 on 20th jan');
    expect(r.intent === 'add_expense' && r.futureDate).toBe(true);
  });
});

describe('locales', () => {
  it('reads month/day for an American owner and day/month for an Indian one', () => {
    expect(one('coffee 5 on 12/1', US)[0]!.date).toBe('2025-12-01');
    expect(one('coffee 50 on 12/1')[0]!.date).toBe('2026-01-12');
  });
});

describe('bad input', () => {
  it.each(['', '   ', '!!!', '<script>alert(1)</script>', '\u0000\u0001', 'x'.repeat(5000)])('never throws: %j', (text) => {
    expect(() => u(text)).not.toThrow();
  });
});

describe('junk and unknowns', () => {
  it.each(['[e&8o?e:kb=[<,.[cxk', '+4_c', '3}}éz,!'])('keyboard junk %s is noise', (text) => {
    expect(u(text)).toMatchObject({ intent: 'other', kind: 'noise' });
  });
  it('an expense filed as Other with nothing known about it is a draft to confirm', () => {
    expect(u('blorft 40')).toMatchObject({ intent: 'add_expense', ask: 'unknown_item' });
  });
  it('a question that is only a date is about money', () => {
    expect(u('and yesterday?').intent).toBe('query');
  });
});
