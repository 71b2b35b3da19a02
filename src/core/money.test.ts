import { describe, expect, it } from 'vitest';
import { formatMoney, sumByCurrency, toMajor, toMinor } from './money.js';

describe('toMinor', () => {
  it.each([
    ['1250', 'INR', 125000],
    ['1250.5', 'INR', 125050],
    ['1250.50', 'INR', 125050],
    ['0.1', 'USD', 10],
    ['0.005', 'USD', 1],
    ['0.004', 'USD', 0],
    ['12.99', 'USD', 1299],
    ['500', 'JPY', 500],
    ['1.2345', 'KWD', 1235],
  ] as const)('%s %s -> %d', (major, cur, minor) => {
    expect(toMinor(major, cur)).toBe(minor);
  });

  it('does not accumulate float error from numbers', () => {
    expect(toMinor(0.1 + 0.2, 'INR')).toBe(30);
    expect(toMinor(1155.39, 'INR')).toBe(115539);
  });

  it('rejects non-decimals and unsafe sizes', () => {
    expect(() => toMinor('1e309', 'INR')).toThrow(RangeError);
    expect(() => toMinor('abc', 'INR')).toThrow(RangeError);
    expect(() => toMinor('99999999999999999999', 'INR')).toThrow(RangeError);
  });

  it('round-trips through toMajor', () => {
    expect(toMajor(toMinor('839.17', 'USD'), 'USD')).toBe(839.17);
  });
});

describe('formatMoney', () => {
  it('uses Indian grouping for rupees and drops zero paise', () => {
    expect(formatMoney(125000, 'INR')).toBe('₹1,250');
    expect(formatMoney(10000000, 'INR')).toBe('₹1,00,000');
    expect(formatMoney(125050, 'INR')).toBe('₹1,250.50');
  });
  it('formats other currencies with their symbol or code', () => {
    expect(formatMoney(1299, 'USD')).toBe('$12.99');
    expect(formatMoney(800, 'GBP')).toBe('£8');
    expect(formatMoney(100000000, 'USD')).toBe('$1,000,000');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(1000, 'ZAR')).toBe('ZAR 10');
  });
});

describe('sumByCurrency', () => {
  it('never adds rupees to dollars', () => {
    const m = sumByCurrency([
      { amountMinor: 100, currency: 'INR' },
      { amountMinor: 250, currency: 'USD' },
      { amountMinor: 50, currency: 'INR' },
    ]);
    expect([...m]).toEqual([['INR', 150], ['USD', 250]]);
  });
});

describe('currency data', () => {
  it('knows every ISO 4217 currency people spend, with its minor digits', async () => {
    const { KNOWN_CURRENCIES, minorDigits } = await import('./money.js');
    expect(KNOWN_CURRENCIES.size).toBeGreaterThan(150);
    for (const c of ['PEN', 'COP', 'VES', 'MNT', 'XOF', 'KZT', 'UAH', 'ZWG']) expect(KNOWN_CURRENCIES.has(c)).toBe(true);
    expect(KNOWN_CURRENCIES.has('XAU')).toBe(false);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('XOF')).toBe(0);
    expect(minorDigits('PEN')).toBe(2);
  });
  it('a family name means the owner\'s own member, else the family default', async () => {
    const { familyCurrency } = await import('./money.js');
    expect(familyCurrency('dollar', 'SGD')).toBe('SGD');
    expect(familyCurrency('dollar', 'INR')).toBe('USD');
    expect(familyCurrency('rupee', 'PKR')).toBe('PKR');
    expect(familyCurrency('peso', 'PHP')).toBe('PHP');
    expect(familyCurrency('nothing', 'INR')).toBeNull();
  });
});
