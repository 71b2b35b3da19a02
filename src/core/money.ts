/**
 * @module core/money
 * Money is an integer count of minor units plus an ISO 4217 code. Floats only ever appear at the
 * edges: when a human-written amount is parsed and when an amount is formatted for display.
 */

/**
 * Every ISO 4217 currency people spend (national currencies and the shared CFA/CFP/East Caribbean
 * ones; precious metals, funds and test codes are left out), as `CODE:minor digits:family`. The
 * family groups currencies sharing a spoken name ("dollar", "rupee", "pound" ...): a bare "$" or
 * "bucks" means the owner's own currency of that family, else the family's first (default) member.
 * JPY, KRW, VND, IDR, CLP, ISK, HUF ... are written without minor units in everyday use.
 */
const CURRENCY_TABLE = `
AED:2:dirham AFN:2 ALL:2 AMD:2 ANG:2 AOA:2 ARS:2:peso AUD:2:dollar AWG:2 AZN:2 BAM:2 BBD:2:dollar
BDT:2 BGN:2 BHD:3:dinar BIF:0:franc BMD:2:dollar BND:2:dollar BOB:2 BRL:2 BSD:2:dollar BTN:2 BWP:2
BYN:2 BZD:2:dollar CAD:2:dollar CDF:2:franc CHF:2:franc CLP:0:peso CNY:2:yen COP:2:peso CRC:2
CUP:2:peso CVE:2 CZK:2 DJF:0:franc DKK:2:krone DOP:2:peso DZD:2:dinar EGP:2:pound ERN:2 ETB:2 EUR:2
FJD:2:dollar FKP:2:pound GBP:2:pound GEL:2 GHS:2 GIP:2:pound GMD:2 GNF:0:franc GTQ:2 GYD:2:dollar
HKD:2:dollar HNL:2 HTG:2 HUF:0 IDR:0 ILS:2 INR:2:rupee IQD:3:dinar IRR:2:riyal ISK:0:krone JMD:2:dollar
JOD:3:dinar JPY:0:yen KES:2:shilling KGS:2 KHR:2 KMF:0:franc KPW:2:won KRW:0:won KWD:3:dinar KYD:2:dollar
KZT:2 LAK:2 LBP:2:pound LKR:2:rupee LRD:2:dollar LSL:2 LYD:3:dinar MAD:2:dirham MDL:2 MGA:2 MKD:2:dinar
MMK:2 MNT:2 MOP:2 MRU:2 MUR:2:rupee MVR:2 MWK:2 MXN:2:peso MYR:2 MZN:2 NAD:2:dollar NGN:2 NIO:2
NOK:2:krone NPR:2:rupee NZD:2:dollar OMR:3:riyal PAB:2 PEN:2 PGK:2 PHP:2:peso PKR:2:rupee PLN:2 PYG:0
QAR:2:riyal RON:2 RSD:2:dinar RUB:2 RWF:0:franc SAR:2:riyal SBD:2:dollar SCR:2:rupee SDG:2:pound
SEK:2:krone SGD:2:dollar SHP:2:pound SLE:2 SOS:2:shilling SRD:2:dollar SSP:2:pound STN:2 SVC:2 SYP:2:pound
SZL:2 THB:2 TJS:2 TMT:2 TND:3:dinar TOP:2 TRY:2 TTD:2:dollar TWD:2:dollar TZS:2:shilling UAH:2 UGX:0:shilling
USD:2:dollar UYU:2:peso UZS:2 VES:2 VND:0 VUV:0 WST:2 XAF:0:franc XCD:2:dollar XOF:0:franc XPF:0:franc
YER:2:riyal ZAR:2 ZMW:2 ZWG:2
`;

interface CurrencyInfo {
  code: string;
  digits: number;
  family: string | null;
}

const CURRENCIES = new Map<string, CurrencyInfo>();
const FAMILIES = new Map<string, string[]>();
for (const cell of CURRENCY_TABLE.trim().split(/\s+/)) {
  const [code, digits, family] = cell.split(':') as [string, string, string | undefined];
  CURRENCIES.set(code, { code, digits: Number(digits), family: family ?? null });
  if (family) {
    let list = FAMILIES.get(family);
    if (!list) FAMILIES.set(family, (list = []));
    list.push(code);
  }
}
// The member a family's bare name means to someone who does not use any of them.
const FAMILY_DEFAULT: Readonly<Record<string, string>> = {
  dollar: 'USD', rupee: 'INR', pound: 'GBP', peso: 'MXN', krone: 'SEK', riyal: 'SAR', dinar: 'KWD',
  franc: 'CHF', yen: 'JPY', dirham: 'AED', won: 'KRW', shilling: 'KES',
};

/** Display symbols for the currencies munshi users meet most; others show their ISO code. */
const SYMBOLS: Record<string, string> = {
  INR: '₹', USD: '$', EUR: '€', GBP: '£', JPY: '¥', AED: 'AED ', SGD: 'S$', AUD: 'A$', CAD: 'C$',
  NPR: 'रु', LKR: 'Rs ', PKR: 'Rs ', BDT: '৳', THB: '฿', CHF: 'CHF ', CNY: 'CN¥', HKD: 'HK$',
  NZD: 'NZ$', TWD: 'NT$', KRW: '₩', PHP: '₱', VND: '₫', ILS: '₪', NGN: '₦', UAH: '₴', TRY: '₺',
  BRL: 'R$', MXN: 'MX$', MYR: 'RM', PLN: 'zł ', RUB: '₽',
};

/** Every ISO 4217 code munshi accepts (see CURRENCY_TABLE). */
export const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(CURRENCIES.keys());

/**
 * The currency a family name means for an owner: their own when it belongs to the family, else the
 * family's default. e.g. familyCurrency('dollar', 'SGD') === 'SGD'; familyCurrency('dollar', 'INR') === 'USD'
 */
export function familyCurrency(family: string, ownCurrency: string): string | null {
  const members = FAMILIES.get(family);
  if (!members) return null;
  return members.includes(ownCurrency) ? ownCurrency : FAMILY_DEFAULT[family] ?? members[0]!;
}

/** The family of a currency ("dollar" for SGD), or null. */
export function currencyFamily(code: string): string | null {
  return CURRENCIES.get(code)?.family ?? null;
}

/** Largest amount munshi records, in major units: bigger is almost surely a typo or an attack. */
export const MAX_MAJOR_AMOUNT = 100_000_000;

export function minorDigits(currency: string): number {
  return CURRENCIES.get(currency)?.digits ?? 2;
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
