/**
 * @module scripts/replay
 * Exactly-once under fire: replays N WhatsApp events through the fake whatsapp-web.js client into
 * the REAL appliance (adapter, access policy, durable pipeline, bot, SQLite ledger) with random
 * duplicate deliveries, echoes of munshi's replies (same id and new id), strangers' messages,
 * the owner's chats with friends, and a kill -9 of the whole process midway; the restarted process
 * (same data dir) gets the last few hundred events again, as WhatsApp replays history after a
 * reconnect. The stream also holds commands that delete: "undo" right after an expense, and
 * "delete chai <amount>" answered "yes" for an older one (each redelivered at times, like any
 * message). Then it checks that every allowed expense was recorded exactly once, that nothing was
 * deleted but what a command named, each at most once, and prints counts.
 *
 * What a command may do across the kill: the chat's short memory ("the last expense", "a delete
 * waits for yes") does not survive a restart, so an "undo" the restarted process handles asks
 * "Delete your latest entry, …?" instead of deleting, and a "yes" whose question was asked before
 * the kill answers "Nothing is waiting". Either way the reply names what it did, and the ledger
 * must agree with the replies: an expense is deleted exactly when one reply says "Removed" it.
 * Commands the first process finished before it was killed must have deleted their expense.
 *
 *   npx tsx scripts/replay.ts [--messages 10000] [--seed 7] [--kill-at 0.5] [--dir DIR] [--keep]
 *
 * Exit code 0 when exactly-once holds, 1 otherwise. (`--child` is the worker it spawns.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { parseArgs, str } from '../src/cli/args.js';
import { loadConfig } from '../src/config/config.js';
import { openRepositories } from '../src/app/repositories.js';
import { silentLogger } from '../src/logging/logger.js';
import { createApp } from '../src/main.js';
import { fakeClientFactory } from '../src/transport/whatsapp/fake-client.js';

const account = { pn: '919800000001@c.us', lid: '111122223333444@lid' };
const FRIEND = '919800000002@c.us';
const STRANGERS = ['919811111111@c.us', '447700900123@c.us', '222233334444@lid'];
const BATCH = 50;

type Event =
  | { kind: 'expense'; id: string; text: string; amount: number; viaLid: boolean }
  | { kind: 'duplicate'; of: number }
  /** "undo" right after the expense it should remove (`target`: that event's index), in the same chat form. */
  | { kind: 'undo'; id: string; text: string; target: number; viaLid: boolean }
  /** "delete chai <amount>" naming an older expense; the next event answers "yes". */
  | { kind: 'delete'; id: string; text: string; target: number; viaLid: boolean }
  | { kind: 'yes'; id: string; text: string; target: number; viaLid: boolean }
  | { kind: 'stranger'; id: string; from: string; text: string }
  | { kind: 'friend_chat'; id: string; text: string }
  | { kind: 'echo'; id: string };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same plan for the same seed in every process, so the restarted worker replays identical events. */
function plan(n: number, seed: number): Event[] {
  const rand = mulberry32(seed);
  const events: Event[] = [];
  const expenses: number[] = [];
  /** Events a redelivery may repeat: every message of the owner's own chat. */
  const owned: number[] = [];
  /** Expenses a command already names: each is named by one command only, so its fate is checkable. */
  const named = new Set<number>();
  while (events.length < n) {
    const i = events.length;
    const r = rand();
    if (r < 0.6 || expenses.length === 0) {
      // A unique amount per message makes "recorded exactly once" checkable per message.
      const amount = 100 + i;
      const viaLid = rand() < 0.2;
      events.push({ kind: 'expense', id: `EXP${String(i).padStart(6, '0')}`, text: `chai ${amount}`, amount, viaLid });
      expenses.push(i);
      owned.push(i);
      if (rand() < 0.06 && events.length < n) {
        named.add(i);
        owned.push(events.length);
        events.push({ kind: 'undo', id: `UND${String(events.length).padStart(6, '0')}`, text: 'undo', target: i, viaLid });
      }
    } else if (r < 0.75) {
      events.push({ kind: 'duplicate', of: owned[Math.floor(rand() * owned.length)]! });
    } else if (r < 0.87) {
      events.push({ kind: 'stranger', id: `STR${i}`, from: STRANGERS[Math.floor(rand() * STRANGERS.length)]!, text: `chai ${100 + i}` });
    } else if (r < 0.93) {
      events.push({ kind: 'friend_chat', id: `FRD${i}`, text: `lunch ${100 + i}` });
    } else if (r < 0.96 && events.length + 1 < n) {
      // An older expense among the last few, not yet named by another command.
      const recent = expenses.slice(-20).filter((x) => !named.has(x));
      const target = recent[Math.floor(rand() * recent.length)];
      if (target === undefined) continue;
      named.add(target);
      const amount = (events[target] as Extract<Event, { kind: 'expense' }>).amount;
      owned.push(events.length, events.length + 1);
      events.push({ kind: 'delete', id: `DEL${String(events.length).padStart(6, '0')}`, text: `delete chai ${amount}`, target, viaLid: false });
      events.push({ kind: 'yes', id: `YES${String(events.length).padStart(6, '0')}`, text: 'yes', target, viaLid: false });
    } else {
      events.push({ kind: 'echo', id: `ECH${i}` });
    }
  }
  return events;
}

