/**
 * @module language/grammar
 * A small weighted grammar over tagged tokens, the way Actual Budget parses its templates with a
 * PEG grammar, but over tokens the vocabulary has already tagged instead of characters. Rules are
 * data (`name := pattern`, an action name and a weight); actions are small functions that turn a
 * match into a value, or reject it. Every reading is kept (ambiguity is the point: "kal" is past or
 * future, "10 50" is 10.50 or 1,050); callers score the readings and keep the best.
 *
 * Pattern syntax:
 *   weekday  prep=place      a tag of that role (and value); a tag may span several tokens
 *   "from"  "day before"     a literal folded word or phrase
 *   #num #word #sym #punct #emoji #newline #any      one token of that kind
 *   #sym(₹)  #punct(/)       one token of that kind with that exact text
 *   @name                    one token the named predicate accepts (predicates are code)
 *   <name>                   another rule (a nonterminal); no left recursion
 *   ^x                       x must be written glued to the token before it ("1.2k", "3rd")
 *   !x                       x must NOT be glued to the token before it
 *   cap:x                    capture what x matched under "cap"
 *   ( ... )  x?  x*  x+  a | b
 */
import type { Tagged, Tag } from './tagger.js';
import type { Token, TokenKind } from './tokens.js';
import { isRole, type Role } from './vocab/roles.js';

// ------------------------------------------------------------------------------------ patterns

type Node =
  | { t: 'role'; role: Role; value: string | null; values: readonly string[] | null }
  | { t: 'lit'; words: string[] }
  | { t: 'kind'; kind: TokenKind | 'any'; text: string | null }
  | { t: 'pred'; name: string }
  /** id: the rule name's number in its grammar, set when the grammar is built (-1 until then). */
  | { t: 'ref'; name: string; id: number }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'glue'; node: Node; glued: boolean }
  | { t: 'cap'; name: string; node: Node };

export class GrammarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrammarError';
  }
}

const KINDS = new Set(['num', 'word', 'sym', 'punct', 'emoji', 'newline', 'any']);

/** Compiles one pattern string. */
export function compilePattern(src: string): Node {
  const toks = src.match(/"[^"]*"|#[a-z]+(?:\([^)\s]*\))?|@[a-z_]+|<[a-z_]+>|[a-z_]+:(?=\S)|[a-z_]+(?:=[A-Za-z0-9_:.|-]+)?|[()|?*+^!]|\S/g) ?? [];
  let k = 0;
  const fail = (msg: string): never => {
    throw new GrammarError(`pattern "${src}": ${msg}`);
  };
  const parseAlt = (): Node => {
    const items = [parseSeq()];
    while (toks[k] === '|') {
      k++;
      items.push(parseSeq());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  };
  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (k < toks.length && toks[k] !== '|' && toks[k] !== ')') items.push(parsePostfix());
    if (items.length === 0) fail('empty sequence');
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };
  const parsePostfix = (): Node => {
    let n = parsePrefix();
    while (toks[k] === '?' || toks[k] === '*' || toks[k] === '+') {
      const op = toks[k++];
      n = { t: 'rep', node: n, min: op === '+' ? 1 : 0, max: op === '?' ? 1 : 16 };
    }
    return n;
  };
  const parsePrefix = (): Node => {
    const tk = toks[k];
    if (tk === '^' || tk === '!') {
      k++;
      return { t: 'glue', node: parsePrefix(), glued: tk === '^' };
    }
    if (tk && /^[a-z_]+:$/.test(tk)) {
      k++;
      return { t: 'cap', name: tk.slice(0, -1), node: parsePostfixAtom() };
    }
    return parseAtom();
  };
  // A capture applies to one atom with its postfix operators: "n:#num?" captures the optional number.
  const parsePostfixAtom = (): Node => {
    let n = parsePrefix();
    while (toks[k] === '?' || toks[k] === '*' || toks[k] === '+') {
      const op = toks[k++];
      n = { t: 'rep', node: n, min: op === '+' ? 1 : 0, max: op === '?' ? 1 : 16 };
    }
    return n;
  };
  const parseAtom = (): Node => {
    const tk = toks[k++];
    if (tk === undefined) return fail('unexpected end');
    if (tk === '(') {
      const n = parseAlt();
      if (toks[k++] !== ')') fail('missing )');
      return n;
    }
    if (tk.startsWith('"')) {
      const words = tk.slice(1, -1).trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) fail('empty literal');
      return { t: 'lit', words };
    }
    if (tk.startsWith('#')) {
      const m = /^#([a-z]+)(?:\((.*)\))?$/.exec(tk)!;
      if (!KINDS.has(m[1]!)) fail(`unknown token kind ${tk}`);
      return { t: 'kind', kind: m[1] as TokenKind | 'any', text: m[2] ?? null };
    }
    if (tk.startsWith('@')) return { t: 'pred', name: tk.slice(1) };
    if (tk.startsWith('<')) return { t: 'ref', name: tk.slice(1, -1), id: -1 };
    const m = /^([a-z_]+)(?:=(.+))?$/.exec(tk);
    if (m) {
      if (!isRole(m[1]!)) fail(`unknown role "${m[1]}"`);
      return { t: 'role', role: m[1] as Role, value: m[2] ?? null, values: m[2] !== undefined ? m[2].split('|') : null };
    }
    return fail(`unexpected "${tk}"`);
  };
  const node = parseAlt();
  if (k !== toks.length) fail(`unexpected "${toks[k]}"`);
  return node;
}

