/**
 * @module core/money
 * Money is an integer count of minor units plus an ISO 4217 code. Floats only ever appear at the
 * edges: when a human-written amount is parsed and when an amount is formatted for display.
 */

/** Minor-unit digits per currency; anything not listed has 2. */
const MINOR_DIGITS: Record<string, number> = {
  JPY: 0, KRW: 0, VND: 0, IDR: 0, CLP: 0, ISK: 0, HUF: 0,
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3,
};

/** Display symbols for the currencies munshi users meet most; others show their ISO code. */
const SYMBOLS: Record<string, string> = {
  INR: '₹', USD: '$', EUR: '€', GBP: '£', JPY: '¥', AED: 'AED ', SGD: 'S$', AUD: 'A$', CAD: 'C$',
  NPR: 'रु', LKR: 'Rs ', PKR: 'Rs ', BDT: '৳', THB: '฿', CHF: 'CHF ', CNY: 'CN¥', HKD: 'HK$',
};

/** The currency codes munshi accepts (ISO 4217, common ones). */
export const KNOWN_CURRENCIES = new Set([
  'INR', 'USD', 'EUR', 'GBP', 'JPY', 'AED', 'SGD', 'AUD', 'CAD', 'NZD', 'CHF', 'CNY', 'HKD', 'NPR',
  'LKR', 'PKR', 'BDT', 'THB', 'MYR', 'IDR', 'PHP', 'VND', 'KRW', 'SAR', 'QAR', 'KWD', 'BHD', 'OMR',
  'ZAR', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'TRY', 'RUB', 'BRL', 'MXN', 'ARS', 'CLP', 'ISK',
  'JOD', 'TND', 'EGP', 'KES', 'NGN',
]);

/** Largest amount munshi records, in major units: bigger is almost surely a typo or an attack. */
export const MAX_MAJOR_AMOUNT = 100_000_000;

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/**
 * Major units (as typed: "1250.5", 1250.5) to integer minor units, rounding half away from zero.
 * Works on the decimal string so 0.1 + 0.2 style float error never reaches the ledger.
 * e.g. toMinor('1250.50', 'INR') === 125050
 */
export function toMinor(major: string | number, currency: string): number {
  const digits = minorDigits(currency);
  const s = typeof major === 'number' ? major.toFixed(Math.min(digits + 2, 20)) : major.trim();
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new RangeError(`not a decimal amount: ${s}`);
  const sign = m[1] ? -1 : 1;
  const whole = m[2]!;
  const frac = (m[3] ?? '').padEnd(digits + 1, '0');
  const kept = frac.slice(0, digits);
  const next = Number(frac[digits] ?? '0');
  let minor = Number(whole) * 10 ** digits + (digits ? Number(kept) : 0);
  if (next >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount too large: ${s}`);
  return sign * minor;
}

/** Integer minor units back to a major-unit number for JSON output. e.g. toMajor(125050,'INR') === 1250.5 */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Locale used for grouping: Indian grouping (1,00,000) for INR by default. */
export function defaultLocaleFor(currency: string): string {
  return currency === 'INR' ? 'en-IN' : 'en-US';
}

/**
 * Formats minor units for a phone screen: the symbol, locale grouping, and decimals only when
 * there are any. e.g. formatMoney(125000, 'INR') === '₹1,250'; formatMoney(125050,'INR') === '₹1,250.50'
 */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const digits = minorDigits(currency);
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const frac = abs % 10 ** digits;
  const loc = locale ?? defaultLocaleFor(currency);
  const wholeText = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 }).format(whole);
  const fracText = frac ? '.' + String(frac).padStart(digits, '0') : '';
  const sym = SYMBOLS[currency] ?? `${currency} `;
  return `${minor < 0 ? '-' : ''}${sym}${wholeText}${fracText}`;
}

/** Sums minor amounts grouped by currency; never adds rupees to dollars. */
export function sumByCurrency(items: Iterable<{ amountMinor: number; currency: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) out.set(it.currency, (out.get(it.currency) ?? 0) + it.amountMinor);
  return out;
}
