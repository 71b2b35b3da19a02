/**
 * @module core/errors
 * A small union of error codes. The bot turns each into its own helpful reply at one edge
 * (bot/replies.ts ERROR_REPLIES); anything else is logged with context and answered politely.
 */
export type MunshiErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'unavailable' // an optional service (Ollama, whisper, OCR) is not there
  | 'timeout'
  | 'invalid_model_output'
  | 'config';

export class MunshiError extends Error {
  constructor(
    readonly code: MunshiErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'MunshiError';
  }
}

export function isMunshiError(e: unknown, code?: MunshiErrorCode): e is MunshiError {
  return e instanceof MunshiError && (code === undefined || e.code === code);
}

/**
 * What went wrong with the disk under the ledger, when it was the disk: munshi keeps the message
 * and retries instead of answering "something went wrong" (docs/RELIABILITY.md).
 * - full: no space left (SQLITE_FULL, ENOSPC, a file-size limit)
 * - readonly: the file or its folder cannot be written (SQLITE_READONLY, EROFS, EACCES)
 * - io: the disk reported an error (SQLITE_IOERR, EIO)
 * - busy: another process held the write lock longer than munshi waits (SQLITE_BUSY)
 * - corrupt: the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)
 */
export type StorageFault = 'full' | 'readonly' | 'io' | 'busy' | 'corrupt';

const FAULT_CODES: [RegExp, StorageFault][] = [
  [/^(SQLITE_FULL|ENOSPC|EFBIG|EDQUOT)/, 'full'],
  [/^(SQLITE_READONLY|EROFS|EACCES|EPERM|SQLITE_CANTOPEN)/, 'readonly'],
  [/^(SQLITE_IOERR|EIO)/, 'io'],
  [/^(SQLITE_BUSY|SQLITE_LOCKED)/, 'busy'],
  [/^(SQLITE_CORRUPT|SQLITE_NOTADB)/, 'corrupt'],
];

/** The storage fault an error stands for, or null (looks through `cause`). storageFaultOf({code:'SQLITE_FULL'}) → 'full'. */
export function storageFaultOf(err: unknown, depth = 0): StorageFault | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') for (const [re, fault] of FAULT_CODES) if (re.test(code)) return fault;
  return storageFaultOf((err as { cause?: unknown }).cause, depth + 1);
}

/**
 * The ledger file cannot be used as it is (damaged, or empty while backups exist). The message says
 * what was found, names the newest backup and the command that restores it; main prints it as is.
 */
export class LedgerUnusableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerUnusableError';
  }
}
