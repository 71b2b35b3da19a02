/**
 * @module llm/ollama/fake-server
 * A real HTTP server on 127.0.0.1 that speaks enough of Ollama's API for tests and benchmarks, so
 * the real `ollama` client and our adapter are exercised end to end where no model can be pulled.
 * Chat replies are scripted; embeddings are deterministic (hashed words and character trigrams,
 * plus optional "concept" groups so a test can make "fizzy drinks" land near "limca").
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatReply =
  /** Raw assistant content (what a model would put in message.content). */
  | string
  /** An object sent as the JSON content (structured output). */
  | { json: unknown }
  /** An HTTP-level fault for this one call. */
  | { fault: FakeFault; delayMs?: number };

export type FakeFault = 'error500' | 'malformed' | 'slow' | 'notfound';

export interface RecordedRequest {
  path: string;
  body: any;
}

export interface FakeChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  format?: unknown;
  stream: boolean;
  options?: Record<string, unknown>;
}

export interface FakeOllamaOptions {
  /** Models /api/tags lists; requests for other models get Ollama's 404. */
  models?: string[];
  /** Embedding width (384 like all-minilm). */
  dims?: number;
  /** Semantic groups: texts containing any member (or the key) share a strong common direction. */
  concepts?: Record<string, string[]>;
  /** Computes a chat reply when the script queue is empty. */
  onChat?: (req: FakeChatRequest) => ChatReply;
  /** Delay for the 'slow' fault and for `latencyMs` on every call. */
  latencyMs?: number;
}

export interface FakeOllama {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Queues replies for the next chat calls, in order. */
  script(...replies: ChatReply[]): void;
  /** Makes every call to the paths fail (null clears). */
  setFault(fault: FakeFault | null, opts?: { delayMs?: number; paths?: string[] }): void;
  setOnChat(fn: ((req: FakeChatRequest) => ChatReply) | undefined): void;
  /** The vector /api/embed would return for a text. */
  embedding(text: string): number[];
  close(): Promise<void>;
}

