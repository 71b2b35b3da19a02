/**
 * @module categories/data/concepts-type
 * The shape of a concept row (vocab/concepts.tsv) once loaded.
 */

export interface ConceptDef {
  /** The normalized label shown back to the user. */
  label: string;
  /** Comma-separated phrasings that resolve to this concept (the label is implied). */
  aliases: string;
  /** Whole categories covered ("food/soft_drinks", or "food" for a whole primary). */
  cats: string[];
  /** Lexicon tags whose items and merchants match (e.g. painkiller). */
  tags?: string[];
  /** More words that mean a match though the lexicon files them elsewhere. */
  terms?: string;
  /** Words that must never count even if a tag or category pulls them in. */
  exclude?: string;
  /** Merchants (canonical names from the lexicon) that count though filed elsewhere. */
  merchants?: string;
  /** Every lexicon item whose phrase contains one of these words counts ("juice" → orange juice, abc juice…). */
  containing?: string;
}
