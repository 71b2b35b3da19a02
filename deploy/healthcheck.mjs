// munshi's container/systemd health check. With the web page on (the default), it asks the daemon
// itself: GET /healthz on 127.0.0.1 must answer within the timeout with 200 ("ok" or "degraded":
// WhatsApp offline or Ollama down still keep the books) — a hung daemon, a ledger that cannot be
// read (503) or no answer at all is unhealthy. When the page is off (MUNSHI_WEB=off) or its port
// could not be bound, it falls back to the status file the daemon rewrites on every state change
// and WhatsApp heartbeat: stale means hung or dead. Plain Node, no deps.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const env = process.env;
const dir = env.MUNSHI_DATA_DIR || './data';
const file = path.join(dir, 'status.json');
const maxAgeMs = Number(env.MUNSHI_HEALTH_MAX_AGE_SECONDS || 900) * 1000;
const webOn = !/^(off|false|0|no)$/i.test(env.MUNSHI_WEB || 'on');
const port = Number(env.MUNSHI_WEB_PORT || 8080);
const host = !env.MUNSHI_WEB_HOST || env.MUNSHI_WEB_HOST === '0.0.0.0' ? '127.0.0.1' : env.MUNSHI_WEB_HOST === '::' ? '::1' : env.MUNSHI_WEB_HOST;

function statusFile() {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    const stamp = Date.parse(s.updatedAt ?? '') || fs.statSync(file).mtimeMs;
    const age = Date.now() - stamp;
    if (age > maxAgeMs) {
      console.error(`unhealthy: ${file} last updated ${Math.round(age / 1000)} s ago (state ${s.state})`);
      process.exit(1);
    }
    console.log(`ok: ${s.state ?? 'unknown'} (updated ${Math.round(age / 1000)} s ago)`);
    process.exit(0);
  } catch (e) {
    console.error(`unhealthy: cannot read ${file}: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}

if (!webOn) statusFile();
else {
  const req = http.get({ host, port, path: '/healthz', timeout: Number(env.MUNSHI_HEALTH_TIMEOUT_MS || 8000) }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (body += c));
    res.on('end', () => {
      let h = {};
      try {
        h = JSON.parse(body);
      } catch {}
      if (res.statusCode === 200) {
        console.log(`ok: ${h.status} (WhatsApp ${h.whatsapp?.state ?? 'unknown'})`);
        process.exit(0);
      }
      console.error(`unhealthy: /healthz answered ${res.statusCode} ${h.ledger?.error ?? body.slice(0, 200)}`);
      process.exit(1);
    });
  });
  req.on('timeout', () => {
    console.error(`unhealthy: /healthz on ${host}:${port} did not answer in time`);
    process.exit(1);
  });
  // Nothing listens (the page could not bind its port): the status file still tells.
  req.on('error', (e) => (e.code === 'ECONNREFUSED' ? statusFile() : (console.error(`unhealthy: ${e.message}`), process.exit(1))));
}
