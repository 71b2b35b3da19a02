/**
 * Punjabi-English (Latin script) through the real reader and the real question planner, for an owner
 * in India (en-IN reads the `pa` rows of vocab/words/pa.tsv and the Punjab rows of
 * vocab/lexicon/97-in-punjab.tsv): postpositions (ch, ton, nu, layi), past verbs (pwaya, le leya,
 * kharideya, dite, bhareya, lagge), plans (dena, bharna), weekdays (aitvaar, veervaar), question
 * words (kinna, kinni vaari, sab ton vadde, ki ki). Phrasings of our own, none taken from an
 * evaluation set. The last block checks that Punjabi words stay out of other owners' packs.
 */
import { describe, expect, it } from 'vitest';
import { understandNext as understand } from './next/understand.js';
import { planWith } from '../query/answer.js';
import { analyze, languageContext } from '../language/context.js';
import { ctxOf, one, records } from '../../test/support/understanding.js';

// Wednesday 9 December 2026, 19:30 in Kolkata.
const IN = ctxOf('Asia/Kolkata', 'INR', 'en-IN', true, '2026-12-09');
const US = ctxOf('America/New_York', 'USD', 'en-US', false, '2026-12-09');
const GB = ctxOf('Europe/London', 'GBP', 'en-GB', true, '2026-12-09');

const cat = (e: { category: string; detail?: string | null }) => (e.detail ? `${e.category}/${e.detail}` : e.category);

describe('Punjabi verbs of buying and paying record the expense', () => {
  it.each([
    ['sabzi mandi ton gobhi 60 le aaya', 60, 'food/groceries', 'gobhi'],
    ['kal scorpio ch 1500 da diesel pwaya', 1500, 'transport/fuel', 'diesel'],
    ['veervaar nu bhua layi suit kharideya 2200', 2200, 'shopping/clothes', 'suit'],
    ['aitvaar nu kulfi 80 khadhi', 80, 'food/sweets', 'kulfi'],
    ['dastar 450 leyi', 450, 'shopping/clothes', 'dastar'],
    ['alto di service karayi 3200', 3200, 'transport/vehicle', 'alto service'],
    ['mobil oil badlaya 900', 900, 'transport/vehicle', 'mobil oil'],
    ['parsun pizza 400 khadha', 400, 'food/meals', 'pizza'],
  ])('%s', (text, amount, category, item) => {
    const e = one(text, IN);
    expect(e.amountMinor).toBe(amount * 100);
    expect(cat(e)).toBe(category);
    expect(e.item).toBe(item);
    expect(e.ask).toBeUndefined();
  });
});

describe('Punjabi time words date the expense', () => {
  it.each([
    ['aitvaar nu kulfi 80 khadhi', '2026-12-06'], // the Sunday before
    ['veervaar nu bhua layi suit kharideya 2200', '2026-12-03'], // the Thursday before
    ['shukarvaar nu pinniyan 300 kharidiyan', '2026-12-04'],
    ['kal scorpio ch 1500 da diesel pwaya', '2026-12-08'],
    ['parsun pizza 400 khadha', '2026-12-07'],
  ])('%s', (text, date) => {
    expect(one(text, IN).date).toBe(date);
  });
});

describe('Punjabi "te" between two priced things is "and"', () => {
  it('dhabe te dal 150 te roti 40', () => {
    const es = records('dhabe te dal 150 te roti 40', IN);
    expect(es.map((e) => [e.amountMinor / 100, e.item])).toEqual([[150, 'dal'], [40, 'roti']]);
  });
});

describe('what is not the owner spending now records nothing', () => {
  it.each([
    ['agle hafte bijli da bill bharna 2800', 'plan'],
    ['kal nu mistri nu 1500 dena', 'plan'],
    ['mall ch jacket dekhi 3000 di, nahi lai', 'negated'],
    ['tv da rate 42000 suneya', 'price'],
    ['hatti di vikri 18 hazaar hoyi', 'income'],
    ['veer ne 2000 da petrol pwaya', 'third_party'],
    ['paaji ne thar ch diesel pwaya 3000', 'third_party'],
  ])('%s', (text, kind) => {
    const r = understand(text, IN);
    expect(r.intent).toBe('other');
    expect((r as { kind?: string }).kind).toBe(kind);
  });
});

