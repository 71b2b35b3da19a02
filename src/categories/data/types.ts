/**
 * @module categories/data/types
 * The shape of the lexicon data files. Data stays plain: comma-separated phrase lists grouped by
 * category, so growing the lexicon means editing a string, never code.
 */

export interface LexGroup {
  /** Category path, "primary/detail" or "primary" (e.g. "food/coffee"). Validated at load. */
  cat: string;
  /** Comma-separated item phrases in lower case, base (singular) form: "tender coconut, nariyal pani". */
  items?: string;
  /**
   * Comma-separated merchants; each is "Canonical|alias|alias" with the canonical in the brand's
   * usual spelling ("Cafe Coffee Day|ccd"). The canonical's lower-case form is always an alias.
   */
  merchants?: string;
  /** Finer concept tags (e.g. "painkiller", "bar") that questions can ask about. */
  tags?: string[];
  /**
   * Generic words ("bill", "ticket", "order") that only decide the category when nothing more
   * specific (another item word or the merchant) does.
   */
  weak?: boolean;
  /** Only for these regions (IN, US, GB ...); absent = everywhere. */
  regions?: string[];
}
