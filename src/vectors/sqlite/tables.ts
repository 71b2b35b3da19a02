/**
 * @module vectors/sqlite/tables
 * Migration 0004. Semantic memory kept in the ledger file: one vector per distinct item/merchant text (the SQLite
 * vector adapter, used where LanceDB cannot load), and which embedding model made them. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vector_entries')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('dim', 'integer', (c) => c.notNull())
    // Little-endian Float32, already unit length so cosine is a dot product.
    .addColumn('vector', 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('vector_entries_pk', ['kind', 'text'])
    .execute();
  await db.schema
    .createTable('vector_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vector_meta').execute();
  await db.schema.dropTable('vector_entries').execute();
}
