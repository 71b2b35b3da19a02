/**
 * @module vectors/memory
 * Semantic memory as a service: embeds each recorded expense's distinct item and merchant texts in
 * the background (a queue, never on the reply path), rebuilds everything from SQLite on `reindex`,
 * and widens a concept the lexicon does not know ("treats", "stuff for the car") into the ledger
 * texts that mean it. The query engine then sums every matching row with SQL; vectors never pick
 * the rows themselves, so there is no top-k cut-off on an answer.
 */
import { z } from 'zod';
import { isMunshiError } from '../core/errors.js';
import type { LlmPort } from '../llm/port.js';
import { jsonSchemaOf } from '../llm/json-schema.js';
import type { VectorIndex, VectorMeta } from './port.js';

type Kind = 'item' | 'merchant';

export interface MemoryLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SemanticMemoryOptions {
  llm: LlmPort;
  index: VectorIndex;
  /** The distinct item and merchant texts of the ledger (the source of truth for reindex and catch-up). */
  texts(): Promise<{ items: string[]; merchants: string[] }>;
  /** Where the embedding model of the stored vectors is remembered. */
  meta: VectorMeta;
  logger?: MemoryLogger;
  /** Cosine a text must reach to belong to a concept; defaults by embedding model. */
  minScore?: number;
  /** Most texts one concept may widen to. */
  limit?: number;
  /** Texts per embed call. */
  batchSize?: number;
  /** Wait before retrying after Ollama was unavailable. */
  retryMs?: number;
  /** Ask the chat model to confirm the vector candidates (slower, more precise). */
  confirmWithModel?: boolean;
  /** Embed texts missing from the index once at start (messages recorded while Ollama was down). */
  catchUpOnStart?: boolean;
  /** Timeout of the one embed call on the question path. */
  queryTimeoutMs?: number;
}

export interface ConceptExpansion {
  terms: string[];
  merchants: string[];
}

export interface SemanticMemory {
  /** Queues the item and merchant texts of freshly recorded expenses; returns at once. */
  enqueue(expenses: readonly { item: string | null; merchant: string | null }[]): void;
  /** Rebuilds the index from every live expense in SQLite. Rejects when the embedder is unavailable. */
  reindex(onProgress?: (done: number, total: number) => void): Promise<{ texts: number }>;
  /** The ledger texts that mean `phrase`, or null when none (or no embedder) — the QueryContext hook. */
  expandConcept(phrase: string): Promise<ConceptExpansion | null>;
  /** Resolves once the background queue is empty or paused waiting for Ollama (tests, shutdown). */
  idle(): Promise<void>;
  /** Texts waiting to be embedded. */
  pending(): number;
  close(): Promise<void>;
}

const MAX_PENDING = 50_000;
/** Texts embedded in the background between two index.optimize() calls. */
const OPTIMIZE_EVERY = 500;

/** The form a text is remembered under: what search_text holds (lower case, single spaces). */
export function memoryText(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 80);
  return t.length >= 2 ? t : null;
}

/** A threshold that suits each embedding model's score range (short texts score high on nomic). */
export function defaultMinScore(model: string | undefined): number {
  const m = (model ?? '').toLowerCase();
  if (m.includes('nomic')) return 0.6;
  if (m.includes('minilm')) return 0.45;
  if (m.includes('mxbai') || m.includes('bge')) return 0.6;
  return 0.5;
}

/** nomic-embed-text is trained with task prefixes; other models take the text as is. */
function prefixer(model: string | undefined): { doc: (t: string) => string; query: (t: string) => string } {
  if ((model ?? '').toLowerCase().includes('nomic')) return { doc: (t) => `search_document: ${t}`, query: (t) => `search_query: ${t}` };
  return { doc: (t) => t, query: (t) => t };
}

const ConfirmSchema = (candidates: string[]) => z.object({ matches: z.array(z.enum(candidates as [string, ...string[]])) });

