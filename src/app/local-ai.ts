/**
 * @module app/local-ai
 * Wires the optional local AI in one call, for every composition (the daemon, the `chat` CLI):
 * the Ollama LlmPort, the vector index, semantic memory, and the bot's fallbacks. With
 * MUNSHI_LLM=off everything is absent and the bot runs on rules alone. The vector index (LanceDB,
 * a native module with a large footprint) opens on first use, not at start.
 */
import type { Expense } from '../core/types.js';
import type { Primary } from '../core/primaries.js';
import type { UnderstandContext, Understanding } from '../understanding/types.js';
import type { Answer, QueryContext, QueryConversation } from '../query/answer.js';
import type { ExpenseQueries } from '../query/execute.js';
import type { VectorConfig } from '../vectors/config.js';
import type { VectorIndex, VectorMeta } from '../vectors/port.js';
import { lazyVectorIndex, openVectorIndex } from '../vectors/open.js';
import { createSemanticMemory, type ConceptExpansion, type SemanticMemory } from '../vectors/memory.js';
import type { LlmConfig } from '../llm/config.js';
import type { LlmPort, LlmStatus } from '../llm/port.js';
import { createOllamaLlm } from '../llm/ollama/adapter.js';
import { extractWithLlmDetailed } from '../llm/extract.js';
import { answerWithLlm } from '../llm/plan.js';
import { categorize as rulesCategorize } from '../categories/index.js';

export interface LocalAiLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Structurally the bot's BotFallbacks (bot/bot.ts). */
export interface LocalAiFallbacks {
  extract(text: string, ctx: UnderstandContext): Promise<Understanding | null>;
  answer(text: string, ctx: QueryContext, conversation?: QueryConversation): Promise<Answer | null>;
  expandConcept?: (phrase: string) => Promise<ConceptExpansion | null>;
}

export interface LocalAi {
  llm: LlmPort | null;
  index: VectorIndex | null;
  memory: SemanticMemory | null;
  /** Pass as BotDeps.fallbacks (undefined when the LLM is off). */
  fallbacks: LocalAiFallbacks | undefined;
  /** Pass as BotDeps.onRecorded: queues texts for embedding, returns at once. */
  onRecorded: ((expenses: Expense[]) => void) | undefined;
  close(): Promise<void>;
}

export interface LocalAiOptions {
  /** Questions the model planned run here (the ledger computes every number). */
  queries: ExpenseQueries;
  /** The ledger's distinct item and merchant texts (what semantic memory embeds). */
  texts(): Promise<{ items: string[]; merchants: string[] }>;
  vectorMeta: VectorMeta;
  /** The SQLite vector index, when LanceDB cannot run or is not wanted. */
  sqliteVectors: () => VectorIndex;
  vectors: VectorConfig;
  logger?: LocalAiLogger;
  /** The rules' categorizer; beats the model's category for texts it knows. Default: categories/index
   * with the owner's corrections, trusted unless it only guessed. */
  categorize?: (item: string | null, merchant: string | null) => { category: Primary; detail: string | null } | null;
  /** Use this port instead of dialing Ollama (tests). */
  llm?: LlmPort;
  /** Semantic-memory knobs (reindex: no catch-up at start, bigger batches). */
  memory?: { catchUpOnStart?: boolean; batchSize?: number };
}

/**
 * Builds the local AI from config. Never fails because Ollama or LanceDB is missing: those only
 * make the parts that need them quiet.
 * e.g. const ai = await createLocalAi(config.llm, { queries, texts, vectorMeta, sqliteVectors, vectors: config.vectors }); createBot({ ..., fallbacks: ai.fallbacks, onRecorded: ai.onRecorded })
 */
export async function createLocalAi(cfg: LlmConfig, o: LocalAiOptions): Promise<LocalAi> {
  if (!cfg.enabled) {
    o.logger?.info({}, 'local AI is off (MUNSHI_LLM=off): rules only');
    return { llm: null, index: null, memory: null, fallbacks: undefined, onRecorded: undefined, close: async () => {} };
  }
  const llm =
    o.llm ??
    createOllamaLlm({
      host: cfg.host,
      chatModel: cfg.chatModel,
      embedModel: cfg.embedModel,
      chatTimeoutMs: cfg.chatTimeoutMs,
      embedTimeoutMs: cfg.embedTimeoutMs,
      healthTimeoutMs: cfg.healthTimeoutMs,
      healthTtlMs: cfg.healthTtlMs,
    });
  const v = o.vectors;
  const index = v.backend === 'off' ? null : lazyVectorIndex(() => openVectorIndex({ backend: v.backend, dir: v.dir, sqlite: o.sqliteVectors, logger: o.logger }));
  const memory = index
    ? createSemanticMemory({ llm, index, texts: o.texts, meta: o.vectorMeta, logger: o.logger, minScore: v.conceptMinScore ?? undefined, ...o.memory })
    : null;

  // Said once per outage, not per message: the rules keep answering meanwhile.
  let warnedDown = false;
  const noteOutcome = (rejected: string | undefined) => {
    if (rejected === 'unavailable' && !warnedDown) {
      warnedDown = true;
      o.logger?.warn({ host: cfg.host }, 'Ollama is unavailable; the rules answer alone until it is back');
    } else if (rejected !== 'unavailable') warnedDown = false;
  };

  void llm.status?.().then((s) =>
    s.up
      ? o.logger?.info({ host: cfg.host, chatModel: s.chatModel, chatReady: s.chatReady, embedModel: s.embedModel, embedReady: s.embedReady }, 'Ollama is reachable')
      : o.logger?.info({ host: cfg.host, reason: s.error }, 'Ollama is not reachable; running on rules (it is optional)'),
  );

  return {
    llm,
    index,
    memory,
    fallbacks: {
      async extract(text, ctx) {
        const categorize =
          o.categorize ??
          ((item: string | null, merchant: string | null) => {
            const c = rulesCategorize({ item, merchant }, ctx.overrides);
            return c.via === 'fallback' ? null : { category: c.primary, detail: c.detail };
          });
        const out = await extractWithLlmDetailed(llm, text, ctx, { categorize });
        noteOutcome(out.rejected);
        if (out.rejected && out.rejected !== 'unavailable') o.logger?.info({ rejected: out.rejected }, 'LLM extraction corrected or refused');
        return out.understanding;
      },
      answer: (text, ctx, conversation) => answerWithLlm(llm, o.queries, text, ctx, conversation),
      ...(memory ? { expandConcept: (phrase: string) => memory.expandConcept(phrase) } : {}),
    },
    onRecorded: memory ? (expenses) => memory.enqueue(expenses) : undefined,
    async close() {
      await memory?.close();
      await index?.close();
    },
  };
}

/**
 * One look at the local AI for `cli status`: whether Ollama answers and which models are pulled.
 * e.g. await localAiStatus(config.llm) → { enabled: true, up: false, error: 'cannot reach Ollama at …' }
 */
export async function localAiStatus(cfg: LlmConfig): Promise<{ enabled: boolean; host: string } & Partial<LlmStatus>> {
  if (!cfg.enabled) return { enabled: false, host: cfg.host };
  const llm = createOllamaLlm({ host: cfg.host, chatModel: cfg.chatModel, embedModel: cfg.embedModel, healthTimeoutMs: cfg.healthTimeoutMs });
  return { enabled: true, host: cfg.host, ...(await llm.status()) };
}
