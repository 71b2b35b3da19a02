/**
 * @module llm/port
 * A local language model, used only to widen understanding: extracting expenses the rules could
 * not, planning questions the rules could not, and embedding text. It never supplies a number.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
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
}
