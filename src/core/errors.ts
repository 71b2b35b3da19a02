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
