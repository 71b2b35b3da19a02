/**
 * Concepts whose members are lexicon rows by tag, so a regional word counts as soon as its row is
 * tagged: the seafood concept reads rows tagged seafood for the owner's regions; fish, prawns,
 * bread, decorations and church giving are concepts of vocab/concepts.tsv with their own tags.
 * Words of our own, none taken from an evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from './match.js';
import { defaultConcepts, narrowerConcept } from './concepts.js';

const row = (search_text: string, category = 'food', detail: string | null = null) => ({ search_text, category, detail, merchant: null });
const IN = defaultConcepts(['IN']);
const matcherOf = (phrase: string) => {
  const c = IN.resolve(phrase);
  if (!c) throw new Error(`no concept for ${phrase}`);
  return compileMatcher(c);
};

describe('seafood counts the regional fish and shellfish rows tagged seafood', () => {
  it('Konkani and Malayalam names are seafood for an Indian owner', () => {
    const sea = compileMatcher(narrowerConcept('fish and prawns', ['IN'])!);
    expect(sea.test(row('tisryo'))).toBe(true);
    expect(sea.test(row('neymeen'))).toBe(true);
    expect(sea.test(row('chicken xacuti'))).toBe(false);
  });
  it('"fish n prawns" is one subject, the seafood concept', () => {
    expect(narrowerConcept('fish n prawns')?.label).toBe('seafood');
  });
});

describe('fish, prawns, bread, decorations and church giving reach their tagged rows', () => {
  it('fish: a Goan fish name counts, a prawn dish does not need to', () => {
    const fish = matcherOf('fish');
    expect(fish.test(row('paplet'))).toBe(true);
    expect(fish.test(row('tarlem'))).toBe(true);
    expect(fish.test(row('chouris'))).toBe(false);
  });
  it('prawns: the Konkani word counts, fish does not', () => {
    const prawns = matcherOf('prawns');
    expect(prawns.test(row('sungtam'))).toBe(true);
    expect(prawns.test(row('jhinga masala'))).toBe(true);
    expect(prawns.test(row('paplet'))).toBe(false);
  });
  it('bread: the Goan breads count, a cake does not', () => {
    const bread = matcherOf('bread');
    expect(bread.test(row('kakon'))).toBe(true);
    expect(bread.test(row('brown bread'))).toBe(true);
    expect(bread.test(row('plum cake'))).toBe(false);
  });
  it('decorations: a crib set and a christmas star count, jaggery does not', () => {
    const deco = matcherOf('christmas decorations');
    expect(deco.test(row('nativity set', 'shopping'))).toBe(true);
    expect(deco.test(row('xmas star', 'shopping'))).toBe(true);
    expect(deco.test(row('jaggery'))).toBe(false);
  });
  it('church giving: a novena and the sunday offering count, a wedding gift does not', () => {
    const church = matcherOf('church offerings');
    expect(church.test(row('novena', 'gifts'))).toBe(true);
    expect(church.test(row('sunday offering', 'gifts'))).toBe(true);
    expect(church.test(row('wedding gift', 'gifts'))).toBe(false);
    // A note that only says where a meal was is no giving.
    expect(matcherOf('church').test(row('brunch after church', 'food'))).toBe(false);
  });
});