/** The memory service; see SemanticMemory. */
export function createSemanticMemory(o: SemanticMemoryOptions): SemanticMemory {
  const { llm, index, logger } = o;
  const batchSize = o.batchSize ?? 32;
  const retryMs = o.retryMs ?? 60_000;
  const limit = o.limit ?? 200;
  const minScore = o.minScore ?? defaultMinScore(llm.embedModel);
  const pre = prefixer(llm.embedModel);
  const queue = new Map<string, { kind: Kind; text: string }>();
  let running: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let reindexing = false;
  let closed = false;
  let modelChecked: Promise<void> | null = null;
  let sinceOptimize = 0;

  /** Vectors from another model are meaningless next to new ones: start over when it changes. */
  function checkModel(): Promise<void> {
    modelChecked ??= (async () => {
      const model = llm.embedModel ?? 'unknown';
      const stored = await o.meta.get('embed_model');
      if (stored !== model) {
        if (stored !== null && (await index.count()) > 0) {
          logger?.info({ from: stored, to: model }, 'embedding model changed; semantic memory starts over');
          await index.clear();
        }
        await o.meta.set('embed_model', model);
      }
    })().catch((e) => {
      modelChecked = null;
      throw e;
    });
    return modelChecked;
  }

  function add(kind: Kind, raw: string | null): void {
    const text = memoryText(raw);
    if (!text || queue.size >= MAX_PENDING) return;
    queue.set(`${kind}:${text}`, { kind, text });
  }

  function kick(): void {
    if (running || closed || reindexing || retryTimer || !queue.size) return;
    running = drain()
      .catch((e) => logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'semantic memory indexing failed'))
      .finally(() => {
        running = null;
        if (queue.size && !retryTimer) setImmediate(kick);
      });
  }

  function retryLater(): void {
    retryTimer = setTimeout(() => {
      retryTimer = null;
      kick();
    }, retryMs);
    retryTimer.unref?.();
  }

  async function drain(): Promise<void> {
    // Ollama down: wait without touching the index (opening it loads LanceDB for nothing).
    if (!(await llm.healthy())) return retryLater();
    await checkModel();
    while (queue.size && !closed && !reindexing) {
      const batch: { kind: Kind; text: string }[] = [];
      for (const [key, e] of queue) {
        queue.delete(key);
        if (!(await index.has(e.text, e.kind))) batch.push(e);
        if (batch.length >= batchSize) break;
      }
      if (!batch.length) continue;
      try {
        const vectors = await llm.embed(batch.map((e) => pre.doc(e.text)));
        await index.upsert(batch.map((e, i) => ({ ...e, vector: vectors[i]! })));
        sinceOptimize += batch.length;
        // Each background upsert is a small LanceDB commit; compact now and then so reads stay fast.
        if (sinceOptimize >= OPTIMIZE_EVERY) {
          sinceOptimize = 0;
          await index.optimize?.();
        }
      } catch (e) {
        for (const b of batch) queue.set(`${b.kind}:${b.text}`, b);
        if (isMunshiError(e, 'unavailable') || isMunshiError(e, 'timeout')) {
          // Ollama is down or busy: wait, then try again; nothing is lost, reindex can also catch up.
          return retryLater();
        }
        throw e;
      }
    }
  }

  async function distinctTexts(): Promise<{ kind: Kind; text: string }[]> {
    const out = new Map<string, { kind: Kind; text: string }>();
    const { items, merchants } = await o.texts();
    for (const item of items) {
      const t = memoryText(item);
      if (t) out.set(`item:${t}`, { kind: 'item', text: t });
    }
    for (const merchant of merchants) {
      const t = memoryText(merchant);
      if (t) out.set(`merchant:${t}`, { kind: 'merchant', text: t });
    }
    return [...out.values()];
  }

  async function catchUp(): Promise<void> {
    if (closed) return;
    // Only once there is an embedder: the texts wait in the ledger, and the index stays closed.
    if (!(await llm.healthy())) {
      const t = setTimeout(() => void catchUp().catch((e) => logger?.warn({ err: String(e) }, 'semantic memory catch-up failed')), retryMs);
      t.unref?.();
      return;
    }
    const texts = await distinctTexts();
    if ((await index.count()) >= texts.length) return;
    for (const t of texts) if (queue.size < MAX_PENDING) queue.set(`${t.kind}:${t.text}`, t);
    kick();
  }

  async function confirm(phrase: string, candidates: string[]): Promise<Set<string> | null> {
    try {
      const schema = ConfirmSchema(candidates);
      const raw = await llm.chatJson(
        [
          { role: 'system', content: 'You sort expense items. Answer with the candidates that are a kind of the asked thing. Be strict.' },
          { role: 'user', content: `Thing: ${phrase}\nCandidates: ${candidates.join(', ')}` },
        ],
        jsonSchemaOf(schema),
        { timeoutMs: o.queryTimeoutMs ?? 15_000 },
      );
      const r = schema.safeParse(JSON.parse(raw));
      return r.success ? new Set(r.data.matches) : null;
    } catch {
      return null;
    }
  }

  // The catch-up at start runs on the next turn; idle() waits for it, so "idle" never means "not begun".
  let starting: Promise<void> | null = null;
  if (o.catchUpOnStart ?? true) {
    starting = new Promise<void>((resolve) => {
      const t = setTimeout(() => void catchUp().catch((e) => logger?.warn({ err: String(e) }, 'semantic memory catch-up failed')).finally(resolve), 0);
      t.unref?.();
    });
  }

  return {
    enqueue(expenses) {
      if (closed) return;
      for (const e of expenses) {
        add('item', e.item);
        add('merchant', e.merchant);
      }
      kick();
    },

    async reindex(onProgress) {
      reindexing = true;
      try {
        await running;
        await checkModel();
        const texts = await distinctTexts();
        // Embed the first batch before clearing, so a missing model leaves the old index intact.
        let done = 0;
        onProgress?.(0, texts.length);
        let cleared = false;
        for (let i = 0; i < texts.length; i += batchSize) {
          const batch = texts.slice(i, i + batchSize);
          const vectors = await llm.embed(batch.map((e) => pre.doc(e.text)));
          if (!cleared) {
            await index.clear();
            cleared = true;
          }
          await index.upsert(batch.map((e, j) => ({ ...e, vector: vectors[j]! })));
          done += batch.length;
          onProgress?.(done, texts.length);
        }
        if (!cleared) await index.clear();
        await index.optimize?.();
        for (const t of texts) queue.delete(`${t.kind}:${t.text}`);
        return { texts: texts.length };
      } finally {
        reindexing = false;
        kick();
      }
    },

    async expandConcept(phrase) {
      const q = memoryText(phrase);
      if (!q) return null;
      let vector: number[];
      try {
        [vector] = (await llm.embed([pre.query(q)], { timeoutMs: o.queryTimeoutMs ?? 5_000 })) as [number[]];
      } catch (e) {
        logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'concept expansion skipped: embedder unavailable');
        return null;
      }
      let hits;
      try {
        hits = await index.search(vector, { minScore, limit });
      } catch (e) {
        logger?.warn({ err: e instanceof Error ? e.message : String(e) }, 'concept expansion skipped: vector search failed');
        return null;
      }
      if (!hits.length) return null;
      if (o.confirmWithModel) {
        const candidates = [...new Set(hits.map((h) => h.text))].slice(0, 40);
        const kept = await confirm(q, candidates);
        if (kept) hits = hits.filter((h) => kept.has(h.text));
        if (!hits.length) return null;
      }
      return {
        terms: [...new Set(hits.filter((h) => h.kind === 'item').map((h) => h.text))],
        merchants: [...new Set(hits.filter((h) => h.kind === 'merchant').map((h) => h.text))],
      };
    },

    async idle() {
      if (starting) await starting;
      for (let i = 0; i < 10_000; i++) {
        if (!running && (!queue.size || retryTimer || closed || reindexing)) return;
        if (running) await running;
        else await new Promise((r) => setImmediate(r));
      }
    },

    pending: () => queue.size,

    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await running;
    },
  };
}