describe('Punjabi questions plan the operation, the period and the subject', () => {
  const plan = (q: string) => {
    const r = planWith(q, { owner: 'me', now: IN.now, settings: IN.settings }, null);
    if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
    return r.plan;
  };
  it('"kinna kharcha hoya" is a total with no subject', () => {
    const p = plan('pichhle mahine kinna kharcha hoya?');
    expect(p.op).toBe('sum');
    expect(p.periods.map((x) => [x.from, x.to])).toEqual([['2026-11-01', '2026-11-30']]);
    expect(p.filters.subjects).toEqual([]);
  });
  it('"X te Y ch kinne lagge" is the total of X in Y', () => {
    const p = plan('chaah te october ch kinne lagge');
    expect(p.op).toBe('sum');
    expect(p.periods.map((x) => [x.from, x.to])).toEqual([['2026-10-01', '2026-10-31']]);
    expect(p.filters.subjects).toEqual(['chaah']);
  });
  it('"ton" after a month opens the period up to today', () => {
    const p = plan('august ton mithai te kinna gaya');
    expect(p.periods.map((x) => [x.from, x.to])).toEqual([['2026-08-01', '2026-12-09']]);
    expect(p.filters.subjects).toEqual(['mithai']);
  });
  it('"kinni vaari" counts', () => {
    const p = plan('october ch kulfi kinni vaari khadhi');
    expect(p.op).toBe('count');
    expect(p.filters.subjects).toEqual(['kulfi']);
  });
  it('"sab ton mehnge" ranks, the number before it is how many', () => {
    const p = plan('november ch kapdeyan de 2 sab ton mehnge kharche');
    expect(p.op).toBe('top');
    expect(p.limit).toBe(2);
  });
  it('"roz da average" is a daily average, "ik vaari ch" one per occasion', () => {
    expect(plan('october ch roz da average kharcha kinna?').averagePer).toBe('day');
    expect(plan('ik vaari ch average kinne da diesel pwaunda?').averagePer).toBe('expense');
  });
  it('"ki ki" and "kad kad" list', () => {
    expect(plan('mithai ch ki ki khadha').op).toBe('list');
    expect(plan('october ch scorpio ch diesel kad kad pwaya').op).toBe('list');
  });
  it('"dasso" (tell) does not turn a total into a list, nor name a subject', () => {
    const p = plan('is mahine kinna kharcha hoya dasso');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual([]);
  });
  it('a food word of Punjabi ("khaan peen") names the food category', () => {
    expect(plan('khaan peen te november ch kinna gaya').filters.categories.map((c) => c.primary)).toEqual(['food']);
  });
  it('"kinne dollar" with a place abroad asks about that place\'s dollars; a written code beats the family word', () => {
    expect(plan('australia ch kinne dollar kharche').filters.currency).toBe('AUD');
    expect(plan('kinne dollar gaye? SGD ch dasso').filters.currency).toBe('SGD');
    expect(plan('how many dollars did i spend in canada').filters.currency).toBe('CAD');
  });
});

describe('Punjabi words stay out of other owners\' packs', () => {
  it('"ton", "ch", "te" and "kinna" are no Punjabi words to an American or British owner', () => {
    for (const ctx of [US, GB]) {
      const lc = languageContext({ now: ctx.now, timeZone: ctx.settings.timeZone, currency: ctx.settings.currency, locale: ctx.settings.locale });
      const tags = analyze('a ton te ch kinna nu', lc).tags.filter((g) => g.entry.lang === 'pa');
      expect(tags).toEqual([]);
    }
    expect(one('a ton of mulch 45', US).item).toContain('mulch');
  });
  it('"dollar" alone still means US dollars to an Indian owner', () => {
    const r = planWith('how much in dollars', { owner: 'me', now: IN.now, settings: IN.settings }, null);
    expect(r.kind === 'plan' && r.plan.filters.currency).toBe('USD');
  });
});
