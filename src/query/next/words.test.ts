import { describe, expect, it } from 'vitest';
import { categoryNamed, categoriesFor } from '../../categories/index.js';
import { contextFromSettings } from '../../language/context.js';
import { defaultConcepts, isConceptName } from '../concepts.js';
import { planNext } from './plan.js';

// Question words met in the round-3 sets, each checked here in other sentences than the sets'.
const plan = (q: string, locale = 'en-IN', currency = 'INR', timeZone = 'Asia/Kolkata') => {
  const language = contextFromSettings(new Date('2026-11-20T12:00:00Z'), { timeZone, currency, locale, dayFirst: true, weekStartsOn: 1 }, true);
  const cats = categoriesFor(language.pack.regions);
  const r = planNext(q, {
    language, categoryNamed, isThing: cats.isKnownWord,
    isTerm: (p) => cats.findKnownTerms(p.split(' ')).length > 0,
    isName: (p) => { const w = p.split(' '); return cats.findKnownTerms(w).some((k) => k.start === 0 && k.end === w.length) || isConceptName(p); },
  });
  if (r.kind !== 'plan') throw new Error(`${q}: ${JSON.stringify(r)}`);
  return r.plan;
};

describe('Hindi verbs of money going out', () => {
  it('ask for a total and are no subject', () => {
    const p = plan('petrol pe kitne nikle is mahine');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
    expect(plan('gutkha mein kitna phoonk diya').filters.subjects).toEqual(['gutkha']);
  });
  it('"sabse mehenge" ranks by amount', () => {
    const p = plan('is saal ki sabse mehengi 2 payments');
    expect(p.op).toBe('top');
    expect(p.limit).toBe(2);
    expect(p.filters.subjects).toEqual([]);
  });
  it('"chal raha" asks nothing', () => {
    expect(plan('is hafte ka kharcha kya chal raha hai').filters.subjects).toEqual([]);
  });
});

describe('"what\'d"', () => {
  it('is a question word', () => {
    const p = plan("what'd I drop last weekend", 'en-US', 'USD', 'America/Chicago');
    expect(p.filters.subjects).toEqual([]);
  });
});

describe('everyday names of what is asked about', () => {
  it('reach their concept or category', () => {
    expect(defaultConcepts(['GB']).resolve('bevvy')?.label).toBe('alcohol');
    expect(defaultConcepts(['AU']).resolve('grog')?.label).toBe('alcohol');
    expect(defaultConcepts(['IN']).resolve('dawaiyan')?.label).toBe('medicine');
    expect(categoryNamed('padhaai')).toEqual({ primary: 'education', detail: null });
    expect(defaultConcepts(['US']).resolve('tag renewal')?.label).toBe('vehicle');
  });
});

describe('a second phrase that only says what the first was for or what was done to it', () => {
  it('"for the X" narrows, it does not add X', () => {
    const p = plan('how much diesel for the truck last month', 'en-AU', 'AUD', 'Australia/Sydney');
    expect(p.filters.subjects).toEqual(['diesel']);
    expect(p.filters.within).toEqual(['truck']);
    // Only right before the phrase: a period in between leaves a list of shops a list.
    expect(plan('grocery total for may? woolies, coles etc', 'en-AU', 'AUD', 'Australia/Sydney').filters.within).toEqual([]);
  });
  it('a verb that is also an occasion ("recharge", "order") beside a subject is no second thing', () => {
    expect(plan('airtel ka recharge kitne ka hua sep mein').filters.subjects).toEqual(['airtel']);
    expect(plan('recharge pe kitna gaya').filters.subjects).toEqual(['recharge']);
  });
});

