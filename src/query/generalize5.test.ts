import { describe, expect, it } from 'vitest';
import { planOf, planQuestion } from '../../test/support/plan.js';

// Phrasings of the general causes the round-4 Kolkata, Pune, Columbus and Bay Area sets exposed
// (Bengali and Marathi question words, counts written as words, a currency word read by its
// regional row, occasions of a named shop, names written with glue words, glue that is a thing in
// another language, category and examples joined). None of them is a line of those sets.
// Reference day: Thursday 2026-01-15, Kolkata, INR.

describe('Bengali question words', () => {
  it('"sobcheye dami N ta" ranks the most expensive', () => {
    const p = planOf('gato mashe sobcheye dami 2 ta khoroch');
    expect(p).toMatchObject({ op: 'top', limit: 2, order: 'largest' });
    expect(p.periods[0]).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('"dekhao" lists, classifiers and "ate/bought" are glue', () => {
    const p = planOf('ei saptahe ki ki kinlam dekhao');
    expect(['list', 'kinds']).toContain(p.op);
    expect(p.filters.subjects).toEqual([]);
    expect(p.periods[0]).toMatchObject({ from: '2026-01-12', to: '2026-01-15' });
  });
  it('"protidin gore" is an average per day', () => {
    expect(planOf('ei mashe protidin gore koto khoroch hochhe')).toMatchObject({ op: 'average', averagePer: 'day' });
  });
  it('"koto baar" counts', () => {
    expect(planOf('ei mashe koto baar dim kinechi')).toMatchObject({ op: 'count', filters: { subjects: ['dim'] } });
  });
  it('"ekhon obdi" is all time and "taka" is the owner\'s rupees, not Bangladeshi taka', () => {
    const p = planOf('chicken ar mutton e ekhon obdi koto taka gelo');
    expect(p.op).toBe('sum');
    expect(p.periods).toEqual([]);
    expect(p.filters.currency === null || p.filters.currency === 'INR').toBe(true);
    expect(p.filters.subjects).toEqual(['chicken', 'mutton']);
  });
  it('"kon ta beshi" with "vs" compares two sides', () => {
    const p = planOf('ola vs uber, kon ta beshi ei mashe');
    expect(p.op).toBe('compare');
    expect(p.versus.map((v) => v.subjects)).toEqual([['ola'], ['uber']]);
  });
});

describe('Marathi question words', () => {
  it('"saglyat mahag N goshti dakhav" ranks', () => {
    const p = planOf('magchya mahinyat saglyat mahag 2 goshti dakhav');
    expect(p).toMatchObject({ op: 'top', limit: 2 });
    expect(p.periods[0]).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('"roj sarasari" is an average per day', () => {
    expect(planOf('ya aathavdyat roj sarasari kiti kharch zala')).toMatchObject({ op: 'average', averagePer: 'day', filters: { subjects: [] } });
  });
  it('"ha mahina vs magcha mahina" compares this month with the last', () => {
    const p = planOf('ha mahina vs magcha mahina, kiti?');
    expect(p.op).toBe('compare');
    expect(p.periods.map((x) => x.from)).toEqual(['2026-01-01', '2025-12-01']);
  });
  it('"kiti rupaye kharch kele" asks a sum in rupees about the thing only', () => {
    const p = planOf('bhaji var kiti rupaye kharch kele');
    expect(p.op).toBe('sum');
    expect(p.filters.subjects).toEqual(['bhaji']);
    expect(p.filters.currency === null || p.filters.currency === 'INR').toBe(true);
  });
  it('"sagle orders dakhav" after a shop lists that shop, not orders of anything', () => {
    expect(planOf('amazon madhle sagle orders dakhav')).toMatchObject({ op: 'list', filters: { subjects: ['amazon'], categories: [] } });
  });
});

describe('counts written as words', () => {
  it.each([
    ['my four priciest purchases last month', 4],
    ['top three swiggy orders', 3],
    ['two cheapest cab rides in december', 2],
  ])('%s', (q, n) => {
    expect(planOf(q)).toMatchObject({ op: 'top', limit: n });
  });
  it('"a" is no count', () => {
    expect(planOf('what was a biggest expense in december').limit).toBe(1);
  });
});

describe('names written with glue words', () => {
  it('a concept alias with "out" or "for the" inside is one subject', () => {
    expect(planOf('priciest meals out in december').filters.subjects).toEqual(['meals out']);
    expect(planOf('gas for the car in december?').filters.subjects).toEqual(['gas for the car']);
  });
  it('an alias ending in a trimmed word still names the category', () => {
    expect(planOf('housing costs in december').filters).toMatchObject({ categories: [{ primary: 'housing' }], subjects: [] });
  });
});

describe('which of two, averaged, joined lists', () => {
  it('"X or Y, which did I spend more at" compares', () => {
    const p = planOf('starbucks or chaayos, which did i spend more at');
    expect(p.op).toBe('compare');
    expect(p.versus).toHaveLength(2);
  });
  it('"what has X averaged" is an average per bill', () => {
    expect(planOf('what has my phone bill averaged')).toMatchObject({ op: 'average', averagePer: 'expense' });
  });
  it('a category and a name joined by "and" are both wanted', () => {
    const p = planOf('shopping and amazon this month');
    expect(p.filters).toMatchObject({ categories: [{ primary: 'shopping' }], subjects: ['amazon'], examples: true });
  });
  it('three known names in a row are a list of them', () => {
    expect(planOf('zomato swiggy dominos total this month').filters.subjects).toEqual(['zomato', 'swiggy', 'dominos']);
  });
  it('two names in a row stay one phrase', () => {
    expect(planOf('coffee beans this month').filters.subjects).toEqual(['coffee beans']);
  });
});

describe('glue in one language, a thing in another', () => {
  it('with nothing else asked about, Bengali "cha" (tea) is the thing', () => {
    expect(planOf('ei mashe koto baar cha khelam').filters.subjects).toEqual(['cha']);
  });
  it('after a period it stays Marathi "of"', () => {
    expect(planOf('magchya aathavdya cha total kiti').filters.subjects).toEqual([]);
  });
});

describe('a place abroad alone is a question', () => {
  it('"singapore e ki ki kheyechi" asks about the Singapore dollar rows', () => {
    const r = planQuestion('singapore e ki ki kheyechi');
    expect(r.kind).toBe('plan');
    if (r.kind === 'plan') expect(r.plan.filters).toMatchObject({ currency: 'SGD', place: 'singapore', subjects: [] });
  });
});

describe('a thing said to be part of what is asked', () => {
  it('beside a shop it is counted already ("X included")', () => {
    expect(planOf('what went at dmart, vegetables included').filters).toMatchObject({ subjects: ['dmart'], categories: [] });
  });
  it('beside a category alone it is counted with it ("counting the X")', () => {
    expect(planOf('transport in december, counting the metro card').filters).toMatchObject({ categories: [{ primary: 'transport' }], subjects: ['metro card'], examples: true });
  });
  it('"plus" still adds a second thing', () => {
    expect(planOf('uber plus rapido this month').filters.subjects).toEqual(['uber', 'rapido']);
  });
  it('a place abroad beside an unknown word is still no question about spending', () => {
    expect(planQuestion('what is the capital of thailand?').kind).toBe('none');
  });
});

describe('"the week before", "the month before" beside a stretch', () => {
  it('is the same unit just before it', () => {
    const m = planOf('spend this month vs the month before');
    expect(m.op).toBe('compare');
    expect(m.periods.map((p) => [p.from, p.to])).toEqual([['2026-01-01', '2026-01-15'], ['2025-12-01', '2025-12-31']]);
    const w = planOf('groceries last week or the week before?');
    expect(w.op).toBe('compare');
    expect(w.periods.map((p) => [p.from, p.to])).toEqual([['2026-01-05', '2026-01-11'], ['2025-12-29', '2026-01-04']]);
  });
});

describe('the words of a period do not join the names around it', () => {
  it('"X in december - A and B" lists A and B beside X', () => {
    const p = planOf('phone bills in december - airtel and jio together?');
    expect(p.filters.within).toEqual([]);
    expect(p.filters.subjects).toEqual(expect.arrayContaining(['airtel', 'jio']));
  });
  it('"at" still narrows', () => {
    expect(planOf('coffee at starbucks in december').filters).toMatchObject({ subjects: ['coffee'], within: ['starbucks'] });
  });
});

describe('"top ups" is an occasion, not "top"', () => {
  it('sums the top ups', () => {
    expect(planOf('how much have the fastag top ups come to since december')).toMatchObject({ op: 'sum', limit: null });
  });
});

describe('"everything" after a question about one thing', () => {
  it('asks about every expense of the new period', () => {
    const prev = planOf('swiggy this month');
    const p = planOf('everything from last week pls', prev);
    expect(p.filters.subjects).toEqual([]);
    expect(p.periods[0]).toMatchObject({ from: '2026-01-05', to: '2026-01-11' });
  });
  it('a bare new period still follows up', () => {
    const prev = planOf('swiggy this month');
    expect(planOf('and last week?', prev).filters.subjects).toEqual(['swiggy']);
  });
});

describe('a place word far before a list', () => {
  it('"spent on - A, B etc" lists them beside the category', () => {
    const p = planOf('what medical stuff have we spent on - doctor, medicines etc');
    expect(p.filters.within).toEqual([]);
    expect(p.filters.subjects).toEqual(['doctor', 'medicines']);
  });
});

describe('concept rows', () => {
  it('fast food knows the big chains; coffee drinks are coffee', async () => {
    const { defaultConcepts } = await import('./concepts.js');
    expect(defaultConcepts(['US']).resolve('fast food')!.merchants).toEqual(expect.arrayContaining(["Arby's", 'In-N-Out']));
    expect(defaultConcepts(['US']).resolve('coffee drinks')!.label).toBe('coffee');
  });
});
