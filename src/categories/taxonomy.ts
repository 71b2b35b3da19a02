/**
 * @module categories/taxonomy
 * The two-level category taxonomy. Primary slugs are fixed (the evaluation and every stored row
 * use them); details are munshi's own finer level ("food/coffee", "transport/fuel").
 */

import { PRIMARIES, type Primary } from '../core/primaries.js';

// The primary slugs are core domain types (core/primaries); re-exported for the modules that read them here.
export { PRIMARIES, type Primary };

export interface DetailDef {
  slug: string;
  label: string;
}

export interface PrimaryDef {
  slug: Primary;
  label: string;
  emoji: string;
  details: DetailDef[];
}

const d = (slug: string, label: string): DetailDef => ({ slug, label });

/** The taxonomy as data. Detail slugs are unique within their primary. */
export const TAXONOMY: readonly PrimaryDef[] = [
  { slug: 'food', label: 'Food', emoji: '🍽️', details: [
    d('groceries', 'Groceries'), d('restaurant', 'Restaurants'), d('coffee', 'Coffee'), d('tea', 'Tea'),
    d('snacks', 'Snacks'), d('soft_drinks', 'Soft drinks'), d('alcohol', 'Alcohol'),
    d('delivery', 'Food delivery'), d('sweets', 'Sweets & desserts'), d('fruits', 'Fruit & juice'),
    d('meals', 'Meals'), d('bars', 'Bars & pubs'),
  ] },
  { slug: 'transport', label: 'Transport', emoji: '🚕', details: [
    d('fuel', 'Fuel'), d('taxi', 'Taxi & auto'), d('commute', 'Bus, metro & local train'),
    d('parking', 'Parking'), d('tolls', 'Tolls'), d('vehicle', 'Vehicle service & repair'),
  ] },
  { slug: 'shopping', label: 'Shopping', emoji: '🛍️', details: [
    d('clothes', 'Clothes & shoes'), d('electronics', 'Electronics'), d('household', 'Household goods'),
    d('online', 'Online shopping'), d('books', 'Books & stationery'), d('sports', 'Sports & fitness gear'),
  ] },
  { slug: 'housing', label: 'Housing', emoji: '🏠', details: [
    d('rent', 'Rent'), d('maintenance', 'Maintenance'), d('furniture', 'Furniture'), d('repairs', 'Repairs'),
    d('help', 'Household help'),
  ] },
  { slug: 'utilities', label: 'Utilities', emoji: '💡', details: [
    d('electricity', 'Electricity'), d('water', 'Water'), d('gas', 'Cooking gas'), d('internet', 'Internet'),
    d('mobile', 'Mobile & phone'), d('dth', 'TV & DTH'),
  ] },
  { slug: 'health', label: 'Health', emoji: '💊', details: [
    d('pharmacy', 'Pharmacy'), d('doctor', 'Doctor'), d('hospital', 'Hospital'), d('lab', 'Lab tests'),
    d('gym', 'Gym & fitness'), d('insurance', 'Health insurance'),
  ] },
  { slug: 'entertainment', label: 'Entertainment', emoji: '🎬', details: [
    d('movies', 'Movies'), d('streaming', 'Streaming'), d('concerts', 'Concerts & shows'), d('games', 'Games'),
    d('events', 'Events & outings'),
  ] },
  { slug: 'travel', label: 'Travel', emoji: '✈️', details: [
    d('flights', 'Flights'), d('hotels', 'Hotels'), d('trains', 'Long-distance trains'), d('buses', 'Long-distance buses'),
    d('trips', 'Trips & sightseeing'),
  ] },
  { slug: 'education', label: 'Education', emoji: '🎓', details: [
    d('fees', 'School & college fees'), d('courses', 'Courses & classes'), d('supplies', 'School supplies'),
  ] },
  { slug: 'personal_care', label: 'Personal care', emoji: '💇', details: [
    d('salon', 'Salon & grooming'), d('cosmetics', 'Cosmetics & toiletries'), d('spa', 'Spa & massage'),
  ] },
  { slug: 'gifts', label: 'Gifts', emoji: '🎁', details: [d('gifts', 'Gifts'), d('donations', 'Donations')] },
  { slug: 'fees', label: 'Fees', emoji: '🧾', details: [
    d('bank', 'Bank charges'), d('taxes', 'Taxes'), d('fines', 'Fines & penalties'), d('insurance', 'Insurance'),
  ] },
  { slug: 'other', label: 'Other', emoji: '📦', details: [d('tobacco', 'Tobacco & smoking')] },
];

const BY_SLUG = new Map(TAXONOMY.map((p) => [p.slug, p]));

export function isPrimary(s: string): s is Primary {
  return BY_SLUG.has(s as Primary);
}

export function isDetailOf(primary: Primary, detail: string): boolean {
  return BY_SLUG.get(primary)!.details.some((x) => x.slug === detail);
}

/** "Food › Coffee" for replies. e.g. categoryLabel('food','coffee') === 'Food › Coffee' */
export function categoryLabel(primary: Primary, detail: string | null): string {
  const p = BY_SLUG.get(primary)!;
  const det = detail ? p.details.find((x) => x.slug === detail) : undefined;
  return det ? `${p.label} › ${det.label}` : p.label;
}

export function primaryDef(primary: Primary): PrimaryDef {
  return BY_SLUG.get(primary)!;
}

/** Parses "food/coffee" or "food" into a category; null when the primary is unknown. */
export function parseCategoryPath(s: string): { primary: Primary; detail: string | null } | null {
  const [p, det] = s.trim().toLowerCase().split('/');
  if (!p || !isPrimary(p)) return null;
  return { primary: p, detail: det && isDetailOf(p, det) ? det : null };
}