describe('a verb phrase that is the everyday name of what is asked about', () => {
  it('"fill-ups" is fuel asked about; before a thing it is only the verb', () => {
    expect(plan('most expensive fill-up this year', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['fill up']);
    expect(plan('how many fill ups since march', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['fill ups']);
    expect(plan('how often did we fill up diesel last week', 'en-AU', 'AUD', 'Australia/Sydney').filters.subjects).toEqual(['diesel']);
  });
});

describe('two category names joined by "&"', () => {
  it('mean either of them when together they name nothing', () => {
    const p = plan('show rent & repairs since june', 'en-AU', 'AUD', 'Australia/Sydney');
    expect(p.filters.subjects.length + p.filters.categories.length).toBe(2);
    expect(plan('how much at marks & spencer', 'en-GB', 'GBP', 'Europe/London').filters.subjects).toEqual(['marks spencer']);
  });
});

describe('Marathi and Bengali question words (round-4 sets, other sentences)', () => {
  it('Marathi: "magchya aathavdyat petrol var kiti gele"', () => {
    const p = plan('magchya aathavdyat petrol var kiti gele');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
    expect(p.periods[0]!.from).toBe('2026-11-09');
    expect(p.periodAssumed).toBe(false);
  });
  it('Marathi: "october pasun saglyat mothe 3 kharche" ranks since October', () => {
    const p = plan('october pasun saglyat mothe 3 kharche');
    expect(p.op).toBe('top');
    expect(p.limit).toBe(3);
    expect(p.periods[0]!.from).toBe('2026-10-01');
  });
  it('Bengali: "gato mashe bajar e koto khoroch holo"', () => {
    const p = plan('gato mashe bajar e koto khoroch holo');
    expect(p.op).toBe('sum');
    expect(p.periods[0]!.from).toBe('2026-10-01');
    expect(p.periodAssumed).toBe(false);
  });
});

describe('Gujarati question words, glue and periods (round-5 Mumbai set, other sentences)', () => {
  it('"ketlu" asks a total and is never a subject the speller turns into "katla"', () => {
    const p = plan('aa mahine dudh par ketlu gayu');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['dudh']);
    expect(p.periods[0]).toMatchObject({ from: '2026-11-01', to: '2026-11-20' });
    expect(p.periodAssumed).toBe(false);
  });
  it('"chhella 10 divas" is the last ten days', () => {
    const p = plan('chhella 10 divas ma rickshaw par ketla vaparya');
    expect(p.filters.subjects).toEqual(['rickshaw']);
    expect(p.periods[0]).toMatchObject({ to: '2026-11-20' });
    expect(p.periods[0]!.from).toMatch(/^2026-11-1[01]$/);
  });
  it('"X thi Y sudhi" is a range, "X thi atyar sudhi" runs to today', () => {
    expect(plan('aug thi oct sudhi kapda par ketla').periods[0]).toMatchObject({ from: '2026-08-01', to: '2026-10-31' });
    expect(plan('september thi atyar sudhi doodh no kharcho').periods[0]).toMatchObject({ from: '2026-09-01', to: '2026-11-20' });
  });
  it('"ketli vaar" counts, "sauthi mota" ranks, "dekhad" lists, "sarkhamni" compares', () => {
    expect(plan('aa mahine ola ketli vaar bolavi').op).toBe('count');
    const top = plan('october na sauthi mota 4 kharcha');
    expect(top.op).toBe('top');
    expect(top.limit).toBe(4);
    expect(plan('kapda na badha kharcha dekhad').op).toBe('list');
    expect(plan('kirana kharch august ane october ni sarkhamni').op).toBe('compare');
  });
  it('"roj nu average" is a day\'s average, "mahine nu average" a month\'s', () => {
    expect(plan('october ma roj nu average ketlu').averagePer).toBe('day');
    expect(plan('mobile bill nu mahine nu average').averagePer).toBe('month');
  });
  it('"khaava pivaa" is food and "bhanai" education', () => {
    expect(plan('khaava pivaa par ketla').filters.categories.map((c) => c.primary)).toEqual(['food']);
    expect(plan('bhanai par ketlo kharch').filters.categories.map((c) => c.primary)).toEqual(['education']);
  });
  it('"dirham" (any currency family, not only four) asks about rows in that currency', () => {
    expect(plan('dirham ma shu shu lidhu').filters.currency).toBe('AED');
  });
});

describe('Telugu question words, glue and periods (round-5 Hyderabad set, other sentences)', () => {
  it('"motham entha" totals; "lo", "ki" and the verbs are glue', () => {
    const p = plan('ee nela petrol ki motham entha kattanu');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['petrol']);
    expect(p.periods[0]).toMatchObject({ from: '2026-11-01' });
  });
  it('"X nundi" is since X and "ippati varaku" till now', () => {
    expect(plan('september nundi ippati varaku auto ki entha').periods[0]).toMatchObject({ from: '2026-09-01', to: '2026-11-20' });
    expect(plan('aug nundi sept varaku kirana lo entha').periods[0]).toMatchObject({ from: '2026-08-01', to: '2026-09-30' });
  });
  it('"enni sarlu" counts, "chupinchu" and "evi evi" list, "roju ki" is a day\'s average', () => {
    expect(plan('ola enni sarlu ekkanu').op).toBe('count');
    expect(plan('bigbasket orders anni chupinchu').op).toBe('list');
    expect(plan('october lo roju ki avg entha').averagePer).toBe('day');
  });
});

