/**
 * @module categories/data/anchors-type
 * The shape of a WordNet anchor row (vocab/wordnet-anchors.tsv) once loaded.
 */

export interface Anchor {
  synset: string;
  cat: string;
  weak?: boolean;
}
