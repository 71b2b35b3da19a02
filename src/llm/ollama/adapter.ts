/**
 * @module llm/ollama/adapter
 * The LlmPort over an Ollama server, through the official `ollama` client (imported only in this
 * folder). Every call carries a deadline; a refused connection fails at once and trips a short
 * circuit breaker, so with Ollama down the rules answer without ever waiting on the network.
 */
import { Ollama } from 'ollama';
import { MunshiError } from '../../core/errors.js';
import type { ChatMessage, LlmPort, LlmStatus } from '../port.js';

export interface OllamaLlmOptions {
  host: string;
  chatModel: string;
  embedModel: string;
  chatTimeoutMs?: number;
  embedTimeoutMs?: number;
  healthTimeoutMs?: number;
  /** How long a health answer (and a connection failure) is trusted. */
  healthTtlMs?: number;
  /** How long Ollama keeps the model in memory after a call; short on a Pi with little RAM. */
  keepAlive?: string;
  /** Monotonic milliseconds, injectable for tests of the health cache. */
  nowMs?: () => number;
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Model names in /api/tags carry ":latest" when pulled without a tag. */
function sameModel(a: string, b: string): boolean {
  const norm = (s: string) => (s.includes(':') ? s : `${s}:latest`);
  return norm(a) === norm(b);
}

/** An Ollama-backed LlmPort with `status()` for the status command. */
export function createOllamaLlm(opts: OllamaLlmOptions): LlmPort & { status(): Promise<LlmStatus>; readonly host: string } {
  const chatTimeoutMs = opts.chatTimeoutMs ?? 30_000;
  const embedTimeoutMs = opts.embedTimeoutMs ?? 15_000;
  const healthTimeoutMs = opts.healthTimeoutMs ?? 1_500;
  const ttl = opts.healthTtlMs ?? 10_000;
  const nowMs = opts.nowMs ?? (() => performance.now());
  const keepAlive = opts.keepAlive ?? '10m';
  let health: { at: number; status: LlmStatus } | null = null;
  let probing: Promise<LlmStatus> | null = null;
  /** Until this instant every call fails fast: the server refused or ignored us a moment ago. */
  let downUntil = -Infinity;
  let downReason = '';

  function client(timeoutMs: number): Ollama {
    // The client has no per-request timeout for non-streamed calls, so the deadline rides on fetch.
    const timedFetch: typeof fetch = (input, init) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
      return fetch(input, { ...init, signal });
    };
    return new Ollama({ host: opts.host, fetch: timedFetch });
  }

  function translate(e: unknown, what: string, model?: string): MunshiError {
    if (e instanceof MunshiError) return e;
    const name = (e as { name?: string })?.name;
    const message = e instanceof Error ? e.message : String(e);
    if (name === 'TimeoutError' || name === 'AbortError') return new MunshiError('timeout', `Ollama ${what} timed out`, e);
    const code = causeCode(e);
    if (code && CONNECTION_CODES.has(code)) {
      downUntil = nowMs() + ttl;
      downReason = `cannot reach Ollama at ${opts.host} (${code})`;
      health = { at: nowMs(), status: downStatus(downReason) };
      return new MunshiError('unavailable', downReason, e);
    }
    const status = (e as { status_code?: number })?.status_code;
    if (status === 404 && model) return new MunshiError('unavailable', `Ollama model "${model}" is not pulled: run \`ollama pull ${model}\``, e);
    if (typeof status === 'number') return new MunshiError('unavailable', `Ollama ${what} failed (${status}): ${message}`, e);
    if (e instanceof SyntaxError) return new MunshiError('invalid_model_output', `Ollama ${what} sent unreadable JSON`, e);
    if (message === 'fetch failed') return new MunshiError('unavailable', `cannot reach Ollama at ${opts.host}`, e);
    return new MunshiError('unavailable', `Ollama ${what} failed: ${message}`, e);
  }

  function downStatus(error: string): LlmStatus {
    return { up: false, chatModel: opts.chatModel, chatReady: false, embedModel: opts.embedModel, embedReady: false, error };
  }