// ------------------------------------------------------------------------------------ rules

export interface Capture {
  start: number;
  end: number;
  /** The tag when the captured element was a role. */
  tag?: Tag;
  /** The value when the captured element was a rule. */
  value?: unknown;
  /** The rule's score when the captured element was a rule. */
  score?: number;
}

export interface RuleMatch {
  rule: string;
  start: number;
  end: number;
  caps: ReadonlyMap<string, readonly Capture[]>;
  /** The matching rule's weight, so an action can turn it into a confidence of its own. */
  weight: number;
}

export interface RuleDef {
  name: string;
  pattern: string;
  /** Action name; when absent the value is the match itself. */
  action?: string;
  /** How much this reading is worth when it competes with others (default 1). */
  weight?: number;
  note?: string;
}

export interface Parse<V = unknown> {
  rule: string;
  start: number;
  end: number;
  value: V;
  score: number;
}

export type Action<C> = (m: RuleMatch, input: Tagged, ctx: C) => unknown | null;
export type Predicate<C> = (tok: Token, input: Tagged, ctx: C) => boolean;

interface CompiledRule<C = unknown> {
  def: RuleDef;
  node: Node;
  weight: number;
  /** The action, looked up once (null: the value is the match itself). */
  act: Action<C> | null;
  /** What the first token of a match must be (null: anything may start it); filled after compiling. */
  first?: First | null;
}

/** The tokens a rule can start with: a cheap test that skips rules that cannot match at a position. */
interface First {
  roles: Set<Role>;
  words: Set<string>;
  kinds: Set<string>;
  preds: Set<string>;
}

export interface GrammarParts<C> {
  rules: readonly RuleDef[];
  actions?: Readonly<Record<string, Action<C>>>;
  predicates?: Readonly<Record<string, Predicate<C>>>;
}

const MAX_RESULTS = 64;

/**
 * A rule name's rules by what their first token can be, so a run looks up the few that can start at
 * a token instead of testing every rule's first set there.
 */
interface StartIndex {
  /** Rules whose first token cannot be told (any token may start them). */
  always: number[];
  byKind: Map<string, number[]>;
  byWord: Map<string, number[]>;
  byRole: Map<Role, number[]>;
  /** Rules with a predicate in their first set (asked only when nothing else lets them start). */
  withPreds: boolean[];
}

