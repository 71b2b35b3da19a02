import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isMunshiError } from '../../core/errors.js';
import { downloadModel, hashFile, listInstalled, verifyDigest } from './download.js';
import { MODELS, type ModelInfo } from './models.js';

/** A small stand-in for a ggml model, served by a real HTTP server on 127.0.0.1. */
const body = randomBytes(3 * 1024 * 1024 + 17);
const model: ModelInfo = {
  ...MODELS.tiny,
  file: 'ggml-test.bin',
  bytes: body.length,
  sha1: createHash('sha1').update(body).digest('hex'),
  sha256: createHash('sha256').update(body).digest('hex'),
};

let server: http.Server;
let baseUrl: string;
let requests: string[] = [];
let serve: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    serve(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ggerganov/whisper.cpp/resolve/main`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'munshi-models-'));
  requests = [];
  // Sends the file in chunks, like a CDN, so progress is reported more than once.
  serve = (_req, res) => {
    res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream' });
    let off = 0;
    const next = (): void => {
      if (off >= body.length) return void res.end();
      const chunk = body.subarray(off, off + 256 * 1024);
      off += chunk.length;
      if (res.write(chunk)) setImmediate(next);
      else res.once('drain', next);
    };
    next();
  };
});

describe('downloadModel', () => {
  it('streams to a .part file with progress, verifies size and both hashes, then renames into place', async () => {
    const progress: Array<[number, number]> = [];
    let partSeen = false;
    const r = await downloadModel(model, {
      modelsDir: dir,
      baseUrl,
      onProgress: (got, total) => {
        progress.push([got, total]);
        partSeen ||= existsSync(path.join(dir, 'ggml-test.bin.part'));
      },
    });
    expect(r).toEqual({ path: path.join(dir, 'ggml-test.bin'), bytes: body.length, downloaded: true });
    expect(requests).toEqual(['/ggerganov/whisper.cpp/resolve/main/ggml-test.bin']);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([body.length, body.length]);
    expect(progress.every(([, total]) => total === body.length)).toBe(true);
    expect(partSeen).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['ggml-test.bin']);
    expect(verifyDigest(model, await hashFile(r.path))).toBeNull();
  });

  it('does not download again when a verified copy is there', async () => {
    await downloadModel(model, { modelsDir: dir, baseUrl });
    const again = await downloadModel(model, { modelsDir: dir, baseUrl });
    expect(again.downloaded).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('refuses a corrupted download and installs nothing', async () => {
    const bad = Buffer.from(body);
    bad[1000] = bad[1000]! ^ 0xff;
    serve = (_req, res) => {
      res.writeHead(200, { 'content-length': String(bad.length) });
      res.end(bad);
    };
    await expect(downloadModel(model, { modelsDir: dir, baseUrl })).rejects.toSatisfy(
      (e: unknown) => isMunshiError(e, 'bad_input') && /failed verification: SHA-1 is [0-9a-f]{40}, expected/.test((e as Error).message),
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('refuses a truncated download (connection closed early)', async () => {
    serve = (_req, res) => {
      res.writeHead(200);
      res.end(body.subarray(0, 1000));
    };
    await expect(downloadModel(model, { modelsDir: dir, baseUrl })).rejects.toThrow(/size is 1000 bytes, expected/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('stops a server that sends more than the model size', async () => {
    serve = (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.concat([body, Buffer.alloc(1024 * 1024)]));
    };
    await expect(downloadModel(model, { modelsDir: dir, baseUrl })).rejects.toThrow(/more than/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reports an HTTP error', async () => {
    serve = (_req, res) => {
      res.writeHead(404);
      res.end('not found');
    };
    await expect(downloadModel(model, { modelsDir: dir, baseUrl })).rejects.toThrow(/HTTP 404/);
  });

  it('explains an unreachable host (what happens on this offline machine)', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(downloadModel(model, { modelsDir: dir, baseUrl: `http://127.0.0.1:${port}` })).rejects.toSatisfy(
      (e: unknown) => isMunshiError(e, 'unavailable') && /could not download ggml-test\.bin .*ECONNREFUSED.*offline\? You can copy ggml-test\.bin/.test((e as Error).message),
    );
  });
});

describe('listInstalled', () => {
  it('lists known model files and flags a wrong size', async () => {
    await fs.writeFile(path.join(dir, 'ggml-base.bin'), 'partial');
    const found = await listInstalled(dir, Object.values(MODELS));
    expect(found.map((m) => [m.model.name, m.sizeOk])).toEqual([['base', false]]);
  });
});
