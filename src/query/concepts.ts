/**
 * @module query/concepts
 * The concept source answers use by default: the categories module's concept lexicon
 * (resolveConcept / suggestConcepts), in the ConceptSource shape resolve.ts needs.
 */
import { resolveConcept, suggestConcepts } from '../categories/index.js';
import type { ConceptSource } from './resolve.js';

const source: ConceptSource = {
  resolve: (phrase) => resolveConcept(phrase),
  suggest: (phrase, limit) => suggestConcepts(phrase, limit),
};

/** The categories module's concepts. */
export function defaultConcepts(): ConceptSource {
  return source;
}
