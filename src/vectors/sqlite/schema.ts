/**
 * @module vectors/schema
 * Kysely types of the semantic-memory tables in the ledger file (migration 0004). Kept here, not in
 * ledger/schema.ts, so the ledger does not grow a dependency on an optional feature; intersect with
 * `Database` where both are needed.
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

export interface VectorTables {
  vector_entries: VectorEntriesTable;
  vector_meta: VectorMetaTable;
}
