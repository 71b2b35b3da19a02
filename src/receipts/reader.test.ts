/**
 * The receipt reader on OCR-like text: totals among subtotals, taxes, tips, tenders and change;
 * merchants from headers; printed dates in each locale's order; currencies; and the noise OCR
 * adds (O for 0, a ₹ read as a digit, spaced decimals, junk punctuation).
 */
import { describe, expect, it } from 'vitest';
import { languageContext } from '../language/context.js';
import { readReceipt } from './reader.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const IN = languageContext({ now: NOW, timeZone: 'Asia/Kolkata', currency: 'INR' });
const US = languageContext({ now: NOW, timeZone: 'America/New_York', currency: 'USD' });
const UK = languageContext({ now: NOW, timeZone: 'Europe/London', currency: 'GBP' });
const DE = languageContext({ now: NOW, timeZone: 'Europe/Berlin', currency: 'EUR' });

describe('the total', () => {
  it('is the total line, not the subtotal, taxes, cash or change (India)', () => {
    const r = readReceipt(
      'BIG BAZAAR\nPhoenix Mall, Pune\nGSTIN: 27AABCF1234K1Z5\nDate: 28/02/2026 14:32\nBill No: 004512\nToor Dal 1kg 145.00\nAmul Butter 500g 275.50\nBasmati Rice 5kg 625.00\nSurf Excel 200.00\nSub Total 1,245.50\nCGST 2.5% 0.00\nSGST 2.5% 0.00\nTOTAL ₹1,245.50\nCash 1,300.00\nChange 54.50\nThank you! Visit again',
      IN,
    );
    expect(r).toMatchObject({ kind: 'receipt', amountMinor: 124550, currency: 'INR', currencyWritten: true, merchant: 'Big Bazaar', date: '2026-02-28' });
    expect(r.items.map((i) => i.name)).toEqual(['Toor Dal', 'Amul Butter', 'Basmati Rice', 'Surf Excel']);
  });

  it('takes the total after the tip when a restaurant prints both (US)', () => {
    const r = readReceipt("Welcome to Joe's Diner\n123 Main St, Springfield\n(555) 123-4567\n02/27/2026 7:42 PM\n2 Pancakes 12.50\nCoffee 3.25\nSubtotal $15.75\nSales Tax 8% 1.26\nTotal $17.01\nTip 3.00\nTotal $20.01\nVISA **** 4242 $20.01\nThank you", US);
    expect(r).toMatchObject({ amountMinor: 2001, currency: 'USD', merchant: "Joe's Diner", date: '2026-02-27' });
  });

  it('reads decimal commas and German labels, not the cash given or the change', () => {
    const r = readReceipt('REWE Markt GmbH\nHauptstr. 12\n10115 Berlin\nBio Milch 1,19\nBrot 2,49\nKäse 3,99\nSUMME EUR 7,67\nGegeben BAR 10,00\nRückgeld 2,33\nMwSt 7% 0,50\n01.03.26 12:01 Bon 4711', DE);
    expect(r).toMatchObject({ amountMinor: 767, currency: 'EUR', merchant: 'REWE Markt', date: '2026-03-01' });
  });

  it('never takes a "total savings" or "total items" line for the total', () => {
    const r = readReceipt('TESCO\n22 High Street\nMilk 1.45\nBread 1.10\nTotal items 2\nTotal savings 0.50\nBalance due £2.55\nContactless £2.55', UK);
    expect(r).toMatchObject({ amountMinor: 255, currency: 'GBP', merchant: 'Tesco' });
  });

  it('repairs a ₹ read as a leading digit when the other figures agree without it', () => {
    const r = readReceipt('DMART\nSub Total 1200.00\nGST 45.50\nTOTAL 31,245.50\nCash 1,300.00\nChange 54.50', IN);
    expect(r.amountMinor).toBe(124550);
    expect(r.totalFrom).toMatch(/currency sign/);
  });

  it('reads O for 0 and a spaced decimal point in column numbers', () => {
    expect(readReceipt('CHAAYOS\nMasala Chai 1OO.OO\nTOTAL 2O0. 00', IN).amountMinor).toBe(20000);
  });

  it('finds the total from subtotal + tax when the total line is unreadable', () => {
    const r = readReceipt('WALMART\nBananas 1.20\nMilk 3.40\nSUBTOTAL 4.60\nTAX 0.41\nT0TAL ~~ ..\n', US);
    expect(r.amountMinor).toBe(501);
    expect(r.confidence.amount).toBeLessThan(0.7);
  });
});