function startIndex<C>(list: readonly CompiledRule<C>[]): StartIndex {
  const ix: StartIndex = { always: [], byKind: new Map(), byWord: new Map(), byRole: new Map(), withPreds: [] };
  const add = <K>(m: Map<K, number[]>, key: K, k: number): void => {
    let l = m.get(key);
    if (!l) m.set(key, (l = []));
    l.push(k);
  };
  list.forEach((r, k) => {
    const f = r.first;
    ix.withPreds[k] = !!f && f.preds.size > 0;
    if (!f) {
      ix.always.push(k);
      return;
    }
    for (const x of f.kinds) add(ix.byKind, x, k);
    for (const x of f.words) add(ix.byWord, x, k);
    for (const x of f.roles) add(ix.byRole, x, k);
  });
  return ix;
}

const NO_MARKS = new Uint8Array(0);

function markAll(mark: Uint8Array, ks: readonly number[] | undefined): void {
  if (ks) for (let j = 0; j < ks.length; j++) mark[ks[j]!] = 1;
}

/**
 * Captures along one path of a match, newest first: a capture adds one link instead of copying a map,
 * and the map a RuleMatch shows is built once, when a rule completes.
 */
type CapList = { name: string; c: Capture; prev: CapList } | null;
type State = { end: number; caps: CapList; score: number };

/** The captures of a path by name, each name's in the order captured (names in first-capture order). */
function capsMap(list: CapList): Map<string, Capture[]> {
  const m = new Map<string, Capture[]>();
  if (!list) return m;
  const links: { name: string; c: Capture }[] = [];
  for (let x: CapList = list; x; x = x.prev) links.push(x);
  for (let k = links.length - 1; k >= 0; k--) {
    const { name, c } = links[k]!;
    const l = m.get(name);
    if (l) l.push(c);
    else m.set(name, [c]);
  }
  return m;
}

/** A compiled grammar: rules by name, with their actions and predicates. */
export class Grammar<C = unknown> {
  private readonly rules = new Map<string, CompiledRule<C>[]>();
  private readonly starts = new Map<string, StartIndex>();
  /** @internal Rule lists and start indexes by rule id (the ids map's numbers). */
  readonly listById: CompiledRule<C>[][] = [];
  private readonly startById: StartIndex[] = [];
  /** @internal A number per rule name, so a run's memo is keyed by numbers, not built strings. */
  readonly ids = new Map<string, number>();
  private readonly actions: Readonly<Record<string, Action<C>>>;
  private readonly predicates: Readonly<Record<string, Predicate<C>>>;
  /** Scratch marks for startable, kept between calls. */
  private mark: Uint8Array = NO_MARKS;

  constructor(parts: GrammarParts<C>) {
    this.actions = parts.actions ?? {};
    this.predicates = parts.predicates ?? {};
    for (const def of parts.rules) {
      const node = compilePattern(def.pattern);
      if (def.action && !this.actions[def.action]) throw new GrammarError(`rule ${def.name} := ${def.pattern}: unknown action "${def.action}"`);
      let list = this.rules.get(def.name);
      if (!list) {
        this.rules.set(def.name, (list = []));
        this.ids.set(def.name, this.ids.size);
      }
      list.push({ def, node, weight: def.weight ?? 1, act: def.action ? this.actions[def.action]! : null });
    }
    // Every reference and predicate must exist: a typo in a data file is a load error, not a silent miss.
    for (const list of this.rules.values()) for (const r of list) this.check(r.node, r.def);
    for (const list of this.rules.values()) for (const r of list) r.first = this.firstOf(r.node, new Set());
    for (const [name, list] of this.rules) this.starts.set(name, startIndex(list));
    for (const [name, list] of this.rules) {
      const id = this.ids.get(name)!;
      this.listById[id] = list;
      this.startById[id] = this.starts.get(name)!;
      for (const r of list) this.resolveRefs(r.node);
    }
  }

  private resolveRefs(n: Node): void {
    if (n.t === 'ref') n.id = this.ids.get(n.name)!;
    else if (n.t === 'seq' || n.t === 'alt') n.items.forEach((x) => this.resolveRefs(x));
    else if (n.t === 'rep' || n.t === 'glue' || n.t === 'cap') this.resolveRefs(n.node);
  }

