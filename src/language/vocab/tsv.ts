/**
 * @module language/vocab/tsv
 * Reads munshi's TSV data files: a header row naming the columns, then one row per line; `#` starts
 * a comment line; blank lines are skipped; cells are trimmed. Every problem is reported with the
 * file and line so someone editing a word list sees exactly what to fix.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TsvRow {
  file: string;
  line: number;
  cells: Readonly<Record<string, string>>;
}

export class VocabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VocabError';
  }
}

/** Parses TSV text; `required` columns must be present in the header. */
export function parseTsv(text: string, file: string, required: readonly string[]): TsvRow[] {
  const lines = text.split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (!header) {
      header = cells;
      for (const r of required) if (!header.includes(r)) throw new VocabError(`${file}:${line}: header lacks column "${r}" (has ${header.join(', ')})`);
      return;
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c !== '')) {
      throw new VocabError(`${file}:${line}: ${cells.length} cells but the header has ${header.length} columns (a stray tab?)`);
    }
    const rec: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((h, j) => { rec[h] = cells[j] ?? ''; });
    rows.push({ file, line, cells: rec });
  });
  if (!header) throw new VocabError(`${file}: no header row`);
  return rows;
}

/** Every `.tsv` file directly in `dir`, sorted by name, parsed. */
export function readTsvDir(dir: string, required: readonly string[]): TsvRow[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  return files.flatMap((f) => parseTsv(readFileSync(join(dir, f), 'utf8'), `${dir.split('/').filter(Boolean).slice(-1)[0]}/${f}`, required));
}

export function readTsvFile(path: string, required: readonly string[]): TsvRow[] {
  return parseTsv(readFileSync(path, 'utf8'), path.split('/').slice(-2).join('/'), required);
}

/** A grammar rule row: `name  pattern  action  weight  note` (see language/grammar.ts for patterns). */
export interface RuleRow {
  name: string;
  pattern: string;
  action?: string;
  weight?: number;
  note?: string;
}

/**
 * Reads a grammar rule file (vocab/grammar/*.tsv). Rules are data: a new phrasing is a new row that
 * reuses an existing action; only a new kind of meaning needs a new action in code.
 */
export function readRuleFile(path: string): RuleRow[] {
  return readTsvFile(path, ['name', 'pattern', 'action', 'weight']).map((r) => {
    const c = r.cells;
    const weight = c.weight ? Number(c.weight) : undefined;
    if (weight !== undefined && !Number.isFinite(weight)) throw new VocabError(`${r.file}:${r.line}: weight "${c.weight}" is not a number`);
    if (!c.name || !c.pattern) throw new VocabError(`${r.file}:${r.line}: a rule needs a name and a pattern`);
    const row: RuleRow = { name: c.name, pattern: c.pattern };
    if (c.action) row.action = c.action;
    if (weight !== undefined) row.weight = weight;
    if (c.note) row.note = c.note;
    return row;
  });
}
