/**
 * Starts the real Slack adapter (real Bolt, real core from createApp, real SQLite file)
 * against the fake Slack. Every message the core receives is recorded; `wrap` can put
 * test behaviour in front of the core. U123 and U555 are admins, so they may report.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type App } from '../../../src/main.js';
import type { Bot, Inbound } from '../../../src/core/bot.js';
import type { Reply } from '../../../src/core/reply.js';
import { startSlack } from '../../../src/adapters/slack/index.js';
import type { RunningAdapter } from '../../../src/adapters/types.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { tempDir } from '../../helpers/temp.js';

export const SECRET = 'test-signing-secret';
/** A fixed clock: 2025-03-04 10:00 UTC (12:00 in Helsinki). */
export const NOW = new Date('2025-03-04T10:00:00Z');

export interface Harness {
  fake: FakeSlack;
  app: App;
  /** What the core received. */
  inbound: Inbound[];
  /** Structured log lines. */
  logs: Record<string, unknown>[];
  /** The app's HTTP endpoint (HTTP mode). */
  url: string;
  close(): Promise<void>;
  /** Stops the adapter and closes the app, leaving the fake running (the first half of a restart). */
  stopApp(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** The core with every inbound recorded, behind an optional test wrapper. */
function recordingBot(real: Bot, inbound: Inbound[], wrap?: Wrap): Bot {
  const handle = wrap ? wrap((msg) => real.handle(msg)) : (msg: Inbound) => real.handle(msg);
  return {
    services: real.services,
    handle(msg) {
      inbound.push(msg);
      return handle(msg);
    },
  };
}

/** Wraps the core's `handle` (to answer or fail in a test's own way). */
export type Wrap = (handle: (msg: Inbound) => Promise<Reply>) => (msg: Inbound) => Promise<Reply>;

/** Starts fake Slack + adapter. Socket Mode when `socket` is true. */
export async function startHarness(opts: { socket?: boolean; env?: Record<string, string>; wrap?: Wrap; restartOf?: Harness; ackBudgetMs?: number } = {}): Promise<Harness> {
  // A restart: the same fake Slack and database file, a new process's app on a new port.
  const fake = opts.restartOf?.fake ?? (await FakeSlack.start());
  const port = await freePort();
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const env: NodeJS.ProcessEnv = {
    BOT_DB_PATH: opts.restartOf ? String(opts.restartOf.app.services.config.BOT_DB_PATH) : path.join(tempDir('kajaani-slack-'), 'bot.db'),
    BOT_TIMEZONE: 'Europe/Helsinki',
    BOT_DEFAULT_LANGUAGE: 'en',
    BOT_ADMINS: 'slack:U123,slack:U555',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: fake.apiUrl,
    ...(opts.socket ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
    // These suites send many messages as one user; the per-user limit has its own tests.
    BOT_RATE_LIMIT: 'off',
    ...opts.env,
  };
  const real = createApp(env, { log, now: () => NOW });
  const inbound: Inbound[] = [];
  const app: App = { ...real, bot: recordingBot(real.bot, inbound, opts.wrap) };
  let running: RunningAdapter;
  try {
    // Fast retries: the 429 test waits only for Retry-After, not for the production back-off.
    running = await startSlack(app, { host: '127.0.0.1', retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 }, ...(opts.ackBudgetMs !== undefined ? { ackBudgetMs: opts.ackBudgetMs } : {}) });
  } catch (err) {
    if (!opts.restartOf) await fake.stop();
    real.close();
    throw err;
  }
  return {
    fake,
    app,
    inbound,
    logs,
    url: `http://127.0.0.1:${port}/slack/events`,
    async close() {
      await running.stop();
      if (!opts.restartOf) await fake.stop();
      real.close();
    },
    async stopApp() {
      await running.stop();
      real.close();
    },
  };
}