  /** @internal The rules of `name` that can start at token `pos`, in their order (canStart, indexed). */
  startable(name: string, input: Tagged, ctx: C, pos: number): readonly CompiledRule<C>[] {
    const id = this.ids.get(name);
    return id === undefined ? [] : this.startableId(id, input, ctx, pos);
  }

  /** @internal startable by rule id. */
  startableId(id: number, input: Tagged, ctx: C, pos: number): readonly CompiledRule<C>[] {
    const list = this.listById[id];
    const ix = this.startById[id];
    if (!list || !ix) return [];
    // A short list is cheaper to test rule by rule than to mark through the index.
    if (list.length <= 4) {
      const few: CompiledRule<C>[] = [];
      for (let k = 0; k < list.length; k++) if (this.canStart(list[k]!.first, input, ctx, pos)) few.push(list[k]!);
      return few;
    }
    const t = input.tokens[pos];
    // One mark buffer for every call, taken while in use (a predicate that parsed again would get its own).
    const mark = this.mark.length >= list.length ? this.mark : new Uint8Array(list.length);
    this.mark = NO_MARKS;
    mark.fill(0, 0, list.length);
    markAll(mark, ix.always);
    if (t) {
      markAll(mark, ix.byKind.get(t.kind));
      markAll(mark, ix.byWord.get(t.norm));
      markAll(mark, ix.byWord.get(t.text));
      const at = input.at[pos];
      if (ix.byRole.size && at) for (let j = 0; j < at.length; j++) markAll(mark, ix.byRole.get(at[j]!.role));
    }
    const out: CompiledRule<C>[] = [];
    for (let k = 0; k < list.length; k++) {
      if (mark[k] || (t && ix.withPreds[k] && this.anyPredicate(list[k]!.first!, t, input, ctx))) out.push(list[k]!);
    }
    this.mark = mark;
    return out;
  }

  private anyPredicate(f: First, t: Token, input: Tagged, ctx: C): boolean {
    for (const p of f.preds) if (this.predicates[p]!(t, input, ctx)) return true;
    return false;
  }

  /** Whether a node can match without consuming a token. */
  private nullable(n: Node, seen: Set<string>): boolean {
    switch (n.t) {
      case 'rep':
        return n.min === 0 || this.nullable(n.node, seen);
      case 'seq':
        return n.items.every((x) => this.nullable(x, seen));
      case 'alt':
        return n.items.some((x) => this.nullable(x, seen));
      case 'glue':
      case 'cap':
        return this.nullable(n.node, seen);
      case 'ref': {
        if (seen.has(n.name)) return false;
        seen.add(n.name);
        const r = this.rulesNamed(n.name).some((x) => this.nullable(x.node, seen));
        seen.delete(n.name);
        return r;
      }
      default:
        return false;
    }
  }

  /** The first-token test of a node (null when it cannot tell). */
  private firstOf(n: Node, seen: Set<string>): First | null {
    const f: First = { roles: new Set(), words: new Set(), kinds: new Set(), preds: new Set() };
    const add = (x: First | null): boolean => {
      if (!x) return false;
      x.roles.forEach((v) => f.roles.add(v));
      x.words.forEach((v) => f.words.add(v));
      x.kinds.forEach((v) => f.kinds.add(v));
      x.preds.forEach((v) => f.preds.add(v));
      return true;
    };
    switch (n.t) {
      case 'role':
        f.roles.add(n.role);
        return f;
      case 'lit':
        f.words.add(n.words[0]!);
        return f;
      case 'kind':
        if (n.kind === 'any') return null;
        f.kinds.add(n.kind);
        return f;
      case 'pred':
        f.preds.add(n.name);
        return f;
      case 'glue':
      case 'cap':
      case 'rep':
        return this.firstOf(n.node, seen);
      case 'alt':
        for (const x of n.items) if (!add(this.firstOf(x, seen))) return null;
        return f;
      case 'seq':
        for (const x of n.items) {
          if (!add(this.firstOf(x, seen))) return null;
          if (!this.nullable(x, new Set())) return f;
        }
        return null;
      case 'ref': {
        if (seen.has(n.name)) return null;
        seen.add(n.name);
        let ok = true;
        for (const r of this.rulesNamed(n.name)) if (!add(this.firstOf(r.node, seen))) ok = false;
        seen.delete(n.name);
        return ok ? f : null;
      }
    }
  }

