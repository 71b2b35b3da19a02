import { describe, expect, it } from 'vitest';
import { fewestPayments, householdNets, openSince } from './settle.js';

const net = (ps: { from: string; to: string; minor: number }[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const p of ps) {
    m.set(p.from, (m.get(p.from) ?? 0) + p.minor);
    m.set(p.to, (m.get(p.to) ?? 0) - p.minor);
  }
  return m;
};

describe('settle up', () => {
  it('clears every position with at most people − 1 payments', () => {
    const nets = [{ who: 'A', minor: 50000 }, { who: 'B', minor: -30000 }, { who: 'C', minor: -20000 }];
    const ps = fewestPayments(nets);
    expect(ps).toEqual([{ from: 'B', to: 'A', minor: 30000 }, { from: 'C', to: 'A', minor: 20000 }]);
    for (const n of nets) expect((net(ps).get(n.who) ?? 0) + n.minor).toBe(0);
  });

  it('pays matching amounts in one payment each', () => {
    const ps = fewestPayments([{ who: 'A', minor: 100 }, { who: 'B', minor: 700 }, { who: 'C', minor: -700 }, { who: 'D', minor: -100 }]);
    expect(ps).toHaveLength(2);
    expect(ps).toContainEqual({ from: 'C', to: 'B', minor: 700 });
    expect(ps).toContainEqual({ from: 'D', to: 'A', minor: 100 });
  });

  it('settles random households exactly, in integer minor units', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const people = 2 + rnd(6);
      const paid = Array.from({ length: people }, (_, k) => ({ who: `P${k}`, minor: rnd(100000) }));
      const nets = householdNets(paid);
      expect(nets.reduce((s, n) => s + n.minor, 0)).toBe(0);
      const ps = fewestPayments(nets);
      expect(ps.length).toBeLessThanOrEqual(people - 1);
      const moved = net(ps);
      for (const n of nets) expect((moved.get(n.who) ?? 0) + n.minor).toBe(0);
      for (const p of ps) expect(Number.isInteger(p.minor) && p.minor > 0).toBe(true);
    }
  });

  it('refuses positions that do not sum to zero', () => {
    expect(() => fewestPayments([{ who: 'A', minor: 1 }])).toThrow(RangeError);
  });

  it('household shares are equal; the one who paid most carries the extra paisa', () => {
    expect(householdNets([{ who: 'A', minor: 90000 }, { who: 'B', minor: 0 }, { who: 'C', minor: 30000 }])).toEqual([
      { who: 'A', minor: 50000 }, { who: 'C', minor: -10000 }, { who: 'B', minor: -40000 },
    ]);
    expect(householdNets([{ who: 'A', minor: 100 }, { who: 'B', minor: 0 }, { who: 'C', minor: 0 }]).map((n) => n.minor)).toEqual([66, -33, -33]);
  });
});

describe('since when a balance is open', () => {
  it('dates a balance from when it last left zero', () => {
    expect(openSince([{ date: '2026-03-02', amountMinor: 50000 }])).toBe('2026-03-02');
    expect(openSince([{ date: '2026-03-02', amountMinor: 50000 }, { date: '2026-03-05', amountMinor: -20000 }])).toBe('2026-03-02');
    expect(openSince([{ date: '2026-03-02', amountMinor: 50000 }, { date: '2026-03-05', amountMinor: -50000 }, { date: '2026-03-09', amountMinor: 100 }])).toBe('2026-03-09');
    expect(openSince([{ date: '2026-03-02', amountMinor: 500 }, { date: '2026-03-05', amountMinor: -800 }])).toBe('2026-03-05');
    expect(openSince([{ date: '2026-03-02', amountMinor: 500 }, { date: '2026-03-05', amountMinor: -500 }])).toBeNull();
  });
});
