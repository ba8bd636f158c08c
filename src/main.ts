/**
 * Composition root: load config → open store → load knowledge → build the bot. Start-up
 * problems an operator can fix (configuration, knowledge files, database) become one clear
 * message instead of a stack trace.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { KnowledgeError } from './core/knowledge/load.js';
import { onKnowledgeCacheProblem } from './core/knowledge/private-cache.js';
import { KnowledgeHolder, type Services } from './core/services.js';
import { createBot, type Bot } from './core/bot.js';
import { openStore, StoreError } from './store/store.js';
import { StartupError } from './errors.js';
import { FormPrefills } from './core/reporting-intent/prefills.js';
import { ShownAnswers } from './core/feedback/shown-answers.js';

export interface App {
  bot: Bot;
  services: Services;
  close(): void;
}

/** Builds the bot from the environment. Throws `StartupError` with a readable message. */
export function createApp(env: NodeJS.ProcessEnv = process.env, overrides: { now?: () => Date; log?: Logger } = {}): App {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new StartupError(err.message);
    throw err;
  }
  // Start-up steps are marked on the performance timeline (microseconds each) so that
  // bench/startup.ts can say which step costs what in the real process.
  performance.mark('kajaani:config');
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  onKnowledgeCacheProblem((problem) => log.warn(problem, 'knowledge cache'));
  performance.mark('kajaani:logger');
  let knowledge: KnowledgeHolder;
  try {
    knowledge = new KnowledgeHolder(config.BOT_KNOWLEDGE_DIR);
  } catch (err) {
    if (err instanceof KnowledgeError) throw new StartupError(err.message);
    throw err;
  }
  let store;
  try {
    store = openStore(path.resolve(config.BOT_DB_PATH), {
      onTightened: (files) => log.warn({ files: files.map((f) => ({ ...f, from: f.from.toString(8) })) }, 'database files were readable by others; made them owner-only (0600)'),
    });
  } catch (err) {
    if (err instanceof StoreError) throw new StartupError(err.message);
    throw err;
  }
  performance.mark('kajaani:store');
  const now = overrides.now ?? (() => new Date());
  const services: Services = { config, knowledge, store, now, log, shown: new ShownAnswers(() => now().getTime()), prefills: new FormPrefills(() => now().getTime()) };
  const bot = createBot(services);
  performance.mark('kajaani:app');
  return { bot, services, close: () => store.close() };
}