  /** @internal Whether token `pos` can start a match of a rule with this first-token test. */
  canStart(f: First | null | undefined, input: Tagged, ctx: C, pos: number): boolean {
    if (!f) return true;
    const t = input.tokens[pos];
    if (!t) return false;
    if (f.kinds.has(t.kind) || f.words.has(t.norm) || f.words.has(t.text)) return true;
    if (f.roles.size) for (const g of input.at[pos] ?? []) if (f.roles.has(g.role)) return true;
    for (const p of f.preds) if (this.predicates[p]!(t, input, ctx)) return true;
    return false;
  }

  private check(n: Node, def: RuleDef): void {
    switch (n.t) {
      case 'ref':
        if (!this.rules.has(n.name)) throw new GrammarError(`rule ${def.name} := ${def.pattern}: no rule named <${n.name}>`);
        return;
      case 'pred':
        if (!this.predicates[n.name]) throw new GrammarError(`rule ${def.name} := ${def.pattern}: no predicate @${n.name}`);
        return;
      case 'seq':
      case 'alt':
        n.items.forEach((x) => this.check(x, def));
        return;
      case 'rep':
      case 'glue':
      case 'cap':
        this.check(n.node, def);
        return;
      default:
    }
  }

  has(name: string): boolean {
    return this.rules.has(name);
  }

  /** Every parse of rule `name` starting at token `start`. */
  parseAt<V = unknown>(name: string, input: Tagged, ctx: C, start: number): Parse<V>[] {
    return new Run(this, input, ctx).rule(name, start) as Parse<V>[];
  }

  /** Every parse of rule `name` at every position (a chart), in order of start. */
  parseAll<V = unknown>(name: string, input: Tagged, ctx: C): Parse<V>[] {
    return this.parseFrom(name, input, ctx, input.tokens.map((_, i) => i));
  }

  /**
   * Every parse of rule `name` starting at the given positions, sharing one memo: cheaper than
   * parseAll when a caller knows where its phrases can start (a token with a time word or a number).
   */
  parseFrom<V = unknown>(name: string, input: Tagged, ctx: C, starts: Iterable<number>): Parse<V>[] {
    const run = new Run(this, input, ctx);
    const out: Parse<V>[] = [];
    for (const i of starts) out.push(...(run.rule(name, i) as Parse<V>[]));
    return out;
  }

  /** The literal words the rules use (first word of each), e.g. to decide where a phrase may start. */
  literals(): Set<string> {
    const out = new Set<string>();
    const walk = (n: Node): void => {
      if (n.t === 'lit') out.add(n.words[0]!);
      else if (n.t === 'seq' || n.t === 'alt') n.items.forEach(walk);
      else if (n.t === 'rep' || n.t === 'glue' || n.t === 'cap') walk(n.node);
    };
    for (const list of this.rules.values()) for (const r of list) walk(r.node);
    return out;
  }

  /** @internal */
  rulesNamed(name: string): readonly CompiledRule<C>[] {
    return this.rules.get(name) ?? [];
  }

  /** @internal */
  action(name: string): Action<C> | undefined {
    return this.actions[name];
  }

  /** @internal */
  predicate(name: string): Predicate<C> | undefined {
    return this.predicates[name];
  }
}

/** One parse of one input: memoizes rule results per position (packrat, all readings kept). */
const NONE: readonly State[] = Object.freeze([]) as readonly State[];

const NO_TAGS: readonly Tag[] = Object.freeze([]) as readonly Tag[];

class Run<C> {
  /** Results by rule and position, at start * ids + id (an array: the keys are small and dense). */
  private readonly memo: (Parse[] | undefined)[];
  /** The rules under way, by the same key. */
  private readonly active: (boolean | undefined)[];
  private readonly nIds: number;

