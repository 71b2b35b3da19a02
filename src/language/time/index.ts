/**
 * @module language/time
 * The one time-expression grammar (read.ts, rules in vocab/grammar/time.tsv) and the annual dates of
 * holidays, festivals and seasons it reads (holidays.ts).
 */
export { bestTimes, readTimes, validateTimeGrammar, weekdaySetLabel } from './read.js';
export type { TimeGrain, TimeOptions, TimeReading } from './types.js';
export { holidayDate, holidayDates, holidayInfo, holidaySpans } from './holidays.js';
