/**
 * Phrasing tests that keep a reader's known gaps visible without turning the suite red: `it` as
 * vitest's, except that a test whose title is in `gaps` runs as `it.fails` (it must still fail).
 * When the reader learns the case, the test fails with "expected to fail" and its title comes off
 * the list. Titles are vitest's, printf-formatted for `it.each` rows (%s, %d, %j, %i).
 */
import { it as vit } from 'vitest';

type Fn = () => void | Promise<void>;
/** Typed as vitest's `it.each` (rows of tuples or of single values); only (title, fn) is supported. */
type GapIt = ((name: string, fn: Fn) => void) & { each: typeof vit.each };

/** vitest's title formatting: placeholders take the row's values in order, extra values are dropped. */
function format(name: string, ...args: unknown[]): string {
  let k = 0;
  return name.replace(/%[sdifjo%]/g, (p) => {
    if (p === '%%') return '%';
    const v = args[k++];
    return p === '%j' || p === '%o' ? JSON.stringify(v) : String(v);
  });
}

export function gapAware(gaps: readonly string[]): GapIt {
  const known = new Set(gaps);
  const seen = new Set<string>();
  const one = (name: string, fn: Fn): void => {
    seen.add(name);
    (known.has(name) ? vit.fails : vit)(name, fn);
  };
  const each = (rows: readonly unknown[]) => (name: string, fn: (...args: never[]) => void | Promise<void>): void => {
    for (const row of rows) {
      const args = (Array.isArray(row) ? row : [row]) as never[];
      one(format(name, ...args), () => fn(...args));
    }
  };
  // A gap title that names no test is a typo or a renamed test: say so instead of hiding it.
  vit('every known gap names a test of this file', () => {
    const stray = [...known].filter((g) => !seen.has(g));
    if (stray.length) throw new Error(`gaps naming no test: ${JSON.stringify(stray)}`);
  });
  return Object.assign(one, { each }) as unknown as GapIt;
}
