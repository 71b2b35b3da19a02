/**
 * @module test/deploy/yaml-lite
 * A deliberately small YAML reader for checking compose.yaml's shape without a YAML dependency:
 * block mappings and sequences, JSON-style flow sequences, quoted and plain scalars, comments.
 * Anything fancier (anchors, multi-line strings, flow mappings) is rejected loudly, never guessed.
 */
type Yaml = string | number | boolean | null | Yaml[] | { [k: string]: Yaml };

interface Line { indent: number; text: string; no: number }

function stripComment(s: string): string {
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i);
  }
  return s;
}

function scalar(raw: string, no: number): Yaml {
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (s.startsWith("'")) {
    if (!s.endsWith("'")) throw new Error(`line ${no}: unterminated quote`);
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (s.startsWith('[')) return JSON.parse(s) as Yaml[];
  if (/^[&*!|>{]/.test(s)) throw new Error(`line ${no}: unsupported YAML: ${s}`);
  return s;
}

/** Splits "key: value" at the first colon followed by a space or the end. */
function keyValue(text: string): [string, string] | null {
  const m = /^("[^"]*"|'[^']*'|[^\s:][^:]*?):(?:\s+(.*))?$/.exec(text);
  if (!m) return null;
  const key = m[1]!.replace(/^["']|["']$/g, '');
  return [key, m[2] ?? ''];
}

export function parseYaml(src: string): Yaml {
  const lines: Line[] = [];
  src.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new Error(`line ${i + 1}: tabs are not YAML indentation`);
    const text = stripComment(raw).replace(/\s+$/, '');
    if (text.trim()) lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), no: i + 1 });
  });
  let pos = 0;

  function block(indent: number): Yaml {
    const first = lines[pos];
    if (!first || first.indent < indent) return null;
    return first.text.startsWith('- ') || first.text === '-' ? seq(first.indent) : map(first.indent);
  }

  function map(indent: number, seed?: [string, string], seedNo?: number): { [k: string]: Yaml } {
    const out: { [k: string]: Yaml } = {};
    const take = (kv: [string, string], no: number) => {
      const [k, v] = kv;
      if (k in out) throw new Error(`line ${no}: duplicate key ${k}`);
      if (v === '') {
        const next = lines[pos];
        out[k] = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))) ? block(next.indent) : null;
      } else out[k] = scalar(v, no);
    };
    if (seed) take(seed, seedNo!);
    while (pos < lines.length && lines[pos]!.indent === indent && !lines[pos]!.text.startsWith('- ')) {
      const l = lines[pos++]!;
      const kv = keyValue(l.text);
      if (!kv) throw new Error(`line ${l.no}: expected "key: value", got ${l.text}`);
      take(kv, l.no);
    }
    if (pos < lines.length && lines[pos]!.indent > indent) throw new Error(`line ${lines[pos]!.no}: unexpected indentation`);
    return out;
  }

  function seq(indent: number): Yaml[] {
    const out: Yaml[] = [];
    while (pos < lines.length && lines[pos]!.indent === indent && lines[pos]!.text.startsWith('-')) {
      const l = lines[pos++]!;
      const rest = l.text.slice(1).trim();
      if (!rest) {
        out.push(block(indent + 1));
        continue;
      }
      const kv = keyValue(rest);
      if (kv && !rest.startsWith('"') && !rest.startsWith('[')) {
        // "- key: value" opens a mapping whose further keys sit at the item's content column.
        out.push(map(indent + 2, kv, l.no));
      } else out.push(scalar(rest, l.no));
    }
    return out;
  }

  const doc = block(0);
  if (pos !== lines.length) throw new Error(`line ${lines[pos]!.no}: could not parse`);
  return doc;
}