describe('Scots question words, glue and ranges (round-5 Glasgow set, other sentences)', () => {
  const gb = (q: string) => plan(q, 'en-GB', 'GBP', 'Europe/London');
  it('"whit" is "what", not "white"; "tae" and "fae" are glue', () => {
    const p = gb('whit did the chippy come tae in October');
    expect(p.filters.subjects).toEqual(['chippy']);
    expect(p.periods[0]).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(gb('whit have we spent fae Boots').filters.subjects).toEqual(['boots']);
  });
  it('"fae the 3rd tae the 9th" is a range', () => {
    expect(gb('whit went oot fae the 3rd tae the 9th of November').periods[0]).toMatchObject({ from: '2026-11-03', to: '2026-11-09' });
  });
  it('"v" compares, "dearest" ranks, "thegither" totals', () => {
    expect(gb('transport October v November').op).toBe('compare');
    const top = gb('the 4 dearest things in October');
    expect(top.op).toBe('top');
    expect(top.limit).toBe(4);
    expect(gb('Tesco and Asda thegither').op).toBe('sum');
  });
  it('"the messages" is the grocery shopping, the "dug" is the dog', () => {
    expect(categoryNamed('the messages')).toEqual({ primary: 'food', detail: 'groceries' });
    expect(defaultConcepts(['GB']).resolve('the dug')?.label).toBe('pets');
    expect(defaultConcepts(['GB']).resolve('nights oot')?.label).toBe('going out');
  });
  it('a Canaries holiday is spent in euros', () => {
    expect(gb('how much did Lanzarote cost').filters.currency).toBe('EUR');
  });
});

describe('Spanish question words in Spanglish (round-5 Miami set, other sentences)', () => {
  const us = (q: string) => plan(q, 'en-US', 'USD', 'America/New_York');
  it('"cuánto" asks a total, the verbs and articles are glue', () => {
    const p = us('cuánto he gastado en la gasolinera este mes');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['gasolinera']);
    expect(p.periods[0]).toMatchObject({ from: '2026-11-01' });
  });
  it('"cuántas veces" and "cuántos" count; "cuántos dólares" is an amount', () => {
    expect(us('cuántas veces fuimos a Sedanos').op).toBe('count');
    expect(us('cuántos pastelitos compré').op).toBe('count');
    expect(us('cuántos pesos mexicanos en total').filters.currency).toBe('MXN');
  });
  it('"promedio diario" is a day\'s average, "más caros" ranks', () => {
    expect(us('promedio diario en octubre').averagePer).toBe('day');
    expect(us('los 3 más caros en octubre').op).toBe('top');
  });
  it('"not X" leaves X out', () => {
    const p = us('starbucks since june, not the mobile orders');
    expect(p.filters.subjects).toEqual(['starbucks']);
    expect(p.filters.exclude.length).toBe(1);
  });
  it('"transporte" and "comida" name their categories, "energy drinks" its own concept', () => {
    expect(categoryNamed('transporte')).toEqual({ primary: 'transport', detail: null });
    expect(categoryNamed('comida')).toEqual({ primary: 'food', detail: null });
    expect(defaultConcepts(['US']).resolve('energy drinks')?.label).toBe('energy drinks');
  });
  it('a place abroad written with its accent is still abroad', () => {
    expect(us('how much in Cancún').filters.currency).toBe('MXN');
  });
});

