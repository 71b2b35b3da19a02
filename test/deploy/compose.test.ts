/**
 * Docker cannot run here, so compose.yaml, the Dockerfile, the health check and the systemd unit
 * are checked for the shape a deployment relies on: pinned images, volumes, restart policies,
 * Chromium's shared memory, a health check that really tells fresh from stale.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml-lite.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const compose = parseYaml(read('compose.yaml')) as any;

function bytes(s: string | number): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(String(s).trim());
  if (!m) throw new Error(`not a size: ${s}`);
  return Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
}

describe('yaml-lite', () => {
  it('reads the YAML subset it claims and refuses the rest', () => {
    expect(parseYaml('a:\n  - x: 1\n    y: "two # not a comment"\n  - [ "p", "q" ]\nb: no # comment\n')).toEqual({ a: [{ x: 1, y: 'two # not a comment' }, ['p', 'q']], b: 'no' });
    expect(() => parseYaml('a: &anchor 1\n')).toThrow(/unsupported/);
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/duplicate/);
  });
});

describe('compose.yaml', () => {
  const s = compose.services;

  it('runs munshi from the Dockerfile with its data volume, enough shm and a health check', () => {
    expect(Object.keys(s).sort()).toEqual(['munshi', 'ollama', 'ollama-pull']);
    const m = s.munshi;
    expect(m.build).toBe('.');
    expect(m.restart).toBe('unless-stopped');
    expect(bytes(m.shm_size)).toBeGreaterThanOrEqual(512 * 1024 ** 2);
    expect(m.volumes).toContain('munshi-data:/data');
    expect(m.environment.MUNSHI_DATA_DIR).toBe('/data');
    expect(m.environment.OLLAMA_HOST).toBe('http://ollama:11434');
    expect(m.healthcheck.test).toEqual(['CMD', 'node', 'deploy/healthcheck.mjs']);
    // munshi must start without a model: it waits for Ollama to start, never for the pull.
    expect(m.depends_on).toEqual({ ollama: { condition: 'service_started' } });
  });

  it('pins Ollama, keeps its models in a volume, and pulls the configured models once', () => {
    expect(s.ollama.image).toMatch(/^ollama\/ollama:\d+\.\d+\.\d+$/);
    expect(s['ollama-pull'].image).toBe(s.ollama.image);
    expect(s.ollama.restart).toBe('unless-stopped');
    expect(s.ollama.volumes).toContain('ollama-models:/root/.ollama');
    expect(s.ollama.healthcheck.test).toEqual(['CMD', 'ollama', 'list']);
    const pull = s['ollama-pull'];
    expect(pull.restart).toBe('no');
    expect(pull.depends_on.ollama.condition).toBe('service_healthy');
    expect(pull.environment.OLLAMA_HOST).toBe('http://ollama:11434');
    expect(pull.command.join(' ')).toMatch(/ollama pull "\$\$MUNSHI_LLM_MODEL" && ollama pull "\$\$MUNSHI_EMBED_MODEL"/);
    expect(pull.environment.MUNSHI_LLM_MODEL).toBe(s.munshi.environment.MUNSHI_LLM_MODEL);
  });

  it('declares every named volume it mounts', () => {
    const used = Object.values(s).flatMap((svc: any) => (svc.volumes ?? []).map((v: string) => v.split(':')[0]));
    for (const v of used) expect(Object.keys(compose.volumes)).toContain(v);
  });
});

describe('Dockerfile', () => {
  const df = read('Dockerfile');
  it('builds on a current Node LTS with Chromium, ffmpeg and a health check', () => {
    expect(df).toMatch(/^FROM node:(22|24)-bookworm-slim$/m);
    expect(df).toMatch(/apt-get install[^\n]*\n[^\n]*chromium ffmpeg/);
    expect(df).toContain('PUPPETEER_SKIP_DOWNLOAD=true');
    expect(df).toMatch(/HEALTHCHECK[\s\S]*deploy\/healthcheck\.mjs/);
    for (const f of ['package-lock.json', '.puppeteerrc.cjs', 'deploy/healthcheck.mjs', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/cli.mjs']) expect(fs.existsSync(path.join(root, f))).toBe(true);
  });
  it('compiles in a build stage and runs plain node on dist/ with production dependencies only', () => {
    expect(df).toMatch(/^FROM node:(22|24)-bookworm-slim AS build$/m);
    expect(df).toMatch(/RUN node scripts\/build\.mjs && npm prune --omit=dev/);
    expect(df).toContain('COPY --from=build /app/dist ./dist');
    expect(df).toMatch(/^CMD \["node", "--optimize-for-size", "dist\/main\.js"\]$/m);
    const instructions = df.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    expect(instructions).not.toMatch(/tsx|npm start/);
  });
  it('keeps personal data out of the build context', () => {
    const ignore = read('.dockerignore').split('\n');
    for (const p of ['data', '.env', 'node_modules']) expect(ignore).toContain(p);
  });
});

describe('deploy/healthcheck.mjs', () => {
  const check = (dir: string, env: Record<string, string> = { MUNSHI_WEB: 'off' }) =>
    spawnSync(process.execPath, [path.join(root, 'deploy/healthcheck.mjs')], { env: { ...process.env, MUNSHI_DATA_DIR: dir, ...env }, encoding: 'utf8' });
  it('with the web page off: healthy on a fresh status file and unhealthy on a stale or missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-health-'));
    expect(check(dir).status).toBe(1);
    const write = (updatedAt: string) => fs.writeFileSync(path.join(dir, 'status.json'), JSON.stringify({ state: 'connected', updatedAt }));
    write(new Date().toISOString());
    expect(check(dir).status).toBe(0);
    write(new Date(Date.now() - 3_600_000).toISOString());
    const stale = check(dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('unhealthy');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("asks the daemon's /healthz: 200 is healthy, 503 or silence is not", async () => {
    const { createServer } = await import('node:http');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'munshi-health-'));
    let answer: 'ok' | 'down' | 'hang' = 'ok';
    const server = createServer((req, res) => {
      expect(req.url).toBe('/healthz');
      if (answer === 'hang') return;
      res.writeHead(answer === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: answer === 'ok' ? 'degraded' : 'down', whatsapp: { state: 'disconnected' }, ledger: answer === 'ok' ? { ok: true } : { ok: false, error: 'database is locked' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = String((server.address() as { port: number }).port);
    // spawnSync would block the server in this process: run the check asynchronously.
    const run = (): Promise<{ status: number | null; out: string }> =>
      new Promise((resolve) => {
        import('node:child_process').then(({ execFile }) =>
          execFile(process.execPath, [path.join(root, 'deploy/healthcheck.mjs')], { env: { ...process.env, MUNSHI_DATA_DIR: dir, MUNSHI_WEB_PORT: port, MUNSHI_HEALTH_TIMEOUT_MS: '500' } }, (err, stdout, stderr) =>
            resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
          ),
        );
      });
    try {
      expect(await run()).toMatchObject({ status: 0, out: expect.stringContaining('ok: degraded') });
      answer = 'down';
      expect(await run()).toMatchObject({ status: 1, out: expect.stringContaining('database is locked') });
      answer = 'hang';
      expect(await run()).toMatchObject({ status: 1, out: expect.stringContaining('did not answer') });
    } finally {
      server.closeAllConnections();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy/munshi.service', () => {
  const unit = read('deploy/munshi.service');
  it('is a complete systemd unit that runs the daemon and restarts it', () => {
    for (const section of ['[Unit]', '[Service]', '[Install]']) expect(unit).toContain(section);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node --optimize-for-size dist\/main\.js$/m);
    expect(unit).toMatch(/^ExecStartPre=\/usr\/bin\/node scripts\/build\.mjs --if-stale$/m);
    expect(unit.split('\n').filter((l) => !l.startsWith('#')).join('\n')).not.toMatch(/tsx|npm/);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m);
    // Ollama is optional: never Requires=.
    expect(unit).not.toMatch(/^Requires=ollama/m);
  });
});
