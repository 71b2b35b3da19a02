/**
 * @module categories/data/glue
 * Words that are never items or merchants: English and Hinglish function words and the verbs,
 * time and money words of expense messages. They are never spell-corrected into lexicon words
 * ("spent" must not become "sprite"), and a brand whose name is one of them ("More", "Total")
 * is only recognized by its longer aliases. The words are rows of the one vocabulary
 * (language/vocab/words/not-named.tsv, role not_named); this is their comma-separated list.
 */
import { wordsOf } from '../../language/vocab/vocabulary.js';

export const GLUE_WORDS: string = [...wordsOf('not_named')].join(', ');
