/**
 * @module ledger/io/csv
 * A small RFC 4180 CSV reader and writer for import/export (quoted fields, doubled quotes,
 * embedded commas and newlines). Pure.
 */

/**
 * An incremental RFC 4180 reader: feed it chunks as they arrive (a 100 MB export never sits in
 * memory whole), take the complete rows each push returns, and the last one from end(). A quoted
 * field may span chunks and lines.
 */
export class CsvReader {
  private row: string[] = [];
  private field = '';
  private quoted = false;
  /** A quote seen inside a quoted field, at a chunk's end: doubled quote or closing quote? */
  private quotePending = false;
  /** A CR seen at a chunk's end: part of CRLF? */
  private crPending = false;

  push(text: string): string[][] {
    const rows: string[][] = [];
    if (!text) return rows;
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (text[0] === '\n') i = 1;
    }
    if (this.quotePending) {
      this.quotePending = false;
      if (text[0] === '"') {
        this.field += '"';
        i = 1;
      } else this.quoted = false;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (c === '"') {
          if (i + 1 === text.length) this.quotePending = true;
          else if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        } else this.field += c;
        continue;
      }
      if (c === '"' && this.field === '') this.quoted = true;
      else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') {
          if (i + 1 === text.length) this.crPending = true;
          else if (text[i + 1] === '\n') i++;
        }
        this.endRow(rows);
      } else this.field += c;
    }
    return rows;
  }

  end(): string[][] {
    const rows: string[][] = [];
    if (this.field !== '' || this.row.length) this.endRow(rows);
    return rows;
  }

  private endRow(rows: string[][]): void {
    this.row.push(this.field);
    this.field = '';
    if (this.row.length > 1 || this.row[0] !== '') rows.push(this.row);
    this.row = [];
  }
}

/** Splits CSV text into rows of fields. */
export function parseCsv(text: string): string[][] {
  const r = new CsvReader();
  return [...r.push(text), ...r.end()];
}

/** Quotes a field when it needs it. Formula-looking cells are prefixed so spreadsheets do not run them. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvField).join(',');
}
