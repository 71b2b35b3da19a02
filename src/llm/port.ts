/**
 * @module llm/port
 * A local language model, used only to widen understanding: extracting expenses the rules could
 * not, planning questions the rules could not, and embedding text. It never supplies a number.
 *
 * Errors: every method rejects with MunshiError — 'unavailable' when the server or model is not
 * there (fast: a refused connection is never waited on), 'timeout' when a call overran its budget,
 * 'invalid_model_output' when the server's reply could not be read.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the model server has, for `status` and the health check. */
export interface LlmStatus {
  up: boolean;
  chatModel: string;
  /** The chat model is pulled. */
  chatReady: boolean;
  embedModel: string;
  /** The embedding model is pulled. */
  embedReady: boolean;
  /** Why it is down, for logs and `status`. */
  error?: string;
}

export interface LlmPort {
  /** True when the model server answers its health check. */
  healthy(): Promise<boolean>;
  /** A chat completion constrained by a JSON schema (structured output); returns the raw JSON text. */
  chatJson(messages: ChatMessage[], schema: object, opts?: { timeoutMs?: number }): Promise<string>;
  /** Plain chat completion (for optional rephrasing). */
  chat(messages: ChatMessage[], opts?: { timeoutMs?: number }): Promise<string>;
  /** Embeddings, one vector per input. */
  embed(texts: string[], opts?: { timeoutMs?: number }): Promise<number[][]>;
  /** Which models are pulled (optional: fakes may omit it). */
  status?(): Promise<LlmStatus>;
  /** The embedding model's name, so stored vectors can be tied to the model that made them. */
  readonly embedModel?: string;
}
