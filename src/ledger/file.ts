/**
 * @module ledger/file
 * The ledger as a file, for its upkeep: an online backup and SQLite's quick_check. The SQLite store
 * provides it (ledger/sqlite/open.ts); in-memory ledgers have no file (null).
 */
export interface LedgerFile {
  /** The ledger's path. */
  readonly file: string;
  /** Copies the ledger to `dest` while it stays in use (written aside, then renamed). */
  backup(dest: string): Promise<void>;
  /** [] when the file is sound, else SQLite's first findings. */
  quickCheck(): Promise<string[]>;
  /** quick_check of another ledger file (a backup just written): [] when sound. */
  checkCopy(file: string): string[];
}
