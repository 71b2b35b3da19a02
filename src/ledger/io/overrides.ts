/**
 * @module ledger/io/overrides
 * What the owner taught munshi ("that was groceries" remembered for an item or shop) as lines of a
 * JSON-lines export, so moving a ledger to another box keeps its corrections:
 * {"kind":"override","key":"maggi","category":"shopping"}, and as CSV rows after the expenses with
 * the same three columns filled (`kind`, `key`, `category`). Expense records carry no `kind`, so an
 * importer tells the two apart. Pure.
 */
import { parseCategoryPath } from '../../categories/taxonomy.js';
import { overrideKey, type CategoryOverride } from '../../categories/overrides.js';

export const OVERRIDE_KIND = 'override';

export interface OverrideRecord {
  kind: typeof OVERRIDE_KIND;
  key: string;
  /** "primary" or "primary/detail": the level the owner named. */
  category: string;
}

export function overrideToRecord(o: CategoryOverride): OverrideRecord {
  return { kind: OVERRIDE_KIND, key: o.key, category: o.detail ? `${o.category}/${o.detail}` : o.category };
}

/** Whether a parsed line is an override rather than an expense. */
export function isOverrideRecord(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === OVERRIDE_KIND;
}

/**
 * Validates an override line into what the preferences store takes.
 * e.g. recordToOverride({ kind: 'override', key: 'Maggi', category: 'shopping' }) → { ok: true, override: { key: 'maggi', category: 'shopping', detail: null } }
 */
export function recordToOverride(raw: unknown): { ok: true; override: CategoryOverride } | { ok: false; error: string } {
  const r = raw as { key?: unknown; category?: unknown };
  const key = typeof r.key === 'string' ? overrideKey(r.key.slice(0, 200)) : '';
  if (!key) return { ok: false, error: 'override: key must be a non-empty text' };
  const cat = typeof r.category === 'string' ? parseCategoryPath(r.category) : null;
  if (!cat) return { ok: false, error: 'override: category must be a known "primary" or "primary/detail"' };
  // A detail the taxonomy does not know would silently widen to the primary: refuse it instead.
  if (typeof r.category === 'string' && r.category.includes('/') && !cat.detail) return { ok: false, error: `override: unknown detail in "${r.category}"` };
  return { ok: true, override: { key, category: cat.primary, detail: cat.detail } };
}

/** An owner's overrides as records, sorted by key so an export is stable. */
export function overrideRecords(overrides: Iterable<CategoryOverride>): OverrideRecord[] {
  return [...overrides].sort((a, b) => a.key.localeCompare(b.key)).map(overrideToRecord);
}

/** The JSON lines of an owner's overrides, sorted by key so an export is stable. */
export function overrideLines(overrides: Iterable<CategoryOverride>): string[] {
  return overrideRecords(overrides).map((o) => JSON.stringify(o));
}