function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function norm(text: string): string {
  return ` ${text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * Deterministic embedding: a hashed bag of words and character trigrams, so "latte" and "lattes"
 * are close and unrelated words are near-orthogonal, plus a shared direction per concept group.
 */
export function fakeEmbedding(text: string, dims = 384, concepts: Record<string, string[]> = {}): number[] {
  const v = new Float64Array(dims);
  const t = norm(text);
  const add = (feature: string, w: number) => {
    const h = fnv1a(feature);
    v[h % dims]! += (h & 0x80000000 ? -1 : 1) * w;
  };
  for (const word of t.trim().split(' ')) if (word) add(`w:${word}`, 1);
  for (let i = 0; i + 3 <= t.length; i++) add(`t:${t.slice(i, i + 3)}`, 0.5);
  let base = 0;
  for (const x of v) base += x * x;
  base = Math.sqrt(base) || 1;
  for (const [name, members] of Object.entries(concepts)) {
    const keys = [name, ...members].map((m) => norm(m));
    if (!keys.some((k) => t.includes(k))) continue;
    // A pseudo-random direction per group about 1.7x the lexical part's length, so two members of
    // a group score about 0.75 (like related words under a real model) and outsiders about 0.
    const scale = (1.7 * base) / Math.sqrt(dims / 3);
    for (let i = 0; i < dims; i++) {
      const h = fnv1a(`c:${name}:${i}`);
      v[i]! += ((h / 0xffffffff) * 2 - 1) * scale;
    }
  }
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return Array.from(v, (x) => x / n);
}

/** Starts the fake on a random loopback port. */
export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const models = opts.models ?? ['qwen2.5:1.5b', 'nomic-embed-text:latest'];
  const dims = opts.dims ?? 384;
  const concepts = opts.concepts ?? {};
  const queue: ChatReply[] = [];
  const requests: RecordedRequest[] = [];
  let fault: { fault: FakeFault; delayMs?: number; paths?: string[] } | null = null;
  let onChat = opts.onChat;
  const sockets = new Set<import('node:net').Socket>();

  const known = (m: string) => models.some((x) => x === m || x === `${m}:latest` || `${x}:latest` === m);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function readBody(req: http.IncomingMessage): Promise<any> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    return raw ? JSON.parse(raw) : {};
  }

  function json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  async function applyFault(f: FakeFault, res: http.ServerResponse, delayMs?: number): Promise<boolean> {
    if (f === 'slow') {
      await sleep(delayMs ?? opts.latencyMs ?? 5_000);
      return false;
    }
    if (f === 'error500') json(res, 500, { error: 'llama runner process has terminated: signal: killed' });
    else if (f === 'notfound') json(res, 404, { error: 'model not found, try pulling it first' });
    else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"model":"x","message":{"role":"assistant","content":"{\\"amo');
    }
    return true;
  }

  function chatChunks(model: string, content: string): object[] {
    const base = { model, created_at: new Date(0).toISOString() };
    const parts = content.match(/.{1,8}/gsu) ?? [];
    return [
      ...parts.map((p) => ({ ...base, message: { role: 'assistant', content: p }, done: false })),
      { ...base, message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', total_duration: 1, load_duration: 0, prompt_eval_count: 1, prompt_eval_duration: 1, eval_count: parts.length, eval_duration: 1 },
    ];
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      let body: any = {};
      try {
        body = req.method === 'POST' ? await readBody(req) : {};
      } catch {
        return json(res, 400, { error: 'invalid JSON body' });
      }
      requests.push({ path, body });
      if (opts.latencyMs) await sleep(opts.latencyMs);
      if (fault && (!fault.paths || fault.paths.includes(path))) {
        if (await applyFault(fault.fault, res, fault.delayMs)) return;
      }
      if (req.method === 'GET' && (path === '/api/tags')) {
        return json(res, 200, { models: models.map((name) => ({ name, model: name, modified_at: new Date(0).toISOString(), size: 1, digest: 'fake', details: {} })) });
      }
      if (req.method === 'GET' && path === '/') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('Ollama is running');
      }
      if (path === '/api/chat') {
        const model = String(body.model ?? '');
        if (!known(model)) return json(res, 404, { error: `model "${model}" not found, try pulling it first` });
        const creq: FakeChatRequest = { model, messages: body.messages ?? [], format: body.format, stream: body.stream !== false, options: body.options };
        const reply: ChatReply = queue.shift() ?? onChat?.(creq) ?? '';
        if (typeof reply === 'object' && 'fault' in reply) {
          if (await applyFault(reply.fault, res, reply.delayMs)) return;
        }
        const content = typeof reply === 'string' ? reply : 'json' in reply ? JSON.stringify(reply.json) : '';
        const chunks = chatChunks(model, content);
        if (!creq.stream) {
          const last = chunks[chunks.length - 1] as Record<string, unknown>;
          return json(res, 200, { ...last, message: { role: 'assistant', content } });
        }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (const c of chunks) res.write(JSON.stringify(c) + '\n');
        return res.end();
      }
      if (path === '/api/embed' || path === '/api/embeddings') {
        const model = String(body.model ?? '');
        if (!known(model)) return json(res, 404, { error: `model "${model}" not found, try pulling it first` });
        if (path === '/api/embeddings') return json(res, 200, { embedding: fakeEmbedding(String(body.prompt ?? ''), dims, concepts) });
        const input: string[] = Array.isArray(body.input) ? body.input : [String(body.input ?? '')];
        return json(res, 200, { model, embeddings: input.map((t) => fakeEmbedding(t, dims, concepts)), total_duration: 1, load_duration: 0, prompt_eval_count: input.length });
      }
      json(res, 404, { error: `unknown path ${path}` });
    })().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: String(e) });
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void queue.push(...replies),
    setFault: (f, o) => {
      fault = f ? { fault: f, ...o } : null;
    },
    setOnChat: (fn) => {
      onChat = fn;
    },
    embedding: (text) => fakeEmbedding(text, dims, concepts),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released), for "Ollama is down" tests. */
export async function closedPort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}
