/**
 * @module cli/commands/reindex
 * `reindex [--db FILE] [--vectors DIR] [--backend auto|lancedb|sqlite]`: rebuilds semantic memory
 * from the SQLite ledger (the source of truth) — every distinct item and merchant text, embedded by
 * Ollama — with a progress bar on stderr. Prints one JSON summary line on stdout.
 */
import cliProgress from 'cli-progress';
import { parseArgs, out, str } from '../args.js';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../ledger/sqlite/open.js';
import { createOllamaLlm } from '../../llm/ollama/adapter.js';
import { openVectorIndex } from '../../vectors/open.js';
import { createSemanticMemory } from '../../vectors/memory.js';
import type { VectorBackend } from '../../llm/config.js';

export const summary = 'rebuild semantic memory (vectors of item/merchant texts) from the ledger: [--db FILE] [--vectors DIR] [--backend auto|lancedb|sqlite]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = loadConfig();
  const cfg = config.llm;
  const backend = (str(args, 'backend') ?? cfg.vectors) as VectorBackend;
  if (!['auto', 'lancedb', 'sqlite'].includes(backend)) {
    process.stderr.write(`--backend must be auto, lancedb or sqlite${backend === 'off' ? ' (MUNSHI_VECTORS=off turns semantic memory off)' : ''}\n`);
    return 2;
  }
  if (!cfg.enabled) {
    process.stderr.write('the local AI is off (MUNSHI_LLM=off); nothing to reindex\n');
    return 2;
  }
  const llm = createOllamaLlm({ host: cfg.host, chatModel: cfg.chatModel, embedModel: cfg.embedModel, embedTimeoutMs: cfg.embedTimeoutMs, healthTimeoutMs: cfg.healthTimeoutMs });
  const status = await llm.status();
  if (!status.up) {
    process.stderr.write(`Ollama is not reachable at ${cfg.host} (${status.error ?? 'no answer'}).\nStart it (docker compose up -d ollama, or systemctl start ollama) and try again.\n`);
    return 1;
  }
  if (!status.embedReady) {
    process.stderr.write(`The embedding model ${cfg.embedModel} is not pulled. Run: ollama pull ${cfg.embedModel}\n`);
    return 1;
  }

  const ledger = await openDatabase(str(args, 'db') ?? config.dbFile);
  const index = await openVectorIndex({ backend, dir: str(args, 'vectors') ?? cfg.vectorDir, db: ledger.db });
  if (!index) {
    await ledger.close();
    return 2;
  }
  const memory = createSemanticMemory({ llm, index, db: ledger.db, catchUpOnStart: false, batchSize: 64 });
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'reindex [{bar}] {value}/{total} texts · {eta_formatted} left' }, cliProgress.Presets.shades_classic) : null;
  let lastTenth = -1;
  const t0 = performance.now();
  try {
    const r = await memory.reindex((done, total) => {
      if (bar) {
        if (done === 0) bar.start(total, 0);
        else bar.update(done);
        return;
      }
      const tenth = total ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(`reindex ${done}/${total}\n`);
      }
    });
    bar?.stop();
    await out(JSON.stringify({ texts: r.texts, backend: index.backend ?? 'unknown', model: cfg.embedModel, ms: Math.round(performance.now() - t0) }));
    return 0;
  } catch (e) {
    bar?.stop();
    process.stderr.write(`reindex failed: ${e instanceof Error ? e.message : String(e)} (the previous index is unchanged)\n`);
    return 1;
  } finally {
    await memory.close();
    await index.close();
    await ledger.close();
  }
}
