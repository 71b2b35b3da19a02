import { describe, expect, it } from 'vitest';
import { isOverrideRecord, overrideLines, recordToOverride } from './overrides.js';

describe('overrides as export lines', () => {
  it('round-trips at the level the owner named', () => {
    const lines = overrideLines([
      { key: 'maggi', category: 'shopping', detail: null },
      { key: 'red bull', category: 'food', detail: 'snacks' },
    ]);
    expect(lines).toEqual(['{"kind":"override","key":"maggi","category":"shopping"}', '{"kind":"override","key":"red bull","category":"food/snacks"}']);
    const back = lines.map((l) => JSON.parse(l)).map((r) => (isOverrideRecord(r) ? recordToOverride(r) : null));
    expect(back).toEqual([
      { ok: true, override: { key: 'maggi', category: 'shopping', detail: null } },
      { ok: true, override: { key: 'red bull', category: 'food', detail: 'snacks' } },
    ]);
  });

  it('tells expense records apart and refuses what it cannot use', () => {
    expect(isOverrideRecord({ date: '2026-01-01', amount: 20 })).toBe(false);
    expect(isOverrideRecord(null)).toBe(false);
    expect(recordToOverride({ kind: 'override', key: '  ', category: 'food' })).toMatchObject({ ok: false });
    expect(recordToOverride({ kind: 'override', key: 'x', category: 'spaceships' })).toMatchObject({ ok: false });
    expect(recordToOverride({ kind: 'override', key: 'x', category: 'food/spaceships' })).toMatchObject({ ok: false });
    expect(recordToOverride({ kind: 'override', key: 'Café Coffee-Day', category: 'food/coffee' })).toEqual({ ok: true, override: { key: 'cafe coffee day', category: 'food', detail: 'coffee' } });
  });
});
