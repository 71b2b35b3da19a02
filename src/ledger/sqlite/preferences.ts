/**
 * @module ledger/sqlite/preferences
 * Category corrections and per-owner settings in SQLite.
 */
import type { Primary } from '../../core/primaries.js';
import { overrideKey, type PreferenceRepository } from '../preferences.js';
import type { SqliteStore } from './open.js';

export function sqlitePreferences(store: SqliteStore): PreferenceRepository {
  const { db } = store;
  return {
    async settings(owner) {
      const rows = await db.selectFrom('settings').select(['key', 'value']).where('owner', '=', owner).execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async setSetting(owner, key, value) {
      await store.write((trx) =>
        trx.insertInto('settings').values({ owner, key, value }).onConflict((oc) => oc.columns(['owner', 'key']).doUpdateSet({ value })).execute(),
      );
    },
    async overrides(owner) {
      const rows = await db.selectFrom('category_overrides').selectAll().where('owner', '=', owner).execute();
      return new Map(rows.map((r) => [r.key, { key: r.key, category: r.category as Primary, detail: r.detail }]));
    },
    async setOverride(owner, text, category, detail, now) {
      const key = overrideKey(text);
      if (!key) return;
      await store.write((trx) =>
        trx
          .insertInto('category_overrides')
          .values({ owner, key, category, detail, updated_at: now })
          .onConflict((oc) => oc.columns(['owner', 'key']).doUpdateSet({ category, detail, updated_at: now }))
          .execute(),
      );
    },
  };
}
