/**
 * Starts the real app (createApp) with the real Discord adapter against a fresh fake
 * Discord, and tears everything down again so no handle outlives a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp, type App } from '../../../src/main.js';
import { startDiscord, type DiscordOptions } from '../../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../../src/adapters/types.js';
import type { Inbound } from '../../../src/core/bot.js';
import type { Reply } from '../../../src/core/reply.js';
import { FakeDiscord, type FakeOptions } from '../../fakes/discord/fake-discord.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  app: App;
  adapter: RunningAdapter;
  /** Every inbound the core received, in order. */
  inbound: Inbound[];
  /** Structured log lines written by the app. */
  logs: LogLine[];
  close(): Promise<void>;
}

export interface HarnessOptions extends DiscordOptions {
  /** Extra environment; a function sees the fake first (for its guild and role ids). */
  env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>);
  fake?: FakeOptions;
  /** Wraps the core's `handle` (to slow it down or make it fail). */
  wrap?: (handle: (msg: Inbound) => Promise<Reply>) => (msg: Inbound) => Promise<Reply>;
}

/** A log destination that keeps lines in memory. */
export function memoryLog(lines: LogLine[]) {
  return pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
}

/** The app's environment for a fake: a temp database and the DISCORD_* variables. */
export function envFor(fake: FakeDiscord, dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    BOT_DB_PATH: path.join(dir, 'bot.db'),
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    // These suites send many messages as one user; the per-user limit has its own tests.
    BOT_RATE_LIMIT: 'off',
    ...extra,
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kajaani-discord-'));
  const fake = await FakeDiscord.start(options.fake);
  const logs: LogLine[] = [];
  const inbound: Inbound[] = [];
  const extra = typeof options.env === 'function' ? options.env(fake) : options.env;
  const app = createApp(envFor(fake, dir, extra), { log: memoryLog(logs) });
  const original = app.bot.handle.bind(app.bot);
  const handle = options.wrap ? options.wrap(original) : original;
  app.bot.handle = (msg) => {
    inbound.push(msg);
    return handle(msg);
  };
  let adapter: RunningAdapter;
  try {
    // A generous defer threshold, so a loaded CI machine does not turn quick answers into deferred ones.
    adapter = await startDiscord(app, { deferAfterMs: options.deferAfterMs ?? 2500, readyTimeoutMs: options.readyTimeoutMs ?? 5000 });
  } catch (err) {
    app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    fake,
    app,
    adapter,
    inbound,
    logs,
    async close() {
      await adapter.stop();
      await fake.close();
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Requests to a path matching `re` (rate-limited attempts excluded). */
export const to = (method: string, re: RegExp) => (r: { method: string; path: string; body: unknown }) =>
  r.method === method && re.test(r.path) && !(r.body as { rateLimited?: boolean } | null)?.rateLimited;
