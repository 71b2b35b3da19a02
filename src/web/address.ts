/**
 * @module web/address
 * The address people open the page at, for the links munshi sends: MUNSHI_WEB_URL when set,
 * otherwise this machine's first private IPv4 address on the home network and the port.
 */
import os from 'node:os';

export function lanAddress(): string | null {
  const all = Object.values(os.networkInterfaces()).flat().filter((i): i is os.NetworkInterfaceInfo => Boolean(i));
  const v4 = all.filter((i) => i.family === 'IPv4' && !i.internal);
  const priv = v4.find((i) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(i.address));
  return (priv ?? v4[0])?.address ?? null;
}

export function webBaseUrl(web: { host: string; port: number; baseUrl: string | undefined }, boundPort?: number): string {
  if (web.baseUrl) return web.baseUrl;
  const port = boundPort ?? web.port;
  const host = web.host === '0.0.0.0' || web.host === '::' ? (lanAddress() ?? 'localhost') : web.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
