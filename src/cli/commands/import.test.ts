/**
 * How `import` files rows that carry no category: with the words of the owner's region (saved
 * settings first, else the row's own currency), not the default pack's.
 */
import { describe, expect, it } from 'vitest';
import { recordToDraft } from '../../ledger/io/records.js';
import { importCategorizer } from './import.js';

const row = (currency: string, item: string, category?: string) => ({ date: '2026-03-01', amount: 40, currency, item, category });

describe('import files uncategorised rows in the owner’s region', () => {
  it('by the row’s currency when the owner saved no settings: gas is fuel in dollars, the gas bill in pounds', () => {
    const cat = importCategorizer(new Map(), {});
    const usd = recordToDraft(row('USD', 'gas'), cat);
    const gbp = recordToDraft(row('GBP', 'gas'), cat);
    expect(usd.ok && [usd.draft.category, usd.draft.detail]).toEqual(['transport', 'fuel']);
    expect(gbp.ok && gbp.draft.category).toBe('utilities');
    const toll = recordToDraft(row('USD', 'ez pass'), cat);
    expect(toll.ok && toll.draft.detail).toBe('tolls');
  });

  it('by the owner’s saved currency over a row from a trip', () => {
    const cat = importCategorizer(new Map(), { currency: 'USD', timeZone: 'America/Chicago' });
    const gbp = recordToDraft(row('GBP', 'gas'), cat);
    expect(gbp.ok && gbp.draft.category).toBe('transport');
  });

  it('a given primary learns its detail in the same region', () => {
    const cat = importCategorizer(new Map(), {});
    const r = recordToDraft(row('USD', 'gas', 'transport'), cat);
    expect(r.ok && r.draft.detail).toBe('fuel');
  });
});
