import { describe, expect, it } from 'vitest';
import { bareText, canonicalTimeZone, editTarget, incomeKind, isPlan, isQuery, simpleCommand, smallTalk } from './intents.js';
import { sanitize } from './text.js';

const b = (s: string): string => bareText(sanitize(s));

describe('smallTalk', () => {
  it.each(['hey there', 'hi', 'Hello!!', 'gm', 'good morning', 'namaste 🙏', 'hey munshi', 'hii', 'yo'])('%s is a greeting', (s) => {
    expect(smallTalk(b(s))).toBe('greeting');
  });
  it.each(['thnx', 'thanks!', 'thank you', 'ty', 'shukriya', 'ok thanks', 'cool', 'thanks a lot bro', 'dhanyavad'])('%s is thanks', (s) => {
    expect(smallTalk(b(s))).toBe('thanks');
  });
  it.each(['what all can you track?', 'what can you do?', 'who are you', 'how does this work?', 'what can I ask?'])('%s asks about capabilities', (s) => {
    expect(smallTalk(b(s))).toBe('capabilities');
  });
  it.each(['chai 20', 'hi chai 20', 'thanks for the coffee 50', 'coffee'])('%s is not small talk', (s) => {
    expect(smallTalk(b(s))).toBeNull();
  });
});

describe('simpleCommand', () => {
  it.each(['undo', 'delete last', 'remove that last one', 'delete that', 'Undo!', 'delete the last entry', 'scratch that', 'galat entry', 'hata do'])('%s undoes', (s) => {
    expect(simpleCommand(b(s))).toEqual({ kind: 'undo' });
  });
  it('lists recent expenses', () => {
    expect(simpleCommand(b('recent'))).toEqual({ kind: 'list_recent', limit: 5 });
    expect(simpleCommand(b('last 10'))).toEqual({ kind: 'list_recent', limit: 10 });
    expect(simpleCommand(b('list recent'))).toEqual({ kind: 'list_recent', limit: 5 });
    // With a noun it reads as a question about spending, which the query engine lists.
    expect(simpleCommand(b('show last 3 expenses'))).toBeNull();
  });
  it('reads help, settings, confirm and cancel', () => {
    expect(simpleCommand(b('help'))).toEqual({ kind: 'help' });
    expect(simpleCommand(b('?'))).toBeNull(); // bare "?" has no words: the bot treats it as noise
    expect(simpleCommand(b('settings'))).toEqual({ kind: 'show_settings' });
    expect(simpleCommand(b('yes'))).toEqual({ kind: 'confirm' });
    expect(simpleCommand(b('haan'))).toEqual({ kind: 'confirm' });
    expect(simpleCommand(b('no'))).toEqual({ kind: 'cancel' });
    expect(simpleCommand(b('cancel'))).toEqual({ kind: 'cancel' });
  });
  it('sets currency and time zone', () => {
    expect(simpleCommand(b('set currency USD'))).toEqual({ kind: 'set_currency', currency: 'USD' });
    expect(simpleCommand(b('currency eur'))).toEqual({ kind: 'set_currency', currency: 'EUR' });
    expect(simpleCommand(b('change currency to dollars'))).toEqual({ kind: 'set_currency', currency: 'USD' });
    expect(simpleCommand(b('set currency XYZ'))).toBeNull();
    expect(simpleCommand(b('set timezone Asia/Dubai'))).toEqual({ kind: 'set_timezone', timeZone: 'Asia/Dubai' });
    expect(simpleCommand(b('timezone america/new_york'))).toEqual({ kind: 'set_timezone', timeZone: 'America/New_York' });
    expect(simpleCommand(b('tz IST'))).toEqual({ kind: 'set_timezone', timeZone: 'Asia/Kolkata' });
    expect(simpleCommand(b('set timezone Mars/Olympus'))).toBeNull();
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
  });
  it.each(['chai 20', 'delete coffee expenses from march', 'last month total', 'no sugar coffee 40'])('%s is no simple command', (s) => {
    expect(simpleCommand(b(s))).toBeNull();
  });
});

describe('editTarget', () => {
  it('finds a category or an item correction', () => {
    expect(editTarget(b('that was transport'))).toEqual({ category: 'transport' });
    expect(editTarget(b('no, it was food'))).toEqual({ category: 'food' });
    expect(editTarget(b('change category to health'))).toEqual({ category: 'health' });
    expect(editTarget(b('it was a latte'))).toEqual({ item: 'latte' });
    expect(editTarget(b('that was expensive'))).toBeNull();
    expect(editTarget(b('latte 200'))).toBeNull();
  });
});

describe('isQuery', () => {
  it.each([
    'how much did I spend on coffee this month?', 'how much on coffee', 'spending this week?', 'jan ka total?',
    'what did I spend on rapido?', 'which day did I spend the most?', 'kitna kharcha hua', 'total this month',
    'show my expenses for last week', 'petrol kitna gaya is mahine', 'did i spend more than 5000 on food?',
    'show expenses above 1000', 'coffee this month', 'breakdown by category', 'coffee?',
  ])('%s is a question', (s) => {
    const raw = sanitize(s);
    expect(isQuery(b(s), raw, /\d{3,}/.test(s))).toBe(true);
  });
  it.each([['chai 20', true], ['monthly pass 700', true], ['total bill 450 at dominos', true], ['bought petrol', false], ['lunch 200', true]])('%s is not a question', (s, hasAmount) => {
    expect(isQuery(b(s), sanitize(s), hasAmount)).toBe(false);
  });
});

describe('incomeKind and isPlan', () => {
  it.each(['bonus credited 20k', 'salary 50000 received', 'got 500 from mom', 'salary credited', 'received 2000 from rahul', 'interest credited 340', 'rahul paid me 500'])('%s is income', (s) => {
    expect(incomeKind(b(s))).toBe('income');
  });
  it.each(['refund of 300 from amazon', 'cashback 50 from paytm'])('%s is a refund', (s) => {
    expect(incomeKind(b(s))).toBe('refund');
  });
  it.each(['got a haircut 250', 'paid 500 for coffee', 'chai 20', 'got coffee from starbucks 200'])('%s is not income', (s) => {
    expect(incomeKind(b(s))).toBeNull();
  });
  it.each(['will pay rent 15000 tomorrow', 'need to buy milk', 'have to pay school fees 20000 next week', 'going to buy a phone', 'remind me to pay the bill', 'kal 500 dena hai dhobi ko', 'set food budget 8000'])('%s is a plan', (s) => {
    expect(isPlan(b(s))).toBe(true);
  });
  it.each(['had to pay 500 for parking', 'jio plan 299', 'chai 20', 'paid rent 15000'])('%s is not a plan', (s) => {
    expect(isPlan(b(s))).toBe(false);
  });
});