describe('merchant and date', () => {
  it('skips document titles, ids and address lines in the header', () => {
    const r = readReceipt('TAX INVOICE\nGSTIN 29ABCDE1234F1Z5\nApollo Pharmacy\nNo 7, Anna Nagar, Chennai\nDate 03/02/2026\nCrocin 30.00\nTotal 30.00', IN);
    expect(r.merchant).toBe('Apollo Pharmacy');
    expect(r.date).toBe('2026-02-03'); // day first in India
  });

  it('reads a US date month first, and a date impossible in that order the other way', () => {
    expect(readReceipt('TARGET\n03/02/2026\nTotal $5.00', US).date).toBe('2026-03-02');
    expect(readReceipt('TARGET\n28/02/2026\nTotal $5.00', US).date).toBe('2026-02-28');
  });

  it('reads dates with month names and ignores dates in the future or years back', () => {
    expect(readReceipt('Croma\nDate: 28-Feb-2026\nTotal 999.00', IN).date).toBe('2026-02-28');
    expect(readReceipt('Croma\nDate: 28/02/2031\nTotal 999.00', IN).date).toBeNull();
  });
});

describe('not a receipt', () => {
  it('says so for text with no total and for empty text', () => {
    expect(readReceipt('Happy birthday Priya!\nLove, Mom', IN).kind).toBe('not_receipt');
    expect(readReceipt('', IN).kind).toBe('not_receipt');
    expect(readReceipt('call me at 9876543210', IN).kind).toBe('not_receipt');
  });
});

describe('OCR slips the other figures catch', () => {
  it('prefers what the items and the card payment agree on over a misread total line', () => {
    const r = readReceipt('LIDL\n2x Gouda 15,60\nVollkornbrot 4,15\nBrezel 15,52\nNudeln 2,78\nZu zahlen 38,65\nEC-Karte 38;05 .\nMwSt 7% 2,49', DE);
    expect(r.amountMinor).toBe(3805);
    expect(r.confidence.amount).toBeLessThan(0.8);
  });

  it('falls back to the sum of the items, flagged unsure, when no total survived', () => {
    const r = readReceipt('EDEKA\nGouda 25,88\nApfel 1,86\nNudeln 11,71\nZu zahlen ~~ .\nMwSt 7% 3,13', DE);
    expect(r.amountMinor).toBe(3945);
    expect(r.confidence.amount).toBeLessThan(0.7);
  });

  it('reads a date whose leading 0 OCR turned into a 6', () => {
    expect(readReceipt('CHAAYOS\nDate: 20-62-2026 09:29\nNet Amount 820.06', IN).date).toBe('2026-02-20');
  });
});

describe('OCR-garbled words and headers', () => {
  it('knows a receipt word with one slip in it, and digits inside letters', () => {
    expect(readReceipt('REWE\nApfel 12,88\nButter 15,25\nZu zahten 28,13\nGegeben BAR 30,00\nRiickgeld 1,87', DE).amountMinor).toBe(2813);
    expect(readReceipt('WALMART\nMilk 3.40\nSUBT0TAL 3.40\nT0TAL 3.40\nCash 5.00\nChange 1.60', US).amountMinor).toBe(340);
  });

  it('passes over a logo line read as debris to the line that names the shop', () => {
    const r = readReceipt('So LDL\nLidl Dienstleistung\nBahnhofstr. 5, 80335 München\nGouda 2,97\nZu zahlen 2,97', DE);
    expect(r.merchant).toBe('Lidl Dienstleistung');
    expect(readReceipt('. ~~ Pret A Manger iE\n1 Kingsway\nCroissant 4.25\nTotal to pay £4.25', UK).merchant).toBe('Pret A Manger');
  });

  it('does not take the "14th" of a street address for the date', () => {
    expect(readReceipt("Trader Joe's\n142 E 14th St\nNew York, NY 10003\nDate: Feb 23,2026 12:15\nTOTAL $18.23", US).date).toBe('2026-02-23');
  });
});
