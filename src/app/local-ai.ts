/**
 * @module llm/local-ai
 * Wires the optional local AI in one call, for main.ts and the `chat` CLI alike (so both use Ollama
 * the same way): the Ollama LlmPort, the vector index, semantic memory, and the bot's fallbacks.
 * With MUNSHI_LLM=off everything is absent and the bot runs on rules alone.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../ledger/schema.js';
import type { Expense } from '../core/types.js';
import type { Primary } from '../categories/taxonomy.js';
import type { UnderstandContext, Understanding } from '../understanding/types.js';
import type { Answer, QueryContext, QueryConversation } from '../query/answer.js';
import type { VectorIndex } from '../vectors/port.js';
import { openVectorIndex } from '../vectors/open.js';
import { createSemanticMemory, type ConceptExpansion, type SemanticMemory } from '../vectors/memory.js';
import type { LlmConfig } from './config.js';
import type { LlmPort, LlmStatus } from './port.js';
import { createOllamaLlm } from './ollama/adapter.js';
import { extractWithLlmDetailed } from './extract.js';
import { answerWithLlm } from './plan.js';
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
  db: Kysely<Database>;
  logger?: LocalAiLogger;
  /** The rules' categorizer; beats the model's category for texts it knows. Default: categories/index
   * with the owner's corrections, trusted unless it only guessed. */
  categorize?: (item: string | null, merchant: string | null) => { category: Primary; detail: string | null } | null;
  /** Use this port instead of dialing Ollama (tests). */
  llm?: LlmPort;
}

/**
 * Builds the local AI from config. Never fails because Ollama or LanceDB is missing: those only
 * make the parts that need them quiet.
 * e.g. const ai = await createLocalAi(config.llm, { db, logger }); createBot({ ..., fallbacks: ai.fallbacks, onRecorded: ai.onRecorded })
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
  const index = await openVectorIndex({ backend: cfg.vectors, dir: cfg.vectorDir, db: o.db, logger: o.logger });
  const memory = index ? createSemanticMemory({ llm, index, db: o.db, logger: o.logger, minScore: cfg.conceptMinScore ?? undefined }) : null;

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
      answer: (text, ctx, conversation) => answerWithLlm(llm, o.db, text, ctx, conversation),
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
