/**
 * @module transport/webhook/http
 * The webhook receivers speak web-standard Request/Response (a `WebhookHandler` returns null for a
 * path that is not its own), so they mount as they are in any server that does (a web page's
 * router can pass `c.req.raw`). `serveWebhooks` is the small node:http server munshi runs them on
 * when nothing else serves them: its own port, body streamed to the handler, handler errors
 * answered 500 and logged, slow clients cut off.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { errorText, type Logger } from '../../logging/logger.js';

/** Answers a request, or returns null when the path is not this handler's. */
export type WebhookHandler = (req: Request) => Promise<Response | null>;

/** Tries each handler in turn; the first non-null answer wins, else 404. */
export function routeWebhooks(handlers: readonly WebhookHandler[]): (req: Request) => Promise<Response> {
  return async (req) => {
    for (const h of handlers) {
      const r = await h(req);
      if (r) return r;
    }
    return text(404, 'not found');
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/**
 * Reads a request body up to `maxBytes`; null when it is larger (the rest is not read). The
 * declared Content-Length is checked first so an oversized upload is refused before any byte.
 */
export async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => {});
    return null;
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export interface WebhookServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  handler: (req: Request) => Promise<Response>;
  logger: Logger;
}

export interface WebhookServer {
  readonly port: number;
  /** http://host:port, where the server listens (not the public URL a provider calls). */
  readonly localUrl: string;
  close(): Promise<void>;
}

/** Starts a node:http server for the handler; resolves once it listens. */
export async function serveWebhooks(o: WebhookServerOptions): Promise<WebhookServer> {
  const server = http.createServer((req, res) => void answer(req, res));
  // A slow or stalled client must not hold a socket for minutes (providers send small bodies fast).
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let r: Response;
    try {
      const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) for (const x of v) headers.append(k, x);
        else if (v !== undefined) headers.set(k, v);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // Node's fetch needs `duplex` for a streamed body.
        duplex: 'half',
      } as RequestInit);
      r = await o.handler(request);
    } catch (err) {
      o.logger.error({ err: errorText(err), path: req.url }, 'webhook handler failed');
      r = text(500, 'internal error');
    }
    const body = Buffer.from(await r.arrayBuffer());
    const headers: Record<string, string> = {};
    r.headers.forEach((v, k) => (headers[k] = v));
    // A body we refused to read is still on the socket: close it rather than parse it as a request.
    if (!req.complete) headers['connection'] = 'close';
    res.writeHead(r.status, headers);
    res.end(body);
    if (!req.complete) req.resume();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    localUrl: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
