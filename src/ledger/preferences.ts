/**
 * @module ledger/preferences
 * The preferences repository port: what the owner taught munshi (category corrections per item or
 * merchant) and their settings ("set currency USD"). SQLite adapter in ledger/sqlite/preferences.ts,
 * in-memory fake in ledger/memory.ts.
 */
import type { Primary } from '../core/primaries.js';
import type { CategoryOverride } from '../categories/overrides.js';

export { overrideKey, type CategoryOverride } from '../categories/overrides.js';

export interface PreferenceRepository {
  /** Everything an owner changed, as key → value ("currency" → "USD"). */
  settings(owner: string): Promise<Record<string, string>>;
  setSetting(owner: string, key: string, value: string): Promise<void>;
  /** All corrections of an owner, keyed by overrideKey (small: loaded per message). */
  overrides(owner: string): Promise<Map<string, CategoryOverride>>;
  /** Remembers "text is category/detail"; a blank key is ignored. */
  setOverride(owner: string, text: string, category: Primary, detail: string | null, now: string): Promise<void>;
}
