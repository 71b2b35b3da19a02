/**
 * @module language/money
 * The one money grammar (see read.ts): what every number of a message is.
 */
export { readNumbers, resolveCurrency } from './read.js';
export { readDigits } from './digits.js';
export type { MoneyReading, QuantityReading, LabelReading, RateReading, NumberAnalysis, BadWhy } from './types.js';
