/**
 * Starts the real Slack adapter (real Bolt, real core from createApp) against the fake Slack.
 * `/report`, `/progress`, `/outcomes` and `/boom` are answered by a small stand-in so these
 * tests check the adapter's translation, not the outcome rules (tested elsewhere); every
 * other text goes to the real bot. Every message the core receives is recorded.
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type App } from '../../../src/main.js';
import type { Bot, Inbound } from '../../../src/core/bot.js';
import { errorReply, reply, type Reply } from '../../../src/core/reply.js';
import { parseArgs, splitCommand } from '../../../src/core/commands/parse.js';
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
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** The stand-in for outcome commands: validates a Business ID like the core does, echoes the title. */
function fakeReport(lang: Reply['lang'], rest: string): Reply {
  const args = parseArgs(rest);
  const [goal, title] = args.positional;
  if (!goal || !title) return errorReply(lang, 'Give a goal and a title.', { data: { field: goal ? 'title' : 'goal' } });
  const bid = args.named['business-id'];
  if (bid !== undefined && !/^\d{7}-\d$/.test(bid)) return errorReply(lang, `business-id: "${bid}" is not a Business ID (1234567-8).`, { data: { field: 'business-id' } });
  return reply(lang, `Reported #1 "${title}" for ${goal}.`, {
    title: 'Outcome reported',
    progress: [{ goalId: goal, label: 'New companies', count: 5, target: 15, comparator: 'exactly', needed: 15, met: false }],
    data: { outcome: { id: 1, goal, title, ...args.named } },
  });
}

function stubBot(real: Bot, inbound: Inbound[]): Bot {
  return {
    services: real.services,
    async handle(msg) {
      inbound.push(msg);
      const lang = msg.locale ?? 'en';
      if (!msg.text.startsWith('/')) return real.handle(msg);
      const { name, rest } = splitCommand(msg.text);
      switch (name) {
        case 'report':
          return fakeReport(lang, rest);
        case 'progress':
          return reply(lang, '', {
            title: 'Progress',
            progress: [
              { goalId: 'companies', label: 'New companies', count: 4, target: 15, comparator: 'exactly', needed: 15, met: false },
              { goalId: 'olympic-data-strategy', label: 'Olympic data strategy', count: 1, target: null, comparator: null, needed: null, met: false },
            ],
          });
        case 'outcomes':
          return reply(lang, 'Latest outcomes', { sections: [{ lines: ['#1 2025-03-01 New companies: Acme <!channel> Oy (KAMK)'] }] });
        case 'long':
          return reply(lang, 'Long', { sections: Array.from({ length: 80 }, (_, i) => ({ heading: `Part ${i}`, lines: ['x'.repeat(100)] })) });
        case 'boom':
          throw new Error('kaboom');
        default:
          return real.handle(msg);
      }
    },
  };
}

/** Starts fake Slack + adapter. Socket Mode when `socket` is true. */
export async function startHarness(opts: { socket?: boolean } = {}): Promise<Harness> {
  const fake = await FakeSlack.start();
  const port = await freePort();
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const env: NodeJS.ProcessEnv = {
    BOT_DB_PATH: path.join(tempDir('kajaani-slack-'), 'bot.db'),
    BOT_TIMEZONE: 'Europe/Helsinki',
    BOT_DEFAULT_LANGUAGE: 'en',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: fake.apiUrl,
    ...(opts.socket ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
  };
  const real = createApp(env, { log, now: () => NOW });
  const inbound: Inbound[] = [];
  const app: App = { ...real, bot: stubBot(real.bot, inbound) };
  let running: RunningAdapter;
  try {
    // Fast retries: the 429 test waits only for Retry-After, not for the production back-off.
    running = await startSlack(app, { host: '127.0.0.1', retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 50 } });
  } catch (err) {
    await fake.stop();
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
      await fake.stop();
      real.close();
    },
  };
}