describe('everyday Indian names of what was paid (round-5 sets, other sentences)', () => {
  it('"chandlo" is a gift; the Telugu "pani amma" is the maid', () => {
    expect(plan('lagna ma chandlo par ketla aapya').filters.categories.map((c) => c.primary)).toEqual(['gifts']);
    const p = plan('pani amma ki ee nela entha');
    expect(p.filters.subjects).toEqual(['pani amma']);
  });
});

describe('"mahine ka" after a period word is that period\'s, not "per month"', () => {
  it('"pichle hafte ka total" is a total; "mahine ka average" still a monthly average', () => {
    expect(plan('pichle hafte ka total kitna').op).toBe('sum');
    expect(plan('is mahine ka petrol kitna').op).toBe('sum');
    const p = plan('mahine ka average bijli bill');
    expect(p.op).toBe('average');
    expect(p.averagePer).toBe('month');
  });
});

describe('Gujarati words that are glue here but look like things elsewhere', () => {
  it('"kharcho" asks about spending and "motta" is no Tamil egg', () => {
    expect(plan('aa mahine no kharcho').filters.subjects).toEqual([]);
    expect(plan('october na 2 motta kharcha').filters.subjects).toEqual([]);
  });
});

describe('Malayalam (Manglish) questions', () => {
  it('"ethra", "chilavu", "motham" ask for a total and are no subject', () => {
    const p = plan('ee aazhcha auto kku ethra chilavaayi');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['auto']);
    expect(plan('innu ethra poyi motham').filters.subjects).toEqual([]);
  });
  it('"kazhinja maasam" is last month, "muthal" since, "ithuvare" so far', () => {
    expect(plan('kazhinja maasam biryani kku ethra aayi').periods[0]).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(plan('September muthal medicine nu ethra').periods[0]).toMatchObject({ from: '2026-09-01', to: '2026-11-20' });
    expect(plan('ithuvare gym nu ethra chilavu').filters.subjects).toEqual(['gym']);
  });
  it('"ettavum valiya" ranks, "enthokke" lists, "ethra thavana" counts, weekdays are read', () => {
    const top = plan('October il ettavum valiya 4 chilavukal');
    expect(top.op).toBe('top');
    expect(top.limit).toBe(4);
    const list = plan('kazhinja velliyazhcha enthokke vaangi');
    expect(list.op).toBe('list');
    expect(list.periods[0]).toMatchObject({ from: '2026-11-13', to: '2026-11-13' });
    expect(plan('auto ethra thavana vilichu').op).toBe('count');
  });
});

const us = (q: string) => plan(q, 'en-US', 'USD', 'America/Chicago');
const gb = (q: string) => plan(q, 'en-GB', 'GBP', 'Europe/London');

describe('ranking: the count may stand before the things ranked', () => {
  it('"which three ... were the biggest", "mis 4 gastos más caros"', () => {
    expect(us('which three restaurant bills were the biggest in october').limit).toBe(3);
    expect(us('mis 4 gastos más caros de octubre').limit).toBe(4);
    // A number of days is a period, not a count.
    expect(us('biggest expense in the last 10 days').limit).toBe(1);
  });
  it('a comparative inside a ranking phrase bounds nothing', () => {
    const p = plan('ettavum kooduthal vila koodiya 4 chilavukal');
    expect(p.filters.minAmount).toBeNull();
    expect(p.limit).toBe(4);
  });
});

describe('a lone word for one occasion, with what it was for after it', () => {
  it('"the two priciest orders for pizza" asks about pizza', () => {
    const p = gb('2 dearest shops for the groceries in May');
    expect(p.filters.subjects.length + p.filters.categories.length).toBe(1);
    expect(p.filters.within).toEqual([]);
    expect(p.filters.subjects).not.toContain('shops');
  });
});

describe('an average of one thing named with "a"', () => {
  it('divides by expenses, not days', () => {
    expect(us('on average what does a haircut cost me').averagePer).toBe('expense');
    expect(gb('average price of a pint this year').averagePer).toBe('expense');
    expect(us('average a day on food').averagePer).toBe('day');
  });
});