/** The amount (in rupees) a reply line names first: "🗑️ Removed ₹1,234 · …" → 1234. */
function amountIn(reply: string): number | null {
  const m = /₹([\d,]+)/.exec(reply);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

async function child(args: ReturnType<typeof parseArgs>): Promise<number> {
  const dir = str(args, 'dir')!;
  const n = Number(str(args, 'messages'));
  const from = Number(str(args, 'from') ?? '0');
  const events = plan(n, Number(str(args, 'seed')));
  const config = loadConfig({ MUNSHI_DATA_DIR: dir, MUNSHI_WWEB_CACHE: 'none', MUNSHI_MAX_AGE_HOURS: '24' });
  const factory = fakeClientFactory({ account, echo: 'same_id' });
  const app = await createApp({ config, logger: silentLogger, clientFactory: factory, random: Math.random, optionalServices: false });
  await app.start();
  while (app.status.current.state !== 'connected') await new Promise((r) => setTimeout(r, 5));
  await app.pipeline.recover(); // what onReady started; wait for it before feeding
  const c = factory.current();
  const now = Math.floor(Date.now() / 1000);
  const settle = async () => {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 1));
    await app.pipeline.drain();
  };
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'expense' || e.kind === 'undo' || e.kind === 'delete' || e.kind === 'yes') c.selfMessage(e.text, { id: e.id, viaLid: e.viaLid, timestamp: now });
    else if (e.kind === 'duplicate') {
      const orig = events[e.of] as Extract<Event, { kind: 'expense' | 'undo' | 'delete' | 'yes' }>;
      c.selfMessage(orig.text, { id: orig.id, viaLid: orig.viaLid, timestamp: now });
    } else if (e.kind === 'stranger') c.incoming({ from: e.from, body: e.text, id: e.id, timestamp: now });
    else if (e.kind === 'friend_chat') c.emit('message_create', c.build({ fromMe: true, chatId: FRIEND, author: account.pn, body: e.text, id: e.id, timestamp: now }));
    else {
      // An echo of the latest reply under a new id (the same-id echoes come from the fake by itself).
      const last = c.sent.at(-1);
      if (last) c.emit('message_create', c.build({ fromMe: true, chatId: last.chatId, author: account.pn, body: last.text, id: e.id, timestamp: now }));
    }
    if ((i + 1) % BATCH === 0 || i === events.length - 1) {
      await settle();
      process.stdout.write(`fed ${i + 1} sent ${c.sent.length}\n`);
    }
  }
  await settle();
  process.stdout.write(`done sent ${c.sent.length}\n`);
  await app.stop('done');
  return 0;
}

