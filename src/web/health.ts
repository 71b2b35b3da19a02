/**
 * @module web/health
 * `GET /healthz`: is munshi alive and can it keep the books? "ok" means the ledger answers; WhatsApp
 * being offline, Ollama down or whisper missing are reported but do not make munshi unhealthy
 * (it still records from the queue and answers with the rules), so a container or systemd health
 * check does not restart a box whose phone is merely off. Each probe has a deadline.
 */

export interface HealthProbes {
  /** The chat transport's connection as the status file has it. */
  transport(): { kind: string; state: string; since: string; lastEventAt: string | null; lastError: { at: string; message: string } | null; authenticatedAt: string | null };
  /** Reads from the ledger; throws when it cannot. */
  ledger(): Promise<number>;
  /** null when the local AI is switched off. */
  ollama: (() => Promise<boolean>) | null;
  /** null when voice is off. */
  whisper: (() => Promise<{ ok: true } | { ok: false; reason: string }>) | null;
  /** When the last message reached munshi (any chat), ISO. */
  lastMessageAt(): string | null;
  startedAt: string;
  version: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  startedAt: string;
  whatsapp: ReturnType<HealthProbes['transport']>;
  ledger: { ok: boolean; expenses?: number; error?: string };
  ollama: { enabled: boolean; ok?: boolean; error?: string };
  whisper: { enabled: boolean; ok?: boolean; reason?: string };
  lastMessageAt: string | null;
}

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function healthReport(p: HealthProbes, timeoutMs = 2000): Promise<HealthReport> {
  const [ledger, ollama, whisper] = await Promise.all([
    within(timeoutMs, p.ledger()).then((n) => ({ ok: true, expenses: n }), (e: unknown) => ({ ok: false, error: message(e) })),
    p.ollama
      ? within(timeoutMs, p.ollama()).then((ok) => ({ enabled: true, ok }), (e: unknown) => ({ enabled: true, ok: false, error: message(e) }))
      : Promise.resolve({ enabled: false }),
    p.whisper
      ? within(timeoutMs, p.whisper()).then(
          (r) => (r.ok ? { enabled: true, ok: true } : { enabled: true, ok: false, reason: r.reason }),
          (e: unknown) => ({ enabled: true, ok: false, reason: message(e) }),
        )
      : Promise.resolve({ enabled: false }),
  ]);
  const whatsapp = p.transport();
  // Ollama was asked for (MUNSHI_LLM) and does not answer: degraded. A whisper model nobody
  // downloaded is reported, not counted: voice is an add-on most boxes never enable.
  const optionalDown = ollama.enabled && !('ok' in ollama && ollama.ok);
  const status = !ledger.ok ? 'down' : whatsapp.state !== 'connected' || optionalDown ? 'degraded' : 'ok';
  return { status, version: p.version, startedAt: p.startedAt, whatsapp, ledger, ollama, whisper, lastMessageAt: p.lastMessageAt() };
}
