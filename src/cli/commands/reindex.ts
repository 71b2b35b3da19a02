/**
 * @module cli/commands/reindex
 * `reindex [--db FILE] [--vectors DIR] [--backend auto|lancedb|sqlite]`: rebuilds semantic memory
 * from the SQLite ledger (the source of truth) — every distinct item and merchant text, embedded by
 * Ollama — with a progress bar on stderr. Prints one JSON summary line on stdout.
 */
import cliProgress from 'cli-progress';
import { parseArgs, out, str } from '../args.js';
import type { VectorBackend } from '../../vectors/port.js';
import { cliConfig, cliServices } from '../services.js';

export const summary = 'rebuild semantic memory (vectors of item/merchant texts) from the ledger: [--db FILE] [--vectors DIR] [--backend auto|lancedb|sqlite]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const base = cliConfig(args);
  const backend = (str(args, 'backend') ?? base.vectors.backend) as VectorBackend;
  if (!['auto', 'lancedb', 'sqlite'].includes(backend)) {
    process.stderr.write(`--backend must be auto, lancedb or sqlite${backend === 'off' ? ' (MUNSHI_VECTORS=off turns semantic memory off)' : ''}\n`);
    return 2;
  }
  const cfg = base.llm;
  if (!cfg.enabled) {
    process.stderr.write('the local AI is off (MUNSHI_LLM=off); nothing to reindex\n');
    return 2;
  }
  const config = Object.freeze({ ...base, vectors: { ...base.vectors, backend, dir: str(args, 'vectors') ?? base.vectors.dir } });
  const services = await cliServices(config, { memory: { catchUpOnStart: false, batchSize: 64 } });
  const ai = services.localAi;
  if (!ai?.llm || !ai.memory) {
    await services.close();
    process.stderr.write('semantic memory is not available (see the log above)\n');
    return 1;
  }
  const status = (await ai.llm.status?.()) ?? { up: await ai.llm.healthy(), embedReady: true, error: undefined };
  if (!status.up) {
    await services.close();
    process.stderr.write(`Ollama is not reachable at ${cfg.host} (${status.error ?? 'no answer'}).\nStart it (docker compose up -d ollama, or systemctl start ollama) and try again.\n`);
    return 1;
  }
  if (!status.embedReady) {
    await services.close();
    process.stderr.write(`The embedding model ${cfg.embedModel} is not pulled. Run: ollama pull ${cfg.embedModel}\n`);
    return 1;
  }
  const memory = ai.memory;
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
    await out(JSON.stringify({ texts: r.texts, backend: ai.index?.backend ?? 'unknown', model: cfg.embedModel, ms: Math.round(performance.now() - t0) }));
    return 0;
  } catch (e) {
    bar?.stop();
    process.stderr.write(`reindex failed: ${e instanceof Error ? e.message : String(e)} (the previous index is unchanged)\n`);
    return 1;
  } finally {
    await services.close();
  }
}
