/**
 * @module cli/services
 * How a CLI command gets munshi: the config read once (with --db pointing at another ledger file)
 * and the same buildServices the daemon uses. Logs go to stderr, quietly unless asked.
 */
import path from 'node:path';
import { buildServices, type ServiceOptions, type Services } from '../app/services.js';
import { loadConfigWith, type Config } from '../config/config.js';
import { createLogger } from '../logging/logger.js';
import { str, type ParsedArgs } from './args.js';

/**
 * The config for a command: the environment, plus overrides from flags (`--db FILE` is the ledger
 * file; `env` lets a flag such as --no-ai switch a setting the way its variable would).
 */
export function cliConfig(args: ParsedArgs, env: Record<string, string> = {}): Readonly<Config> {
  const config = loadConfigWith(env);
  const db = str(args, 'db');
  return db ? Object.freeze({ ...config, dbFile: db === ':memory:' ? db : path.resolve(db) }) : config;
}

/** The command's services; close them when done. */
export function cliServices(config: Readonly<Config>, o: ServiceOptions = {}): Promise<Services> {
  const logger = o.logger ?? createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  return buildServices(config, { ...o, logger });
}
