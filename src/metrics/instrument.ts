/**
 * @module metrics/instrument
 * The series munshi exposes on /metrics, and decorators that count them around the ports the
 * composition root wires (the bot, the expense repository, the query repository, the LLM
 * fallbacks, the transcriber). The features themselves stay unaware of metrics.
 */
import type { BotFallbacks } from '../bot/bot.js';
import type { InboundMessage, OutboundReply } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { ExpenseQueries } from '../query/execute.js';
import type { Transcriber } from '../voice/port.js';
import { MetricsRegistry, type Counter, type Histogram } from './registry.js';

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export interface MunshiMetrics {
  readonly registry: MetricsRegistry;
  /** Inbound messages by what the pipeline did with them (accepted, duplicate, too_old, echo, stopped). */
  readonly messages: Counter;
  /** Messages the bot handled, by result (replied, silent, error). */
  readonly handled: Counter;
  readonly handleSeconds: Histogram;
  /** Expenses written (not redeliveries), by source. */
  readonly recorded: Counter;
  /** Ledger selections run for questions (a comparison runs two). */
  readonly selections: Counter;
  readonly llmCalls: Counter;
  readonly llmSeconds: Histogram;
  readonly transcriptions: Counter;
  readonly transcribeSeconds: Histogram;
  /** Errors by where they happened (pipeline, transport, web, scheduler…). */
  readonly errors: Counter;
  readonly webRequests: Counter;
}

export function createMetrics(): MunshiMetrics {
  const r = new MetricsRegistry();
  return {
    registry: r,
    messages: r.counter('munshi_messages_total', 'Inbound messages by pipeline outcome.'),
    handled: r.counter('munshi_messages_handled_total', 'Messages handled by the bot, by result.'),
    handleSeconds: r.histogram('munshi_message_handle_seconds', 'Time from a message reaching the bot to its replies.', LATENCY_BUCKETS),
    recorded: r.counter('munshi_expenses_recorded_total', 'Expenses recorded (redeliveries excluded), by source.'),
    selections: r.counter('munshi_query_selections_total', 'Ledger selections run to answer questions.'),
    llmCalls: r.counter('munshi_llm_fallback_total', 'LLM fallbacks asked, by kind and outcome.'),
    llmSeconds: r.histogram('munshi_llm_fallback_seconds', 'LLM fallback latency, by kind.', LATENCY_BUCKETS),
    transcriptions: r.counter('munshi_transcriptions_total', 'Voice notes transcribed, by outcome.'),
    transcribeSeconds: r.histogram('munshi_transcription_seconds', 'Voice note transcription latency.', LATENCY_BUCKETS),
    errors: r.counter('munshi_errors_total', 'Errors, by where they happened.'),
    webRequests: r.counter('munshi_web_requests_total', 'Web page and API requests, by status class.'),
  };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function instrumentBot<B extends { handle(msg: InboundMessage, io?: any): Promise<OutboundReply[]> }>(bot: B, m: MunshiMetrics): B {
  return {
    ...bot,
    async handle(msg: InboundMessage, io?: unknown) {
      const t = process.hrtime.bigint();
      try {
        const replies = await bot.handle(msg, io);
        m.handled.inc({ result: replies.length ? 'replied' : 'silent' });
        return replies;
      } catch (err) {
        m.handled.inc({ result: 'error' });
        m.errors.inc({ where: 'bot' });
        throw err;
      } finally {
        m.handleSeconds.observe(seconds(t));
      }
    },
  };
}

export function instrumentExpenses(repo: ExpenseRepository, m: MunshiMetrics): ExpenseRepository {
  return {
    ...repo,
    async record(drafts, meta) {
      const r = await repo.record(drafts, meta);
      if (!r.duplicate) m.recorded.inc({ source: meta.source }, r.expenses.length);
      return r;
    },
  };
}

export function instrumentQueries(q: ExpenseQueries, m: MunshiMetrics): ExpenseQueries {
  return {
    ...q,
    select(ctx, period, filters) {
      m.selections.inc();
      return q.select(ctx, period, filters);
    },
    // Spread loses nothing: the port is plain functions, bound to nothing.
    knownMerchant: (...a) => q.knownMerchant(...a),
    merchants: (...a) => q.merchants(...a),
    literalExists: (...a) => q.literalExists(...a),
    wordsStartingWith: (...a) => q.wordsStartingWith(...a),
  };
}

async function timed<T>(kind: string, m: MunshiMetrics, run: () => Promise<T | null>): Promise<T | null> {
  const t = process.hrtime.bigint();
  try {
    const r = await run();
    m.llmCalls.inc({ kind, outcome: r ? 'answered' : 'none' });
    return r;
  } catch (err) {
    m.llmCalls.inc({ kind, outcome: 'error' });
    m.errors.inc({ where: 'llm' });
    throw err;
  } finally {
    m.llmSeconds.observe(seconds(t), { kind });
  }
}

export function instrumentFallbacks<F extends BotFallbacks>(f: F | undefined, m: MunshiMetrics): F | undefined {
  if (!f) return f;
  return {
    ...f,
    extract: f.extract && ((text, ctx) => timed('extract', m, () => f.extract!(text, ctx))),
    answer: f.answer && ((text, ctx, conv) => timed('answer', m, () => f.answer!(text, ctx, conv))),
  };
}

export function instrumentTranscriber(t: Transcriber | null, m: MunshiMetrics): Transcriber | null {
  if (!t) return t;
  return {
    ...t,
    available: () => t.available(),
    async transcribe(audio, mimeType) {
      const start = process.hrtime.bigint();
      try {
        const r = await t.transcribe(audio, mimeType);
        m.transcriptions.inc({ outcome: 'ok' });
        return r;
      } catch (err) {
        m.transcriptions.inc({ outcome: 'error' });
        m.errors.inc({ where: 'voice' });
        throw err;
      } finally {
        m.transcribeSeconds.observe(seconds(start));
      }
    },
  };
}
