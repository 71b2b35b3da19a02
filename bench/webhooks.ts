/**
 * @module bench/webhooks
 * The official transports under load, on the real daemon (createApp with MUNSHI_TRANSPORT=cloud,
 * its webhook server, a real SQLite ledger in a temp dir) against a fake Graph API on 127.0.0.1:
 * how long Meta waits for the 200 (signature check + inbox write), how many messages per second
 * go all the way to a reply, and what refusing a mis-signed maximum-size body costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/config.js';
import { silentLogger } from '../src/logging/logger.js';
import { createApp } from '../src/main.js';
import { cloudNotification, postToWebhook, startFakeGraph } from '../src/transport/cloud/fake-graph.js';
import { twilioSignature, verifyTwilioSignature } from '../src/transport/webhook/signature.js';
import { ms, summarize, type BenchResult } from './stats.js';

const N = 300;
const ITEMS = ['chai', 'petrol', 'auto', 'latte', 'sabzi', 'uber', 'medicine', 'netflix'];

export async function benchWebhooks(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-bench-webhooks-'));
  const graph = await startFakeGraph({ accessToken: 't' });
  const config = loadConfig({
    MUNSHI_DATA_DIR: dir,
    MUNSHI_TRANSPORT: 'cloud',
    MUNSHI_WEBHOOK_PORT: '0',
    MUNSHI_ACCESS_MODE: 'allowlist',
    MUNSHI_ALLOWLIST: '+919800000002',
    MUNSHI_CLOUD_PHONE_NUMBER_ID: '106540352242922',
    MUNSHI_CLOUD_ACCESS_TOKEN: 't',
    MUNSHI_CLOUD_APP_SECRET: 's',
    MUNSHI_CLOUD_VERIFY_TOKEN: 'v',
    MUNSHI_CLOUD_API_URL: graph.url,
    MUNSHI_LLM: 'off',
  });
  const app = await createApp({ config, logger: silentLogger, optionalServices: false });
  try {
    await app.start();
    const hook = `${app.webhookUrl()}/webhooks/cloud`;
    const ack: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const body = JSON.stringify(
        cloudNotification('106540352242922', [{ from: '919800000002', id: `wamid.bench.${i}`, timestamp: Math.floor(Date.now() / 1000), text: `${ITEMS[i % ITEMS.length]} ${20 + i}` }]),
      );
      const s = performance.now();
      const r = await postToWebhook(hook, body, { appSecret: 's' });
      ack.push(performance.now() - s);
      if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
    }
    await app.pipeline.drain();
    const total = performance.now() - t0;
    const replies = graph.sent().length;
    const recorded = await app.services.repos.expenses.count();

    const big = JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(config.webhook.maxBodyBytes - 60) });
    const refuse: number[] = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      const r = await postToWebhook(hook, big, { appSecret: 'wrong' });
      refuse.push(performance.now() - s);
      if (r.status !== 401) throw new Error(`a mis-signed body got ${r.status}`);
    }

    const fields: [string, string][] = Array.from({ length: 20 }, (_, i) => [`Field${i}`, 'v'.repeat(40)]);
    const sig = twilioSignature('tok', 'https://munshi.example.com/webhooks/twilio', fields);
    const tw: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = performance.now();
      verifyTwilioSignature('tok', 'https://munshi.example.com/webhooks/twilio', fields, sig);
      tw.push(performance.now() - s);
    }

    const a = summarize(ack);
    const r = summarize(refuse);
    return {
      name: `webhooks (Cloud API transport, ${N} signed messages one after another, real SQLite, fake Graph API)`,
      lines: [
        `time to 200 (signature + inbox write): p50 ${ms(a.p50)} · p99 ${ms(a.p99)} · max ${ms(a.max)}`,
        `to the last reply: ${(N / (total / 1000)).toFixed(0)} messages/s (${recorded} recorded, ${replies} replies sent)`,
        `refusing a mis-signed ${Math.round(config.webhook.maxBodyBytes / 1024)} KiB body: p50 ${ms(r.p50)} · p99 ${ms(r.p99)}`,
        `Twilio signature check (20 fields, both URL variants): p50 ${ms(summarize(tw).p50)}`,
        `RSS after: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
      ],
    };
  } finally {
    await app.stop();
    await graph.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
