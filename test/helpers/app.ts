/** Builds a real App (createApp) on a temp database with the real knowledge/ folder. */
import path from 'node:path';
import { afterAll } from 'vitest';
import { createApp, type App } from '../../src/main.js';
import type { Reply } from '../../src/core/reply.js';
import type { Inbound } from '../../src/core/bot.js';
import { tempDbPath } from './temp.js';

/** The clock tests run on: 15 June 2025, noon in Helsinki. */
export const TEST_NOW = new Date('2025-06-15T09:00:00.000Z');

export interface TestBot {
  app: App;
  dbPath: string;
  env: NodeJS.ProcessEnv;
  /** Sends one message as `user` (platform taken from the id prefix). */
  say(user: string, text: string, extra?: Partial<Inbound>): Promise<Reply>;
  /** Closes and reopens the app on the same file (a restart). */
  restart(): void;
}

/** The environment for a test app; BOT_ADMINS defaults to `console:admin`, and the per-user rate limit is off. */
export function testEnv(dbPath: string, admins = 'console:admin'): NodeJS.ProcessEnv {
  return {
    BOT_DB_PATH: dbPath,
    BOT_ADMINS: admins,
    BOT_TIMEZONE: 'Europe/Helsinki',
    BOT_DEFAULT_LANGUAGE: 'en',
    LOG_LEVEL: 'silent',
    BOT_KNOWLEDGE_DIR: path.resolve(import.meta.dirname, '..', '..', 'knowledge'),
    // Tests send many messages as one user in a moment; the per-user limit has its own tests.
    BOT_RATE_LIMIT: 'off',
  };
}

/** A bot on a fresh temp database; closed after the test file. */
export function makeTestBot(opts: { admins?: string; now?: () => Date; dbPath?: string } = {}): TestBot {
  const dbPath = opts.dbPath ?? tempDbPath();
  const env = testEnv(dbPath, opts.admins);
  const now = opts.now ?? (() => TEST_NOW);
  const t: TestBot = {
    app: createApp(env, { now }),
    dbPath,
    env,
    say(user, text, extra = {}) {
      const platform = user.split(':')[0] as Inbound['platform'];
      return t.app.bot.handle({ platform, user, text, ...extra });
    },
    restart() {
      t.app.close();
      t.app = createApp(env, { now });
    },
  };
  afterAll(() => t.app.close());
  return t;
}