  constructor(
    private readonly g: Grammar<C>,
    private readonly input: Tagged,
    private readonly ctx: C,
  ) {
    this.nIds = g.ids.size;
    // Rules run at the tokens and just past the last one (the arrays grow if ever asked beyond).
    const size = (input.tokens.length + 1) * this.nIds;
    this.memo = new Array<Parse[] | undefined>(size);
    this.active = new Array<boolean | undefined>(size);
  }

  rule(name: string, start: number): Parse[] {
    const id = this.g.ids.get(name);
    return id === undefined ? [] : this.ruleId(id, name, start);
  }

  private ruleId(id: number, name: string, start: number): Parse[] {
    const key = start * this.nIds + id;
    const hit = this.memo[key];
    if (hit) return hit;
    // A rule that reaches itself at the same position (left recursion) simply fails there.
    if (this.active[key]) return [];
    this.active[key] = true;
    const out: Parse[] = [];
    // The empty state every rule starts from (states are never changed, so one serves them all).
    const from: State = { end: start, caps: null, score: 0 };
    for (const r of this.g.startableId(id, this.input, this.ctx, start)) {
      for (const st of this.match(r.node, start, from)) {
        if (st.end === start) continue; // a rule must consume something
        const m: RuleMatch = { rule: name, start, end: st.end, caps: capsMap(st.caps), weight: r.weight };
        let value: unknown = m;
        if (r.act) {
          value = r.act(m, this.input, this.ctx);
          if (value === null || value === undefined) continue;
        }
        out.push({ rule: name, start, end: st.end, value, score: r.weight + st.score });
        if (out.length >= MAX_RESULTS) break;
      }
    }
    this.active[key] = false;
    this.memo[key] = out;
    return out;
  }

  /** Every state after matching n at pos; the result is only read, never changed (NONE is shared). */
  private match(n: Node, pos: number, st: State): readonly State[] {
    const toks = this.input.tokens;
    switch (n.t) {
      case 'role': {
        // Most tries find no such tag: no array until one does.
        let out: State[] | null = null;
        const at = this.input.at[pos] ?? NO_TAGS;
        for (let j = 0; j < at.length; j++) {
          const tg = at[j]!;
          if (tg.role !== n.role) continue;
          if (n.values !== null && !n.values.includes(tg.value ?? '')) continue;
          (out ??= []).push({ end: tg.end, caps: st.caps, score: st.score, tagged: tg } as State & { tagged: Tag });
        }
        return out ?? NONE;
      }
      case 'lit': {
        let j = pos;
        for (const w of n.words) {
          const t = toks[j];
          if (!t || t.kind === 'newline' || (t.norm !== w && t.text !== w)) return NONE;
          j++;
        }
        return [{ end: j, caps: st.caps, score: st.score }];
      }
      case 'kind': {
        const t = toks[pos];
        if (!t) return NONE;
        if (n.kind === 'any') return t.kind === 'newline' ? NONE : [{ end: pos + 1, caps: st.caps, score: st.score }];
        if (t.kind !== n.kind) return NONE;
        if (n.text !== null && t.text !== n.text && t.norm !== n.text) return NONE;
        return [{ end: pos + 1, caps: st.caps, score: st.score }];
      }
      case 'pred': {
        const t = toks[pos];
        if (!t || !this.g.predicate(n.name)!(t, this.input, this.ctx)) return NONE;
        return [{ end: pos + 1, caps: st.caps, score: st.score }];
      }
      case 'ref': {
        const ps = this.ruleId(n.id, n.name, pos);
        if (ps.length === 0) return NONE;
        const out: State[] = new Array(ps.length);
        for (let j = 0; j < ps.length; j++) {
          const p = ps[j]!;
          out[j] = { end: p.end, caps: st.caps, score: st.score + p.score, parsed: p } as State & { parsed: Parse };
        }
        return out;
      }
      case 'glue': {
        // The constraint applies only when the element consumes a token: "^mult?" may match nothing.
        const t = toks[pos];
        const ok = !!t && (pos > 0 && t.glued) === n.glued;
        const inner = this.match(n.node, pos, st);
        return ok ? inner : inner.filter((s) => s.end === pos);
      }
      case 'cap': {
        const inner = this.match(n.node, pos, st);
        if (inner.length === 0) return NONE;
        const out: State[] = [];
        for (const s of inner) {
          const x = s as State & { tagged?: Tag; parsed?: Parse };
          if (x.end === pos) {
            out.push(s); // an optional element that matched nothing captures nothing
            continue;
          }
          const c: Capture = { start: pos, end: s.end };
          if (x.tagged) c.tag = x.tagged;
          if (x.parsed) {
            c.value = x.parsed.value;
            c.score = x.parsed.score;
          }
          out.push({ end: s.end, caps: { name: n.name, c, prev: s.caps }, score: s.score });
        }
        return out;
      }
      case 'seq': {
        // The first item from this state alone: its states as they come, at most MAX_RESULTS.
        let states = this.match(n.items[0]!, pos, st);
        if (states.length === 0) return NONE;
        if (states.length > MAX_RESULTS) states = states.slice(0, MAX_RESULTS);
        for (let i = 1; i < n.items.length; i++) {
          const item = n.items[i]!;
          const next: State[] = [];
          for (const s of states) {
            for (const r of this.match(item, s.end, s)) {
              next.push(r);
              if (next.length >= MAX_RESULTS) break;
            }
          }
          if (next.length === 0) return NONE;
          states = next;
        }
        return states;
      }
      case 'alt': {
        let out: State[] | null = null;
        for (const item of n.items) {
          const r = this.match(item, pos, st);
          for (let j = 0; j < r.length; j++) (out ??= []).push(r[j]!);
        }
        if (!out) return NONE;
        return out.length > MAX_RESULTS ? out.slice(0, MAX_RESULTS) : out;
      }
      case 'rep': {
        const out: State[] = [];
        let frontier: State[] = [st];
        if (n.min === 0) out.push(st);
        for (let count = 1; count <= n.max && frontier.length > 0; count++) {
          const next: State[] = [];
          for (const s of frontier) for (const r of this.match(n.node, s.end, s)) if (r.end > s.end) next.push(r);
          if (count >= n.min) for (let j = 0; j < next.length; j++) out.push(next[j]!);
          frontier = next.length > MAX_RESULTS ? next.slice(0, MAX_RESULTS) : next;
        }
        // Longest first: greedy readings usually are the intended ones, and callers often take the first.
        out.reverse();
        return out.length > MAX_RESULTS ? out.slice(0, MAX_RESULTS) : out;
      }
    }
  }
}

