/**
 * @module logging/logger
 * munshi's own small logging interface, so no module but this one imports pino. The daemon logs
 * JSON lines to stderr (stdout belongs to command output and the console chat), pretty-printed
 * when stderr is a terminal. Tests use `memoryLogger` to assert on what was logged.
 */
import { createRequire } from 'node:module';
import pino from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LogFn {
  (msg: string): void;
  (obj: Record<string, unknown>, msg?: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger that adds these fields to every line (e.g. { component: 'whatsapp' }). */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Pretty output; defaults to whether stderr is a TTY. */
  pretty?: boolean;
  /** Where lines go; defaults to stderr (fd 2). */
  destination?: NodeJS.WritableStream;
}

/** The daemon's logger: JSON to stderr, pretty in a terminal. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const pretty = opts.pretty ?? Boolean(process.stderr.isTTY);
  // pino-pretty only for a terminal: a service manager's log never loads it.
  const stream = pretty
    ? (createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty'))({ destination: opts.destination ?? 2, colorize: Boolean(process.stderr.isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true })
    : (opts.destination ?? pino.destination({ dest: 2, sync: true }));
  return pino({ level: opts.level ?? 'info', base: { pid: process.pid }, serializers: { err: pino.stdSerializers.err } }, stream) as unknown as Logger;
}

/** A logger that drops everything (tests, library-style callers). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  [k: string]: unknown;
}

/** A logger that keeps records in memory, for tests that check what was said. */
export function memoryLogger(records: LogRecord[] = [], bindings: Record<string, unknown> = {}): Logger & { records: LogRecord[] } {
  const make = (level: LogRecord['level']): LogFn =>
    ((a: string | Record<string, unknown>, b?: string) => {
      if (typeof a === 'string') records.push({ ...bindings, level, msg: a });
      else records.push({ ...bindings, ...a, level, msg: b ?? '' });
    }) as LogFn;
  return {
    records,
    debug: make('debug'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    child: (more) => memoryLogger(records, { ...bindings, ...more }),
  };
}

/** Error details safe to log and to show in `cli status`. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}
