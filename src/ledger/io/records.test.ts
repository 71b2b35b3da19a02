import { describe, expect, it } from 'vitest';
import { categorize } from '../../categories/index.js';
import { recordToDraft } from './records.js';

const draft = (category: string, item: string, merchant: string | null = null) => {
  const r = recordToDraft({ date: '2026-03-02', amount: 9.5, currency: 'USD', category, item, merchant }, (i) => categorize(i));
  if (!r.ok) throw new Error(r.error);
  return `${r.draft.category}/${r.draft.detail}`;
};

describe('recordToDraft: a detail in the file\'s own words', () => {
  it('reads the detail as a category name before guessing from the item', () => {
    // "chicken" alone would file these as groceries; the file says where they belong.
    expect(draft('food/fast food', 'chicken tenders')).toBe('food/meals');
    expect(draft('food/takeaway', 'fish and chips')).toBe('food/delivery');
    expect(draft('transport/transit', 'weekly pass')).toBe('transport/commute');
  });
  it('keeps a known detail and falls back to the item when the words name nothing in that primary', () => {
    expect(draft('food/coffee', 'muffin')).toBe('food/coffee');
    expect(draft('food/whatever', 'cappuccino')).toBe('food/coffee');
  });
});
