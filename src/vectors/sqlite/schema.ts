/**
 * @module vectors/sqlite/schema
 * Kysely types of the semantic-memory tables in the ledger file (DDL in ./tables.ts, migration
 * 0004). Kept here, not in ledger/, so the ledger does not depend on an optional feature.
 */
export interface VectorEntriesTable {
  kind: string;
  text: string;
  dim: number;
  vector: Uint8Array;
}

export interface VectorMetaTable {
  key: string;
  value: string;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible shape.
export type VectorTables = {
  vector_entries: VectorEntriesTable;
  vector_meta: VectorMetaTable;
};
