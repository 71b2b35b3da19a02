/**
 * @module cli/commands/status
 * `status [--json]`: is WhatsApp paired and connected, how big is the ledger, what went wrong last.
 * Reads the daemon's status file and the ledger; never talks to WhatsApp itself, so it is safe to
 * run next to the daemon.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, out } from '../args.js';
import type { InboxStats } from '../../inbox/port.js';
import { pidAlive, readStatus } from '../../transport/status-file.js';
import { localAiStatus } from '../../app/local-ai.js';
import { cliConfig, cliServices } from '../services.js';

export const summary = 'is WhatsApp paired and connected, ledger size, last error [--json]';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const config = cliConfig(args);
  const sessionDir = path.join(config.whatsapp.sessionDir, 'session');
  const hasSession = fs.existsSync(sessionDir);
  const st = readStatus(config.statusFile);
  const running = Boolean(st && st.state !== 'stopped' && pidAlive(st.pid));
  const connected = running && st!.state === 'connected';
  let ledger: { expenses: number; inbox: InboxStats } | null = null;
  if (fs.existsSync(config.dbFile)) {
    const services = await cliServices(config, { optionalServices: false });
    try {
      ledger = { expenses: await services.repos.expenses.count(), inbox: await services.repos.inbox.stats() };
    } finally {
      await services.close();
    }
  }
  const paired = hasSession && Boolean(st?.authenticatedAt);
  const ai = await localAiStatus(config.llm);
  const lastError = [st?.lastError, ledger?.inbox.lastError ? { at: ledger.inbox.lastError.at, message: ledger.inbox.lastError.error } : null]
    .filter((e): e is { at: string; message: string } => Boolean(e))
    .sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;

  if (args.flags.json === true) {
    await out(
      JSON.stringify({
        transport: config.transport,
        paired,
        sessionDir: hasSession ? sessionDir : null,
        daemon: st ? { running, pid: st.pid, state: running ? st.state : 'stopped', since: st.since, lastEventAt: st.lastEventAt, account: st.account } : null,
        connected,
        ledger,
        localAi: ai,
        lastError,
      }),
    );
    return 0;
  }
  const lines: string[] = [];
  lines.push(`transport   ${config.transport}${config.transport === 'whatsapp' ? ` (${config.access.mode === 'self' ? 'your "Message yourself" chat' : `allow-list of ${config.access.allowlist.length}`})` : ''}`);
  if (config.transport === 'whatsapp') {
    lines.push(`paired      ${paired ? `yes (session in ${sessionDir}${st?.account.length ? `, as ${st.account.join(' / ')}` : ''})` : hasSession ? 'not confirmed yet (a session folder exists; start munshi and scan the QR if asked)' : 'no: run `npm start` and scan the QR (or set MUNSHI_PAIRING_PHONE)'}`);
  }
  lines.push(
    `daemon      ${!st ? 'never started' : running ? `running (pid ${st.pid}), ${st.state} since ${st.since}${st.lastEventAt ? `, last event ${st.lastEventAt}` : ''}` : `not running (last state ${st.state} at ${st.updatedAt})`}`,
  );
  lines.push(`connected   ${connected ? 'yes' : 'no'}`);
  lines.push(
    ledger
      ? `ledger      ${ledger.expenses} expenses in ${config.dbFile}; inbox ${ledger.inbox.done} done, ${ledger.inbox.pending + ledger.inbox.processing} waiting, ${ledger.inbox.failed} failed, ${ledger.inbox.unsent} replies unsent`
      : `ledger      none yet (${config.dbFile})`,
  );
  lines.push(
    `local AI    ${!ai.enabled ? 'off (MUNSHI_LLM=off): rules only' : ai.up ? `Ollama at ${ai.host}: ${ai.chatModel} ${ai.chatReady ? 'ready' : `not pulled (ollama pull ${ai.chatModel})`}, ${ai.embedModel} ${ai.embedReady ? 'ready' : `not pulled (ollama pull ${ai.embedModel})`}` : `Ollama not reachable at ${ai.host} (optional: munshi runs on its rules)`}`,
  );
  lines.push(`last error  ${lastError ? `${lastError.at} ${lastError.message}` : 'none'}`);
  for (const l of lines) await out(l);
  return 0;
}
