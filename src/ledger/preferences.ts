/**
 * @module ledger/preferences
 * What the user taught munshi: category corrections per item or merchant, and per-owner settings.
 */
import type { Primary } from '../categories/taxonomy.js';
import type { Db } from './expenses.js';

export interface CategoryOverride {
  key: string;
  category: Primary;
  detail: string | null;
}

/** Normalizes an item or merchant into the key a correction is remembered under. */
export function overrideKey(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export async function setOverride(db: Db, owner: string, text: string, category: Primary, detail: string | null, now: string): Promise<void> {
  const key = overrideKey(text);
  if (!key) return;
  await db
    .insertInto('category_overrides')
    .values({ owner, key, category, detail, updated_at: now })
    .onConflict((oc) => oc.columns(['owner', 'key']).doUpdateSet({ category, detail, updated_at: now }))
    .execute();
}

/** All corrections of an owner, keyed by normalized text (small: loaded per message). */
export async function loadOverrides(db: Db, owner: string): Promise<Map<string, CategoryOverride>> {
  const rows = await db.selectFrom('category_overrides').selectAll().where('owner', '=', owner).execute();
  return new Map(rows.map((r) => [r.key, { key: r.key, category: r.category as Primary, detail: r.detail }]));
}

export async function getSettings(db: Db, owner: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('owner', '=', owner).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function setSetting(db: Db, owner: string, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ owner, key, value })
    .onConflict((oc) => oc.columns(['owner', 'key']).doUpdateSet({ value }))
    .execute();
}