describe('"what X did we buy" asks which ones', () => {
  it('lists; "what have X cost" and "what did we spend" still sum', () => {
    expect(us('what wine did we get last month').op).toBe('list');
    expect(gb('which crisps have we had').op).toBe('list');
    expect(us('what have diapers cost us this year').op).toBe('sum');
    expect(us('what food this month').op).toBe('sum');
  });
});

describe('a verb and its object that are one name', () => {
  it('"fill up the truck" is fuel, "fill up diesel" only the verb', () => {
    expect(us('how often did I fill up the truck in october').filters.subjects).toEqual(['fill up the truck']);
    expect(us('how many times did we fill gas this month').filters.subjects).toEqual(['fill gas']);
    expect(defaultConcepts(['US']).resolve('fill up the truck')?.label).toBe('fuel');
  });
});

describe('names that hold a member word of a concept', () => {
  it('"dr pepper" and "ice cream" are no groceries, "chicken biryani" is still meat', () => {
    const src = defaultConcepts(['US']);
    const groceries = src.resolve('groceries')!;
    const b = src.blockers!(groceries);
    expect(b).toContain('dr pepper');
    expect(b).toContain('ice cream');
    const meat = defaultConcepts(['IN']).resolve('non veg')!;
    expect(defaultConcepts(['IN']).blockers!(meat)).not.toContain('chicken biryani');
  });
  it('a kind of a drink is not the whole family: "lattes", "cutting chai"', () => {
    expect(defaultConcepts(['US']).resolve('lattes')?.label).not.toBe('coffee');
    expect(defaultConcepts(['IN']).resolve('cutting chai')?.label).not.toBe('tea');
  });
});

describe('Hinglish questions of the Indore student set, in other words', () => {
  it('"X ke baad se" is from the day after X', () => {
    const p = plan('10 oct ke baad se swiggy pe kitna gaya');
    expect(p.periods[0]).toMatchObject({ from: '2026-10-11', to: '2026-11-20' });
    expect(p.filters.subjects).toEqual(['swiggy']);
  });
  it('"ke beech" after a span of days is no subject', () => {
    const p = plan('5 se 12 nov ke beech kitna kharcha hua');
    expect(p.periods[0]).toMatchObject({ from: '2026-11-05', to: '2026-11-12' });
    expect(p.filters.subjects).toEqual([]);
  });
  it('"kisme" asks which of the things compared', () => {
    const p = plan('ola vs uber, kisme zyada gaya');
    expect(p.op).toBe('compare');
    expect(p.versus.map((v) => v.subjects)).toEqual([['ola'], ['uber']]);
  });
  it('"sabse badi" ranks, "sabse sasti" ranks the other way', () => {
    expect(plan('is mahine ki sabse badi payment kaunsi thi')).toMatchObject({ op: 'top' });
    expect(plan('sabse sasti recharge konsi thi').order).toBe('smallest');
  });
  it('"list kr" is "list kar", never Swedish kronor', () => {
    const p = plan('september ke food wale kharche list kr');
    expect(p.op).toBe('list');
    expect(p.filters.currency).toBeNull();
    expect(plan('how much in us dollars').filters.currency).toBe('USD');
  });
});

describe('fizzy drinks are the carbonated ones, jewellery is no clothes', () => {
  it('a mango drink or a lassi is no fizzy drink; a cola is', () => {
    const c = defaultConcepts(['IN']).resolve('aerated drinks')!;
    expect(c.label).toBe('fizzy drinks');
    expect(c.terms).toContain('pepsi');
    expect(c.terms).not.toContain('maaza');
    expect(c.terms).not.toContain('lassi');
    expect(defaultConcepts(['IN']).resolve('cold drinks')?.label).toBe('soft drinks');
  });
  it('clothes hold no necklace', () => {
    const c = defaultConcepts(['IN']).resolve('kapde')!;
    expect(c.terms).not.toContain('necklace');
    expect(c.terms).toContain('kurti');
  });
});
