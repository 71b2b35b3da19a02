/**
 * @module ledger/sqlite/migrations
 * Every migration, in order. Migrations live in code (not read from a folder at run time) so the
 * same list works under tsx, in tests and in a bundled build. Add new ones at the end with the next
 * number; never edit one that has shipped.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_ledger.js';
import * as m0002 from './0002_inbox.js';
import * as m0003 from './0003_schedule.js';
import * as m0004 from './0004_vectors.js';
import * as m0006 from './0006_query_indexes.js';

export const migrations: Record<string, Migration> = {
  '0001_ledger': m0001,
  '0002_inbox': m0002,
  '0003_schedule': m0003,
  '0004_vectors': m0004,
  '0006_query_indexes': m0006,
};
