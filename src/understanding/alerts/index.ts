/**
 * @module understanding/alerts
 * Forwarded transaction alerts: read (read.ts), turned into an expense or a named "nothing
 * recorded" (draft.ts), payees cleaned (counterparty.ts). Pure; the bot and `parse` call it before
 * the chat reader.
 */
export { readAlert, readAlertFor, understandAlert } from './read.js';
export { alertExpense, alertKey, alertUnderstanding, cashExpense, sameAsTyped, type AlertDraftContext } from './draft.js';
export { cleanCounterparty } from './counterparty.js';
export type { Alert, AlertKind } from './types.js';
