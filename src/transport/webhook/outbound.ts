/**
 * @module transport/webhook/outbound
 * Calls to a provider's HTTPS API (Meta's Graph API, Twilio's REST API) with a timeout and one
 * error shape. Uses Node's built-in fetch; the base URLs come from config, so tests point them at
 * a fake provider on 127.0.0.1 and production contacts only the provider.
 */
import { MunshiError } from '../../core/errors.js';

export class ProviderError extends MunshiError {
  constructor(
    readonly provider: string,
    readonly status: number,
    /** The provider's own error code (Graph `error.code`, Twilio `code`), when it sent one. */
    readonly providerCode: number | null,
    message: string,
  ) {
    super(status === 0 ? 'timeout' : 'unavailable', `${provider}: ${message}`);
    this.name = 'ProviderError';
  }
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** One HTTP call; network failures and timeouts become ProviderError (status 0). */
export async function call(provider: string, url: string, init: RequestInit & { timeoutMs: number }): Promise<CallResult> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs) });
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${init.timeoutMs / 1000} s` : `cannot reach ${new URL(url).host} (${err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)})`;
    throw new ProviderError(provider, 0, null, why);
  }
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

/** Parses a JSON answer; anything else is a ProviderError naming the status. */
export function json<T>(provider: string, r: CallResult): T {
  try {
    return JSON.parse(r.body.toString('utf8')) as T;
  } catch {
    throw new ProviderError(provider, r.status, null, `HTTP ${r.status} with a body that is not JSON`);
  }
}
