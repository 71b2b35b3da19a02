// munshi's container/systemd health check: healthy while the daemon keeps its status file fresh.
// The daemon rewrites data/status.json on every state change and WhatsApp heartbeat (a few
// minutes apart at most), so a stale file means a hung or dead daemon. Plain Node, no deps.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.MUNSHI_DATA_DIR || './data';
const file = path.join(dir, 'status.json');
const maxAgeMs = Number(process.env.MUNSHI_HEALTH_MAX_AGE_SECONDS || 900) * 1000;
try {
  const s = JSON.parse(fs.readFileSync(file, 'utf8'));
  const stamp = Date.parse(s.updatedAt ?? '') || fs.statSync(file).mtimeMs;
  const age = Date.now() - stamp;
  if (age > maxAgeMs) {
    console.error(`unhealthy: ${file} last updated ${Math.round(age / 1000)} s ago (state ${s.state})`);
    process.exit(1);
  }
  console.log(`ok: ${s.state ?? 'unknown'} (updated ${Math.round(age / 1000)} s ago)`);
} catch (e) {
  console.error(`unhealthy: cannot read ${file}: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
