/**
 * @module web/deps
 * Everything the web page is given by the composition root (main.ts): ports and small functions in
 * munshi's terms. The HTTP adapter (web/http/) is built from this and nothing else.
 */
import type { Categorizer } from '../ledger/io/records.js';
import type { BudgetRepository } from '../budgets/repo.js';
import type { DebtRepository } from '../debts/repo.js';
import type { Clock } from '../clock/clock.js';
import type { OwnerSettings } from '../core/types.js';
import type { ExpenseRepository } from '../ledger/expenses.js';
import type { PreferenceRepository } from '../ledger/preferences.js';
import type { MunshiMetrics } from '../metrics/instrument.js';
import type { RecurringRepository } from '../recurring/repo.js';
import type { Cadence } from '../scheduler/due.js';
import type { WebAuth } from './auth.js';
import type { HealthReport } from './health.js';
import type { ExpenseTable } from './port.js';
import type { PeriodSummary } from './summary.js';

/** What the WhatsApp transport last said about pairing, for the pairing page. */
export interface PairingView {
  state: string;
  since: string;
  lastError: { at: string; message: string } | null;
  authenticatedAt: string | null;
  /** The current QR payload (rotates every ~20 s while pairing), and when it arrived. */
  qr: string | null;
  qrAt: string | null;
  /** A phone-number pairing code, when MUNSHI_PAIRING_PHONE asked for one. */
  code: string | null;
  transport: string;
  pairingPhone: boolean;
}

export interface WebLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebDeps {
  auth: WebAuth;
  table: ExpenseTable;
  expenses: ExpenseRepository;
  preferences: PreferenceRepository;
  budgets: BudgetRepository;
  recurring: RecurringRepository;
  /** Who owes whom (the insights page shows the balances). */
  debts: DebtRepository;
  settings(owner: string): Promise<OwnerSettings>;
  categorize: Categorizer;
  health(): Promise<HealthReport>;
  /** The chat's summary (and, with chart, its PNG) for a period. */
  summary(owner: string, range: { from: string; to: string; label: string }, chart: boolean): Promise<PeriodSummary>;
  metrics: MunshiMetrics;
  pairing(): PairingView;
  clock: Clock;
  logger: WebLogger;
  access: { mode: 'self' | 'allowlist'; allowlist: readonly string[]; ledgerMode: 'per_person' | 'household'; householdOwner: string };
  /** The appliance-wide schedule, shown on the settings page (env-configured). */
  schedule: { weekly: Cadence | null; monthly: Cadence | null };
  /** Bearer token that lets a Prometheus scraper read /metrics without a browser session. */
  metricsToken: string | undefined;
  /** Set Secure on cookies (the page is served over https behind a proxy). */
  secureCookies: boolean;
  /** Where online backups are written before they are streamed out. */
  tmpDir: string;
}
