/**
 * The Slack adapter: a Bolt app over the core. Socket Mode when SLACK_APP_TOKEN is set (no
 * public URL needed), otherwise HTTP on SLACK_PORT at /slack/events with signatures checked
 * against SLACK_SIGNING_SECRET. SLACK_API_URL replaces the Web API base (GovSlack, tests).
 */
import { inspect } from 'node:util';
import { App as BoltApp, HTTPReceiver, LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { App } from '../../main.js';
import { StartupError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { RunningAdapter } from '../types.js';
import { ShownAnswers } from '../../core/feedback/shown-answers.js';
import type { SlackContext } from './context.js';
import { registerHomeTab } from './home-tab.js';
import { registerInteractions } from './interactions.js';
import { createLocaleCache } from './locale.js';
import { registerMessages } from './messages.js';
import { SeenIds } from '../shared/seen-ids.js';
import { createReplayGuard, type ReplayGuard } from './replay-guard.js';
import { registerSlashCommand } from './slash.js';

/** Options tests (and unusual deployments) may set; production uses the defaults. */
export interface SlackAdapterOptions {
  /** Interface for HTTP mode. Default: all interfaces (Bolt's default). Tests use 127.0.0.1. */
  host?: string;
  /** Web API retry policy (p-retry options); see DEFAULT_RETRY. */
  retryConfig?: webApi.RetryOptions;
  /** How long a slash command's answer may take and still ride in the ack; see ACK_BUDGET_MS. */
  ackBudgetMs?: number;
}

/** The HTTP endpoint Slack posts events, commands and interactions to (Bolt's default). */
const EVENTS_PATH = '/slack/events';

/** Bolt's HTTP receiver, with the replay guard's hooks in it (replay-guard.ts; its middleware goes on the app). */
function guardedReceiver(signingSecret: string, port: number, logger: BoltLogger, guard: ReplayGuard): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret, port, logger, endpoints: [EVENTS_PATH], customPropertiesExtractor: guard.remember });
  receiver.requestListener = guard.wrap(receiver.requestListener);
  return receiver;
}

/**
 * Web API retries. On a 429 the WebClient waits the `Retry-After` seconds Slack asks for and
 * then tries again; other failures (network, 5xx) back off from 1 s. Five attempts over
 * roughly a minute: a chat answer later than that is worth less than an error in the log
 * (the default policy keeps trying for about 30 minutes).
 */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 20_000, randomize: true };

const LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Bolt's logger interface over the structured (pino) log. */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ adapter: 'slack' });
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : inspect(m, { depth: 3, breakLength: Infinity }))).join(' ');
  let level = LEVELS[log.level] ?? LogLevel.ERROR;
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Builds the Bolt app with every listener registered (not started). */
export function createSlackApp(app: App, options: SlackAdapterOptions = {}): { bolt: BoltApp; mode: 'socket' | 'http' } {
  const c = app.services.config;
  if (!c.SLACK_BOT_TOKEN) throw new StartupError('SLACK_BOT_TOKEN: required for Slack (a bot token starting with xoxb-)');
  const socketMode = c.SLACK_APP_TOKEN !== undefined;
  if (!socketMode && !c.SLACK_SIGNING_SECRET) {
    throw new StartupError('SLACK_SIGNING_SECRET: required for Slack in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const logger = boltLogger(app.services.log);
  const clientOptions: webApi.WebClientOptions = {
    ...(c.SLACK_API_URL ? { slackApiUrl: c.SLACK_API_URL.endsWith('/') ? c.SLACK_API_URL : `${c.SLACK_API_URL}/` } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    // Wait out 429s (Retry-After) instead of failing the call.
    rejectRateLimitedCalls: false,
    // One attempt that hangs must not hold an answer forever; the retry policy tries again.
    timeout: 10_000,
  };
  const log = app.services.log.child({ adapter: 'slack' });
  const guard = createReplayGuard({ endpoints: [EVENTS_PATH], log });
  const boltApp = new BoltApp({
    token: c.SLACK_BOT_TOKEN,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    ignoreSelf: true,
    // Bolt's conversation store is unused here, and its default builds an Error (with a stack
    // trace) for every request that finds nothing stored: a measurable share of each command.
    convoStore: false,
    ...(socketMode ? { socketMode: true, appToken: c.SLACK_APP_TOKEN } : { receiver: guardedReceiver(c.SLACK_SIGNING_SECRET!, c.SLACK_PORT, logger, guard) }),
  });
  // Socket Mode has no signatures to replay: its envelopes come over the app's own authenticated connection.
  if (!socketMode) boltApp.use(guard.middleware);
  const ctx: SlackContext = { app, log, recent: new SeenIds(), answers: new ShownAnswers(), locales: createLocaleCache(boltApp.client, log) };
  registerSlashCommand(boltApp, ctx, options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {});
  registerMessages(boltApp, ctx);
  registerInteractions(boltApp, ctx);
  registerHomeTab(boltApp, ctx);
  boltApp.error(async (err) => {
    log.error({ err }, 'slack: unhandled error in a listener');
  });
  return { bolt: boltApp, mode: socketMode ? 'socket' : 'http' };
}

/** Starts the Slack adapter (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise) and logs which. */
export async function startSlack(app: App, options: SlackAdapterOptions = {}): Promise<RunningAdapter> {
  const { bolt: boltApp, mode } = createSlackApp(app, options);
  const c = app.services.config;
  if (mode === 'socket') await boltApp.start();
  else await boltApp.start(options.host ? { port: c.SLACK_PORT, host: options.host } : c.SLACK_PORT);
  app.services.log.info(mode === 'socket' ? { adapter: 'slack', mode } : { adapter: 'slack', mode, port: c.SLACK_PORT, path: EVENTS_PATH }, `slack: started in ${mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}`);
  return {
    name: 'slack',
    detail: mode === 'socket' ? 'Socket Mode' : `HTTP on port ${c.SLACK_PORT} at ${EVENTS_PATH}`,
    stop: async () => {
      await boltApp.stop();
    },
  };
}
