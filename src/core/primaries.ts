/**
 * @module core/primaries
 * The fixed primary category slugs every stored row and the evaluation use. They live in the core
 * so domain types can name them without depending on the categories module (which builds its
 * taxonomy, lexicon and concepts on top of these).
 */
export const PRIMARIES = [
  'food', 'transport', 'shopping', 'housing', 'utilities', 'health', 'entertainment', 'travel',
  'education', 'personal_care', 'gifts', 'fees', 'other',
] as const;

export type Primary = (typeof PRIMARIES)[number];
