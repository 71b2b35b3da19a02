#!/usr/bin/env node
/**
 * The logging DNS resolver of the network-isolation check (scripts/netcheck.sh).
 *
 * Inside a network namespace that has only loopback it listens on UDP and TCP port 53 of
 * 127.0.0.1 and ::1 and writes one JSON line per question to the log file:
 *   {"t":"…","kind":"query","name":"web.whatsapp.com","type":"A","proto":"udp","answer":"192.0.2.1"}
 * It answers so that nothing can actually leave: names of WhatsApp (whatsapp.com, whatsapp.net and
 * their subdomains) get documentation addresses (192.0.2.x, 2001:db8::x; RFC 5737/3849), one per
 * name, which the report recognises in connect() calls; every other name gets NXDOMAIN.
 *
 * With --sink HOST:PORT it also listens for UDP datagrams there and logs each one
 * ({"kind":"datagram",…}): netcheck puts Chromium's IPv6 reachability-probe address on loopback so
 * that the probe's connect() succeeds, and this proves the probe sends no data.
 *
 *   node dns-logger.mjs <log file> <ready file> [--sink [2001:4860:4860::8888]:443]
 *
 * No dependencies beyond Node: it runs before anything else inside the namespace.
 */
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';

const args = process.argv.slice(2);
const [logFile, readyFile] = args;
const sinkAt = args.indexOf('--sink');
const sink = sinkAt >= 0 ? args[sinkAt + 1] : undefined;
if (!logFile || !readyFile) {
  process.stderr.write('usage: dns-logger.mjs <log file> <ready file> [--sink [addr]:port]\n');
  process.exit(2);
}
const log = fs.openSync(logFile, 'a');
const write = (o) => fs.writeSync(log, JSON.stringify({ t: new Date().toISOString(), ...o }) + '\n');

const TYPES = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV', 64: 'SVCB', 65: 'HTTPS', 255: 'ANY' };
const WHATSAPP = /(^|\.)whatsapp\.(com|net)$/i;

/** One documentation address per WhatsApp name, so a connect() can be traced back to its name. */
const handed = new Map();
function indexFor(name) {
  if (!handed.has(name)) handed.set(name, (handed.size % 250) + 1);
  return handed.get(name);
}

/** The question (name, type) of a DNS message; null when it is not one. */
function question(msg) {
  if (msg.length < 17 || msg.readUInt16BE(4) < 1) return null;
  const labels = [];
  let i = 12;
  for (;;) {
    if (i >= msg.length) return null;
    const len = msg[i];
    if (len === 0) break;
    if (len > 63 || i + 1 + len > msg.length) return null;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('latin1'));
    i += 1 + len;
  }
  if (i + 5 > msg.length) return null;
  return { name: labels.join('.').toLowerCase(), qtype: msg.readUInt16BE(i + 1), end: i + 5 };
}

function answer(msg, proto) {
  const q = question(msg);
  if (!q) return null;
  const type = TYPES[q.qtype] ?? String(q.qtype);
  const allowed = WHATSAPP.test(q.name);
  let rdata = null;
  let shown;
  if (allowed && (q.qtype === 1 || q.qtype === 28)) {
    const n = indexFor(q.name);
    rdata = q.qtype === 1 ? Buffer.from([192, 0, 2, n]) : Buffer.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n]);
    shown = q.qtype === 1 ? `192.0.2.${n}` : `2001:db8::${n.toString(16)}`;
  }
  write({ kind: 'query', name: q.name, type, proto, ...(shown ? { answer: shown } : {}) });
  const header = Buffer.alloc(12);
  msg.copy(header, 0, 0, 2); // the id
  header[2] = 0x80 | 0x04 | (msg[2] & 0x01); // response, authoritative, "recursion desired" echoed
  header[3] = 0x80 | (allowed ? 0 : 3); // recursion available; NXDOMAIN for anything not WhatsApp's
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rdata ? 1 : 0, 6);
  const parts = [header, msg.subarray(12, q.end)];
  if (rdata) {
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    rr.writeUInt16BE(q.qtype, 2);
    rr.writeUInt16BE(1, 4); // class IN
    rr.writeUInt32BE(60, 6); // TTL
    rr.writeUInt16BE(rdata.length, 10);
    parts.push(rr, rdata);
  }
  return Buffer.concat(parts);
}

let pending = 0;
const listening = () => {
  if (--pending === 0) fs.writeFileSync(readyFile, String(process.pid));
};
const fail = (what) => (err) => {
  process.stderr.write(`dns-logger: ${what}: ${err.message}\n`);
  process.exit(1);
};

for (const host of ['127.0.0.1', '::1']) {
  pending += 2;
  const udp = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    const out = answer(msg, 'udp');
    if (out) udp.send(out, rinfo.port, rinfo.address);
  });
  udp.on('error', fail(`udp ${host}:53`));
  udp.bind(53, host, listening);

  const tcp = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const len = buf.readUInt16BE(0);
        const out = answer(buf.subarray(2, 2 + len), 'tcp');
        buf = buf.subarray(2 + len);
        if (out) {
          const l = Buffer.alloc(2);
          l.writeUInt16BE(out.length);
          sock.write(Buffer.concat([l, out]));
        }
      }
    });
    sock.on('error', () => {});
  });
  tcp.on('error', fail(`tcp ${host}:53`));
  tcp.listen(53, host, listening);
}

if (sink) {
  const m = /^\[?([^\]]+)\]?:(\d+)$/.exec(sink);
  if (!m) fail('--sink')(new Error(`expected [address]:port, got ${sink}`));
  pending += 1;
  const s = dgram.createSocket(m[1].includes(':') ? 'udp6' : 'udp4');
  s.on('message', (msg, rinfo) => write({ kind: 'datagram', to: sink, from: `${rinfo.address}:${rinfo.port}`, bytes: msg.length }));
  s.on('error', fail(`sink ${sink}`));
  s.bind(Number(m[2]), m[1], listening);
}

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
