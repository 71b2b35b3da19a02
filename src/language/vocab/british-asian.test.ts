/**
 * The British-Asian and West Midlands rows (vocab/lexicon/97-gb8.tsv) read through the real rules
 * reader with a British owner's settings: the dishes of the balti houses, the mosque's collections,
 * the children's classes, the Swift card, the high street's shops; and a road written "rd" is no
 * recurring deposit outside India. The phrasings are our own, not from an eval set.
 */
import { describe, expect, it } from 'vitest';
import { understandNext as understand } from '../../understanding/next/understand.js';
import { ctxOf, oneBrief } from '../../../test/support/understanding.js';

const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-05');
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-05');

describe('British-Asian things are filed where a family would look for them', () => {
  it.each([
    ['chicken karahi 16.50', 'food/meals'],
    ['keema balti £14', 'food/meals'],
    ['halwa puri sunday morning 9', 'food/meals'],
    ['2 rubicon 1.60', 'food/soft_drinks'],
    ['kashmiri chai 3.20', 'food/tea'],
    ['kunafa £7', 'food/sweets'],
    ['jummah collection £10', 'gifts/donations'],
    ['masjid collection a tenner', 'gifts/donations'],
    ['fitrana for 5 of us 25', 'gifts/donations'],
    ["zayn's quran class £30", 'education/courses'],
    ['madrassa fees 40', 'education/fees'],
    ['print credit £3', 'education/supplies'],
    ['swift weekly £17', 'transport/commute'],
    ['swift pass 64', 'transport/commute'],
  ] as const)('%s', (text, cat) => {
    expect(oneBrief(text, GB).cat).toBe(cat);
  });
});

describe('the shops of the British-Asian high street are merchants', () => {
  it.each([
    ['chicken tikka at al frash 12', 'Al Frash', 'food/meals'],
    ['shababs 9.50', 'Shababs', 'food/restaurant'],
    ['ambala mithai box £12', 'Ambala', 'food/sweets'],
    ['pak supermarket 31.20', 'Pak Supermarket', 'food/groceries'],
    ['gul ahmed lawn suit 45', 'Gul Ahmed', 'shopping/clothes'],
  ] as const)('%s', (text, merchant, cat) => {
    expect(oneBrief(text, GB)).toMatchObject({ merchant, cat });
  });

  it('Ambala stays a city for an Indian owner', () => {
    expect(oneBrief('ambala to delhi bus 350', IN).merchant).not.toBe('Ambala');
  });

  it('an Indian owner\'s balti is a bucket and karahi a pan, never a takeaway curry', () => {
    expect(oneBrief('balti 150', IN).cat).not.toBe('food/meals');
    expect(oneBrief('karahi 450', IN).cat).not.toBe('food/meals');
    // nor does a Gujarati verb near the word turn into one ("karavi", got done)
    expect(oneBrief('scooter service karavi 900', IN).cat).toMatch(/^transport/);
  });
});

describe('"rd" is a road outside India', () => {
  it('a street written "rd" after a purchase leaves the purchase', () => {
    expect(oneBrief('samosas £3 stratford rd', GB).cat).toBe('food/snacks');
  });

  it('an Indian owner\'s "rd" is still a recurring deposit, not spending', () => {
    expect(understand('rd 5000 this month', IN).intent).not.toBe('add_expense');
  });
});