  /**
   * Before any real call: a recent failure, or a health probe (cached, short timeout) that says the
   * server is gone, fails at once. A host that drops packets thus costs one short probe per
   * health window instead of a full chat timeout per message.
   */
  async function failFast(): Promise<void> {
    if (nowMs() < downUntil) throw new MunshiError('unavailable', downReason || 'Ollama is unavailable');
    const s = await status();
    if (!s.up) throw new MunshiError('unavailable', s.error ?? 'Ollama is unavailable');
  }

  async function probe(): Promise<LlmStatus> {
    try {
      const res = await client(healthTimeoutMs).list();
      const names = res.models.map((m) => m.name ?? m.model);
      const s: LlmStatus = {
        up: true,
        chatModel: opts.chatModel,
        chatReady: names.some((n) => sameModel(n, opts.chatModel)),
        embedModel: opts.embedModel,
        embedReady: names.some((n) => sameModel(n, opts.embedModel)),
      };
      downUntil = -Infinity;
      return s;
    } catch (e) {
      const err = translate(e, 'health check');
      // A host that swallows packets would otherwise cost healthTimeoutMs on every message.
      downUntil = nowMs() + ttl;
      downReason = err.message;
      return downStatus(err.message);
    }
  }

  async function status(): Promise<LlmStatus> {
    if (health && nowMs() - health.at < ttl) return health.status;
    probing ??= probe().then((s) => {
      health = { at: nowMs(), status: s };
      probing = null;
      return s;
    });
    return probing;
  }

  return {
    host: opts.host,
    embedModel: opts.embedModel,
    status,
    async healthy() {
      return (await status()).up;
    },
    async chatJson(messages: ChatMessage[], schema: object, o?: { timeoutMs?: number }) {
      await failFast();
      try {
        const res = await client(o?.timeoutMs ?? chatTimeoutMs).chat({
          model: opts.chatModel,
          messages,
          format: schema,
          stream: false,
          keep_alive: keepAlive,
          options: { temperature: 0 },
        });
        const content = res?.message?.content;
        if (typeof content !== 'string') throw new MunshiError('invalid_model_output', 'Ollama chat reply has no message content');
        return content;
      } catch (e) {
        throw translate(e, 'chat', opts.chatModel);
      }
    },
    async chat(messages: ChatMessage[], o?: { timeoutMs?: number }) {
      await failFast();
      try {
        // Streamed so a long reply keeps the connection visibly alive; the deadline covers the whole stream.
        const stream = await client(o?.timeoutMs ?? chatTimeoutMs).chat({
          model: opts.chatModel,
          messages,
          stream: true,
          keep_alive: keepAlive,
          options: { temperature: 0 },
        });
        let text = '';
        let done = false;
        for await (const part of stream) {
          text += part.message?.content ?? '';
          if (part.done) done = true;
        }
        if (!done) throw new MunshiError('invalid_model_output', 'Ollama chat stream ended before done');
        return text;
      } catch (e) {
        throw translate(e, 'chat', opts.chatModel);
      }
    },
    async embed(texts: string[], o?: { timeoutMs?: number }) {
      if (!texts.length) return [];
      await failFast();
      let res;
      try {
        res = await client(o?.timeoutMs ?? embedTimeoutMs).embed({ model: opts.embedModel, input: texts, truncate: true, keep_alive: keepAlive });
      } catch (e) {
        throw translate(e, 'embed', opts.embedModel);
      }
      const vecs = res?.embeddings;
      if (!Array.isArray(vecs) || vecs.length !== texts.length) throw new MunshiError('invalid_model_output', `Ollama embed returned ${Array.isArray(vecs) ? vecs.length : 'no'} vectors for ${texts.length} texts`);
      const dim = vecs[0]?.length ?? 0;
      for (const v of vecs) {
        if (!Array.isArray(v) || v.length !== dim || dim === 0 || !v.every(Number.isFinite)) throw new MunshiError('invalid_model_output', 'Ollama embed returned a malformed vector');
      }
      return vecs;
    },
  };
}
