/**
 * @module ledger/sqlite/migrations
 * The ledger's own migrations (expenses, corrections, settings, their query indexes, row identity
 * and command effects). Every feature folder keeps the DDL of its tables in its own sqlite/ folder;
 * app/migrations.ts puts them all in one ordered history. Never edit one that has shipped.
 */
import * as m0001 from './0001_ledger.js';
import * as m0006 from './0006_query_indexes.js';
import * as m0011 from './0011_identity.js';
import * as m0013 from './0013_source_keys.js';
import * as m0015 from './0015_scale.js';

export const ledgerTables = m0001;
export const queryIndexes = m0006;
export const ledgerIdentity = m0011;
export const sourceKeys = m0013;
export const ledgerScale = m0015;
