import { describe, expect, it } from 'vitest';
import { mayMatch, needsOf, phrasings } from './phrasings.js';

describe('phrasings: the words a pattern cannot match without', () => {
  it('are its top-level words and the first words of its choices; optional parts and slots need nothing', () => {
    expect(needsOf('{p} owes me {a}')).toEqual([['owes'], ['me']]);
    expect(needsOf('{p} (paid|gave|sent) [me] back {a}')).toEqual([['paid', 'gave', 'sent'], ['back']]);
    expect(needsOf('(how much|what) (am i|i am) owed')).toEqual([['how', 'what'], ['am', 'i'], ['owed']]);
    // A choice with an alternative that starts with an optional part or a slot says nothing.
    expect(needsOf('([the] bill|{p}) paid')).toEqual([['paid']]);
  });

  it('never turn away a skeleton a pattern matches', () => {
    const cases: [string, string][] = [
      ['{p} owes me {a}', ' ramesh owes me #0 '],
      ['(lent|loaned|lend|loan|advanced) {a} to {p}', ' lent #0 to sunita '],
      ['(50 / 50|50 - 50|fifty fifty|aadha aadha)', ' dinner #0 fifty fifty '],
      ['(how much|what) do i owe {p}', ' how much do i owe rahul '],
    ];
    for (const [pattern, text] of cases) {
      const p = phrasings().find((x) => x.pattern === pattern)!;
      expect(p, pattern).toBeDefined();
      expect(p.scan.test(text), pattern).toBe(true);
      p.scan.lastIndex = 0;
      expect(mayMatch(p, text), pattern).toBe(true);
    }
    const owes = phrasings().find((x) => x.pattern === '{p} owes me {a}')!;
    expect(mayMatch(owes, ' chai #0 ')).toBe(false);
  });
});