/** The first capture of a name, or undefined. */
export function cap(m: RuleMatch, name: string): Capture | undefined {
  return m.caps.get(name)?.[0];
}

/** Every capture of a name (repeated elements). */
export function caps(m: RuleMatch, name: string): readonly Capture[] {
  return m.caps.get(name) ?? [];
}

/**
 * The best set of non-overlapping parses: weighted interval scheduling over `score(p)`.
 * e.g. bestCover([{start:0,end:2,score:2}, {start:1,end:3,score:1}], p => p.score) keeps the first.
 */
export function bestCover<P extends { start: number; end: number }>(parses: readonly P[], score: (p: P) => number): P[] {
  const ps = [...parses].filter((p) => score(p) > 0).sort((a, b) => a.end - b.end || a.start - b.start);
  const n = ps.length;
  const best = new Array<number>(n + 1).fill(0);
  const take = new Array<boolean>(n + 1).fill(false);
  const prev = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    // Index (1-based) of the last parse ending at or before this one's start.
    let lo = 0;
    for (let j = k - 1; j >= 0; j--) if (ps[j]!.end <= ps[k]!.start) { lo = j + 1; break; }
    prev[k] = lo;
  }
  for (let k = 1; k <= n; k++) {
    const withIt = score(ps[k - 1]!) + best[prev[k - 1]!]!;
    if (withIt > best[k - 1]!) {
      best[k] = withIt;
      take[k] = true;
    } else best[k] = best[k - 1]!;
  }
  const out: P[] = [];
  for (let k = n; k > 0;) {
    if (take[k]) {
      out.push(ps[k - 1]!);
      k = prev[k - 1]!;
    } else k--;
  }
  return out.reverse();
}
