import { describe, expect, it } from 'vitest';
import { bestCover, cap, caps, compilePattern, Grammar, GrammarError, type RuleMatch } from './grammar.js';
import { normalizeText } from './normalize.js';
import { tag, type Tagged } from './tagger.js';
import { tokenize } from './tokens.js';
import { parseTsv } from './vocab/tsv.js';
import { entriesFromRows, Vocabulary } from './vocab/vocabulary.js';

const ROWS = `phrase\trole\tvalue\tlang\tregion
k|grand\tmagnitude\t1000
lakh\tmagnitude\t100000
rs|rupees\tcurrency\tLOCAL:RUPEE
₹\tcurrency\tINR
yesterday|yday\trelative_day\t-1
kal\trelative_day\t-1|1
day before yesterday\trelative_day\t-2
from\ttime_from
to|till\ttime_to
jan|january\tmonth\t1
w/\tprep\twith
`;
const vocab = new Vocabulary(entriesFromRows(parseTsv(ROWS, 'test.tsv', ['phrase', 'role'])));
const tagged = (s: string): Tagged => {
  const text = normalizeText(s);
  return tag(text, tokenize(text), vocab);
};

describe('tagger', () => {
  it('tags single words, multi-word phrases and glued runs', () => {
    const t = tagged('day before yesterday paid 1.2k w/ friends');
    const roles = t.tags.map((g) => `${g.role}:${g.phrase}`);
    expect(roles).toContain('relative_day:day before yesterday');
    expect(roles).toContain('magnitude:k');
    expect(roles).toContain('prep:w/');
  });
  it('keeps every reading of an ambiguous word', () => {
    const t = tagged('kal 500');
    expect(t.tags.filter((g) => g.role === 'relative_day').map((g) => g.value)).toEqual(['-1|1']);
  });
});

describe('grammar', () => {
  const actions = {
    money: (m: RuleMatch, input: Tagged) => {
      const n = cap(m, 'n')!;
      const mult = cap(m, 'mult');
      const v = Number(input.tokens[n.start]!.text) * (mult ? Number(mult.tag!.value) : 1);
      return { v, cur: cap(m, 'cur')?.tag?.value ?? null };
    },
    range: (m: RuleMatch) => ({ from: cap(m, 'a')!.value, to: cap(m, 'b')!.value }),
    day: (m: RuleMatch, input: Tagged) => Number(input.tokens[m.start]!.text),
  };
  const g = new Grammar({
    rules: [
      { name: 'money', pattern: 'cur:currency? n:#num ^mult:magnitude? cur:currency?', action: 'money' },
      { name: 'day', pattern: '@dom', action: 'day' },
      { name: 'range', pattern: 'time_from a:<day> time_to b:<day> month', action: 'range', weight: 2 },
    ],
    actions,
    predicates: { dom: (t) => t.kind === 'num' && /^\d{1,2}$/.test(t.text) && Number(t.text) <= 31 },
  });

  it('reads a number with a glued multiplier and a currency', () => {
    const ps = g.parseAll<{ v: number; cur: string | null }>('money', tagged('petrol 1.2k rs'), undefined);
    const best = ps.sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
    expect(best.value).toEqual({ v: 1200, cur: 'LOCAL:RUPEE' });
  });
  it('does not take a spaced k as a glued multiplier', () => {
    const ps = g.parseAll<{ v: number }>('money', tagged('1.2 k'), undefined);
    expect(ps.map((p) => p.value.v)).toEqual([1.2]);
  });
  it('builds values from nonterminals', () => {
    const ps = g.parseAll<{ from: number; to: number }>('range', tagged('from 3 to 9 jan'), undefined);
    expect(ps[0]!.value).toEqual({ from: 3, to: 9 });
    expect(ps[0]!.score).toBe(4); // 2 for the rule, 1 for each day
  });
  it('reports unknown roles, rules, predicates and actions at load', () => {
    expect(() => compilePattern('nonsense_role')).toThrow(GrammarError);
    expect(() => new Grammar({ rules: [{ name: 'x', pattern: '<missing>' }] })).toThrow(/no rule named/);
    expect(() => new Grammar({ rules: [{ name: 'x', pattern: '@nope' }] })).toThrow(/no predicate/);
    expect(() => new Grammar({ rules: [{ name: 'x', pattern: '#num', action: 'nope' }] })).toThrow(/unknown action/);
  });
  it('captures repeated elements', () => {
    const g2 = new Grammar({ rules: [{ name: 'list', pattern: '(n:#num ","?)+' }] });
    const [p] = g2.parseAt<RuleMatch>('list', tagged('1, 2, 3'), undefined, 0);
    expect(caps(p!.value, 'n').length).toBe(3);
  });
});

describe('bestCover', () => {
  it('keeps the best non-overlapping set', () => {
    const ps = [
      { start: 0, end: 2, s: 2 },
      { start: 1, end: 3, s: 1.5 },
      { start: 2, end: 4, s: 2 },
      { start: 0, end: 4, s: 3 },
    ];
    expect(bestCover(ps, (p) => p.s)).toEqual([ps[0], ps[2]]);
  });
});
