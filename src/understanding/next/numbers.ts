/**
 * @module understanding/next/numbers
 * The number readings the expense reader and the question planner use: the language layer's money
 * grammar (src/language/money/), re-exported under the name the reader has always imported.
 */
export { readNumbers } from '../../language/money/index.js';
export type { MoneyReading, QuantityReading, LabelReading, RateReading, NumberAnalysis } from '../../language/money/index.js';
