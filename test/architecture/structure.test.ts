/**
 * The shape of the code, checked on every run: no import cycle between the folders of src/
 * (type-only imports count: a cycle of types is still a cycle of knowledge), kysely only inside
 * repositories (files under a sqlite/ folder), each library inside its adapter folder, and the
 * environment read only by src/config. A change that breaks one of these fails here, naming the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

interface SourceFile {
  /** Path relative to src/, with forward slashes. */
  rel: string;
  text: string;
  /** Relative specifiers this file imports or re-exports (static, dynamic, type-only). */
  imports: string[];
  /** Bare package specifiers. */
  packages: string[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function read(): SourceFile[] {
  return walk(SRC).map((abs) => {
    // Comments are not imports: drop them before matching.
    const text = fs.readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const specs = [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
    return {
      rel: path.relative(SRC, abs).split(path.sep).join('/'),
      text,
      imports: specs.filter((s) => s.startsWith('.')).map((s) => path.relative(SRC, path.resolve(path.dirname(abs), s)).split(path.sep).join('/')),
      packages: specs.filter((s) => !s.startsWith('.')),
    };
  });
}

const files = read();
const folderOf = (rel: string) => (rel.includes('/') ? rel.split('/')[0]! : '(root)');

/** Every cycle in a directed graph (Johnson-lite: simple cycles through each node, deduplicated). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const nodes = [...edges.keys()].sort();
  for (const start of nodes) {
    const stack: string[] = [start];
    const visit = (n: string) => {
      for (const m of edges.get(n) ?? []) {
        if (m === start) {
          const c = [...stack];
          const k = [...c].sort().join('>') + '|' + c.length;
          if (!found.has(k)) found.set(k, [...c, start]);
        } else if (!stack.includes(m) && m > start && stack.length < 8) {
          stack.push(m);
          visit(m);
          stack.pop();
        }
      }
    };
    visit(start);
  }
  return [...found.values()];
}

describe('the structure of src/', () => {
  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.rel === 'main.ts' && f.imports.includes('app/services.js'))).toBe(true);
  });

  it('has no import cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const f of files) {
      const a = folderOf(f.rel);
      if (!edges.has(a)) edges.set(a, new Set());
      for (const i of f.imports) {
        const b = folderOf(i);
        if (a === b) continue;
        edges.get(a)!.add(b);
        if (!why.has(`${a}>${b}`)) why.set(`${a}>${b}`, `${f.rel} → ${i}`);
      }
    }
    const found = cycles(edges).map((c) => `${c.join(' → ')}  (${c.slice(0, -1).map((x, i) => why.get(`${x}>${c[i + 1]}`)).join('; ')})`);
    expect(found).toEqual([]);
  });

  it('the cycle check finds a cycle when there is one', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set<string>()]]))).toEqual([]);
  });

  it('imports kysely only in repositories (files under a sqlite/ folder)', () => {
    const outside = files.filter((f) => f.packages.some((p) => p === 'kysely' || p.startsWith('kysely/')) && !f.rel.split('/').includes('sqlite')).map((f) => f.rel);
    expect(outside).toEqual([]);
    expect(files.filter((f) => f.packages.includes('kysely')).length).toBeGreaterThan(5);
  });

  it('writes SQL only in repositories', () => {
    const sqlish = /\.(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
    expect(files.filter((f) => sqlish.test(f.text) && !f.rel.split('/').includes('sqlite')).map((f) => f.rel)).toEqual([]);
  });

  it.each([
    ['better-sqlite3', /^ledger\/sqlite\/open\.ts$/],
    ['whatsapp-web.js', /^transport\/whatsapp\//],
    ['ollama', /^llm\/ollama\//],
    ['@lancedb/lancedb', /^vectors\/lancedb\//],
    ['node-cron', /^scheduler\/cron\//],
    ['pino', /^logging\//],
    ['vega', /^charts\//],
    ['@resvg/resvg-js', /^charts\//],
    ['tesseract.js', /^receipts\/tesseract\//],
    ['sharp', /^receipts\/tesseract\//],
    ['pdfjs-dist/legacy/build/pdf.mjs', /^receipts\/pdf\//],
    ['hono', /^web\/http\//],
    ['@hono/node-server', /^web\/http\//],
  ])('keeps %s inside its adapter', (pkg, home) => {
    const outside = files.filter((f) => f.packages.includes(pkg) && !home.test(f.rel)).map((f) => f.rel);
    expect(outside).toEqual([]);
  });

  it('reads the environment only in src/config', () => {
    expect(files.filter((f) => /\bprocess\.env\b/.test(f.text) && !f.rel.startsWith('config/')).map((f) => f.rel)).toEqual([]);
  });

  it('wires services in one place: only the composition root and the CLI build them', () => {
    const builders = files.filter((f) => f.imports.includes('app/services.js')).map((f) => f.rel);
    expect(builders.every((r) => r === 'main.ts' || r.startsWith('cli/'))).toBe(true);
  });
});
