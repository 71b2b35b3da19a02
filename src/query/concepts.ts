/**
 * @module query/concepts
 * The concept source answers use by default: the categories module's concept lexicon
 * (resolveConcept / suggestConcepts), adapted to the ConceptSource shape resolve.ts needs.
 */
import type { ConceptSource } from './resolve.js';

/** The categories module's concepts (none until that module is present). */
export function defaultConcepts(): ConceptSource | null {
  return null;
}
