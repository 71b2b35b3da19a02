/**
 * @module web/http/server
 * The one HTTP server of the daemon (@hono/node-server). It hosts the web page and any other
 * handler mounted under a path prefix: the official WhatsApp transports' webhooks mount here as
 * plain web-standard `fetch` handlers with their own signature checks, outside the page's session
 * gate. A port already taken is reported and munshi keeps running without the page.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { WebDeps, WebLogger } from '../deps.js';
import { createWebApp } from './app.js';

/** A handler mounted beside the page, e.g. `{ prefix: '/webhooks/meta', fetch }`. */
export interface Mount {
  prefix: string;
  fetch(req: Request): Response | Promise<Response>;
}

export interface WebServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** The page plus the mounted handlers, as one fetch handler (tests call it without a socket). */
export function webHandler(deps: WebDeps, mounts: Mount[] = []): Hono<any> {
  const root = new Hono();
  for (const m of mounts) root.mount(m.prefix, m.fetch);
  root.route('/', createWebApp(deps));
  return root;
}

export async function startWebServer(o: { host: string; port: number; deps: WebDeps; mounts?: Mount[]; logger: WebLogger }): Promise<WebServer | null> {
  const app = webHandler(o.deps, o.mounts);
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: o.host, port: o.port }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (err) {
    o.logger.error({ err, host: o.host, port: o.port }, 'the web page could not start (is the port taken? set MUNSHI_WEB_PORT); munshi runs on without it');
    return null;
  }
  server.on('error', (err) => o.logger.error({ err }, 'web server error'));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        const s = server as ServerType & { closeAllConnections?: () => void };
        s.close(() => resolve());
        s.closeAllConnections?.();
      }),
  };
}