function runChild(script: string, argv: string[], onLine: (line: string, kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, '--child', ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    createInterface({ input: p.stdout }).on('line', (l) => onLine(l, () => p.kill('SIGKILL')));
    p.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function parent(args: ReturnType<typeof parseArgs>): Promise<number> {
  const n = Number(str(args, 'messages') ?? '10000');
  const seed = Number(str(args, 'seed') ?? '7');
  const killAt = Number(str(args, 'kill-at') ?? '0.5');
  const dir = str(args, 'dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-replay-'));
  const script = fileURLToPath(import.meta.url);
  const base = ['--dir', dir, '--messages', String(n), '--seed', String(seed)];
  const t0 = Date.now();

  let fed = 0;
  let sentFirst = 0;
  let sentSecond = 0;
  let killed = false;
  const first = await runChild(script, base, (line, kill) => {
    const m = /^fed (\d+) sent (\d+)$/.exec(line);
    if (m && !killed) {
      fed = Number(m[1]);
      sentFirst = Number(m[2]);
      if (!killed && killAt > 0 && fed >= n * killAt) {
        killed = true;
        // Not right at the progress line (the worker is idle there): a moment later, in the middle of the next batch.
        setTimeout(kill, 2 + Math.floor(Math.random() * 20));
      }
    }
    const d = /^done sent (\d+)$/.exec(line);
    if (d) sentFirst = Number(d[1]);
  });
  if (killAt > 0 && first.signal !== 'SIGKILL') throw new Error(`the first worker was not killed (exit ${first.code})`);
  // WhatsApp replays recent history after a reconnect: give the restarted worker the last events again.
  const resumeAt = Math.max(0, fed - 300);
  const second =
    killAt > 0
      ? await runChild(script, [...base, '--from', String(resumeAt)], (line) => {
          const d = /^(?:done sent|fed \d+ sent) (\d+)$/.exec(line);
          if (d) sentSecond = Number(d[1]);
        })
      : first;
  // Sends the killed worker made after its last progress line are not seen; they can only make this larger.
  const sent = sentFirst + sentSecond;
  if (second.code !== 0) throw new Error(`the restarted worker failed (exit ${second.code}, ${second.signal})`);

  const events = plan(n, seed);
  const expected = new Map<string, number>();
  for (const e of events) if (e.kind === 'expense') expected.set(e.id, e.amount);
  const commands = events.map((e, i) => ({ e, i })).filter((x): x is { e: Extract<Event, { kind: 'undo' | 'delete' | 'yes' }>; i: number } => x.e.kind === 'undo' || x.e.kind === 'delete' || x.e.kind === 'yes');
  const counts = {
    events: n,
    allowedUnique: expected.size,
    duplicates: events.filter((e) => e.kind === 'duplicate').length,
    strangers: events.filter((e) => e.kind === 'stranger').length,
    ownerOtherChats: events.filter((e) => e.kind === 'friend_chat').length,
    injectedEchoes: events.filter((e) => e.kind === 'echo').length,
    undos: commands.filter((c) => c.e.kind === 'undo').length,
    deletesByDescription: commands.filter((c) => c.e.kind === 'delete').length,
    killedAfterFed: killAt > 0 ? fed : null,
    restartedFrom: killAt > 0 ? resumeAt : null,
  };

  const repos = await openRepositories(path.join(dir, 'munshi.db'));
  // Every row, deleted ones too: a deleted expense was still recorded once.
  const rows = (await sql<{ message_id: string | null; amount_minor: number; deleted_at: string | null }>`SELECT message_id, amount_minor, deleted_at FROM expenses`.execute(repos.store.db)).rows;
  const replyRows = (await sql<{ inbox_id: string; text: string }>`SELECT inbox_id, text FROM outbox WHERE inbox_id IS NOT NULL ORDER BY id`.execute(repos.store.db)).rows;
  const byMessage = new Map<string, number>();
  // Serialized ids look like "true_<chat>_<id>"; the plan knows the <id> part.
  const shortId = (serialized: string | null) => (serialized ?? '?').split('_').pop()!;
  for (const r of rows) byMessage.set(shortId(r.message_id), (byMessage.get(shortId(r.message_id)) ?? 0) + 1);
  const replies = new Map<string, string>();
  for (const r of replyRows) replies.set(shortId(r.inbox_id), [replies.get(shortId(r.inbox_id)), r.text].filter(Boolean).join('\n'));
  const missing = [...expected.keys()].filter((id) => !byMessage.has(id));
  const doubled = [...byMessage.entries()].filter(([, k]) => k > 1).map(([id]) => id);
  const unexpected = [...byMessage.keys()].filter((id) => !expected.has(id));
  const wrongAmount = rows.filter((r) => expected.has(shortId(r.message_id)) && r.amount_minor !== expected.get(shortId(r.message_id))! * 100).length;
  const deleted = new Set(rows.filter((r) => r.deleted_at).map((r) => shortId(r.message_id)));

  // The commands: what each reply says it did, and whether the ledger agrees.
  const targetId = (c: (typeof commands)[number]) => (events[c.e.target] as Extract<Event, { kind: 'expense' }>).id;
  const targetAmount = (c: (typeof commands)[number]) => (events[c.e.target] as Extract<Event, { kind: 'expense' }>).amount;
  const removedBy = new Map<string, number>();
  const problems: string[] = [];
  let asked = 0;
  let removedCount = 0;
  for (const c of commands) {
    const reply = replies.get(c.e.id) ?? '';
    const amount = amountIn(reply);
    const tid = targetId(c);
    const removed = reply.startsWith('🗑️ Removed');
    if (removed) {
      removedCount++;
      if (amount !== targetAmount(c)) problems.push(`${c.e.id} "${c.e.text}" removed ₹${amount}, not its expense ₹${targetAmount(c)}`);
      removedBy.set(tid, (removedBy.get(tid) ?? 0) + 1);
    }
    if (c.e.kind === 'undo') {
      const ok = removed || (reply.startsWith('Delete your latest entry') && amount === targetAmount(c)) || /^Okay, (kept|dropped)/.test(reply);
      if (!ok) problems.push(`${c.e.id} undo after ₹${targetAmount(c)}: unexpected reply ${JSON.stringify(reply.slice(0, 80))}`);
      if (!removed) asked++;
    } else if (c.e.kind === 'delete') {
      if (!(reply.startsWith('Delete ') && amount === targetAmount(c))) problems.push(`${c.e.id} "${c.e.text}": unexpected reply ${JSON.stringify(reply.slice(0, 80))}`);
    } else if (!removed && reply !== 'Nothing is waiting for confirmation.') problems.push(`${c.e.id} yes for ₹${targetAmount(c)}: unexpected reply ${JSON.stringify(reply.slice(0, 80))}`);
    // The first process handled it with its memory intact (its progress line came after it).
    if ((killAt === 0 || c.i < fed) && c.e.kind !== 'delete' && !removed) problems.push(`${c.e.id} "${c.e.text}" was handled before the kill but removed nothing: ${JSON.stringify(reply.slice(0, 80))}`);
  }
  const namedTargets = new Set(commands.map(targetId));
  for (const id of deleted) {
    if (!namedTargets.has(id)) problems.push(`${id} was deleted but no command named it`);
    else if (removedBy.get(id) !== 1) problems.push(`${id} was deleted, but ${removedBy.get(id) ?? 0} replies say so`);
  }
  for (const [id, k] of removedBy) if (!deleted.has(id) || k > 1) problems.push(`${k} replies removed ${id}, but it is ${deleted.has(id) ? 'deleted' : 'live'}`);
  const inbox = await repos.inbox.stats();
  await repos.close();

  const result = {
    ...counts,
    recorded: rows.length,
    deleted: deleted.size,
    removedByCommands: removedCount,
    askedInsteadAfterRestart: asked,
    missing: missing.length,
    recordedTwice: doubled.length,
    notAllowedButRecorded: unexpected.length,
    wrongAmount,
    commandProblems: problems.slice(0, 20),
    inbox,
    replies: inbox.replies,
    repliesSentAcrossRuns: sent,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    dataDir: dir,
  };
  const ok =
    rows.length === expected.size &&
    missing.length === 0 &&
    doubled.length === 0 &&
    unexpected.length === 0 &&
    wrongAmount === 0 &&
    problems.length === 0 &&
    inbox.pending === 0 &&
    inbox.processing === 0 &&
    inbox.failed === 0 &&
    inbox.unsent === 0 &&
    inbox.done === expected.size + commands.length;
  process.stdout.write(JSON.stringify({ ok, ...result }, null, 2) + '\n');
  process.stderr.write(
    `${ok ? 'EXACTLY ONCE' : 'FAILED'}: ${n} events (${expected.size} allowed expenses, ${counts.undos} undos, ${counts.deletesByDescription} deletes by description, ${counts.duplicates} duplicates, ${counts.strangers} strangers, ${counts.ownerOtherChats} other chats, ${counts.injectedEchoes} injected echoes), kill -9 after ${fed}: recorded ${rows.length}, deleted ${deleted.size} (each by the one command that said so; ${asked} undos asked instead after the restart), missing ${missing.length}, twice ${doubled.length}, not allowed ${unexpected.length}, command problems ${problems.length}; ${result.replies} replies, ${sent} sends seen (at least ${Math.max(0, sent - result.replies)} re-sent after the kill) in ${result.seconds} s\n`,
  );
  for (const p of problems.slice(0, 20)) process.stderr.write(`  ${p}\n`);
  if (!args.flags.keep && !str(args, 'dir')) fs.rmSync(dir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

const args = parseArgs(process.argv.slice(2), ['child', 'keep']);
(args.flags.child ? child(args) : parent(args)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`replay failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
