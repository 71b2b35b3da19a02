#!/usr/bin/env node
/**
 * The verdict of scripts/netcheck.sh: reads the logging resolver's log and the strace log of one
 * run and prints every host name looked up and every non-loopback address contacted, each marked
 * allowed or not. Allowed: WhatsApp Web's names (whatsapp.com, whatsapp.net and their subdomains)
 * and the addresses the resolver handed out for them; loopback; the configured Ollama host
 * (OLLAMA_HOST, its name or its address); and the UDP connect() of Chromium's IPv6 reachability
 * probe to 2001:4860:4860::8888, but only while nothing is ever sent there (the resolver listens
 * on that address inside the namespace and logs every datagram).
 *
 *   node report.mjs <work dir> [report.json] [command text]
 *
 * Exit status 0 when nothing else was asked for, 1 otherwise, 4 when the run is inconclusive:
 * strace itself failed midway (rarely, a ptrace race while Chromium's processes exit), which ends
 * the traced command early; run it again.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const [work, reportFile, commandText = ''] = process.argv.slice(2);
if (!work) {
  process.stderr.write('usage: report.mjs <work dir> [report.json] [command text]\n');
  process.exit(2);
}
const read = (f) => {
  try {
    return fs.readFileSync(path.join(work, f), 'utf8');
  } catch {
    return '';
  }
};

const WHATSAPP = /(^|\.)whatsapp\.(com|net)$/i;
const PROBE = '2001:4860:4860::8888';

// The configured Ollama host is the one other destination munshi may use.
const ollama = { names: new Set(['localhost']), addresses: new Set() };
try {
  const host = new URL(process.env.OLLAMA_HOST || 'http://127.0.0.1:11434').hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) ollama.addresses.add(host);
  else ollama.names.add(host.toLowerCase());
} catch {
  // an invalid OLLAMA_HOST stops munshi itself; nothing to allow
}

function isLoopback(addr) {
  if (net.isIPv4(addr)) return addr.startsWith('127.');
  const a = addr.toLowerCase();
  return a === '::1' || a.startsWith('::ffff:127.');
}

// ---- name lookups ----------------------------------------------------------------------------
const lookups = new Map();
const handedOut = new Map(); // address → name
let datagrams = 0;
for (const line of read('dns.log').split('\n')) {
  if (!line.trim()) continue;
  let e;
  try {
    e = JSON.parse(line);
  } catch {
    continue;
  }
  if (e.kind === 'datagram') {
    datagrams++;
    continue;
  }
  if (e.kind !== 'query') continue;
  const l = lookups.get(e.name) ?? { name: e.name, count: 0, types: {} };
  l.count++;
  l.types[e.type] = (l.types[e.type] ?? 0) + 1;
  lookups.set(e.name, l);
  if (e.answer) handedOut.set(e.answer, e.name);
}
for (const l of lookups.values()) {
  if (WHATSAPP.test(l.name)) [l.allowed, l.why] = [true, 'WhatsApp Web'];
  else if (ollama.names.has(l.name)) [l.allowed, l.why] = [true, 'the configured Ollama host'];
  else [l.allowed, l.why] = [false, 'not WhatsApp, not the Ollama host'];
}

// ---- connects and sends ----------------------------------------------------------------------
const SOCKADDR4 = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([\d.]+)"\)/g;
const SOCKADDR6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\),[^}]*?inet_pton\(AF_INET6, "([0-9a-fA-F:.]+)"/g;
const UNIX = /sa_family=AF_UNIX, sun_path=(@?"[^"]*")/;
const contacts = new Map();
const unixPaths = new Map();
let chromiumLaunches = 0;
for (const line of read('strace.log').split('\n')) {
  const call = /^\d+\s+(execve|connect|sendto|sendmsg|sendmmsg)\((.*)$/.exec(line);
  if (!call) continue;
  const [, syscall, rest] = call;
  if (syscall === 'execve') {
    // The browser process, not its renderer/GPU/utility children (they carry --type=).
    if (/^"[^"]*\/chromium\/chrom(e|ium)"/.test(rest) && !rest.includes('"--type=')) chromiumLaunches++;
    continue;
  }
  const proto = /^\d+<([A-Za-z0-9-]+)/.exec(rest)?.[1] ?? '?';
  const unix = UNIX.exec(rest);
  if (unix && syscall === 'connect') {
    unixPaths.set(unix[1], (unixPaths.get(unix[1]) ?? 0) + 1);
    continue;
  }
  for (const re of [SOCKADDR4, SOCKADDR6]) {
    for (const m of rest.matchAll(re)) {
      const [port, address] = [Number(m[1]), m[2]];
      if (isLoopback(address)) continue;
      const kind = syscall === 'connect' ? 'connect' : 'send';
      const key = `${kind} ${proto} ${address} ${port}`;
      const c = contacts.get(key) ?? { kind, proto, address, port, count: 0 };
      c.count++;
      contacts.set(key, c);
    }
  }
}
for (const c of contacts.values()) {
  const isUdp = c.proto.startsWith('UDP');
  if (handedOut.has(c.address)) [c.allowed, c.why] = [true, `WhatsApp Web (${handedOut.get(c.address)})`];
  else if (ollama.addresses.has(c.address)) [c.allowed, c.why] = [true, 'the configured Ollama host'];
  else if (c.address === PROBE && c.kind === 'connect' && isUdp && datagrams === 0)
    [c.allowed, c.why] = [true, "Chromium's IPv6 reachability probe: a UDP connect(), no datagram was ever sent"];
  else [c.allowed, c.why] = [false, 'not WhatsApp, not the Ollama host'];
}

// ---- verdict ---------------------------------------------------------------------------------
const violations = [
  ...[...lookups.values()].filter((l) => !l.allowed).map((l) => `looked up ${l.name} (${l.count}×)`),
  ...[...contacts.values()].filter((c) => !c.allowed).map((c) => `${c.kind} ${c.proto} ${c.address}:${c.port} (${c.count}×)`),
  ...(datagrams > 0 ? [`${datagrams} datagram(s) sent to ${PROBE}`] : []),
];
const num = (f) => Number(read(f).trim()) || 0;
const ranSeconds = Math.round((num('ended') - num('started')) * 10) / 10;
const status = read('status').trim();
// strace's own complaints (its stderr shares the command's log), e.g. a ptrace race it cannot recover from.
const tracerErrors = read('command.log')
  .split('\n')
  .filter((l) => /^strace: /.test(l));
const tracerFailed = tracerErrors.length > 0 && read('timed-out').trim() !== '1' ? tracerErrors.join('; ') : null;
const report = {
  command: commandText,
  ranSeconds,
  exitStatus: status === '' ? null : Number(status),
  // true: the command was still running when its time was up (and was then stopped)
  timedOut: read('timed-out').trim() === '1',
  chromiumLaunches,
  lookups: [...lookups.values()].sort((a, b) => b.count - a.count),
  contacts: [...contacts.values()].sort((a, b) => b.count - a.count),
  probeDatagrams: datagrams,
  unixSockets: Object.fromEntries(unixPaths),
  violations,
  ok: violations.length === 0,
  tracerFailed,
  commandOutputTail: read('command.log').split('\n').slice(-15).join('\n'),
};
if (reportFile) fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');

const out = [];
out.push(`ran \`${commandText}\` for ${ranSeconds} s; Chromium started ${chromiumLaunches} time(s)`);
if (tracerFailed) out.push(`INCONCLUSIVE: the tracer failed midway (${tracerFailed}); what was seen until then is below; run it again`);
else if (!report.timedOut) out.push(`note: the command ended by itself (exit status ${status}) before its time was up`);
out.push(`host names looked up (${lookups.size}):`);
for (const l of report.lookups) {
  const types = Object.entries(l.types).map(([t, n]) => `${t}×${n}`).join(' ');
  out.push(`  ${l.allowed ? 'ok  ' : 'FAIL'} ${l.name}  ${types}  (${l.why})`);
}
if (lookups.size === 0) out.push('  (none)');
out.push(`non-loopback addresses contacted (${contacts.size}):`);
for (const c of report.contacts) {
  out.push(`  ${c.allowed ? 'ok  ' : 'FAIL'} ${c.kind} ${c.proto} ${c.address.includes(':') ? `[${c.address}]` : c.address}:${c.port} ×${c.count}  (${c.why})`);
}
if (contacts.size === 0) out.push('  (none)');
if (unixPaths.size > 0) {
  // Local sockets, not the network; listed so a resolver daemon reached this way would show.
  out.push(`local sockets dialled (not network): ${[...unixPaths].map(([p, n]) => `${p} ×${n}`).join(', ')}`);
}
out.push(
  report.ok
    ? 'verdict: nothing but WhatsApp Web and the configured Ollama host was asked for'
    : `verdict: FAILED: ${violations.join('; ')}`,
);
process.stdout.write(out.map((l) => `netcheck: ${l}`).join('\n') + '\n');
process.exit(!report.ok ? 1 : tracerFailed ? 4 : 0);
