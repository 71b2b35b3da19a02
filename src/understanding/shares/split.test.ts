import { describe, expect, it } from 'vitest';
import { ownerRemainder, splitEqual, spread } from './split.js';

describe('split arithmetic in minor units', () => {
  it('gives the payer the paisa an equal split leaves over', () => {
    expect(splitEqual(100000, 3)).toEqual([33334, 33333, 33333]);
    expect(splitEqual(100, 3)).toEqual([34, 33, 33]);
    expect(splitEqual(120000, 3)).toEqual([40000, 40000, 40000]);
    expect(splitEqual(1, 2)).toEqual([1, 0]);
  });

  it('never loses or makes a minor unit, whatever the bill and heads', () => {
    for (let total = 0; total < 2000; total += 7) {
      for (let heads = 1; heads <= 9; heads++) {
        const s = splitEqual(total, heads);
        expect(s.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...s) - Math.min(...s)).toBeLessThan(heads);
        expect(s[0]).toBe(Math.max(...s));
      }
    }
  });

  it('refuses fractions of a minor unit and empty splits', () => {
    expect(() => splitEqual(10.5, 2)).toThrow(RangeError);
    expect(() => splitEqual(100, 0)).toThrow(RangeError);
    expect(() => splitEqual(-100, 2)).toThrow(RangeError);
  });

  it('leaves the owner the bill less the parts others owe, or nothing when they reach the bill', () => {
    expect(ownerRemainder(120000, [50000])).toBe(70000);
    expect(ownerRemainder(120000, [50000, 30000])).toBe(40000);
    expect(ownerRemainder(120000, [120000])).toBeNull();
    expect(ownerRemainder(120000, [90000, 40000])).toBeNull();
  });

  it('spreads the rest of a bill over the people named', () => {
    expect(spread(110000, 2)).toEqual([55000, 55000]);
    expect(spread(100001, 2)).toEqual([50001, 50000]);
    expect(spread(500, 0)).toEqual([]);
  });
});
