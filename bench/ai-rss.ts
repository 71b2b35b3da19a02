/**
 * @module bench/ai-rss
 * Child process for bench/ai.ts: the daemon's non-Chromium parts (ledger, rules, query engine, bot,
 * local AI with LanceDB loaded and searched), composed by buildServices as the daemon composes them,
 * in a fresh process, then prints its memory as JSON.
 * `npx tsx bench/ai-rss.ts <ledger-file> <vector-dir> <ollama-url>`
 */
import { buildServices } from '../src/app/services.js';
import { loadConfig } from '../src/config/config.js';

const [file, dir, host] = process.argv.slice(2) as [string, string, string];
const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const base = mb();
const services = await buildServices(loadConfig({ MUNSHI_DB_FILE: file, OLLAMA_HOST: host, MUNSHI_VECTORS: 'lancedb', MUNSHI_VECTOR_DIR: dir }));
const { bot } = services;
const ai = services.localAi!;
await bot.handle({ id: 'rss1', chatId: 'self', senderId: 'me', text: 'chai 20', timestamp: new Date() });
await bot.handle({ id: 'rss2', chatId: 'self', senderId: 'me', text: 'how much this month?', timestamp: new Date() });
const hits = await ai.memory!.expandConcept('fizzy drinks');
await ai.memory!.idle();
process.stdout.write(JSON.stringify({ baseMb: base, rssMb: mb(), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20), backend: ai.index?.backend, vectors: await ai.index!.count(), concept: hits?.terms.length ?? 0 }) + '\n');
await services.close();
